import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brierScore, meanRankedProbabilityScore, QuantError, rankedProbabilityScore } from '../../../src-shared/quant';
import { close, fixture } from './fixtures';

interface Case {
  probabilities: number[][];
  outcomes: number[];
  per_match: number[];
  mean: number;
}
const ref = fixture<{ cases: Case[] }>('rps.json');

/** A forecast over r outcomes (Dirichlet-like from positive weights) and an outcome index. */
const forecast = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 })
  .filter((w) => w.reduce((a, b) => a + b, 0) > 1e-6)
  .chain((w) => {
    const t = w.reduce((a, b) => a + b, 0);
    return fc.tuple(fc.constant(w.map((x) => x / t)), fc.nat(w.length - 1));
  });

describe('ranked probability score against numpy', () => {
  it(`per match and mean, r = 2..7 ordered outcomes (${ref.cases.length} sets)`, () => {
    expect(ref.cases.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.cases.entries()) {
      close(meanRankedProbabilityScore(c.probabilities, c.outcomes), c.mean, 1e-14, `mean #${i}`);
      c.probabilities.forEach((row, k) => close(rankedProbabilityScore(row, c.outcomes[k]), c.per_match[k], 1e-14, `#${i} match ${k}`));
    }
  });
  it('1X2 worked values (home, draw, away ordered)', () => {
    expect(rankedProbabilityScore([1, 0, 0], 0)).toBe(0);
    close(rankedProbabilityScore([0.9, 0.1, 0], 0), 0.005, 1e-16);
    close(rankedProbabilityScore([0.8, 0.1, 0.1], 0), 0.025, 1e-16);
    close(rankedProbabilityScore([0.5, 0.25, 0.25], 0), 0.15625, 1e-16);
    close(rankedProbabilityScore([0.5, 0.25, 0.25], 1), 0.15625, 1e-16);
    close(rankedProbabilityScore([0.5, 0.25, 0.25], 2), 0.40625, 1e-16);
    expect(rankedProbabilityScore([0, 0, 1], 0)).toBe(1);
    // the order matters: for a home win, mass on the draw is less wrong than the same mass on the away win
    expect(rankedProbabilityScore([0.5, 0.4, 0.1], 0)).toBeLessThan(rankedProbabilityScore([0.5, 0.1, 0.4], 0));
    expect(brierScore([[0.5, 0.4, 0.1]], [0])).toBe(brierScore([[0.5, 0.1, 0.4]], [0]));
  });
  it('property: in [0, 1]; two outcomes = half the two-class Brier score; reversing the order changes nothing', () => {
    fc.assert(
      fc.property(forecast, ([p, o]) => {
        const v = rankedProbabilityScore(p, o);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1 + 1e-15);
        close(rankedProbabilityScore([...p].reverse(), p.length - 1 - o), v, 1e-14);
        if (p.length === 2) close(v, brierScore([p], [o]) / 2, 1e-15);
      }),
    );
  });
  it('property: moving mass one step towards the outcome never raises the score', () => {
    fc.assert(
      fc.property(forecast, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), ([p, o], share, pick) => {
        const from = pick % p.length;
        if (from === o) return;
        const to = from < o ? from + 1 : from - 1;
        const q = [...p];
        const moved = p[from] * share;
        q[from] -= moved;
        q[to] += moved;
        expect(rankedProbabilityScore(q, o)).toBeLessThanOrEqual(rankedProbabilityScore(p, o) + 1e-15);
      }),
    );
  });
  it('errors name the bad forecast', () => {
    expect(() => rankedProbabilityScore([0.5, 0.3, 0.1], 0)).toThrow(/sum to 0.9/);
    expect(() => rankedProbabilityScore([1], 0)).toThrow(/at least 2 ordered outcomes/);
    expect(() =>
      meanRankedProbabilityScore(
        [
          [0.5, 0.5],
          [0.2, 0.8],
        ],
        [0, 2],
      ),
    ).toThrow(/outcome 1 = 2/);
    expect(() =>
      meanRankedProbabilityScore(
        [
          [0.5, 0.5],
          [1.2, -0.2],
        ],
        [0, 0],
      ),
    ).toThrow(/forecast 1, outcome 0/);
    expect(() => meanRankedProbabilityScore([], [])).toThrow(QuantError);
  });
});
