import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { JobHost } from '../../platform/jobs/host';
import { conseilLearnJob, conseilRunJob, conseilTodayJob, learningLogJob } from './jobs';

export function conseilHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'conseil.run': (input) => s.jobs.run(conseilRunJob, input).done,
    'conseil.today': (input) => s.jobs.run(conseilTodayJob, input).done,
    'conseil.learn': (input) => s.jobs.run(conseilLearnJob, input).done,
    'conseil.learningLog': (input) => s.jobs.run(learningLogJob, input).done,
  };
}
