import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  asianHandicap,
  asianHandicapSettlements,
  dixonColesMatrix,
  kellyFraction,
  kellyFractionWithPushes,
  kellyGrowthWithPushes,
  QuantError,
  settlementProfit,
  totals,
  totalSettlements,
  type Settlement,
  type SettlementProbabilities,
} from '../../../src-shared/quant';
import { close, fixture } from './fixtures';

type Dist = Record<Settlement, number>;
interface SettlementCase {
  lambda_home: number;
  lambda_away: number;
  rho: number;
  ah_line: number;
  total_line: number;
  ah_home: Dist;
  ah_away: Dist;
  over: Dist;
  under: Dist;
}
interface KellyCase {
  source: string;
  outcomes: SettlementProbabilities;
  odds: number;
  fraction: number;
  growth: number;
  fraction_minimize_scalar: number;
  growth_minimize_scalar: number;
}
const ref = fixture<{ settlements: SettlementCase[]; kelly: KellyCase[] }>('kelly_pushes.json');

function closeDist(actual: Dist, expected: Dist, what: string): void {
  for (const k of Object.keys(expected) as Settlement[]) close(actual[k], expected[k], 1e-13, `${what} ${k}`);
}

describe('settlement distributions from a score matrix against the reference', () => {
  it(`AH and totals, whole/half/quarter lines, every score settled exactly (${ref.settlements.length} matrices × 4 sides)`, () => {
    expect(ref.settlements.length).toBeGreaterThanOrEqual(25);
    for (const [i, c] of ref.settlements.entries()) {
      const m = dixonColesMatrix(c.lambda_home, c.lambda_away, c.rho, 15);
      const ah = asianHandicapSettlements(m, c.ah_line);
      const tot = totalSettlements(m, c.total_line);
      closeDist(ah.home, c.ah_home, `#${i} AH home ${c.ah_line}`);
      closeDist(ah.away, c.ah_away, `#${i} AH away`);
      closeDist(tot.over, c.over, `#${i} over ${c.total_line}`);
      closeDist(tot.under, c.under, `#${i} under`);
      // the averaged shares of asianHandicap()/totals() are these, half results counted half
      for (const [d, fair] of [
        [ah.home, asianHandicap(m, c.ah_line).home],
        [tot.under, totals(m, c.total_line).under],
      ] as const) {
        close(d.won + d.half_won / 2, fair.win, 1e-13, `#${i} win share`);
        close(d.void + (d.half_won + d.half_lost) / 2, fair.push, 1e-13, `#${i} push share`);
        close(d.lost + d.half_lost / 2, fair.lose, 1e-13, `#${i} lose share`);
      }
    }
  });
});

describe('Kelly with pushes and half results against scipy', () => {
  it(`optimal fraction = brentq root of G', and at least as good as minimize_scalar on G (${ref.kelly.length} bets)`, () => {
    expect(ref.kelly.length).toBeGreaterThanOrEqual(50);
    let interior = 0;
    for (const [i, c] of ref.kelly.entries()) {
      const f = kellyFractionWithPushes(c.outcomes, c.odds);
      const what = `#${i} ${c.source} ${JSON.stringify(c.outcomes)} @ ${c.odds}`;
      close(f, c.fraction, 1e-12, `fraction ${what}`);
      const g = kellyGrowthWithPushes(c.outcomes, c.odds, f);
      close(g, c.growth, 1e-14, `growth ${what}`);
      // minimising by function values alone pins the argument only to ~√ε around a flat maximum (and stops
      // ~1e-8 short of a boundary optimum): 1e-7 on the fraction, and our growth is never below scipy's
      close(f, c.fraction_minimize_scalar, 1e-7, `vs minimize_scalar ${what}`);
      expect(g, what).toBeGreaterThanOrEqual(c.growth_minimize_scalar - 1e-15);
      if (f > 0 && f < 1) interior++;
      if (c.source === 'win_lose') close(f, kellyFraction(c.outcomes.won!, c.odds), 1e-12, `plain Kelly ${what}`);
    }
    expect(interior).toBeGreaterThan(60);
  });
  it('worked examples: a quarter line and a whole line', () => {
    // AH −0.25 at 2.0: won 45%, half lost (draw) 27%, lost 28%: E = 0.45 − 0.135 − 0.28 = 0.035 per unit
    const q = { won: 0.45, half_lost: 0.27, lost: 0.28 };
    const f = kellyFractionWithPushes(q, 2);
    expect(f).toBeGreaterThan(0);
    const slope = 0.45 / (1 + f) - (0.27 * 0.5) / (1 - f / 2) - 0.28 / (1 - f);
    close(slope, 0, 1e-14);
    // whole line: the push returns the stake, so Kelly is plain Kelly on P(win | no push)
    close(kellyFractionWithPushes({ won: 0.44, void: 0.26, lost: 0.3 }, 2.1), kellyFraction(0.44 / 0.74, 2.1), 1e-13);
    // nothing can be lost in full and G' > 0 at f = 1: the whole bankroll, never more
    expect(kellyFractionWithPushes({ won: 0.9, half_lost: 0.1 }, 2)).toBe(1);
    expect(kellyFractionWithPushes({ won: 0.4, lost: 0.6 }, 2)).toBe(0);
    expect(kellyFractionWithPushes({ void: 1 }, 2)).toBe(0);
  });
  it('property: won/void/lost is Kelly on P(won)/(P(won) + P(lost)); the fraction maximises G; more odds, no smaller stake', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
        ),
        fc.double({ min: 1.02, max: 6, noNaN: true }),
        (w, odds) => {
          const t = w.reduce((a, b) => a + b, 0);
          const [won, hw, v, hl, lost] = w.map((x) => x / t);
          const q = { won, half_won: hw, void: v, half_lost: hl, lost };
          const f = kellyFractionWithPushes(q, odds);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThan(1);
          const g = kellyGrowthWithPushes(q, odds, f);
          for (const d of [1e-4, 1e-3, 0.05]) {
            if (f + d < 1) expect(kellyGrowthWithPushes(q, odds, f + d)).toBeLessThanOrEqual(g + 1e-15);
            if (f - d >= 0) expect(kellyGrowthWithPushes(q, odds, f - d)).toBeLessThanOrEqual(g + 1e-15);
          }
          expect(kellyFractionWithPushes(q, odds * 1.05)).toBeGreaterThanOrEqual(f - 1e-12);
          const whole = { won, void: v, lost };
          const s = won + v + lost;
          const wq = { won: won / s, void: v / s, lost: lost / s };
          close(kellyFractionWithPushes(wq, odds), kellyFraction(whole.won / (whole.won + whole.lost), odds), 1e-12);
        },
      ),
    );
  });
  it('errors name the bad input', () => {
    expect(() => kellyFractionWithPushes({ won: 0.5, lost: 0.4 }, 2)).toThrow(/sum to 0.9/);
    expect(() => kellyFractionWithPushes({ won: 0.5, lost: 0.6, void: -0.1 }, 2)).toThrow(/void = -0.1/);
    expect(() => kellyFractionWithPushes({ won: 0.5, push: 0.5 } as SettlementProbabilities, 2)).toThrow(/'push' is not one of/);
    expect(() => kellyFractionWithPushes({ won: 0.5, lost: 0.5 }, 1)).toThrow(QuantError);
    expect(() => kellyGrowthWithPushes({ won: 0.5, lost: 0.5 }, 2, 1.5)).toThrow(/fraction = 1.5/);
    expect(settlementProfit('half_won', 1.9)).toBeCloseTo(0.45, 15);
    expect(() => asianHandicapSettlements(dixonColesMatrix(1.4, 1.1, 0), 0.3)).toThrow(/multiple of 0.25/);
  });
});
