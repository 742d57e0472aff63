import type { JobHost } from '../../platform/jobs/host';
import type { PartialHandlers } from '../../platform/contract/dispatch';
import { matchesJob, previewByTeamsJob, previewJob, scorersJob, teamJob } from './jobs';

export function analysisHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'analysis.matches': (input) => s.jobs.run(matchesJob, input).done,
    'analysis.preview': (input) => s.jobs.run(previewJob, input).done,
    'analysis.previewByTeams': (input) => s.jobs.run(previewByTeamsJob, input).done,
    'analysis.ferrariMatch': (input) => s.jobs.run(previewByTeamsJob, input).done,
    'analysis.scorers': (input) => s.jobs.run(scorersJob, input).done,
    'analysis.team': (input) => s.jobs.run(teamJob, input).done,
  };
}
