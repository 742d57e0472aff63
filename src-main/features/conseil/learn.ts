// The learning loop: settled picks and their CLV feed agent_feedback (one row per pick and agent, with the
// agent's weight in PATRON before and after), PATRON's weights are refitted on every settled row before
// now, and the change is logged (patron_versions) with its out-of-sample effect: on the last 14 days of
// settled rows, which neither compared fit saw, the mean CLV of what the old weights and the new ones
// (refitted without those days) would have picked.
import type { LearningEntry } from '../../../src-shared/contract/conseil';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { writeOwnOutput } from '../../sync';
import {
  CONSEIL_DEFAULTS,
  fitPatron,
  scorePatron,
  weightRecord,
  type PatronInput,
  type PatronWeights,
  type TrainingRow,
} from '../agents/patron';
import { historyRows, pickRows } from './training';
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

function outOfSample(rows: readonly TrainingRow[], before: PatronWeights | null): LearningEntry['outOfSample'] {
  if (rows.length === 0) return null;
  const last = rows.reduce((m, r) => (r.kickoff > m ? r.kickoff : m), rows[0].kickoff);
  const cut = new Date(Date.parse(last) - HOLDOUT_DAYS * 86_400_000).toISOString();
  const held = rows.filter((r) => r.kickoff >= cut);
  const refit = fitPatron(rows, cut);
  if (!refit || held.length === 0) return null;
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

interface SettledPick {
  pick_id: string;
  result: string | null;
  clv: number | null;
  profit: number | null;
}

/** agent_feedback rows for the CONSEIL picks settled since the last run (ids fixed by pick and agent).
 * Settled means a result: a pick with only its closing line (CLV) has not been settled yet, and is fed
 * back once its result is known. */
export function feedBack(db: Cache, before: PatronWeights | null, after: PatronWeights, now: Date): number {
  if (!tableExists(db, 'tracking_clv_picks') || !tableExists(db, 'agent_feedback')) return 0;
  const settled = db
    .prepare(
      `SELECT p.pick_id, p.result, p.clv, p.profit FROM tracking_clv_picks p
        WHERE p.kind = 'pick' AND p.source = 'conseil' AND p.result IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM agent_feedback f WHERE f.feedback_id = 'feedback:' || p.pick_id || ':value')`,
    )
    .all() as SettledPick[];
  const rows = settled.flatMap((p) =>
    Object.keys(AGENT_INPUTS).map((agent) => ({
      feedback_id: `feedback:${p.pick_id}:${agent}`,
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

export function learn(db: Cache, now: Date): LearningEntry {
  const history = historyRows(db, now);
  const picks = pickRows(db, now);
  const rows = [...history, ...picks];
  const after = fitPatron(rows, now.toISOString());
  if (!after)
    throw new ContractError(
      'CONFLICT',
      `PATRON needs at least 30 settled candidates to learn from; the cache has ${rows.length} (finished matches with prices and a closing line, and settled picks): sync more history`,
    );
  const previous = latestWeights(db);
  const before = previous?.weights ?? null;
  const feedback = feedBack(db, before, after, now);
  const oos = outOfSample(rows, before);
  const note = `refitted on ${history.length} replayed candidates and ${picks.length} picks with a closing line before ${now.toISOString()}`;
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
