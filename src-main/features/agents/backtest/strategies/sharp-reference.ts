// "Sharp reference" (SPEC 10): bet the best pre-closing soft price of every selection priced above the
// sharp book's de-vigged pre-closing probability. Definition of test/reference/backtest_reference.py rule a.
import { z } from 'zod';
import { marketKind, SELECTIONS } from '../../../../../src-shared/contract/market';
import { bestSoftPrices, sharpFair } from '../../../../../src-shared/domain/market-prices';
import { defineStrategy, type BetIntent } from '../strategy';

export const sharpReference = defineStrategy({
  name: 'sharp-reference',
  summary: "Best pre-closing soft price of each selection above the sharp book's de-vigged pre-closing probability, 1 unit flat",
  params: z
    .object({
      minEdge: z.number().min(0).max(1).default(0).describe('bet when p_sharp × best − 1 > minEdge'),
      includeExchange: z.boolean().default(true).describe('count the exchange (BFE) among the soft books'),
      onePerMatch: z.boolean().default(false).describe('keep only the largest edge of each market line'),
      overroundMin: z.number().default(0.9).describe('a soft book counts when 1/odds of its whole line sums to at least this'),
      overroundMax: z.number().default(1.3).describe('… and at most this'),
      markets: z.array(marketKind).min(1).default(['1x2']).describe('markets priced by the sharp book'),
      stake: z.number().positive().default(1).describe('units per bet'),
    })
    .strict(),
  decide({ decision, roles, params }) {
    const bets: BetIntent[] = [];
    let forecast: number[] | null = null;
    const soft = params.includeExchange ? roles : { ...roles, aggregate: [...roles.aggregate, ...roles.exchange] };
    for (const m of decision) {
      if (!params.markets.includes(m.market)) continue;
      const fair = sharpFair(m, roles);
      if (!fair) continue;
      if (m.market === '1x2') forecast = fair.probabilities;
      const best = bestSoftPrices(m, soft, { overround: [params.overroundMin, params.overroundMax] });
      const edges = best.map((b, k) => (b ? fair.probabilities[k] * b.odds - 1 : -Infinity));
      let top = 0;
      edges.forEach((e, k) => (e > edges[top] ? (top = k) : undefined));
      best.forEach((b, k) => {
        if (!b || !(edges[k] > params.minEdge) || (params.onePerMatch && k !== top)) return;
        bets.push({
          market: m.market,
          line: m.line,
          selection: SELECTIONS[m.market][k],
          bookmaker: b.bookmaker,
          odds: b.odds,
          quoted: b.quoted,
          stake: params.stake,
          probability: fair.probabilities[k],
          edge: edges[k],
          basis: `sharp ${fair.bookmaker} de-vigged`,
        });
      });
    }
    return { bets, forecast, ...(forecast ? {} : { skip: 'no sharp 1X2 price' }) };
  },
});
