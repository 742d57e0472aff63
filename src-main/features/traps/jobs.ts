// FERRARI reads, one reader-lane job per contract method (the writes run in agents.run, writer lane).
import { z } from 'zod';
import { contract } from '../../../src-shared/contract';
import { cacheReader } from '../../platform/cache/reader';
import { requireTables } from '../../platform/cache/tables';
import { defineJob } from '../../platform/jobs/define';
import { ANALYSIS_TABLES } from '../analysis';
import { activeTraps, healthOf, matchTraps, trapDetail, trapsByTeams } from './queries';
import { ferrariScorers } from './scorers';

export const trapsActiveJob = defineJob({
  kind: 'ferrari.trapsActive',
  lane: 'reader',
  params: contract['ferrari.trapsActive'].input,
  run: ({ limit }, ctx) => activeTraps(cacheReader(ctx.cacheFile), new Date(), limit),
});

export const matchTrapsJob = defineJob({
  kind: 'ferrari.matchTraps',
  lane: 'reader',
  params: contract['ferrari.matchTraps'].input,
  run: ({ matchId }, ctx) => matchTraps(cacheReader(ctx.cacheFile), matchId),
});

export const trapsByTeamsJob = defineJob({
  kind: 'ferrari.traps',
  lane: 'reader',
  params: contract['ferrari.traps'].input,
  run: ({ home, away }, ctx) => {
    const db = cacheReader(ctx.cacheFile);
    requireTables(db, ANALYSIS_TABLES);
    return trapsByTeams(db, home, away, new Date());
  },
});

export const trapDetailJob = defineJob({
  kind: 'ferrari.trap',
  lane: 'reader',
  params: contract['ferrari.trap'].input,
  run: ({ trapId }, ctx) => trapDetail(cacheReader(ctx.cacheFile), trapId),
});

export const healthJob = defineJob({
  kind: 'ferrari.health',
  lane: 'reader',
  params: z.object({}).strict(),
  run: (_p, ctx) => healthOf(cacheReader(ctx.cacheFile), new Date()),
});

export const ferrariScorersJob = defineJob({
  kind: 'analysis.ferrariScorers',
  lane: 'reader',
  params: contract['analysis.ferrariScorers'].input,
  run: ({ team }, ctx) => {
    const db = cacheReader(ctx.cacheFile);
    requireTables(db, ANALYSIS_TABLES);
    return ferrariScorers(db, team, new Date());
  },
});

export const trapsJobs = [trapsActiveJob, matchTrapsJob, trapsByTeamsJob, trapDetailJob, healthJob, ferrariScorersJob];
