import type { Preview } from '../../../src-shared/contract/analysis';
import type { MethodOutput } from '../../../src-shared/contract';
import type { PreviewJobParams } from '../../intelligence/preview/preview-job';
import { unwrapRefusal, type JobRefusal } from '../../data/market/job-errors';
import type { PartialHandlers } from '../dispatch';
import type { Services } from '../services';

export function analysisHandlers(s: Services): PartialHandlers {
  const run = async <R>(params: PreviewJobParams): Promise<R> => unwrapRefusal(await s.jobs.run<R | JobRefusal>('preview', params).done);
  return {
    'analysis.matches': ({ query, limit }) => run<MethodOutput<'analysis.matches'>>({ op: 'matches', query, limit }),
    'analysis.preview': ({ matchId }) => run<Preview>({ op: 'preview', matchId }),
    'analysis.previewByTeams': ({ home, away }) => run<Preview>({ op: 'previewByTeams', home, away }),
    'analysis.ferrariMatch': ({ home, away }) => run<Preview>({ op: 'previewByTeams', home, away }),
    'analysis.scorers': ({ team }) => run<MethodOutput<'analysis.scorers'>>({ op: 'scorers', team }),
    'analysis.ferrariScorers': ({ team }) => run<MethodOutput<'analysis.scorers'>>({ op: 'scorers', team }),
    'analysis.team': ({ name }) => run<MethodOutput<'analysis.team'>>({ op: 'team', name }),
  };
}
