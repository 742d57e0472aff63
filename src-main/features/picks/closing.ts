// The closing line of one market line of one match, from the cache's odds series: each book's
// closing price, then the reference — the sharp book, else the exchange, else the average of the
// books quoting the whole market — and a pick's CLV against it. Pure: quotes in, numbers out.
import { closingLineValue } from '../../../src-shared/quant/clv';

export interface Quote {
  bookmaker: string;
  selection: string;
  /** null: the book showed no price (missing, never 0). */
  odds: number | null;
  observedAt: string;
  isClosing: boolean;
}

export interface BookFlags {
  code: string;
  sharp: boolean;
  exchange: boolean;
  aggregate: boolean;
}

interface Close {
  odds: number | null;
  observedAt: string;
  isClosing: boolean;
}

/** Each book's closing quote per selection: its latest is_closing quote, else its last quote at or
 * before kick-off (quotes after kick-off that are not marked closing are in-play: ignored). A closing
 * quote without a price leaves that selection without one. ISO times compare as text. */
export function bookCloses(quotes: readonly Quote[], kickoff: string): Map<string, Map<string, Close>> {
  const out = new Map<string, Map<string, Close>>();
  for (const q of quotes) {
    if (!q.isClosing && q.observedAt > kickoff) continue;
    let book = out.get(q.bookmaker);
    if (!book) out.set(q.bookmaker, (book = new Map()));
    const prev = book.get(q.selection);
    const better = !prev || (q.isClosing && !prev.isClosing) || (q.isClosing === prev.isClosing && q.observedAt > prev.observedAt);
    if (better) book.set(q.selection, { odds: q.odds, observedAt: q.observedAt, isClosing: q.isClosing });
  }
  return out;
}

export interface ClosingLine {
  status: 'closing' | 'last_quote' | 'missing';
  /** The book code, or 'average of N books'; null when missing. */
  reference: string | null;
  /** Reference prices in `selections` order (the average's are means of the books' prices). */
  odds: number[] | null;
  /** Latest quote time among those used. */
  observedAt: string | null;
  /** Every book's complete-or-not closing prices, for same-book CLV. */
  books: Map<string, Map<string, Close>>;
}

const usable = (c: Close | undefined): c is Close & { odds: number } =>
  c !== undefined && c.odds !== null && Number.isFinite(c.odds) && c.odds > 1;

/** A book's closes for every selection, or null when one is missing. */
function complete(book: Map<string, Close> | undefined, selections: readonly string[]): (Close & { odds: number })[] | null {
  if (!book) return null;
  const out: (Close & { odds: number })[] = [];
  for (const s of selections) {
    const c = book.get(s);
    if (!usable(c)) return null;
    out.push(c);
  }
  return out;
}

function lineFrom(reference: string, used: (Close & { odds: number })[][], books: ClosingLine['books']): ClosingLine {
  const n = used[0].length;
  const odds = Array.from({ length: n }, (_, i) => used.reduce((a, b) => a + b[i].odds, 0) / used.length);
  const all = used.flat();
  return {
    status: all.every((c) => c.isClosing) ? 'closing' : 'last_quote',
    reference,
    odds,
    observedAt: all.reduce((a, c) => (c.observedAt > a ? c.observedAt : a), ''),
    books,
  };
}

/** The reference closing line: the first sharp book (by code) quoting the whole market, else the
 * first exchange, else the market average: the source's own average column when `average` names one
 * that quotes the whole market (football-data's Avg, over many more books than the file holds), else
 * the mean price per selection over every real book quoting the whole market (aggregate columns are
 * not books). Missing when no book does. */
export function referenceClose(
  quotes: readonly Quote[],
  kickoff: string,
  selections: readonly string[],
  flags: readonly BookFlags[],
  opts: { average?: string } = {},
): ClosingLine {
  const books = bookCloses(quotes, kickoff);
  const byCode = [...flags].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const kind of ['sharp', 'exchange'] as const) {
    for (const f of byCode) {
      if (!f[kind] || f.aggregate) continue;
      const c = complete(books.get(f.code), selections);
      if (c) return lineFrom(f.code, [c], books);
    }
  }
  if (opts.average) {
    const c = complete(books.get(opts.average), selections);
    if (c) return lineFrom(opts.average, [c], books);
  }
  const aggregate = new Set(flags.filter((f) => f.aggregate).map((f) => f.code));
  const used: (Close & { odds: number })[][] = [];
  for (const [code, book] of [...books].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (aggregate.has(code)) continue;
    const c = complete(book, selections);
    if (c) used.push(c);
  }
  if (used.length === 0) return { status: 'missing', reference: null, odds: null, observedAt: null, books };
  return lineFrom(`average of ${used.length} book${used.length === 1 ? '' : 's'}`, used, books);
}

export interface PickClose {
  closingStatus: ClosingLine['status'];
  closingReference: string | null;
  closingOdds: number | null;
  closingFairOdds: number | null;
  closingObservedAt: string | null;
  closingBookOdds: number | null;
  clv: number | null;
  clvRaw: number | null;
}

/** A pick's closing price, fair closing price (multiplicative de-vig of the reference) and CLV. */
export function pickClose(
  line: ClosingLine,
  selections: readonly string[],
  selection: string,
  bookmaker: string,
  oddsTaken: number,
): PickClose {
  const own = line.books.get(bookmaker)?.get(selection);
  const closingBookOdds = usable(own) ? own.odds : null;
  const i = selections.indexOf(selection);
  if (!line.odds || i < 0)
    return {
      closingStatus: 'missing',
      closingReference: null,
      closingOdds: null,
      closingFairOdds: null,
      closingObservedAt: null,
      closingBookOdds,
      clv: null,
      clvRaw: null,
    };
  const c = closingLineValue(oddsTaken, line.odds, i, 'multiplicative');
  return {
    closingStatus: line.status,
    closingReference: line.reference,
    closingOdds: line.odds[i],
    closingFairOdds: c.fairClosingOdds,
    closingObservedAt: line.observedAt,
    closingBookOdds,
    clv: c.fair,
    clvRaw: c.raw,
  };
}
