import type { RunReason, RunStatus } from '../../../src-shared/contract/scheduler';
import { nextCronRun, previousCronRun } from '../../../src-shared/domain/cron';
import { toContractError } from '../errors';

// Pure planning: when a slot is next due and why, whether a run was missed while the app was
// closed, and what a failure means for the schedule.

export interface Due {
  at: number;
  reason: RunReason;
}

/** The next time strictly after `after`: the cron's tick or an extra time (a kick-off), whichever comes first. */
export function nextDue(cron: string, extraTimes: readonly number[], after: number): Due | null {
  const tick = nextCronRun(cron, new Date(after))?.getTime() ?? null;
  const extra = extraTimes.find((t) => t > after) ?? null;
  if (tick === null && extra === null) return null;
  if (extra !== null && (tick === null || extra < tick)) return { at: extra, reason: 'kickoff' };
  return { at: tick as number, reason: 'cron' };
}

/** A tick (or extra time) came and went since the last run started, while the app was not running:
 * it is due now, once, however many ticks were missed. */
export function missedSince(cron: string, extraTimes: readonly number[], lastStartedAt: number | null, now: number): boolean {
  if (lastStartedAt === null) return false;
  const tick = previousCronRun(cron, new Date(now))?.getTime() ?? null;
  if (tick !== null && tick > lastStartedAt) return true;
  return extraTimes.some((t) => t > lastStartedAt && t <= now);
}

/** Late by more than this, a due run is a catch-up (the machine slept, or the app was busy). */
export const CATCH_UP_AFTER_MS = 90_000;

export function reasonAt(due: Due, now: number): RunReason {
  return now - due.at > CATCH_UP_AFTER_MS ? 'catch-up' : due.reason;
}

/** A step's failure as the run's outcome: an unreachable source is `offline`, a cancel `cancelled`,
 * a conflict (the same work already running, e.g. "Sync now") `skipped`. */
export function outcomeOf(err: unknown): { status: RunStatus; message: string } {
  const e = toContractError(err);
  const status: RunStatus =
    e.code === 'UNAVAILABLE' ? 'offline' : e.code === 'CANCELLED' ? 'cancelled' : e.code === 'CONFLICT' ? 'skipped' : 'failed';
  return { status, message: e.message };
}
