// PATRON weight versions in the cache (migrations/cache/006): the latest is what CONSEIL scores with;
// all of them, newest first, are the learning log.
import type { LearningEntry, PatronWeightsView } from '../../../src-shared/contract/conseil';
import { PRICE_BANDS } from '../../../src-shared/domain/price-bands';
import type { RidgeFit } from '../../../src-shared/quant';
import type { Cache } from '../../platform/cache/open';
import { INPUT_LABELS, PATRON_INPUTS, weightRecord, type Calibration, type PatronInput, type PatronWeights } from '../agents/patron';
import { insertVersion, versionRows, type VersionRow } from './queries';

export interface StoredWeights {
  version: number;
  fittedAt: string;
  weights: PatronWeights;
}

/** The fit column holds the ridge and, beside it, the score's calibration (absent on versions stored
 * before the calibration: those score with 100·Φ(z), and say so). */
type StoredFit = RidgeFit & {
  spreads?: number[];
  spreadFallbacks?: number;
  calibration?: Calibration | null;
  calibrationNote?: string | null;
};

const toWeights = (r: VersionRow): StoredWeights => {
  const { spreads, spreadFallbacks, calibration, calibrationNote, ...fit } = JSON.parse(r.fit) as StoredFit;
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
      merged: fit.merged ?? [],
      // stored before the spreads per price band: the one residual spread for every band
      spreads: spreads ?? PRICE_BANDS.map(() => fit.residualSd),
      spreadFallbacks: spreadFallbacks ?? PRICE_BANDS.length,
      calibration: calibration ?? null,
      calibrationNote: calibration ? null : (calibrationNote ?? 'stored before PATRON calibrated its score: 100·Φ(z)'),
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
    merged: w.merged.map((m) => ({ input: m.name, into: m.into, r: m.r })),
    calibration: w.calibration && {
      knots: w.calibration.curve.x.map((z, k) => ({ z, p: w.calibration!.curve.p[k] })),
      from: w.calibration.from,
      to: w.calibration.to,
      rows: w.calibration.rows,
      fittedOn: w.calibration.fittedOn,
    },
    calibrationNote: w.calibrationNote,
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
    fit: JSON.stringify({
      ...v.weights.fit,
      spreads: v.weights.spreads,
      spreadFallbacks: v.weights.spreadFallbacks,
      calibration: v.weights.calibration,
      calibrationNote: v.weights.calibrationNote,
    }),
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
