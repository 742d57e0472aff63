// History from the synced cache: finished matches with their score, and each reference book's closing
// quote (the one flagged is_closing, else the last one at or before kick-off) and earliest quote before it.
// The odds mirrors hold what the sync's window keeps (by default the last 30 days of quotes plus every
// match not finished): older finished matches count for rest and form but carry no price.
import type { Cache } from '../../../platform/cache/open';
import { allRows, requireTables, tableExists } from '../../../platform/cache/tables';
import { pickLine, priceReferenceText, type HistoryMatch, type LineCandidate, type PriceRole } from './history';

export interface ReferenceBooks {
  sharp: string[];
  exchange: string[];
  average: string[];
}

/** The aggregates that are a market average (football-data's Avg, the older Betbrain average). */
const AVERAGE_CODES = ['Avg', 'BbAv'];

export function referenceBooks(db: Cache): ReferenceBooks {
  if (!tableExists(db, 'bookmakers')) return { sharp: ['PS'], exchange: ['BFE'], average: ['Avg'] };
  const rows = allRows<{ bookmaker: string; sharp: number | null; exchange: number | null; aggregate: number | null }>(
    db,
    'SELECT bookmaker, is_sharp AS sharp, is_exchange AS exchange, is_aggregate AS aggregate FROM bookmakers ORDER BY bookmaker',
  );
  return {
    sharp: rows.filter((r) => r.sharp === 1).map((r) => r.bookmaker),
    exchange: rows.filter((r) => r.exchange === 1 && r.sharp !== 1).map((r) => r.bookmaker),
    average: AVERAGE_CODES.filter((c) => rows.some((r) => r.bookmaker === c)),
  };
}

export const cachePriceReference = (books: ReferenceBooks): string => priceReferenceText(books);

export interface CacheMatchRow {
  matchId: number;
  league: string;
  season: string;
  kickoff: string;
  home: number;
  away: number;
  homeGoals: number;
  awayGoals: number;
}

export function finishedMatches(db: Cache): CacheMatchRow[] {
  requireTables(db, ['matches']);
  return allRows<CacheMatchRow>(
    db,
    `SELECT match_id AS matchId, league_code AS league, season, kickoff, home_team_id AS home, away_team_id AS away,
            home_goals AS homeGoals, away_goals AS awayGoals
       FROM matches WHERE status = 'finished' AND home_goals IS NOT NULL AND away_goals IS NOT NULL`,
  );
}

type Quotes = Map<number, Map<string, { close: (number | null)[]; early: (number | null)[] }>>;

/** Closing and earliest quote of each (match, reference book, selection) of one odds table. */
function referenceQuotes(
  db: Cache,
  table: 'odds_history' | 'odds_totals',
  selections: readonly string[],
  books: readonly string[],
  kickoffs: Map<number, string>,
): Quotes {
  const out: Quotes = new Map();
  if (!tableExists(db, table) || books.length === 0) return out;
  const line = table === 'odds_totals' ? 'AND line = 2.5' : '';
  const stmt = db.prepare(
    `SELECT match_id, bookmaker, selection, odds, observed_at, is_closing FROM ${table}
      WHERE bookmaker IN (${books.map(() => '?').join(', ')}) ${line} AND odds > 1
      ORDER BY match_id, bookmaker, selection, observed_at`,
  );
  // one group = one (match, book, selection) series in time order
  let key = '';
  let series: { odds: number; at: string; closing: boolean }[] = [];
  const flush = (matchId: number, book: string, selection: string) => {
    const kickoff = kickoffs.get(matchId);
    const k = selections.indexOf(selection);
    if (kickoff === undefined || k < 0 || series.length === 0) return;
    const flagged = series.filter((q) => q.closing).at(-1);
    const close = flagged ?? series.filter((q) => q.at <= kickoff).at(-1);
    if (!close) return;
    const early = series.find((q) => q.at < close.at && !q.closing);
    let byBook = out.get(matchId);
    if (!byBook) out.set(matchId, (byBook = new Map()));
    let entry = byBook.get(book);
    if (!entry) byBook.set(book, (entry = { close: selections.map(() => null), early: selections.map(() => null) }));
    entry.close[k] = close.odds;
    entry.early[k] = early?.odds ?? null;
  };
  let last: [number, string, string] | null = null;
  for (const r of stmt.raw().iterate(...books) as Iterable<[number, string, string, number, string, number]>) {
    const [matchId, book, selection, odds, at, closing] = r;
    const k = `${matchId}|${book}|${selection}`;
    if (k !== key) {
      if (last) flush(...last);
      key = k;
      last = [matchId, book, selection];
      series = [];
    }
    series.push({ odds, at, closing: closing === 1 });
  }
  if (last) flush(...last);
  return out;
}

function candidates(quotes: Quotes, matchId: number, books: ReferenceBooks): LineCandidate[] {
  const byBook = quotes.get(matchId);
  if (!byBook) return [];
  const chain: [PriceRole, string[]][] = [
    ['sharp', books.sharp],
    ['exchange', books.exchange],
    ['average', books.average],
  ];
  return chain.flatMap(([role, list]) =>
    list.map((book) => ({ book, role, close: byBook.get(book)?.close ?? null, early: byBook.get(book)?.early ?? null })),
  );
}

/** Every finished match of the cache, priced where the reference books' quotes are in the cache. */
export function historyFromCache(db: Cache): { matches: HistoryMatch[]; books: ReferenceBooks } {
  const rows = finishedMatches(db);
  const books = referenceBooks(db);
  const all = [...books.sharp, ...books.exchange, ...books.average];
  const kickoffs = new Map(rows.map((r) => [r.matchId, r.kickoff]));
  const x12 = referenceQuotes(db, 'odds_history', ['home', 'draw', 'away'], all, kickoffs);
  const ou = referenceQuotes(db, 'odds_totals', ['over', 'under'], all, kickoffs);
  const matches = rows.map((r) => ({
    id: String(r.matchId),
    league: r.league,
    season: r.season,
    date: new Date(r.kickoff).toISOString().slice(0, 10),
    kickoff: r.kickoff,
    home: String(r.home),
    away: String(r.away),
    homeGoals: Number(r.homeGoals),
    awayGoals: Number(r.awayGoals),
    oneXTwo: pickLine(candidates(x12, r.matchId, books), 3),
    totals25: pickLine(candidates(ou, r.matchId, books), 2),
  }));
  return { matches, books };
}
