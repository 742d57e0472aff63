// How many traps are active now on fixtures still to play: the number the desktop tray shows.
import { z } from 'zod';
import type { Cache } from '../../platform/cache/open';
import { cacheReader } from '../../platform/cache/reader';
import { tableExists } from '../../platform/cache/tables';
import { defineJob } from '../../platform/jobs/define';

/** A match that kicked off less than this long ago is still being played. */
const LIVE_MS = 3 * 3600_000;

export function activeTrapCount(db: Cache, asOf = new Date().toISOString()): number {
  if (!tableExists(db, 'market_traps') || !tableExists(db, 'matches')) return 0;
  const from = new Date(Date.parse(asOf) - LIVE_MS).toISOString();
  return db
    .prepare(
      `SELECT COUNT(*) FROM market_traps t JOIN matches m ON m.match_id = t.match_id
      WHERE t.status = 'active' AND m.status IN ('scheduled', 'live') AND m.kickoff >= ?`,
    )
    .pluck()
    .get(from) as number;
}

export const trapCountJob = defineJob({
  kind: 'reports.activeTraps',
  lane: 'reader',
  params: z.object({ asOf: z.string().datetime().optional() }).strict(),
  run: ({ asOf }, ctx) => {
    try {
      return { count: activeTrapCount(cacheReader(ctx.cacheFile), asOf) };
    } catch {
      return { count: 0 }; // no cache yet: nothing to count
    }
  },
});
