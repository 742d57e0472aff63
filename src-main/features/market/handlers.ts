import type { JobHost } from '../../platform/jobs/host';
import type { PartialHandlers } from '../../platform/contract/dispatch';
import { alertsJob, boardJob, movesJob, topMovesJob } from './jobs';

export function marketHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'market.board': (input) => s.jobs.run(boardJob, input).done,
    'market.moves': (input) => s.jobs.run(movesJob, input).done,
    'market.topMoves': (input) => s.jobs.run(topMovesJob, input).done,
    'market.alerts': (input) => s.jobs.run(alertsJob, input).done,
  };
}

/** After the cache changed, the board and the largest moves of the Command Center's window (12 h)
 * are rebuilt at once, so the panel opening next (or refreshing now) reads them from memory. */
export function warmMarket(jobs: JobHost): void {
  jobs.run(boardJob, {}).done.catch(() => {});
  jobs.run(topMovesJob, { hours: 12, limit: 1 }).done.catch(() => {});
}
