// A price snapshot (every book's prices on each market line at one moment) and how to read it: one
// market line, the books that quote all of it, best prices, the sharp reference. Pure: the live agents
// (from the cache) and the backtests (from any data source) read prices the same way.
import { SELECTIONS, type MarketKind } from '../contract/market';
import { netOdds } from '../quant/commission';
import { devig } from '../quant/margins';

/** One bookmaker's prices for every selection of one market line (SELECTIONS order; null = not offered). */
export interface BookPrices {
  bookmaker: string;
  odds: (number | null)[];
  /** When this snapshot of the book was observed (ISO-8601), null when the source does not say. */
  observedAt: string | null;
  /** When the book's current price of each selection was first seen (the start of its current run of
   * equal prices): a price unchanged since before the market's last move is stale. */
  priceSince?: (string | null)[];
}

/** Every book's prices on one market line at one moment. */
export interface MarketPrices {
  market: MarketKind;
  /** null for 1X2; the goal line for totals; the home team's handicap for spreads. */
  line: number | null;
  books: BookPrices[];
  /** The market's last move before this snapshot: the latest time the reference (sharp) book changed its
   * implied probability of a selection by at least the move threshold (null: none seen). */
  lastMoveAt?: string | null;
}

/** Who is who among the bookmakers of a data source. Order matters: the first sharp book quoting a
 * whole market is the reference; `order` settles ties of the best price (first wins). */
export interface BookRoles {
  sharp: string[];
  exchange: string[];
  /** Aggregates (market maximum / average columns): never a price one can take from a book. */
  aggregate: string[];
  /** The aggregate that is the market average (football-data Avg), when the source has one. */
  average: string | null;
  /** The aggregate that is the market maximum (football-data Max). */
  maximum: string | null;
  order: string[];
  /** Commission on net winnings per book (an exchange's, 0.05 = 5%); a book not listed takes none. Every
   * price a decision takes is read net of it (`bestSoftPrices`). */
  commission: Readonly<Record<string, number>>;
}

/** The exchange's commission on net winnings unless the analyst sets another (Settings, backtest param). */
export const DEFAULT_EXCHANGE_COMMISSION = 0.05;

/** Exchanges at the default commission, then the overrides (a book set to 0 takes none). */
export function commissions(exchange: readonly string[], overrides: Readonly<Record<string, number>> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of exchange) out[b] = DEFAULT_EXCHANGE_COMMISSION;
  for (const [b, c] of Object.entries(overrides)) out[b] = c;
  return out;
}

export const commissionOf = (roles: Pick<BookRoles, 'commission'>, bookmaker: string): number => roles.commission[bookmaker] ?? 0;

export function findMarket(markets: readonly MarketPrices[], market: MarketKind, line: number | null): MarketPrices | undefined {
  return markets.find((m) => m.market === market && (m.line ?? null) === line);
}

/** The book's prices when it quotes every selection of the market, else null. */
export function completeOdds(b: BookPrices, n: number): number[] | null {
  if (b.odds.length !== n) return null;
  for (const o of b.odds) if (typeof o !== 'number' || !(o > 1)) return null;
  return b.odds as number[];
}

export const selectionIndex = (market: MarketKind, selection: string): number => SELECTIONS[market].indexOf(selection);

/** Books one can bet with: neither the sharp reference nor an aggregate column. */
export function isSoftBook(bookmaker: string, roles: BookRoles): boolean {
  return !roles.sharp.includes(bookmaker) && !roles.aggregate.includes(bookmaker);
}

export interface SoftPriceOptions {
  /** A book counts only when its whole group is quoted and 1/odds sums within this range (drops publisher errors). */
  overround?: readonly [number, number];
  /** A price the caller refuses (e.g. a stale quote) is not a candidate. */
  refuse?: (book: BookPrices, selection: number) => boolean;
}

export interface Best {
  /** The price the bettor gets: the quoted price net of the book's commission on winnings. */
  odds: number;
  /** The price the book quotes. */
  quoted: number;
  /** The book's commission on net winnings (0 at a bookmaker). */
  commission: number;
  bookmaker: string;
  observedAt: string | null;
}

/** Highest soft price of each selection, net of each book's commission (the best price for a bettor is
 * the best net price), among the books whose whole quoted group passes the checks; ties go to the first
 * book in the snapshot's order. */
export function bestSoftPrices(m: MarketPrices, roles: BookRoles, opts: SoftPriceOptions = {}): (Best | null)[] {
  const n = SELECTIONS[m.market].length;
  const [lo, hi] = opts.overround ?? [0, Infinity];
  const best: (Best | null)[] = new Array<Best | null>(n).fill(null);
  for (const b of m.books) {
    if (!isSoftBook(b.bookmaker, roles)) continue;
    const odds = completeOdds(b, n);
    if (!odds) continue;
    let s = 0;
    for (const o of odds) s += 1 / o;
    if (s < lo || s > hi) continue;
    const c = commissionOf(roles, b.bookmaker);
    for (let k = 0; k < n; k++) {
      if (opts.refuse?.(b, k)) continue;
      const cur = best[k];
      const net = netOdds(odds[k], c);
      if (cur === null || net > cur.odds)
        best[k] = { odds: net, quoted: odds[k], commission: c, bookmaker: b.bookmaker, observedAt: b.observedAt };
    }
  }
  return best;
}

/** The first sharp book (in the roles' order) quoting the whole market line, de-vigged multiplicatively. */
export function sharpFair(m: MarketPrices, roles: BookRoles): { bookmaker: string; probabilities: number[] } | null {
  const n = SELECTIONS[m.market].length;
  for (const name of roles.sharp) {
    const b = m.books.find((x) => x.bookmaker === name);
    const odds = b && completeOdds(b, n);
    if (odds) return { bookmaker: name, probabilities: devig(odds, 'multiplicative').probabilities };
  }
  return null;
}

/** A book's whole group, by name (e.g. the football-data Max or Avg columns). */
export function bookOdds(m: MarketPrices | undefined, bookmaker: string | null): number[] | null {
  if (!m || !bookmaker) return null;
  const b = m.books.find((x) => x.bookmaker === bookmaker);
  return b ? completeOdds(b, SELECTIONS[m.market].length) : null;
}
