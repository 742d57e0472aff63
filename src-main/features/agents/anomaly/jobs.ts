// Agent A's read: its findings on upcoming matches (reader lane).
import { contract } from '../../../../src-shared/contract';
import type { BoardMatch } from '../../../../src-shared/contract/market';
import { cacheReader } from '../../../platform/cache/reader';
import { defineJob } from '../../../platform/jobs/define';
import { upcomingMatches } from '../../market';
import { readFindings } from './persist';

export const findingsJob = defineJob({
  kind: 'agents.findings',
  lane: 'reader',
  params: contract['agents.findings'].input,
  run: ({ matchId, kind, limit }, ctx) => {
    const db = cacheReader(ctx.cacheFile);
    const matches = new Map<number, BoardMatch>(upcomingMatches(db, new Date().toISOString()).map((m) => [m.matchId, m]));
    const rows = readFindings(db, { matchId, kind, matchIds: matchId === undefined ? [...matches.keys()] : undefined }, limit);
    return rows.flatMap((f) => {
      const match = matches.get(f.matchId);
      return match ? [{ ...f, match }] : [];
    });
  },
});

export const anomalyJobs = [findingsJob];
