// The legs CONSEIL joins into doubles, read from a fixture's prices as live: only books a double can be
// placed with (no exchange, no sharp book, no aggregate column, no excluded book), fresh quotes, 1X2 and
// half lines only, each with Agent B's probability.
import { describe, expect, it } from 'vitest';
import { comboLegs } from '../../../src-main/features/conseil/combo-run';
import { candidateRules } from '../../../src-main/features/decision';
import { sharpFair, type BookRoles, type MarketPrices } from '../../../src-shared/domain/market-prices';

const roles: BookRoles = {
  sharp: ['PS'],
  exchange: ['BFE'],
  // the run adds the Settings' excluded books to the aggregates: never a price taken
  aggregate: ['Max', 'EXCL'],
  average: null,
  maximum: 'Max',
  order: ['B365', 'BW', 'BFE', 'EXCL', 'Max', 'PS', 'STALE'],
  commission: { BFE: 0.05, BW: 0.02 },
};
const at = '2026-12-07T08:00:00.000Z';
const book = (bookmaker: string, odds: number[], since = at) => ({ bookmaker, odds, observedAt: at, priceSince: odds.map(() => since) });
const everyone = (odds: number[]) => ['B365', 'BW', 'BFE', 'EXCL', 'Max', 'PS'].map((b) => book(b, odds));
const prices: MarketPrices[] = [
  {
    market: '1x2',
    line: null,
    books: [...everyone([2.1, 3.4, 3.6]), book('STALE', [2.3, 3.5, 3.7], '2026-12-07T06:00:00.000Z')],
    lastMoveAt: '2026-12-07T07:00:00.000Z',
  },
  { market: 'totals', line: 2.5, books: everyone([1.95, 1.9]) },
  { market: 'totals', line: 2, books: everyone([1.6, 2.35]) },
  { market: 'spreads', line: -0.25, books: everyone([1.9, 1.95]) },
];

describe('combo legs from a fixture’s prices', () => {
  const legs = comboLegs(
    prices,
    { matrix: null, missing: 'test' },
    roles,
    candidateRules(0, { books: 'all', markets: ['1x2', 'totals', 'spreads'] }),
    () => null,
  );

  it('1X2 and half lines only: a whole goal line pushes, a quarter handicap half-settles', () => {
    expect(legs.map((l) => `${l.market}|${l.line}|${l.selection}`)).toEqual([
      '1x2|null|home',
      '1x2|null|draw',
      '1x2|null|away',
      'totals|2.5|over',
      'totals|2.5|under',
    ]);
  });

  it('quotes only from books a double can be placed with, fresh, net of their commission', () => {
    for (const l of legs) expect([...l.quotes.keys()].sort()).toEqual(['B365', 'BW']);
    const home = legs[0].quotes;
    expect(home.get('B365')).toEqual({ quoted: 2.1, net: 2.1, commission: 0 });
    expect(home.get('BW')!.net).toBeCloseTo(1 + 1.1 * 0.98, 12);
  });

  it('each leg with Agent B’s probability (here the sharp book de-vigged, the blend weight being 0)', () => {
    const fair1x2 = sharpFair(prices[0], roles)!.probabilities;
    const fairTotals = sharpFair(prices[1], roles)!.probabilities;
    expect(legs.map((l) => l.probability)).toEqual([...fair1x2, ...fairTotals]);
  });
});
