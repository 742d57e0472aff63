// Cache reads of Agent A: the matches in scope, the bookmakers' roles, and every quote of the
// scope's matches (all markets, whole history up to the run's time) streamed in key order.
import { MARKETS, type MarketKind } from '../../../../src-shared/contract/market';
import type { Cache } from '../../../platform/cache/open';
import { tableExists } from '../../../platform/cache/tables';
import { LIVE_WINDOW_MS, ODDS_TABLES } from '../../market';
import { GroupBuilder, type BookRole, type MarketGroup, type Skips } from './series';

export interface ScopeMatch {
  matchId: number;
  kickoff: number | null;
}

/** Matches not finished, kicking off no earlier than 3 hours before `asOf` (the board's "upcoming"). */
export function upcomingScope(db: Cache, asOf: number): ScopeMatch[] {
  if (!tableExists(db, 'matches')) return [];
  const rows = db
    .prepare(
      `SELECT match_id AS matchId, kickoff FROM matches
       WHERE status IN ('scheduled', 'live') AND (kickoff >= ? OR kickoff IS NULL OR kickoff = '') ORDER BY match_id`,
    )
    .all(new Date(asOf - LIVE_WINDOW_MS).toISOString()) as { matchId: number; kickoff: string | null }[];
  return rows.map((r) => ({ matchId: r.matchId, kickoff: parseTime(r.kickoff) }));
}

export function parseTime(s: string | null): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}

export function bookRoles(db: Cache): { roles: Map<string, BookRole>; aggregates: Set<string> } {
  const roles = new Map<string, BookRole>();
  const aggregates = new Set<string>();
  if (!tableExists(db, 'bookmakers')) return { roles, aggregates };
  const rows = db.prepare('SELECT bookmaker, is_sharp AS s, is_exchange AS e, is_aggregate AS a FROM bookmakers').all() as {
    bookmaker: string;
    s: number;
    e: number;
    a: number;
  }[];
  for (const r of rows) {
    if (r.a) aggregates.add(r.bookmaker);
    else roles.set(r.bookmaker, r.s ? 'sharp' : r.e ? 'exchange' : 'soft');
  }
  return { roles, aggregates };
}

export interface ReadResult {
  groups: MarketGroup[];
  quotes: number;
}

/** The scope's series of every market, built as the rows stream in. */
export function readGroups(db: Cache, scope: readonly ScopeMatch[], asOf: number, skips: Skips): ReadResult {
  const { roles, aggregates } = bookRoles(db);
  const kickoffs = new Map(scope.map((m) => [m.matchId, m.kickoff]));
  const ids = JSON.stringify(scope.map((m) => m.matchId));
  const groups: MarketGroup[] = [];
  let quotes = 0;
  for (const market of MARKETS) {
    const stmt = quotesStatement(db, market);
    if (!stmt) continue;
    const b = new GroupBuilder({ market, kickoffs, roles, asOf, skips });
    for (const row of stmt.iterate(ids) as IterableIterator<QuoteRow>) {
      quotes++;
      if (!aggregates.has(row[1])) b.add(row[0], row[1], row[2], row[3], row[4], row[5]);
    }
    groups.push(...b.finish());
  }
  return { groups, quotes };
}

type QuoteRow = [number, string, number | null, string, number | null, string];

/** The read of one market's quotes for a JSON list of match ids (raw rows), or null without the table. */
export function quotesStatement(db: Cache, market: MarketKind): { iterate(ids: string): IterableIterator<unknown> } | null {
  const { table, hasLine } = ODDS_TABLES[market];
  if (!tableExists(db, table)) return null;
  return db
    .prepare(
      `SELECT match_id, bookmaker, ${hasLine ? 'line' : 'NULL'}, selection, odds, observed_at FROM ${table}
       WHERE match_id IN (SELECT value FROM json_each(?))`,
    )
    .raw();
}
