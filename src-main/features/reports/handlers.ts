import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { JobHost } from '../../platform/jobs/host';
import { reportJob } from './jobs';

export function reportsHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'reports.generate': (input) => s.jobs.run(reportJob, input).done,
  };
}
