import type { PartialHandlers } from '../../../platform/contract/dispatch';
import type { JobHost } from '../../../platform/jobs/host';
import { valueBetsJob, valueBoardJob, valueRunJob } from './jobs';

export function valueHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'value.bets': (input) => s.jobs.run(valueBetsJob, input).done,
    'value.board': (input) => s.jobs.run(valueBoardJob, input).done,
    'value.run': (input) => s.jobs.run(valueRunJob, input).done,
  };
}
