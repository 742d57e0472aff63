// Agent C's jobs: mining writes the cache (writer lane); the lists are reads a user waits on (reader lane).
import { contract } from '../../../../src-shared/contract';
import { cacheReader } from '../../../platform/cache/reader';
import { defineJob } from '../../../platform/jobs/define';
import { mineCache } from './cache-run';
import { listCorrelations, listPatterns } from './queries';

export const mineJob = defineJob({
  kind: 'patterns.mine',
  lane: 'writer',
  params: contract['patterns.mine'].input,
  run: (params, ctx) => mineCache(params, ctx),
});

export const listJob = defineJob({
  kind: 'patterns.list',
  lane: 'reader',
  params: contract['patterns.list'].input,
  run: (params, ctx) => listPatterns(cacheReader(ctx.cacheFile), params),
});

export const correlationsJob = defineJob({
  kind: 'patterns.correlations',
  lane: 'reader',
  params: contract['patterns.correlations'].input,
  run: (params, ctx) => listCorrelations(cacheReader(ctx.cacheFile), params),
});

export const patternsJobs = [mineJob, listJob, correlationsJob];
