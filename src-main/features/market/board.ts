// Board rows from the latest (and opening) quote of every bookmaker: pure, no database.
// All the math is src-shared/quant's: net prices, median consensus of de-vigged books, sharp reference, overround.
// The best price is the best for the bettor: the highest net of each book's commission on winnings (an
// exchange's 5% may cost it the first place), and the edge is the net price's.
import { SELECTIONS, type BoardRow, type MarketKind } from '../../../src-shared/contract/market';
import { netOdds } from '../../../src-shared/quant/commission';
import { consensusProbabilities, median, sharpReferenceProbabilities, type BookQuote } from '../../../src-shared/quant/consensus';
import { overround } from '../../../src-shared/quant/odds';

/** One bookmaker's series for one selection of one market line, summarised by its first and last quote. */
export interface SeriesQuote {
  matchId: number;
  market: MarketKind;
  line: number | null;
  selection: string;
  bookmaker: string;
  odds: number;
  observedAt: string;
  openOdds: number;
  openAt: string;
}

export const rowId = (matchId: number, market: MarketKind, line: number | null, selection: string): string =>
  `${matchId}|${market}|${line ?? ''}|${selection}`;

const usable = (o: number): boolean => Number.isFinite(o) && o > 1;

interface Group {
  matchId: number;
  market: MarketKind;
  line: number | null;
  /** bookmaker → per selection index: latest and opening quote, and when each was observed */
  books: Map<string, { now: (number | null)[]; open: (number | null)[]; nowAt: (string | null)[]; openAt: (string | null)[] }>;
  updatedAt: (string | null)[];
}

/** Groups quotes by match × market × line; a selection outside the market's list is ignored. */
function group(quotes: Iterable<SeriesQuote>): Group[] {
  // match → market|line → group (nested maps: no key string per quote)
  const byMatch = new Map<number, Map<string, Group>>();
  const groups: Group[] = [];
  for (const q of quotes) {
    const sels = SELECTIONS[q.market];
    const k = sels.indexOf(q.selection);
    if (k < 0) continue;
    let m = byMatch.get(q.matchId);
    if (!m) byMatch.set(q.matchId, (m = new Map()));
    const key = q.line === null ? q.market : q.market + q.line;
    let g = m.get(key);
    if (!g) {
      g = { matchId: q.matchId, market: q.market, line: q.line, books: new Map(), updatedAt: sels.map(() => null) };
      m.set(key, g);
      groups.push(g);
    }
    let b = g.books.get(q.bookmaker);
    if (!b) {
      b = { now: sels.map(() => null), open: sels.map(() => null), nowAt: sels.map(() => null), openAt: sels.map(() => null) };
      g.books.set(q.bookmaker, b);
    }
    b.now[k] = usable(q.odds) ? q.odds : null;
    b.open[k] = usable(q.openOdds) ? q.openOdds : null;
    b.nowAt[k] = q.observedAt;
    b.openAt[k] = q.openAt;
    const u = g.updatedAt[k];
    if (u === null || q.observedAt > u) g.updatedAt[k] = q.observedAt;
  }
  return groups;
}

function tryConsensus(books: BookQuote[]): number[] | null {
  const n = books[0]?.odds.length ?? 0;
  if (!books.some((b) => b.odds.length === n && b.odds.every((o) => typeof o === 'number'))) return null;
  return consensusProbabilities(books).probabilities;
}

/** Each book's commission on net winnings (a book not listed takes none). */
export type Commissions = Readonly<Record<string, number>>;

interface NetBest {
  /** Net of the book's commission: what the bettor gets, and what the edge uses. */
  odds: number;
  quoted: number;
  commission: number;
  bookmaker: string;
}

/** Highest net price per selection (first book in the given order on ties); null if nobody quotes it. */
export function bestNetPrices(books: readonly BookQuote[], commission: Commissions, n: number): (NetBest | null)[] {
  const best: (NetBest | null)[] = new Array<NetBest | null>(n).fill(null);
  for (const b of books) {
    const c = commission[b.bookmaker] ?? 0;
    for (let k = 0; k < n; k++) {
      const o = b.odds[k];
      if (typeof o !== 'number' || !usable(o)) continue;
      const net = c > 0 ? netOdds(o, c) : o;
      const cur = best[k];
      if (cur === null || net > cur.odds) best[k] = { odds: net, quoted: o, commission: c, bookmaker: b.bookmaker };
    }
  }
  return best;
}

/** The rows of one market line: one per selection. */
export function groupRows(g: Group, sharpBooks: readonly string[], commission: Commissions): BoardRow[] {
  const sels = SELECTIONS[g.market];
  // bookmaker order decides ties of the best price: alphabetical, whatever order the quotes came in
  const entries = [...g.books].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // A book is its latest snapshot: a selection it did not quote then (pulled, or a refused price) is not
  // a price now, and an older quote of it must not be mixed into the book (same for the opening snapshot).
  const snapshot = (odds: (number | null)[], at: (string | null)[], pick: 'latest' | 'first'): (number | null)[] => {
    const ts = at.filter((t): t is string => t !== null);
    const t = ts.reduce((a, x) => ((pick === 'latest' ? x > a : x < a) ? x : a), ts[0]);
    return odds.map((o, k) => (at[k] === t ? o : null));
  };
  const now: BookQuote[] = entries.map(([bookmaker, b]) => ({ bookmaker, odds: snapshot(b.now, b.nowAt, 'latest') }));
  const open: BookQuote[] = entries.map(([bookmaker, b]) => ({ bookmaker, odds: snapshot(b.open, b.openAt, 'first') }));
  const best = bestNetPrices(now, commission, sels.length);
  const fair = tryConsensus(now);
  // most lines have not moved since they opened: same books, same prices, same consensus
  const unmoved = now.every((b, i) => b.odds.every((o, k) => o === open[i].odds[k]));
  const fairOpen = unmoved ? fair : tryConsensus(open);
  let sharp: { probs: number[]; book: string } | null = null;
  if (sharpBooks.length && fair) {
    const s = sharpReferenceProbabilities(now, sharpBooks);
    if (s.source === 'sharp') sharp = { probs: s.probabilities, book: s.bookmakers[0] };
  }
  const complete = now.filter((b) => b.odds.every((o) => typeof o === 'number')).map((b) => overround(b.odds as number[]));
  const margin = complete.length ? median(complete) : null;
  return sels.map((selection, k) => {
    const fp = fair ? fair[k] : null;
    const fo = fairOpen ? fairOpen[k] : null;
    const b = best[k];
    return {
      id: rowId(g.matchId, g.market, g.line, selection),
      matchId: g.matchId,
      market: g.market,
      line: g.line,
      selection,
      books: now.filter((q) => q.odds[k] != null).length,
      bestOdds: b?.odds ?? null,
      bestQuoted: b?.quoted ?? null,
      bestCommission: b?.commission ?? null,
      bestBook: b?.bookmaker ?? null,
      fairProb: fp,
      fairOdds: fp ? 1 / fp : null,
      sharpOdds: sharp ? 1 / sharp.probs[k] : null,
      sharpBook: sharp?.book ?? null,
      margin,
      openFairOdds: fo ? 1 / fo : null,
      // fair odds now / fair odds at opening − 1 = p_open / p_now − 1
      move: fp && fo ? fo / fp - 1 : null,
      edge: fp && b ? fp * b.odds - 1 : null,
      updatedAt: g.updatedAt[k] ?? '',
    };
  });
}

/** Board rows of every match × market line in the quotes, in match, market, line, selection order; best
 * prices and edges net of each book's commission (`bookRoles(db, settingsCommission(…)).commission`). */
export function boardRows(quotes: Iterable<SeriesQuote>, sharpBooks: readonly string[], commission: Commissions): BoardRow[] {
  const out: BoardRow[] = [];
  for (const g of group(quotes)) for (const r of groupRows(g, sharpBooks, commission)) if (r.books > 0) out.push(r);
  return out;
}
