// The closing line a bet is measured against (SPEC 6): the sharpest book's de-vigged closing prices,
// else an exchange's, else the market average's; a market with none of them has no closing line
// (counted as such, never a CLV of 0).
import { SELECTIONS, type MarketKind } from '../contract/market';
import { closingLineValue } from '../quant/clv';
import { devig } from '../quant/margins';
import { completeOdds, findMarket, isSoftBook, type BookRoles, type MarketPrices } from './market-prices';

export type ClosingReference = 'sharp' | 'exchange' | 'average' | 'none';
export const CLOSING_REFERENCES: readonly ClosingReference[] = ['sharp', 'exchange', 'average', 'none'];

export interface ClosingLine {
  reference: ClosingReference;
  /** The book whose prices were used ('mean of 5 books' when the average is computed from the books). */
  source: string | null;
  odds: number[] | null;
  probabilities: number[] | null;
}

const NONE: ClosingLine = { reference: 'none', source: null, odds: null, probabilities: null };

/** The mean price of each selection over the individual books quoting the whole line, when the source
 * has no market-average column (the cache); null when no book does. */
function meanOfBooks(m: MarketPrices, roles: BookRoles): { odds: number[]; books: number } | null {
  const n = SELECTIONS[m.market].length;
  const sum = new Array<number>(n).fill(0);
  let books = 0;
  for (const b of m.books) {
    if (!isSoftBook(b.bookmaker, roles) && !roles.sharp.includes(b.bookmaker)) continue;
    const odds = completeOdds(b, n);
    if (!odds) continue;
    odds.forEach((o, k) => (sum[k] += o));
    books++;
  }
  return books ? { odds: sum.map((s) => s / books), books } : null;
}

export function closingLine(closing: readonly MarketPrices[], market: MarketKind, line: number | null, roles: BookRoles): ClosingLine {
  const m = findMarket(closing, market, line);
  if (!m) return NONE;
  const n = SELECTIONS[market].length;
  const chain: [ClosingReference, string[]][] = [
    ['sharp', roles.sharp],
    ['exchange', roles.exchange],
    ['average', roles.average ? [roles.average] : []],
  ];
  for (const [reference, names] of chain) {
    for (const name of names) {
      const b = m.books.find((x) => x.bookmaker === name);
      const odds = b && completeOdds(b, n);
      if (odds) return { reference, source: name, odds, probabilities: devig(odds, 'multiplicative').probabilities };
    }
  }
  if (!roles.average) {
    const mean = meanOfBooks(m, roles);
    if (mean)
      return {
        reference: 'average',
        source: `mean of ${mean.books} books`,
        odds: mean.odds,
        probabilities: devig(mean.odds).probabilities,
      };
  }
  return NONE;
}

/** CLV of a bet at `odds` on selection `k` against a closing line: odds × de-vigged closing probability − 1
 * (quant's closingLineValue), null without a closing line. */
export function clvAgainst(c: ClosingLine, odds: number, k: number): number | null {
  if (!c.odds) return null;
  return closingLineValue(odds, c.odds, k, 'multiplicative').fair;
}
