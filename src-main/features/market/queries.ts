// SQL on the cache mirrors (same table and column names as the source; timestamps ISO-8601 UTC text,
// booleans 0/1). Table names come from the fixed list below, values only through bind parameters.
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import type { BoardMatch, MarketKind } from '../../../src-shared/contract/market';
import type { SeriesQuote } from './board';
import type { QuoteChange } from './snapshot';
import { commissions, type BookRoles } from '../../../src-shared/domain/market-prices';

export const ODDS_TABLES: Record<MarketKind, { table: string; hasLine: boolean }> = {
  '1x2': { table: 'odds_history', hasLine: false },
  totals: { table: 'odds_totals', hasLine: true },
  spreads: { table: 'odds_spreads', hasLine: true },
};

/** Upcoming = not finished and kicking off no earlier than 3 hours before `asOf` (live matches stay). */
export const LIVE_WINDOW_MS = 3 * 3600_000;

export function sharpBooks(db: Cache): string[] {
  if (!tableExists(db, 'bookmakers')) return [];
  return (db.prepare('SELECT bookmaker FROM bookmakers WHERE is_sharp = 1 ORDER BY bookmaker').pluck().all() as string[]) ?? [];
}

const MATCH_COLUMNS = `m.match_id AS matchId, m.league_code AS league, COALESCE(l.name, m.league_code) AS leagueName,
  m.kickoff AS kickoff, m.status AS status, h.name AS home, a.name AS away`;
const MATCH_JOINS = `JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
  LEFT JOIN leagues l ON l.league_code = m.league_code`;

export function upcomingMatches(db: Cache, asOf: string): BoardMatch[] {
  const from = new Date(Date.parse(asOf) - LIVE_WINDOW_MS).toISOString();
  return db
    .prepare(
      `SELECT ${MATCH_COLUMNS} FROM matches m ${MATCH_JOINS}
      WHERE m.status IN ('scheduled', 'live') AND m.kickoff >= ? ORDER BY m.kickoff, m.match_id`,
    )
    .all(from) as BoardMatch[];
}

export function matchById(db: Cache, matchId: number): BoardMatch | undefined {
  return db.prepare(`SELECT ${MATCH_COLUMNS} FROM matches m ${MATCH_JOINS} WHERE m.match_id = ?`).get(matchId) as BoardMatch | undefined;
}

interface Edge {
  matchId: number;
  bookmaker: string;
  selection: string;
  line: number | null;
  odds: number;
  at: string;
}

/** First or last valid quote (odds > 1, observed no later than `asOf`, after `after` when given) of every
 * series of the upcoming matches. SQLite returns the bare columns of the row that holds the MIN/MAX. */
function seriesEdge(
  db: Cache,
  market: MarketKind,
  edge: 'MIN' | 'MAX',
  asOf: string,
  matchFrom: string | { matchId: number },
  after?: string,
): Edge[] {
  const { table, hasLine } = ODDS_TABLES[market];
  const line = hasLine ? 'o.line' : 'NULL';
  const sql = `SELECT o.match_id AS matchId, o.bookmaker AS bookmaker, o.selection AS selection, ${line} AS line,
      o.odds AS odds, ${edge}(o.observed_at) AS at
    FROM ${table} o
    WHERE ${typeof matchFrom === 'string' ? "o.match_id IN (SELECT match_id FROM matches WHERE status IN ('scheduled', 'live') AND kickoff >= ?)" : 'o.match_id = ?'}
      AND o.observed_at <= ? ${after ? 'AND o.observed_at > ?' : ''} AND o.odds > 1
      AND o.bookmaker NOT IN (SELECT bookmaker FROM bookmakers WHERE is_aggregate = 1)
    GROUP BY o.match_id, o.bookmaker, ${hasLine ? 'o.line, ' : ''}o.selection`;
  const scope = typeof matchFrom === 'string' ? matchFrom : matchFrom.matchId;
  const args = after ? [scope, asOf, after] : [scope, asOf];
  return db.prepare(sql).all(...args) as Edge[];
}

const edgeKey = (e: Edge): string => `${e.matchId}|${e.bookmaker}|${e.line ?? ''}|${e.selection}`;

/** 'YYYY-MM-DDTHH:MM:SS.sssZ|odds': the sync writes fixed-width ISO timestamps, so MIN/MAX of this text
 * is the first/last quote, and one scan gives both (odds printed with 17 digits: exact round trip). */
const STAMP = 24;
const stampedOdds = "o.observed_at || '|' || printf('%.17g', o.odds)";

/** Latest and opening quote of every bookmaker series of the upcoming matches (or of one match), for
 * one market, streamed (a 50 000-row board reads 400 000 series: no array of them is kept). */
export function* iterateSeriesQuotes(db: Cache, market: MarketKind, asOf: string, only?: { matchId: number }): Generator<SeriesQuote> {
  const { table, hasLine } = ODDS_TABLES[market];
  if (!tableExists(db, table)) return;
  const scope = only
    ? 'o.match_id = ?'
    : "o.match_id IN (SELECT match_id FROM matches WHERE status IN ('scheduled', 'live') AND kickoff >= ?)";
  const stmt = db
    .prepare(
      `SELECT o.match_id, o.bookmaker, o.selection, ${hasLine ? 'o.line' : 'NULL'}, MIN(${stampedOdds}), MAX(${stampedOdds})
      FROM ${table} o
      WHERE ${scope} AND o.observed_at <= ? AND o.odds > 1
        AND o.bookmaker NOT IN (SELECT bookmaker FROM bookmakers WHERE is_aggregate = 1)
      GROUP BY o.match_id, o.bookmaker, ${hasLine ? 'o.line, ' : ''}o.selection`,
    )
    .raw();
  const rows = stmt.iterate(only ? only.matchId : new Date(Date.parse(asOf) - LIVE_WINDOW_MS).toISOString(), asOf) as IterableIterator<
    [number, string, string, number | null, string, string]
  >;
  for (const [matchId, bookmaker, selection, line, first, last] of rows) {
    yield {
      matchId,
      market,
      line,
      selection,
      bookmaker,
      odds: Number(last.slice(STAMP + 1)),
      observedAt: last.slice(0, STAMP),
      openOdds: Number(first.slice(STAMP + 1)),
      openAt: first.slice(0, STAMP),
    };
  }
}

export function seriesQuotes(db: Cache, market: MarketKind, asOf: string, only?: { matchId: number }): SeriesQuote[] {
  return [...iterateSeriesQuotes(db, market, asOf, only)];
}

export interface WindowQuote {
  matchId: number;
  line: number | null;
  selection: string;
  bookmaker: string;
  /** Last quote at or before the window start, and the latest quote in the window. */
  fromOdds: number;
  toOdds: number;
  toAt: string;
}

/** Series that quoted before `from` and again after it, with both prices. */
export function windowQuotes(db: Cache, market: MarketKind, asOf: string, from: string, upcomingAsOf = asOf): WindowQuote[] {
  if (!tableExists(db, ODDS_TABLES[market].table)) return [];
  const matchFrom = new Date(Date.parse(upcomingAsOf) - LIVE_WINDOW_MS).toISOString();
  const before = new Map(seriesEdge(db, market, 'MAX', from, matchFrom).map((e) => [edgeKey(e), e]));
  const out: WindowQuote[] = [];
  for (const e of seriesEdge(db, market, 'MAX', asOf, matchFrom, from)) {
    const b = before.get(edgeKey(e));
    if (b)
      out.push({
        matchId: e.matchId,
        line: e.line,
        selection: e.selection,
        bookmaker: e.bookmaker,
        fromOdds: b.odds,
        toOdds: e.odds,
        toAt: e.at,
      });
  }
  return out;
}

export interface HistoryPoint {
  bookmaker: string;
  odds: number;
  at: string;
  closing: number;
}

export function selectionHistory(db: Cache, matchId: number, market: MarketKind, line: number | null, selection: string): HistoryPoint[] {
  const { table, hasLine } = ODDS_TABLES[market];
  if (!tableExists(db, table)) return [];
  const sql = `SELECT bookmaker, odds, observed_at AS at, is_closing AS closing FROM ${table}
    WHERE match_id = ? AND selection = ? ${hasLine ? 'AND line = ?' : ''} AND odds > 1
      AND bookmaker NOT IN (SELECT bookmaker FROM bookmakers WHERE is_aggregate = 1)
    ORDER BY bookmaker, observed_at`;
  const args: (number | string)[] = hasLine ? [matchId, selection, line ?? 0] : [matchId, selection];
  return db.prepare(sql).all(...args) as HistoryPoint[];
}

/** The quotes that start a run of equal prices in each bookmaker's series (its first quote and every
 * price change, with the price before), and every closing quote, aggregates included.
 * Scope: the upcoming matches as of `asOf` (quotes observed no later than it), or every match.
 * Read in primary-key order (match, book, [line,] selection, observed_at: SQLite walks the index, no
 * sort), so a series' quotes arrive together and in time order; the changes are found here. */
export function* iterateQuoteChanges(db: Cache, market: MarketKind, scope: { upcomingAsOf: string } | 'all'): Generator<QuoteChange> {
  const { table, hasLine } = ODDS_TABLES[market];
  if (!tableExists(db, table)) return;
  const upcoming = scope !== 'all';
  const where = upcoming
    ? "o.match_id IN (SELECT match_id FROM matches WHERE status IN ('scheduled', 'live') AND kickoff >= ?) AND o.observed_at <= ? AND"
    : '';
  const stmt = db
    .prepare(
      `SELECT o.match_id, o.bookmaker, ${hasLine ? 'o.line' : 'NULL'}, o.selection, o.odds, o.observed_at, COALESCE(o.is_closing, 0)
       FROM ${table} o WHERE ${where} o.odds > 1
       ORDER BY o.match_id, o.bookmaker, ${hasLine ? 'o.line, ' : ''}o.selection, o.observed_at`,
    )
    .raw();
  const args = upcoming ? [new Date(Date.parse(scope.upcomingAsOf) - LIVE_WINDOW_MS).toISOString(), scope.upcomingAsOf] : [];
  const rows = stmt.iterate(...args) as IterableIterator<[number, string, number | null, string, number, string, number]>;
  let pm = -1;
  let pb = '';
  let pl: number | null = null;
  let ps = '';
  let prev: number | null = null;
  for (const [matchId, bookmaker, line, selection, odds, at, closing] of rows) {
    if (matchId !== pm || bookmaker !== pb || line !== pl || selection !== ps) {
      pm = matchId;
      pb = bookmaker;
      pl = line;
      ps = selection;
      prev = null;
    }
    if (closing === 1 || prev === null || odds !== prev)
      yield { matchId, market, line, selection, bookmaker, odds, prev, at, closing: closing === 1 };
    prev = odds;
  }
}

/** Who is who among the cache's bookmakers: sharp, exchange, aggregate (and which aggregate is the market
 * average or maximum); alphabetical order settles ties of the best price, as on the board. Commission on
 * net winnings: the exchanges' default, then the analyst's per-book settings (`commission`). */
export function bookRoles(db: Cache, commission: Readonly<Record<string, number>> = {}): BookRoles {
  const rows = tableExists(db, 'bookmakers')
    ? (db.prepare('SELECT bookmaker, name, is_sharp, is_exchange, is_aggregate FROM bookmakers ORDER BY bookmaker').all() as {
        bookmaker: string;
        name: string | null;
        is_sharp: number | null;
        is_exchange: number | null;
        is_aggregate: number | null;
      }[])
    : [];
  const aggregate = rows.filter((r) => r.is_aggregate === 1).map((r) => r.bookmaker);
  const named = (re: RegExp) => aggregate.find((b) => re.test(b) || re.test(rows.find((r) => r.bookmaker === b)?.name ?? '')) ?? null;
  const exchange = rows.filter((r) => r.is_exchange === 1).map((r) => r.bookmaker);
  return {
    sharp: rows.filter((r) => r.is_sharp === 1).map((r) => r.bookmaker),
    exchange,
    aggregate,
    average: named(/^avg$|average/i),
    maximum: named(/^max$|maximum/i),
    order: rows.map((r) => r.bookmaker),
    commission: commissions(exchange, commission),
  };
}
