// Price snapshots of a match from its quote series: at a moment T, every book's latest price of each
// selection seen no later than T, when that price was first seen (its age), and the market's last move
// (the latest time a sharp book moved a selection's implied probability by at least a threshold). And
// the closing snapshot (the quotes flagged is_closing). Pure: the series come from iterateQuoteChanges.
import { SELECTIONS, type MarketKind } from '../../../src-shared/contract/market';
import type { BookPrices, MarketPrices } from '../../../src-shared/domain/market-prices';

/** A quote that starts a run of equal prices (or a closing quote), as iterateQuoteChanges yields them. */
export interface QuoteChange {
  matchId: number;
  market: MarketKind;
  line: number | null;
  selection: string;
  bookmaker: string;
  odds: number;
  /** The series' previous price (null for its first quote). */
  prev: number | null;
  at: string;
  closing: boolean;
}

/** One bookmaker's series of one selection: its price changes in time order, and its closing quote. */
export interface SeriesRuns {
  market: MarketKind;
  line: number | null;
  selection: string;
  bookmaker: string;
  runs: { odds: number; prev: number | null; at: string }[];
  close: { odds: number; at: string } | null;
}

/** Series per match from a stream of changes (any order within a series is fixed: runs sorted by time). */
export function collectSeries(changes: Iterable<QuoteChange>): Map<number, SeriesRuns[]> {
  const byMatch = new Map<number, Map<string, SeriesRuns>>();
  for (const c of changes) {
    let m = byMatch.get(c.matchId);
    if (!m) byMatch.set(c.matchId, (m = new Map()));
    const key = `${c.market}|${c.line ?? ''}|${c.selection}|${c.bookmaker}`;
    let s = m.get(key);
    if (!s) m.set(key, (s = { market: c.market, line: c.line, selection: c.selection, bookmaker: c.bookmaker, runs: [], close: null }));
    if (c.closing) {
      if (!s.close || c.at > s.close.at) s.close = { odds: c.odds, at: c.at };
    } else s.runs.push({ odds: c.odds, prev: c.prev, at: c.at });
  }
  const out = new Map<number, SeriesRuns[]>();
  for (const [id, m] of byMatch) {
    const list = [...m.values()];
    for (const s of list) s.runs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    out.set(id, list);
  }
  return out;
}

export interface SnapshotOptions {
  /** Books whose moves are the market's moves (the sharp books), in preference order. */
  sharpBooks: readonly string[];
  /** A move of at least this much implied probability (|1/new − 1/old|) counts as the market moving. */
  moveThreshold?: number;
}

interface LineAcc {
  market: MarketPrices;
  books: Map<string, BookPrices>;
}

function lineOf(acc: Map<string, LineAcc>, market: MarketKind, line: number | null): LineAcc {
  const key = `${market}|${line ?? ''}`;
  let a = acc.get(key);
  if (!a) acc.set(key, (a = { market: { market, line, books: [], lastMoveAt: null }, books: new Map() }));
  return a;
}

function bookOf(a: LineAcc, bookmaker: string): BookPrices {
  let b = a.books.get(bookmaker);
  if (!b) {
    const n = SELECTIONS[a.market.market].length;
    a.books.set(
      bookmaker,
      (b = {
        bookmaker,
        odds: new Array<number | null>(n).fill(null),
        observedAt: null,
        priceSince: new Array<string | null>(n).fill(null),
      }),
    );
  }
  return b;
}

function finish(acc: Map<string, LineAcc>): MarketPrices[] {
  const out: MarketPrices[] = [];
  for (const a of acc.values()) {
    // alphabetical: the order that settles ties of the best price, as on the board
    a.market.books = [...a.books.values()].sort((x, y) => (x.bookmaker < y.bookmaker ? -1 : x.bookmaker > y.bookmaker ? 1 : 0));
    if (a.market.books.length) out.push(a.market);
  }
  return out;
}

/** Every book's prices as they stood at `at` (runs seen no later than `at`; closing quotes left out). */
export function pricesAt(series: readonly SeriesRuns[], at: string, opts: SnapshotOptions): MarketPrices[] {
  const threshold = opts.moveThreshold ?? 0.01;
  const acc = new Map<string, LineAcc>();
  for (const s of series) {
    const k = SELECTIONS[s.market].indexOf(s.selection);
    if (k < 0) continue;
    let cur: SeriesRuns['runs'][number] | null = null;
    const sharp = opts.sharpBooks.includes(s.bookmaker);
    const a = lineOf(acc, s.market, s.line);
    for (const r of s.runs) {
      if (r.at > at) break;
      cur = r;
      if (sharp && r.prev !== null && Math.abs(1 / r.odds - 1 / r.prev) >= threshold) {
        if (a.market.lastMoveAt === null || r.at > (a.market.lastMoveAt as string)) a.market.lastMoveAt = r.at;
      }
    }
    if (!cur) continue;
    const b = bookOf(a, s.bookmaker);
    b.odds[k] = cur.odds;
    (b.priceSince as (string | null)[])[k] = cur.at;
    if (b.observedAt === null || cur.at > b.observedAt) b.observedAt = cur.at;
  }
  return finish(acc);
}

/** The closing quotes (is_closing) of every book. */
export function closingPrices(series: readonly SeriesRuns[]): MarketPrices[] {
  const acc = new Map<string, LineAcc>();
  for (const s of series) {
    const k = SELECTIONS[s.market].indexOf(s.selection);
    if (k < 0 || !s.close) continue;
    const b = bookOf(lineOf(acc, s.market, s.line), s.bookmaker);
    b.odds[k] = s.close.odds;
    (b.priceSince as (string | null)[])[k] = s.close.at;
    if (b.observedAt === null || s.close.at > b.observedAt) b.observedAt = s.close.at;
  }
  return finish(acc);
}
