// The Command Center's reads, one reader-lane job per contract method (parameters = its input).
import { contract } from '../../../src-shared/contract';
import { cacheReader } from '../../platform/cache/reader';
import { defineJob } from '../../platform/jobs/define';
import { jobCommission } from '../../platform/settings';
import { alerts, board, moves, top } from './market';

export const boardJob = defineJob({
  kind: 'market.board',
  lane: 'reader',
  params: contract['market.board'].input,
  run: ({ asOf }, ctx) => board(cacheReader(ctx.cacheFile), asOf, jobCommission(ctx)),
});

export const movesJob = defineJob({
  kind: 'market.moves',
  lane: 'reader',
  params: contract['market.moves'].input,
  run: (p, ctx) => moves(cacheReader(ctx.cacheFile), p),
});

export const topMovesJob = defineJob({
  kind: 'market.topMoves',
  lane: 'reader',
  params: contract['market.topMoves'].input,
  run: ({ hours, limit, asOf }, ctx) => top(cacheReader(ctx.cacheFile), hours, limit, asOf),
});

export const alertsJob = defineJob({
  kind: 'market.alerts',
  lane: 'reader',
  params: contract['market.alerts'].input,
  run: ({ hours, asOf }, ctx) => alerts(cacheReader(ctx.cacheFile), hours, asOf),
});

export const marketJobs = [boardJob, movesJob, topMovesJob, alertsJob];
