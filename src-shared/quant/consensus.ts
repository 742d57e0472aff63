// Market consensus across bookmakers: de-vig each complete book, combine per outcome, renormalise.
import { QuantError } from './errors';
import { devig, type DevigMethod } from './margins';

export interface BookQuote {
  bookmaker: string;
  /** Decimal odds per outcome, same order in every book; null/undefined = not offered (never 0). */
  odds: ReadonlyArray<number | null | undefined>;
}

export interface ConsensusOptions {
  method?: DevigMethod;
  aggregate?: 'median' | 'mean';
}

export interface Consensus {
  probabilities: number[];
  /** Bookmakers whose complete book went into the consensus. */
  bookmakers: string[];
  source: 'consensus' | 'sharp';
}

function complete(b: BookQuote, n: number): b is BookQuote & { odds: number[] } {
  return b.odds.length === n && b.odds.every((o) => typeof o === 'number');
}

function outcomeCount(books: readonly BookQuote[]): number {
  if (books.length === 0) throw new QuantError('no bookmaker quotes to build a consensus from');
  return books[0].odds.length;
}

/** Median (default) or mean of the de-vigged books that quote every outcome, renormalised to sum 1. */
export function consensusProbabilities(books: readonly BookQuote[], opts: ConsensusOptions = {}): Consensus {
  const n = outcomeCount(books);
  const usable = books.filter((b) => complete(b, n));
  if (usable.length === 0) throw new QuantError(`no bookmaker quotes all ${n} outcomes`);
  const fair = usable.map((b) => {
    try {
      return devig(b.odds as number[], opts.method ?? 'multiplicative').probabilities;
    } catch (err) {
      throw new QuantError(`bookmaker ${b.bookmaker}: ${(err as Error).message}`);
    }
  });
  const agg = opts.aggregate ?? 'median';
  const raw = Array.from({ length: n }, (_, k) => {
    const col = fair.map((p) => p[k]);
    return agg === 'mean' ? col.reduce((a, b) => a + b, 0) / col.length : median(col);
  });
  const t = raw.reduce((a, b) => a + b, 0);
  return { probabilities: raw.map((p) => p / t), bookmakers: usable.map((b) => b.bookmaker), source: 'consensus' };
}

/** Sharp books in order of preference when the caller has no list (the source's `bookmakers.is_sharp`):
 * Pinnacle (football-data code PS), then the Betfair exchange (BFE), as SPEC 6 orders the closing line. */
export const DEFAULT_SHARP_BOOKS = ['PS', 'Pinnacle', 'BFE'] as const;

/** The first sharp book (in `sharpBooks` order) that quotes every outcome, de-vigged; otherwise the consensus. */
export function sharpReferenceProbabilities(
  books: readonly BookQuote[],
  sharpBooks: readonly string[] = DEFAULT_SHARP_BOOKS,
  opts: ConsensusOptions = {},
): Consensus {
  const n = outcomeCount(books);
  for (const name of sharpBooks) {
    const b = books.find((x) => x.bookmaker === name && complete(x, n));
    if (b)
      return {
        probabilities: devig(b.odds as number[], opts.method ?? 'multiplicative').probabilities,
        bookmakers: [b.bookmaker],
        source: 'sharp',
      };
  }
  return consensusProbabilities(books, opts);
}

export interface BestPrice {
  odds: number;
  bookmaker: string;
}

/** Highest price per outcome and who offers it (first in input order on ties); null if nobody quotes it. */
export function bestPrices(books: readonly BookQuote[]): Array<BestPrice | null> {
  const n = outcomeCount(books);
  return Array.from({ length: n }, (_, k) => {
    let best: BestPrice | null = null;
    for (const b of books) {
      const o = b.odds[k];
      if (typeof o === 'number' && Number.isFinite(o) && o > 1 && (best === null || o > best.odds))
        best = { odds: o, bookmaker: b.bookmaker };
    }
    return best;
  });
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new QuantError('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
