import type { PartialHandlers } from '../../../platform/contract/dispatch';
import type { JobHost } from '../../../platform/jobs/host';
import { correlationsJob, listJob, mineJob } from './jobs';

export function patternsHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'patterns.mine': (input) => s.jobs.run(mineJob, input).done,
    'patterns.list': (input) => s.jobs.run(listJob, input).done,
    'patterns.correlations': (input) => s.jobs.run(correlationsJob, input).done,
  };
}
