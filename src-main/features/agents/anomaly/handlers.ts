import type { JobHost } from '../../../platform/jobs/host';
import type { PartialHandlers } from '../../../platform/contract/dispatch';
import { findingsJob } from './jobs';

export function anomalyHandlers(s: { jobs: JobHost }): PartialHandlers {
  return { 'agents.findings': (input) => s.jobs.run(findingsJob, input).done };
}
