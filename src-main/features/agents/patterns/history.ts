// The history Agent C mines, whatever it was read from (the cache or football-data CSVs): finished matches
// with their score and, per market, the reference book's closing and earlier prices.

/** Which book a market's prices come from: the first of the sharp book, the exchange, the market average
 * that quotes the whole market at the close. */
export type PriceRole = 'sharp' | 'exchange' | 'average';

export interface PricedLine {
  book: string;
  role: PriceRole;
  /** 1X2: home, draw, away; totals 2.5: over, under. */
  close: number[];
  /** The same book's earlier price (opening, or football-data's pre-closing snapshot); null when unknown. */
  early: number[] | null;
}

export interface HistoryMatch {
  /** Cache match_id, or file:line for a CSV row. */
  id: string;
  league: string;
  season: string;
  /** UTC calendar date of kick-off, YYYY-MM-DD. */
  date: string;
  /** ISO-8601 instant of kick-off. */
  kickoff: string;
  /** Team keys (cache team id or CSV name) and names for display. */
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
  oneXTwo: PricedLine | null;
  totals25: PricedLine | null;
}

/** 1/odds summed over the market must lie here for a line to be used (drops publisher errors such as the
 * 0.55–0.80 Asian averages of late 2025, and placeholder prices). */
export const SANE_BOOK: readonly [number, number] = [0.97, 1.3];

export interface LineCandidate {
  book: string;
  role: PriceRole;
  close: readonly (number | null | undefined)[] | null;
  early: readonly (number | null | undefined)[] | null;
}

function complete(odds: readonly (number | null | undefined)[] | null, n: number): number[] | null {
  if (!odds || odds.length !== n) return null;
  let s = 0;
  for (const o of odds) {
    if (typeof o !== 'number' || !(o >= 1.01) || !Number.isFinite(o)) return null;
    s += 1 / o;
  }
  return s >= SANE_BOOK[0] && s <= SANE_BOOK[1] ? (odds as number[]) : null;
}

/** The first candidate (in the caller's order: sharp, exchange, average) whose closing prices are complete
 * and sane, with its own earlier prices when those are complete and sane too. */
export function pickLine(candidates: readonly LineCandidate[], n: number): PricedLine | null {
  for (const c of candidates) {
    const close = complete(c.close, n);
    if (close) return { book: c.book, role: c.role, close: [...close], early: complete(c.early, n)?.slice() ?? null };
  }
  return null;
}

/** What the reference price is, in words (stored with every pattern). */
export function priceReferenceText(books: { sharp: string[]; exchange: string[]; average: string[] }): string {
  const part = (what: string, list: string[]) => (list.length ? `${what} (${list.join(', ')})` : null);
  const chain = [
    part('the sharp book', books.sharp),
    part('the exchange', books.exchange),
    part('the market average', books.average),
  ].filter((x): x is string => x !== null);
  return `the closing price of ${chain.join(', else ')} that quotes the whole market`;
}

/** Matches sorted by kick-off (then id): the order every look-back walks in. */
export function byKickoff(matches: readonly HistoryMatch[]): HistoryMatch[] {
  return [...matches].sort((a, b) => (a.kickoff < b.kickoff ? -1 : a.kickoff > b.kickoff ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
