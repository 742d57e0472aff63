import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { JobHost } from '../../platform/jobs/host';
import {
  getPickJob,
  listCombosJob,
  listPicksJob,
  performanceJob,
  pickOptionsJob,
  placeBetJob,
  recordComboJob,
  recordPicksJob,
  settlePicksJob,
} from './jobs';

export function picksHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'picks.record': (input) => s.jobs.run(recordPicksJob, input).done,
    'picks.place': (input) => s.jobs.run(placeBetJob, input).done,
    'picks.get': (input) => s.jobs.run(getPickJob, input).done,
    'picks.list': (input) => s.jobs.run(listPicksJob, input).done,
    'picks.performance': (input) => s.jobs.run(performanceJob, input).done,
    'picks.options': (input) => s.jobs.run(pickOptionsJob, input).done,
    'picks.settle': (input) => s.jobs.run(settlePicksJob, input).done,
    'picks.recordCombo': (input) => s.jobs.run(recordComboJob, input).done,
    'picks.combos': (input) => s.jobs.run(listCombosJob, input).done,
  };
}
