// PATRON weight versions in the cache (migrations/cache/006): the latest is what CONSEIL scores with;
// all of them, newest first, are the learning log.
import type { LearningEntry, PatronWeightsView } from '../../../src-shared/contract/conseil';
import type { RidgeFit } from '../../../src-shared/quant';
import type { Cache } from '../../platform/cache/open';
import { INPUT_LABELS, PATRON_INPUTS, weightRecord, type PatronInput, type PatronWeights } from '../agents/patron';
import { insertVersion, versionRows, type VersionRow } from './queries';

export interface StoredWeights {
  version: number;
  fittedAt: string;
  weights: PatronWeights;
}

const toWeights = (r: VersionRow): StoredWeights => {
  const fit = JSON.parse(r.fit) as RidgeFit;
  return {
    version: r.version,
    fittedAt: r.fitted_at,
    weights: {
      version: r.model,
      fit,
      trainedThrough: r.trained_through,
      rows: r.rows,
      picks: r.picks,
      meanClv: fit.intercept,
      residualSd: fit.residualSd,
    },
  };
};

export function latestWeights(db: Cache): StoredWeights | null {
  const [r] = versionRows(db, 1);
  return r ? toWeights(r) : null;
}

export function weightsView(s: StoredWeights | null): PatronWeightsView | null {
  if (!s) return null;
  const w = s.weights;
  return {
    version: s.version,
    model: w.version,
    fittedAt: s.fittedAt,
    trainedThrough: w.trainedThrough,
    rows: w.rows,
    picks: w.picks,
    meanClv: w.meanClv,
    residualSd: w.residualSd,
    weights: weightRecord(w),
  };
}

export interface NewVersion {
  weights: PatronWeights;
  fittedAt: string;
  feedback: number;
  changes: LearningEntry['changes'];
  outOfSample: LearningEntry['outOfSample'];
  note: string;
}

export function saveVersion(db: Cache, v: NewVersion): number {
  return insertVersion(db, {
    model: v.weights.version,
    fitted_at: v.fittedAt,
    trained_through: v.weights.trainedThrough,
    rows: v.weights.rows,
    picks: v.weights.picks,
    feedback: v.feedback,
    fit: JSON.stringify(v.weights.fit),
    changes: JSON.stringify(v.changes.map(({ input, before, after }) => ({ input, before, after }))),
    out_of_sample: v.outOfSample ? JSON.stringify(v.outOfSample) : null,
    note: v.note,
  });
}

export function learningLog(db: Cache, limit: number): LearningEntry[] {
  return versionRows(db, limit).map((r) => ({
    version: r.version,
    fittedAt: r.fitted_at,
    trainedThrough: r.trained_through,
    rows: r.rows,
    picks: r.picks,
    feedback: r.feedback,
    changes: (JSON.parse(r.changes) as { input: PatronInput; before: number | null; after: number }[]).map((c) => ({
      ...c,
      label: INPUT_LABELS[c.input] ?? c.input,
    })),
    outOfSample: r.out_of_sample ? (JSON.parse(r.out_of_sample) as LearningEntry['outOfSample']) : null,
    note: r.note,
  }));
}

/** Inputs whose coefficient moved (by more than 1e-6 CLV per sd), old → new. */
export function weightChanges(before: PatronWeights | null, after: PatronWeights): LearningEntry['changes'] {
  const a = weightRecord(after);
  const b = before ? weightRecord(before) : null;
  return PATRON_INPUTS.filter((k) => !b || Math.abs(a[k] - b[k]) > 1e-6).map((k) => ({
    input: k,
    label: INPUT_LABELS[k],
    before: b ? b[k] : null,
    after: a[k],
  }));
}
