// The learning loop: settled picks and their CLV feed agent_feedback (one row per pick and agent, with the
// agent's weight in PATRON before and after), PATRON's weights are refitted on every settled row before
// now, and the change is logged (patron_versions) with its out-of-sample effect: on the last 14 days of
// settled rows that neither compared fit saw (after the old weights' training rows), the mean CLV of what
// the old weights and the new ones (refitted without those days) would have picked.
import type { LearningEntry } from '../../../src-shared/contract/conseil';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Cache } from '../../platform/cache/open';
import { deskOf, requireDeskColumn } from '../../platform/desk';
import { writeOwnOutput } from '../../sync';
import { fitPatron, scorePatron, weightRecord, type PatronInput, type PatronWeights, type TrainingRow } from '../agents/patron';
import { CONSEIL_DEFAULTS } from '../decision';
import { unfedSettledPicks } from './queries';
import { historyRows, pickRows, TRAINING_DAYS } from './training';
import { latestWeights, learningLog, saveVersion, weightChanges } from './versions';

const HOLDOUT_DAYS = 14;

/** Which agent each PATRON input comes from (agent_feedback is per agent). */
const AGENT_INPUTS: Record<string, PatronInput[]> = {
  value: ['edge', 'marketEdge', 'model'],
  anomaly: ['outlier', 'steam'],
  ferrari: ['trap'],
  pattern: ['pattern'],
};

function agentWeight(w: PatronWeights | null, agent: string): number | null {
  if (!w) return null;
  const r = weightRecord(w);
  return AGENT_INPUTS[agent].reduce((s, k) => s + Math.abs(r[k]), 0);
}

/** Old and new weights judged on the same days, which neither was fitted on: the last 14 days of rows,
 * from after the old weights' last training row when they saw some of them; the new weights are refitted
 * on the rows before those days. With no such day, an entry of 0 candidates (not a comparison on seen data). */
export function outOfSample(rows: readonly TrainingRow[], before: PatronWeights | null): LearningEntry['outOfSample'] {
  if (rows.length === 0) return null;
  const last = rows.reduce((m, r) => (r.kickoff > m ? r.kickoff : m), rows[0].kickoff);
  const window = new Date(Date.parse(last) - HOLDOUT_DAYS * 86_400_000).toISOString();
  const seen = before?.trainedThrough ?? null;
  const cut = seen !== null && seen > window ? seen : window;
  const held = rows.filter((r) => r.kickoff >= cut && (seen === null || r.kickoff > seen));
  const refit = fitPatron(rows, cut);
  if (!refit) return null;
  const judge = (w: PatronWeights | null) => {
    if (!w) return { picked: 0, meanClv: null };
    const picked = held.filter((r) => {
      const s = scorePatron(w, r.inputs);
      return s.score >= CONSEIL_DEFAULTS.minScore && s.expectedClv > 0;
    });
    return { picked: picked.length, meanClv: picked.length ? picked.reduce((a, r) => a + r.clv, 0) / picked.length : null };
  };
  return { from: cut, to: last, candidates: held.length, before: judge(before), after: judge(refit) };
}

/** agent_feedback rows for the CONSEIL picks settled since the last run (ids fixed by desk, pick and agent).
 * Settled means a result: a pick with only its closing line (CLV) has not been settled yet, and is fed
 * back once its result is known. */
export function feedBack(db: Cache, before: PatronWeights | null, after: PatronWeights, now: Date): number {
  const settled = unfedSettledPicks(db);
  if (settled.length) requireDeskColumn(db, 'agent_feedback');
  // the desk in the key: feedback is this desk's learning, never another desk's row rewritten
  const deskId = deskOf(db).deskId;
  const rows = settled.flatMap((p) =>
    Object.keys(AGENT_INPUTS).map((agent) => ({
      feedback_id: `feedback:${deskId}:${p.pick_id}:${agent}`,
      desk_id: deskId,
      prediction_id: null,
      pick_id: p.pick_id,
      agent,
      outcome: p.result,
      clv: p.clv,
      profit: p.profit,
      weight_before: agentWeight(before, agent),
      weight_after: agentWeight(after, agent),
    })),
  );
  if (rows.length) writeOwnOutput(db, 'agent_feedback', rows, now);
  return settled.length;
}

/** PATRON refitted on every settled row before now, the replayed prices net of the Settings' commission
 * per book; reads only (a dry run scores with it unsaved). */
export function refit(
  db: Cache,
  now: Date,
  commission: Readonly<Record<string, number>>,
): { weights: PatronWeights; rows: TrainingRow[]; history: number; picks: number; noBlend: number } {
  const counts = { noBlend: 0 };
  const history = historyRows(db, now, commission, TRAINING_DAYS, counts);
  const picks = pickRows(db, now);
  const rows = [...history, ...picks];
  const weights = fitPatron(rows, now.toISOString());
  if (!weights)
    throw new ContractError(
      'CONFLICT',
      `PATRON needs at least 30 settled candidates to learn from; the cache has ${rows.length} (finished matches with prices and a closing line, and settled picks): sync more history`,
    );
  return { weights, rows, history: history.length, picks: picks.length, noBlend: counts.noBlend };
}

/** The inputs the fit merged into a collinear one and the score's calibration, in words for the learning log. */
export function fitNote(w: PatronWeights): string {
  const c = w.calibration;
  const cal = c
    ? `; score calibrated on ${c.rows} held-out candidates from ${c.from} (a fit of the ${c.fittedOn} before them scored them): P(beat the close) ${(100 * c.curve.p[0]).toFixed(1)}% to ${(100 * c.curve.p[c.curve.p.length - 1]).toFixed(1)}%`
    : `; score not calibrated (${w.calibrationNote}): 100·Φ(z)`;
  if (!w.merged.length) return cal;
  const parts = w.merged.map((m) => `${m.name} into ${m.into} (r = ${m.r.toFixed(3)})`);
  return `; ${w.merged.length} collinear input${w.merged.length === 1 ? '' : 's'} merged: ${parts.join(', ')}${cal}`;
}

export function learn(db: Cache, now: Date, commission: Readonly<Record<string, number>>): LearningEntry {
  const { weights: after, rows, history, picks, noBlend } = refit(db, now, commission);
  const previous = latestWeights(db);
  const before = previous?.weights ?? null;
  const feedback = feedBack(db, before, after, now);
  const oos = outOfSample(rows, before);
  const blendNote = noBlend ? ` (${noBlend} of their matches read with the market alone: no blend weight chosen before them)` : '';
  const note = `refitted on ${history} replayed candidates${blendNote} and ${picks} picks with a closing line before ${now.toISOString()}${fitNote(after)}`;
  const version = saveVersion(db, {
    weights: after,
    fittedAt: now.toISOString(),
    feedback,
    changes: weightChanges(before, after),
    outOfSample: oos,
    note,
  });
  return learningLog(db, 500).find((e) => e.version === version) as LearningEntry;
}
