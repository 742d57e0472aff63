import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bestPrices,
  cappedKelly,
  closingLineValue,
  consensusProbabilities,
  devig,
  expectedValue,
  fractionalKelly,
  kellyFraction,
  kellyGrowth,
  probabilityEdge,
  QuantError,
  sharpReferenceProbabilities,
  simultaneousKelly,
  type DevigMethod,
} from '../../../src-shared/quant';
import { close, closeAll, fixture } from './fixtures';

interface Single {
  p: number;
  odds: number;
  multiplier: number;
  cap: number;
  ev: number;
  full: number;
  fractional: number;
  capped: number;
}
interface Simul {
  p: number[];
  odds: number[];
  fractions: number[];
  reserve_rate: number;
  growth: number;
  slsqp_fractions: number[];
}
const kelly = fixture<{ single: Single[]; simultaneous: Simul[] }>('kelly.json');

describe('Kelly against the reference', () => {
  it(`single bets: EV, full, fractional, capped (${kelly.single.length} cases)`, () => {
    expect(kelly.single.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of kelly.single.entries()) {
      close(expectedValue(c.p, c.odds), c.ev, 1e-9, `ev #${i}`);
      close(kellyFraction(c.p, c.odds), c.full, 1e-9, `full #${i}`);
      close(fractionalKelly(c.p, c.odds, c.multiplier), c.fractional, 1e-9, `fractional #${i}`);
      close(cappedKelly(c.p, c.odds, c.multiplier, c.cap), c.capped, 1e-9, `capped #${i}`);
    }
  });
  it(`simultaneous Kelly for exclusive outcomes (${kelly.simultaneous.length} markets)`, () => {
    expect(kelly.simultaneous.length).toBeGreaterThanOrEqual(50);
    let withBets = 0;
    for (const [i, c] of kelly.simultaneous.entries()) {
      const r = simultaneousKelly(c.p, c.odds);
      closeAll(r.fractions, c.fractions, 1e-9, `fractions #${i}`);
      close(r.reserveRate, c.reserve_rate, 1e-9, `reserve #${i}`);
      close(r.growth, c.growth, 1e-9, `growth #${i}`);
      // the exact solution is at least as good as scipy's numerical optimum
      expect(r.growth).toBeGreaterThanOrEqual(kellyGrowth(c.p, c.odds, c.slsqp_fractions) - 1e-9);
      if (r.fractions.some((f) => f > 0)) withBets++;
    }
    expect(withBets).toBeGreaterThan(10);
  });
  it('is a maximum of the growth rate over feasible stakes (worked 1X2 example)', () => {
    const p = [0.5, 0.3, 0.2];
    const odds = [2.2, 3.1, 4.0];
    const r = simultaneousKelly(p, odds);
    // only the home win has an edge (p·o = 1.1), yet the draw joins it: 0.93 > R({home}) = 0.5/(1 − 1/2.2) = 0.917;
    // then R = 0.2/(1 − 1/2.2 − 1/3.1) = 0.897 > 0.8 keeps the away win out
    expect(r.fractions[0]).toBeGreaterThan(0);
    expect(r.fractions[1]).toBeGreaterThan(0);
    expect(r.fractions[2]).toBe(0);
    close(r.reserveRate, 0.2 / (1 - 1 / 2.2 - 1 / 3.1), 1e-12);
    expect(r.growth).toBeGreaterThan(0);
    for (const d of [
      [0.005, 0, 0],
      [-0.005, 0, 0],
      [0, 0.005, 0],
      [0, 0, 0.005],
      [0.003, 0.003, 0],
    ]) {
      const f = r.fractions.map((x, i) => Math.max(0, x + d[i]));
      if (f.reduce((a, b) => a + b, 0) <= 1) expect(kellyGrowth(p, odds, f)).toBeLessThanOrEqual(r.growth + 1e-12);
    }
  });
  it('an arbitrage book (sum of 1/odds < 1) stakes the whole bankroll in proportion to p', () => {
    const r = simultaneousKelly([0.5, 0.3, 0.2], [2.2, 3.2, 4.5]);
    closeAll(r.fractions, [0.5, 0.3, 0.2], 1e-12);
    expect(r.reserveRate).toBe(0);
  });
  it('no edge, no bet; errors name the bad input', () => {
    expect(kellyFraction(0.4, 2.4)).toBe(0);
    expect(simultaneousKelly([0.5, 0.5], [1.9, 1.9]).fractions).toEqual([0, 0]);
    expect(() => kellyFraction(1.2, 2)).toThrow(/probability = 1.2/);
    expect(() => kellyFraction(0.5, 1)).toThrow(QuantError);
    expect(() => simultaneousKelly([0.5, 0.4], [2, 3])).toThrow(/sum to 0.9/);
    expect(() => simultaneousKelly([0.5, 0.5], [2, 0.9])).toThrow(/odds\[1\]/);
    close(probabilityEdge(0.55, 2), 0.05, 1e-15);
  });
  it('property: stakes are non-negative, total below 1, growth >= 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.double({ min: 0.7, max: 1.4, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (w, noise) => {
          const t = w.reduce((a, b) => a + b, 0);
          const p = w.map((x) => x / t);
          const odds = p.map((x, i) => Math.max(1.01, noise[i] / x / 1.05));
          const r = simultaneousKelly(p, odds);
          expect(r.fractions.every((f) => f >= 0)).toBe(true);
          expect(r.fractions.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-12);
          expect(r.growth).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
    );
  });
});

interface ClvCase {
  taken: number;
  closing: number[];
  selection: number;
  method: DevigMethod;
  fair: number;
  raw: number;
  fair_closing_odds: number;
}
const clv = fixture<{ cases: ClvCase[] }>('clv.json');

describe('CLV against the reference', () => {
  it(`${clv.cases.length} bets, every method`, () => {
    expect(clv.cases.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of clv.cases.entries()) {
      const r = closingLineValue(c.taken, c.closing, c.selection, c.method);
      const tol = ['multiplicative', 'additive', 'differential_margin_weighting'].includes(c.method) ? 1e-9 : 1e-6;
      close(r.raw, c.raw, 1e-9, `raw #${i}`);
      close(r.fair, c.fair, tol, `fair #${i}`);
      close(r.fairClosingOdds, c.fair_closing_odds, tol, `fair odds #${i}`);
    }
  });
  it('beating a 5% closing book by its margin is zero fair CLV', () => {
    const r = closingLineValue(2.0, [1.9047619047619047, 1.9047619047619047], 0);
    close(r.fair, 0, 1e-12);
    close(r.raw, 2 / 1.9047619047619047 - 1, 1e-12);
    expect(() => closingLineValue(2, [1.9, 1.9], 2)).toThrow(/selection 2/);
  });
});

interface ConsensusCase {
  books: Array<{ bookmaker: string; odds: Array<number | null> }>;
  method: DevigMethod;
  aggregate: 'median' | 'mean';
  probabilities: number[];
  bookmakers: string[];
  best: Array<{ odds: number; bookmaker: string } | null>;
}
const consensusRef = fixture<{ cases: ConsensusCase[] }>('consensus.json');

describe('consensus and best price against the reference', () => {
  it(`${consensusRef.cases.length} markets, every method, median and mean, with missing quotes`, () => {
    expect(consensusRef.cases.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of consensusRef.cases.entries()) {
      const r = consensusProbabilities(c.books, { method: c.method, aggregate: c.aggregate });
      const tol = ['multiplicative', 'additive', 'differential_margin_weighting'].includes(c.method) ? 1e-9 : 1e-6;
      closeAll(r.probabilities, c.probabilities, tol, `#${i} ${c.method} ${c.aggregate}`);
      expect(r.bookmakers).toEqual(c.bookmakers);
      expect(bestPrices(c.books)).toEqual(c.best);
    }
  });
});

describe('consensus and best price', () => {
  const books = [
    { bookmaker: 'Pinnacle', odds: [2.1, 3.4, 3.6] },
    { bookmaker: 'Bet365', odds: [2.0, 3.5, 3.7] },
    { bookmaker: 'WH', odds: [2.05, 3.3, null] },
    { bookmaker: 'BW', odds: [1.95, 3.6, 3.9] },
  ];
  it('median of de-vigged complete books, renormalised', () => {
    const c = consensusProbabilities(books);
    expect(c.bookmakers).toEqual(['Pinnacle', 'Bet365', 'BW']);
    const fair = [
      [2.1, 3.4, 3.6],
      [2.0, 3.5, 3.7],
      [1.95, 3.6, 3.9],
    ].map((o) => devig(o).probabilities);
    const med = [0, 1, 2].map((k) => fair.map((p) => p[k]).sort((a, b) => a - b)[1]);
    const t = med.reduce((a, b) => a + b, 0);
    closeAll(
      c.probabilities,
      med.map((m) => m / t),
      1e-15,
    );
    const mean = consensusProbabilities(books, { aggregate: 'mean', method: 'shin' });
    close(
      mean.probabilities.reduce((a, b) => a + b, 0),
      1,
      1e-15,
    );
  });
  it('sharp reference uses the sharp book when it quotes everything, else the consensus', () => {
    const s = sharpReferenceProbabilities(books);
    expect(s.source).toBe('sharp');
    closeAll(s.probabilities, devig([2.1, 3.4, 3.6]).probabilities, 1e-15);
    const noSharp = sharpReferenceProbabilities(books.map((b) => (b.bookmaker === 'Pinnacle' ? { ...b, odds: [2.1, null, 3.6] } : b)));
    expect(noSharp.source).toBe('consensus');
    expect(noSharp.bookmakers).toEqual(['Bet365', 'BW']);
    // football-data codes: Pinnacle is PS, and the exchange BFE is the next choice
    const codes = [
      { bookmaker: 'B365', odds: [2.0, 3.5, 3.7] },
      { bookmaker: 'BFE', odds: [2.08, 3.55, 3.95] },
    ];
    expect(sharpReferenceProbabilities(codes).bookmakers).toEqual(['BFE']);
    expect(sharpReferenceProbabilities([...codes, { bookmaker: 'PS', odds: [2.1, 3.4, 3.6] }]).bookmakers).toEqual(['PS']);
    expect(sharpReferenceProbabilities(codes, ['PS']).source).toBe('consensus');
  });
  it('best price per selection with its bookmaker; blanks are missing, never 0', () => {
    expect(bestPrices(books)).toEqual([
      { odds: 2.1, bookmaker: 'Pinnacle' },
      { odds: 3.6, bookmaker: 'BW' },
      { odds: 3.9, bookmaker: 'BW' },
    ]);
    expect(
      bestPrices([
        { bookmaker: 'A', odds: [null, 2] },
        { bookmaker: 'B', odds: [undefined, 2.1] },
      ])[0],
    ).toBeNull();
    expect(() => consensusProbabilities([{ bookmaker: 'A', odds: [2, null] }])).toThrow(/no bookmaker quotes all 2 outcomes/);
    expect(() => consensusProbabilities([{ bookmaker: 'X', odds: [2, 0.9] }])).toThrow(/bookmaker X: odds\[1\]/);
  });
});
