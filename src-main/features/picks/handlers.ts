import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { EventBus } from '../../platform/events';
import type { JobHost } from '../../platform/jobs/host';
import {
  getPickJob,
  listCombosJob,
  listPicksJob,
  performanceJob,
  pickOptionsJob,
  priceComboJob,
  placeBetJob,
  recordComboJob,
  recordPicksJob,
  settlePicksJob,
} from './jobs';

export function picksHandlers(s: { jobs: JobHost; bus: EventBus }): PartialHandlers {
  // a recorded pick or bet changes what every window shows, not only the caller's
  const changedIn =
    (table: string) =>
    <T>(r: T): T => {
      s.bus.emit('cache.changed', { tables: [table], at: new Date().toISOString() });
      return r;
    };
  const changed = changedIn('tracking_clv_picks');
  return {
    'picks.record': (input) => s.jobs.run(recordPicksJob, input).done.then(changed),
    'picks.place': (input) => s.jobs.run(placeBetJob, input).done.then(changed),
    'picks.get': (input) => s.jobs.run(getPickJob, input).done,
    'picks.list': (input) => s.jobs.run(listPicksJob, input).done,
    'picks.performance': (input) => s.jobs.run(performanceJob, input).done,
    'picks.options': (input) => s.jobs.run(pickOptionsJob, input).done,
    'picks.settle': (input) => s.jobs.run(settlePicksJob, input).done,
    'picks.recordCombo': (input) => s.jobs.run(recordComboJob, input).done.then(changedIn('fg_combo_tracking')),
    'picks.priceCombo': (input) => s.jobs.run(priceComboJob, input).done,
    'picks.combos': (input) => s.jobs.run(listCombosJob, input).done,
  };
}
