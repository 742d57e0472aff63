// Agent B's decision on hand-made prices: fair probability (sharp, else consensus), blend, best fresh
// price, edge, Kelly (simultaneous on 1X2), the stale-quote check, one line per market; and its model
// probabilities for lines that push.
import { describe, expect, it } from 'vitest';
import { decideValue, modelProbabilities, type ValueRules } from '../../../src-main/features/agents/value';
import type { BookRoles, MarketPrices } from '../../../src-shared/domain/market-prices';
import { consensusProbabilities } from '../../../src-shared/quant/consensus';
import { simultaneousKelly, cappedKelly } from '../../../src-shared/quant/kelly';
import { devig } from '../../../src-shared/quant/margins';
import { asianHandicap, matchOdds, totals } from '../../../src-shared/quant/markets';
import { dixonColesMatrix } from '../../../src-shared/quant/poisson/score-matrix';
import { chooseBlendWeight, blendLoss, type BlendSample } from '../../../src-main/features/agents/backtest';
import { sfc32 } from '../../../src-shared/quant/random';

const roles: BookRoles = { sharp: ['PS'], exchange: ['BFE'], aggregate: ['Max'], average: null, maximum: 'Max', order: [], commission: {} };
const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T11:00:00.000Z';
const T2 = '2026-11-25T12:00:00.000Z';
const rules: ValueRules = {
  w: 0.3,
  minEdge: 0.02,
  kellyFraction: 0.25,
  cap: 0.05,
  markets: ['1x2', 'totals', 'spreads'],
  staking: 'simultaneous',
  noSharp: 'consensus',
  noModel: 'market',
  overround: [0.9, 1.3],
  staleCheck: true,
  books: 'soft',
};
const bk = (bookmaker: string, odds: (number | null)[], since = T0) => ({
  bookmaker,
  odds,
  observedAt: since,
  priceSince: odds.map(() => since),
});
const matrix = dixonColesMatrix(1.6, 1.1, -0.08);

describe('decideValue', () => {
  it("reads every price net of its book's commission: the best price is the best net price, edge and Kelly use it", () => {
    const withCommission: BookRoles = { ...roles, commission: { BFE: 0.05 } };
    const m: MarketPrices = {
      market: '1x2',
      line: null,
      // BFE quotes the highest away price (5.20) but 4.99 net of 5%, below B365's 5.00; its home price 2.50 is 2.425 net, still the best
      books: [bk('B365', [2.3, 3.6, 5.0]), bk('BFE', [2.5, 3.2, 5.2]), bk('PS', [2.4, 3.5, 3.1])],
      lastMoveAt: null,
    };
    const d = decideValue([m], withCommission, { matrix: null, missing: 'no model' }, { ...rules, w: 0 });
    const pf = devig([2.4, 3.5, 3.1]).probabilities;
    const [home, , away] = d.rows;
    expect(away.bestBook).toBe('B365');
    expect([away.bestOdds, away.bestQuoted, away.bestCommission]).toEqual([5.0, 5.0, 0]);
    expect(home.bestBook).toBe('BFE');
    expect(home.bestOdds).toBeCloseTo(2.425, 12);
    expect([home.bestQuoted, home.bestCommission]).toEqual([2.5, 0.05]);
    expect(home.edge).toBeCloseTo(pf[0] * 2.425 - 1, 14);
    expect(home.note).toMatch(/at 2\.5 \(BFE\), 2\.42 net of 5%/);
    const gross = decideValue([m], roles, { matrix: null, missing: 'no model' }, { ...rules, w: 0 });
    expect(gross.rows[2].bestBook).toBe('BFE');
    expect(gross.rows[0].edge).toBeCloseTo(pf[0] * 2.5 - 1, 14);
    expect(gross.rows[0].edge as number).toBeGreaterThan(home.edge as number);
  });

  it('1X2: p = w·model + (1 − w)·sharp fair, edge of the best soft price, simultaneous Kelly × fraction, capped', () => {
    const m: MarketPrices = {
      market: '1x2',
      line: null,
      books: [bk('B365', [2.3, 3.6, 3.4]), bk('BW', [2.25, 3.75, 3.6]), bk('PS', [2.2, 3.5, 3.4]), bk('Max', [9, 9, 9])],
      lastMoveAt: null,
    };
    const d = decideValue([m], roles, { matrix, missing: null }, rules);
    const x = matchOdds(matrix);
    const pm = [x.home, x.draw, x.away];
    const pf = devig([2.2, 3.5, 3.4]).probabilities;
    const p = pm.map((q, k) => 0.3 * q + 0.7 * pf[k]);
    const best = [2.3, 3.75, 3.6];
    const kelly = simultaneousKelly(p, best).fractions;
    d.rows.forEach((r, k) => {
      expect(r.marketProb).toBeCloseTo(pf[k], 14);
      expect(r.modelProb).toBeCloseTo(pm[k], 14);
      expect(r.blendProb).toBeCloseTo(p[k], 14);
      expect(r.bestOdds).toBe(best[k]);
      expect(r.edge).toBeCloseTo(p[k] * best[k] - 1, 14);
      const expected = kelly[k] > 0 && p[k] * best[k] - 1 > 0.02 ? Math.min(0.05, 0.25 * kelly[k]) : null;
      expect(r.stake === null ? null : r.stake).toEqual(expected === null ? null : expect.closeTo(expected, 14));
    });
    expect(d.rows.some((r) => r.bet)).toBe(true);
    expect(d.rows.every((r) => r.bestBook !== 'Max' && r.bestBook !== 'PS')).toBe(true);
    expect(d.forecast).toEqual(d.rows.map((r) => r.blendProb));
    expect(d.rows[0].basis).toBe('blend w=0.300 of Dixon-Coles and sharp PS');
  });

  it("no sharp price: the de-vigged consensus of the sane soft books (a publisher's error left out), or a pass", () => {
    const m: MarketPrices = {
      market: '1x2',
      line: null,
      books: [bk('B365', [2.3, 3.6, 3.4]), bk('BW', [2.25, 3.75, 3.6]), bk('XX', [20, 30, 30])],
      lastMoveAt: null,
    };
    const d = decideValue([m], roles, { matrix: null, missing: 'no model' }, rules);
    const c = consensusProbabilities([
      { bookmaker: 'B365', odds: [2.3, 3.6, 3.4] },
      { bookmaker: 'BW', odds: [2.25, 3.75, 3.6] },
    ]).probabilities;
    d.rows.forEach((r, k) => expect(r.marketProb).toBeCloseTo(c[k], 14));
    expect(d.rows[0].marketSource).toBe('consensus of 2 books');
    expect(d.rows[0].basis).toBe('market only (consensus of 2 books): no model');
    expect(d.notes).toContain('no model: market only');
    const skip = decideValue([m], roles, { matrix: null, missing: null }, { ...rules, noSharp: 'skip' });
    expect(skip.rows.every((r) => !r.bet && r.blendProb === null)).toBe(true);
    expect(skip.notes).toEqual(['no sharp price']);
  });

  it('a best price unchanged since the market last moved is stale: refused, the next fresh price used, and said', () => {
    // the sharp book moved at T1 (home shortened); B365 still shows its T0 price, BW re-priced at T2
    const m: MarketPrices = {
      market: '1x2',
      line: null,
      books: [bk('B365', [2.6, 3.4, 3.0], T0), bk('BW', [2.12, 3.5, 3.5], T2), bk('PS', [2.1, 3.6, 3.7], T1)],
      lastMoveAt: T1,
    };
    const fresh = decideValue([m], roles, { matrix: null, missing: null }, { ...rules, w: 0 });
    expect(fresh.rows[0].bestBook).toBe('BW');
    expect(fresh.rows[0].bestOdds).toBe(2.12);
    expect(fresh.rows[0].staleBest).toEqual({ odds: 2.6, bookmaker: 'B365' });
    expect(fresh.rows[0].note).toMatch(/B365 2\.6 is stale/);
    const unchecked = decideValue([m], roles, { matrix: null, missing: null }, { ...rules, w: 0, staleCheck: false });
    expect(unchecked.rows[0].bestBook).toBe('B365');
    expect(unchecked.rows[0].bet).toBe(true);
    expect(fresh.rows[0].bet).toBe(false);
  });

  it("books 'all': the sharp book's own price may be taken, but never has value against itself alone (w = 0)", () => {
    const m: MarketPrices = {
      market: '1x2',
      line: null,
      books: [bk('B365', [2.1, 3.3, 3.3]), bk('PS', [2.2, 3.6, 3.4]), bk('Max', [9, 9, 9])],
      lastMoveAt: null,
    };
    const alone = decideValue([m], roles, { matrix: null, missing: null }, { ...rules, w: 0, books: 'all' });
    expect(alone.rows.map((r) => r.bestBook)).toEqual(['PS', 'PS', 'PS']);
    expect(alone.rows.every((r) => (r.edge as number) < 0 && !r.bet)).toBe(true);
    const blended = decideValue([m], roles, { matrix, missing: null }, { ...rules, w: 0.6, books: 'all' });
    expect(blended.rows.some((r) => r.bet && r.bestBook === 'PS')).toBe(true);
    expect(blended.rows.every((r) => r.bestBook !== 'Max')).toBe(true);
  });

  it("'best' staking bets the largest edge only, with capped fractional Kelly", () => {
    const m: MarketPrices = {
      market: '1x2',
      line: null,
      books: [bk('B365', [2.5, 4.2, 3.6]), bk('PS', [2.2, 3.6, 3.4])],
      lastMoveAt: null,
    };
    const d = decideValue([m], roles, { matrix: null, missing: null }, { ...rules, w: 0, staking: 'best' });
    const pf = devig([2.2, 3.6, 3.4]).probabilities;
    const e = [2.5, 4.2, 3.6].map((o, k) => pf[k] * o - 1);
    const top = e.indexOf(Math.max(...e));
    expect(d.rows.filter((r) => r.bet).map((r) => r.selection)).toEqual([['home', 'draw', 'away'][top]]);
    expect(d.rows[top].stake).toBeCloseTo(cappedKelly(pf[top], [2.5, 4.2, 3.6][top], 0.25, 0.05), 14);
  });

  it('totals and AH: one line per market kind (the largest edge), the model on the push-free probability', () => {
    const lines: MarketPrices[] = [
      { market: 'totals', line: 2.5, books: [bk('B365', [2.1, 1.85]), bk('PS', [1.95, 1.95])], lastMoveAt: null },
      { market: 'totals', line: 3, books: [bk('B365', [2.9, 1.5]), bk('PS', [2.6, 1.55])], lastMoveAt: null },
      { market: 'spreads', line: -0.25, books: [bk('BW', [2.02, 1.9]), bk('PS', [1.93, 1.97])], lastMoveAt: null },
    ];
    const d = decideValue(lines, roles, { matrix, missing: null }, { ...rules, w: 0.2 });
    const totalBets = d.rows.filter((r) => r.market === 'totals' && r.bet);
    expect(totalBets).toHaveLength(1);
    const losers = d.rows.filter((r) => r.market === 'totals' && !r.bet && /another totals line has a larger edge/.test(r.note));
    for (const r of losers) expect(r.edge as number).toBeLessThanOrEqual(totalBets[0].edge as number);
    const t3 = totals(matrix, 3);
    const r3 = d.rows.find((r) => r.market === 'totals' && r.line === 3 && r.selection === 'over')!;
    expect(r3.modelProb).toBeCloseTo(t3.over.win / (t3.over.win + t3.over.lose), 14);
  });
});

describe('modelProbabilities', () => {
  it('two sides of a totals or AH line sum to 1 on whole, half and quarter lines; 1X2 is the matrix', () => {
    for (const line of [2, 2.25, 2.5, 2.75, 3])
      expect(modelProbabilities(matrix, 'totals', line).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const line of [-1, -0.75, -0.5, -0.25, 0, 0.25, 1])
      expect(modelProbabilities(matrix, 'spreads', line).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const ah = asianHandicap(matrix, -0.75);
    expect(modelProbabilities(matrix, 'spreads', -0.75)[0]).toBeCloseTo(1 / ah.home.fairOdds, 14);
    expect(modelProbabilities(matrix, '1x2', null)).toEqual(Object.values(matchOdds(matrix)));
  });
});

describe('chooseBlendWeight', () => {
  const rng = sfc32(5);
  const norm = (v: number[]) => v.map((x) => x / v.reduce((a, b) => a + b, 0));
  const sample = (mix: number): BlendSample => {
    const model = norm([rng() + 0.2, rng() + 0.2, rng() + 0.2]);
    const market = norm([rng() + 0.2, rng() + 0.2, rng() + 0.2]);
    return { model, market, close: model.map((q, k) => mix * q + (1 - mix) * market[k]) };
  };
  it('finds the w of a close that is a known mixture, and the brute-force minimum of the log loss to 1e-4', () => {
    for (const mix of [0, 0.15, 0.6, 1]) {
      const samples = Array.from({ length: 300 }, () => sample(mix));
      const c = chooseBlendWeight(samples);
      expect(c.w).toBeCloseTo(mix, 4);
      let best = 0;
      for (let i = 0; i <= 10_000; i++) if (blendLoss(samples, i / 10_000) < blendLoss(samples, best)) best = i / 10_000;
      expect(Math.abs(c.w - best)).toBeLessThan(2e-4);
      expect(c.loss!.chosen).toBeLessThanOrEqual(Math.min(c.loss!.marketOnly, c.loss!.modelOnly) + 1e-12);
      expect(c.fixtures).toBe(300);
    }
  });
  it('no sample: w = 0 (market only), no loss', () => {
    expect(chooseBlendWeight([])).toEqual({ w: 0, fixtures: 0, loss: null });
  });
});
