// Deep Analysis and the FERRARI match/team/scorer reads, one reader-lane job each.
import { contract } from '../../../src-shared/contract';
import type { Cache } from '../../platform/cache/open';
import { cacheReader } from '../../platform/cache/reader';
import { requireTables } from '../../platform/cache/tables';
import { defineJob } from '../../platform/jobs/define';
import { jobCommission } from '../../platform/settings';
import { ANALYSIS_TABLES, buildPreview, byTeams, scorers, team, upcomingFrom } from './preview';
import { previewMatchById, searchMatches } from './queries';

function analysisCache(cacheFile: string): Cache {
  const db = cacheReader(cacheFile);
  requireTables(db, ANALYSIS_TABLES);
  return db;
}

export const matchesJob = defineJob({
  kind: 'analysis.matches',
  lane: 'reader',
  params: contract['analysis.matches'].input,
  run: ({ query, limit }, ctx) => searchMatches(analysisCache(ctx.cacheFile), upcomingFrom(new Date()), query, limit),
});

export const previewJob = defineJob({
  kind: 'analysis.preview',
  lane: 'reader',
  params: contract['analysis.preview'].input,
  run: ({ matchId }, ctx) => {
    const db = analysisCache(ctx.cacheFile);
    return buildPreview(db, previewMatchById(db, matchId), new Date(), jobCommission(ctx));
  },
});

export const previewByTeamsJob = defineJob({
  kind: 'analysis.previewByTeams',
  lane: 'reader',
  params: contract['analysis.previewByTeams'].input,
  run: ({ home, away }, ctx) => byTeams(analysisCache(ctx.cacheFile), home, away, new Date(), jobCommission(ctx)),
});

export const scorersJob = defineJob({
  kind: 'analysis.scorers',
  lane: 'reader',
  params: contract['analysis.scorers'].input,
  run: ({ team: name }, ctx) => scorers(analysisCache(ctx.cacheFile), name, new Date()),
});

export const teamJob = defineJob({
  kind: 'analysis.team',
  lane: 'reader',
  params: contract['analysis.team'].input,
  run: ({ name }, ctx) => team(analysisCache(ctx.cacheFile), name, new Date()),
});

export const analysisJobs = [matchesJob, previewJob, previewByTeamsJob, scorersJob, teamJob];
