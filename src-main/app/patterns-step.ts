// Agent C in the schedule: a step of the intelligence slot that mines the cache's history again when the
// last run is a day old (patterns are about seasons, not minutes; a run takes seconds to a minute).
import { mineInput, patternsListInput } from '../../src-shared/contract/patterns';
import { toContractError } from '../platform/errors';
import type { EventBus } from '../platform/events';
import type { StepContext, StepResult } from '../platform/scheduler';
import { mineJob, patternsListJob } from '../features/agents/patterns';

/** A mined run younger than this is kept. */
export const PATTERNS_MAX_AGE_MS = 24 * 3_600_000;

/** The parameters of the app's own runs: the contract's defaults. */
export const defaultMineParams = () => mineInput.parse({});

/** Mines when no run is in the cache or the latest is PATTERNS_MAX_AGE_MS old. A cache that cannot be
 * mined yet (no finished match, an unmigrated source) is said in the status, not a failure. */
export async function minePatternsIfDue(run: StepContext['run'], bus: EventBus, now = Date.now()): Promise<StepResult> {
  try {
    const latest = await run(patternsListJob, patternsListInput.parse({ limit: 1 }));
    const minedAt = latest.run ? Date.parse(latest.run.minedAt) : NaN;
    if (now - minedAt < PATTERNS_MAX_AGE_MS) return { message: `patterns of ${latest.run?.minedAt.slice(0, 16).replace('T', ' ')} kept` };
    const m = await run(mineJob, defaultMineParams());
    if (m.patternsWritten + m.correlationsWritten > 0)
      bus.emit('cache.changed', { tables: ['market_patterns', 'patterns_correlations'], at: new Date().toISOString() });
    return { message: `${m.testsTried} situations mined, ${m.significant} significant` };
  } catch (err) {
    const e = toContractError(err);
    if (e.code !== 'UNAVAILABLE') throw e;
    return { message: `patterns not mined: ${e.message}` };
  }
}
