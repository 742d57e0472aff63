// Kaunitz, Zhong & Kreiner (2017), "Beating the bookies with their own numbers - and how the online
// sports betting market is rigged" (arXiv:1710.02824): bet the maximum price when it beats the
// average-implied probability by a margin, p_cons = 1/avg, bet when max·(p_cons − α) > 1 (α = 0.05 in the
// paper; α absorbs the margin, so p_cons is not de-margined). The paper bets the closing prices.
// Definition of test/reference/backtest_reference.py rule b.
import { z } from 'zod';
import { SELECTIONS } from '../../../../../src-shared/contract/market';
import {
  bookOdds,
  commissionOf,
  findMarket,
  isSoftBook,
  type BookRoles,
  type MarketPrices,
} from '../../../../../src-shared/domain/market-prices';
import { netOdds } from '../../../../../src-shared/quant/commission';
import { devig } from '../../../../../src-shared/quant/margins';
import { defineStrategy, type BetIntent } from '../strategy';

/** Maximum and average price of each selection: the source's Max/Avg columns, else computed over the
 * individual books quoting the selection (the cache has no aggregate columns). */
function maxAndAverage(
  m: MarketPrices | undefined,
  roles: BookRoles,
): { max: (number | null)[]; quoted: (number | null)[]; avg: (number | null)[]; maxBook: (string | null)[] } {
  const n = 3;
  const max: (number | null)[] = new Array<number | null>(n).fill(null);
  const avg: (number | null)[] = new Array<number | null>(n).fill(null);
  const quoted: (number | null)[] = new Array<number | null>(n).fill(null);
  const maxBook: (string | null)[] = new Array<string | null>(n).fill(null);
  if (!m) return { max, quoted, avg, maxBook };
  const one = (book: string | null) => {
    const b = book ? m.books.find((x) => x.bookmaker === book) : undefined;
    return b ? b.odds : null;
  };
  const mx = one(roles.maximum);
  const av = one(roles.average);
  for (let k = 0; k < n; k++) {
    const fromBooks = m.books
      .filter((b) => isSoftBook(b.bookmaker, roles) || roles.sharp.includes(b.bookmaker))
      .filter((b) => typeof b.odds[k] === 'number');
    if (mx && typeof mx[k] === 'number') {
      max[k] = mx[k];
      quoted[k] = mx[k];
      maxBook[k] = roles.maximum;
    } else if (!roles.maximum && fromBooks.length) {
      // the best price for a bettor is the best net of each book's commission
      const net = (b: (typeof fromBooks)[number]) => netOdds(b.odds[k] as number, commissionOf(roles, b.bookmaker));
      const top = fromBooks.reduce((a, b) => (net(b) > net(a) ? b : a));
      max[k] = net(top);
      quoted[k] = top.odds[k] as number;
      maxBook[k] = top.bookmaker;
    }
    if (av && typeof av[k] === 'number') avg[k] = av[k];
    else if (!roles.average && fromBooks.length) avg[k] = fromBooks.reduce((a, b) => a + (b.odds[k] as number), 0) / fromBooks.length;
  }
  return { max, quoted, avg, maxBook };
}

export const kaunitz = defineStrategy({
  name: 'kaunitz',
  summary: 'Kaunitz, Zhong & Kreiner (2017): bet the maximum price when max × (1/average − α) > 1, 1 unit flat',
  params: z
    .object({
      alpha: z.number().min(0).max(0.5).default(0.05).describe('margin α on the average-implied probability (0.05 in the paper)'),
      prices: z
        .enum(['closing', 'pre-closing'])
        .default('closing')
        .describe('bet the closing prices (as the paper) or the pre-closing ones'),
      demargined: z.boolean().default(false).describe('de-margin the average prices (multiplicative) before subtracting α'),
      stake: z.number().positive().default(1).describe('units per bet'),
    })
    .strict(),
  decide({ decision, atKickoff, roles, params }) {
    const m = findMarket(params.prices === 'closing' ? atKickoff : decision, '1x2', null);
    const { max, quoted, avg, maxBook } = maxAndAverage(m, roles);
    let pCons: (number | null)[] = avg.map((a) => (a === null ? null : 1 / a));
    if (params.demargined) {
      const full = avg.every((a) => a !== null);
      pCons = full ? devig(avg as number[], 'multiplicative').probabilities : [null, null, null];
    }
    const bets: BetIntent[] = [];
    for (let k = 0; k < 3; k++) {
      const o = max[k];
      const p = pCons[k];
      if (o === null || p === null) continue;
      const adj = p - params.alpha;
      const edge = o * adj - 1;
      if (!(adj > 0 && edge > 0)) continue;
      bets.push({
        market: '1x2',
        line: null,
        selection: SELECTIONS['1x2'][k],
        bookmaker: maxBook[k] ?? 'max',
        odds: o,
        quoted: quoted[k] as number,
        stake: params.stake,
        probability: adj,
        edge,
        basis: `${params.demargined ? 'de-margined ' : ''}1/average − α (${params.alpha}) at the ${params.prices} maximum`,
      });
    }
    const full = avg.every((a) => a !== null);
    const forecast = full ? devig(avg as number[], 'multiplicative').probabilities : null;
    const aggregate = bookOdds(m, roles.average);
    return { bets, forecast, ...(m && (aggregate || !roles.average) ? {} : { skip: `no ${params.prices} average price` }) };
  },
});
