import { z } from 'zod';
import { DEFAULT_EXCHANGE_COMMISSION } from '../../../src-shared/domain/market-prices';
import { cacheReader } from '../../platform/cache/reader';
import { tableExists } from '../../platform/cache/tables';
import { defineJob } from '../../platform/jobs/define';

interface Options {
  bookmakers: { code: string; name: string; sharp: boolean; exchange: boolean; commission: number }[];
  leagues: { code: string; name: string; country: string | null }[];
}

/** The bookmakers and leagues of the cache, for Settings to choose from (empty before the first sync). */
export const settingsOptionsJob = defineJob({
  kind: 'settings.options',
  lane: 'reader',
  params: z.object({}).strict(),
  run: (_p, ctx): Options => {
    let db;
    try {
      db = cacheReader(ctx.cacheFile);
    } catch {
      return { bookmakers: [], leagues: [] };
    }
    const bookmakers = tableExists(db, 'bookmakers')
      ? (db
          .prepare(
            'SELECT bookmaker AS code, COALESCE(name, bookmaker) AS name, COALESCE(is_sharp, 0) AS sharp, COALESCE(is_exchange, 0) AS exchange FROM bookmakers WHERE COALESCE(is_aggregate, 0) = 0 ORDER BY name',
          )
          .all() as {
          code: string;
          name: string;
          sharp: number;
          exchange: number;
        }[])
      : [];
    const leagues = tableExists(db, 'leagues')
      ? (db
          .prepare('SELECT league_code AS code, COALESCE(name, league_code) AS name, country FROM leagues ORDER BY name')
          .all() as Options['leagues'])
      : [];
    return {
      bookmakers: bookmakers.map((b) => ({
        ...b,
        sharp: b.sharp === 1,
        exchange: b.exchange === 1,
        commission: b.exchange === 1 ? DEFAULT_EXCHANGE_COMMISSION : 0,
      })),
      leagues,
    };
  },
});

export const settingsJobs = [settingsOptionsJob];
