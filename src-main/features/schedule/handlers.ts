import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { Scheduler } from '../../platform/scheduler';

/** scheduler.*: the slots as the scheduler has them; runs and cancels go through it (never two at once). */
export function scheduleHandlers(s: { scheduler: Scheduler }): PartialHandlers {
  return {
    'scheduler.list': async () => s.scheduler.list(),
    'scheduler.run': async ({ slot }) => s.scheduler.runNow(slot),
    'scheduler.cancel': async ({ slot }) => ({ cancelled: s.scheduler.cancel(slot) }),
  };
}
