// The goal expectations a market implies, against scipy (Nelder-Mead then BFGS on the same least squares),
// a round trip from known λ, and the refusals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dixonColesMatrix, impliedGoals, matchOdds, QuantError, totals } from '../../../src-shared/quant';
import { close, fixture } from './fixtures';

interface Case {
  home: number;
  draw: number;
  away: number;
  rho: number;
  totals?: { line: number; over: number };
  expected: { lambdaHome: number; lambdaAway: number };
}
const ref = fixture<{ cases: Case[] }>('implied-goals.json');

describe('goal expectations implied by a market', () => {
  it('equals scipy on every reference case, an inconsistent market included', () => {
    for (const [i, c] of ref.cases.entries()) {
      const g = impliedGoals(c, c.rho);
      close(g.lambdaHome, c.expected.lambdaHome, 1e-5, `case ${i} λ home`);
      close(g.lambdaAway, c.expected.lambdaAway, 1e-5, `case ${i} λ away`);
    }
  });

  it('recovers the λ a Dixon-Coles matrix was built from (round trip, property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.4, max: 3, noNaN: true }),
        fc.double({ min: 0.4, max: 3, noNaN: true }),
        fc.double({ min: -0.12, max: 0.05, noNaN: true }),
        (lh, la, rho) => {
          const m = dixonColesMatrix(lh, la, rho);
          const x = matchOdds(m);
          const o = totals(m, 2.5).over;
          const g = impliedGoals({ home: x.home, draw: x.draw, away: x.away, totals: { line: 2.5, over: o.win / (o.win + o.lose) } }, rho);
          expect(g.lambdaHome).toBeCloseTo(lh, 4);
          expect(g.lambdaAway).toBeCloseTo(la, 4);
          expect(g.rms).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses probabilities that are not a market', () => {
    expect(() => impliedGoals({ home: 0.5, draw: 0.3, away: 0.3 })).toThrow(/sum to 1/);
    expect(() => impliedGoals({ home: 1, draw: 0, away: 0 })).toThrow(QuantError);
    expect(() => impliedGoals({ home: 0.5, draw: 0.25, away: 0.25, totals: { line: 2.5, over: 1.2 } })).toThrow(/totals/);
  });
});
