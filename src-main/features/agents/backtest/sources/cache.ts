// A SQLite cache as backtest data: its matches (results of the finished ones), and per match the prices
// a decision could see `leadMinutes` before kick-off (the latest non-closing quote of each book then,
// with its age and the market's last move) and the closing quotes (is_closing) for the CLV. The cache
// keeps the odds of its sync window only: matches older than that have results but no prices.
import fs from 'node:fs';
import { MARKETS } from '../../../../../src-shared/contract/market';
import { openCache, type Cache } from '../../../../platform/cache/open';
import { requireTables } from '../../../../platform/cache/tables';
import { bookRoles, closingPrices, collectSeries, iterateQuoteChanges, pricesAt, type SeriesRuns } from '../../../market';
import type { BacktestData, BacktestFixture } from '../types';

export interface CacheSourceOptions {
  /** Decisions use the quotes seen this many minutes before kick-off (default 60). */
  leadMinutes?: number;
  /** The Settings' commission per book (`settingsCommission`), on top of the exchanges' default: the
   * prices a backtest, a calibration or PATRON's learning read from the cache are net of it. */
  commission?: Readonly<Record<string, number>>;
}

interface MatchRow {
  matchId: number;
  league: string;
  season: string | null;
  kickoff: string;
  status: string;
  home: string;
  away: string;
  homeGoals: number | null;
  awayGoals: number | null;
}

export function cacheFixtures(db: Cache, description: string, opts: CacheSourceOptions = {}): BacktestData {
  requireTables(db, ['matches', 'teams']);
  const lead = (opts.leadMinutes ?? 60) * 60_000;
  const roles = bookRoles(db, opts.commission);
  const matches = db
    .prepare(
      `SELECT m.match_id AS matchId, m.league_code AS league, m.season AS season, m.kickoff AS kickoff, m.status AS status,
              h.name AS home, a.name AS away, m.home_goals AS homeGoals, m.away_goals AS awayGoals
         FROM matches m JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
        WHERE m.kickoff IS NOT NULL ORDER BY m.kickoff, m.match_id`,
    )
    .all() as MatchRow[];
  const series = collectSeries(
    (function* () {
      for (const market of MARKETS) yield* iterateQuoteChanges(db, market, 'all');
    })(),
  );
  const problems: string[] = [];
  const snapshot = { sharpBooks: roles.sharp };
  const fixtures: BacktestFixture[] = matches.map((m, i) => {
    const s: SeriesRuns[] = series.get(m.matchId) ?? [];
    const kickoff = new Date(m.kickoff).toISOString();
    const finished = m.status === 'finished' && m.homeGoals !== null && m.awayGoals !== null;
    return {
      key: `match:${m.matchId}`,
      matchId: m.matchId,
      league: m.league,
      season: m.season ?? '',
      date: kickoff.slice(0, 10),
      kickoff,
      home: m.home,
      away: m.away,
      order: i,
      decision: pricesAt(s, new Date(Date.parse(kickoff) - lead).toISOString(), snapshot),
      closing: closingPrices(s),
      result: finished ? { homeGoals: Number(m.homeGoals), awayGoals: Number(m.awayGoals) } : null,
    };
  });
  const priced = fixtures.filter((f) => f.decision.length > 0).length;
  if (priced < fixtures.length)
    problems.push(
      `${fixtures.length - priced} of ${fixtures.length} matches have no quote before kick-off (outside the cache's odds window)`,
    );
  return { description, fixtures, roles, problems };
}

/** Backtest data from a cache file (opened read-only). */
export function loadCacheData(file: string, opts: CacheSourceOptions = {}): BacktestData {
  if (!fs.existsSync(file)) throw new Error(`cache file ${file} does not exist`);
  const db = openCache(file, { readonly: true, migrate: false });
  try {
    return cacheFixtures(db, `cache ${file}`, opts);
  } finally {
    db.close();
  }
}
