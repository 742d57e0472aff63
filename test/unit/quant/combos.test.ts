import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  comboPrice,
  jointFromCorrelation,
  legCorrelation,
  legCorrelationRange,
  QuantError,
  type JointBinary,
} from '../../../src-shared/quant';
import { close, fixture } from './fixtures';

interface FromPhi {
  p_a: number;
  p_b: number;
  phi: number;
  range_min: number;
  range_max: number;
  joint: JointBinary;
  invalid_phi: number[];
}
interface Price {
  joint: JointBinary;
  probability: number;
  independent: number;
  fair_odds: number;
  independent_fair_odds: number;
  lift: number;
  correlation: number;
}
const ref = fixture<{ from_correlation: FromPhi[]; prices: Price[] }>('combos.json');

const KEYS = ['p11', 'p10', 'p01', 'p00'] as const;

describe('two-leg combos against numpy/scipy', () => {
  it(`correlation range = scipy linprog over the joint cells; joint from (P(A), P(B), phi), ends included (${ref.from_correlation.length})`, () => {
    expect(ref.from_correlation.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.from_correlation.entries()) {
      const w = `#${i} pA=${c.p_a} pB=${c.p_b} phi=${c.phi}`;
      const r = legCorrelationRange(c.p_a, c.p_b);
      close(r.min, c.range_min, 1e-12, `min ${w}`);
      close(r.max, c.range_max, 1e-12, `max ${w}`);
      const j = jointFromCorrelation(c.p_a, c.p_b, c.phi);
      for (const k of KEYS) close(j[k], c.joint[k], 1e-13, `${k} ${w}`);
      close(legCorrelation(j)!, c.phi, 1e-12, `round trip ${w}`);
      for (const bad of c.invalid_phi) expect(() => jointFromCorrelation(c.p_a, c.p_b, bad), `${w} bad ${bad}`).toThrow(/outside \[/);
    }
  });
  it(`combo price: P(both), the independent product, lift and phi (weighted numpy covariance) (${ref.prices.length})`, () => {
    expect(ref.prices.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.prices.entries()) {
      const r = comboPrice(c.joint);
      close(r.probability, c.probability, 1e-15, `p #${i}`);
      close(r.independentProbability, c.independent, 1e-15, `independent #${i}`);
      close(r.fairOdds, c.fair_odds, 1e-13, `odds #${i}`);
      close(r.independentFairOdds, c.independent_fair_odds, 1e-13, `independent odds #${i}`);
      close(r.lift!, c.lift, 1e-13, `lift #${i}`);
      close(r.correlation!, c.correlation, 1e-12, `phi #${i}`);
    }
  });
  it('worked example: home win and over 2.5 in one match', () => {
    // P(home) = 0.5, P(over) = 0.55, phi = 0.2: P(both) = 0.275 + 0.2·√(0.25·0.2475) = 0.32475...
    const j = jointFromCorrelation(0.5, 0.55, 0.2);
    const c = comboPrice(j);
    close(c.probability, 0.275 + 0.2 * Math.sqrt(0.25 * 0.2475), 1e-15);
    close(c.independentProbability, 0.275, 1e-15);
    expect(c.fairOdds).toBeLessThan(c.independentFairOdds);
    close(c.marginalA, 0.5, 1e-15);
    close(c.marginalB, 0.55, 1e-15);
    // legs of 0.5 and 0.55 cannot be perfectly correlated: phi at most √(0.5·0.45/(0.5·0.55)) = 0.9045
    close(legCorrelationRange(0.5, 0.55).max, Math.sqrt((0.5 * 0.45) / (0.5 * 0.55)), 1e-15);
    expect(() => jointFromCorrelation(0.5, 0.55, 0.95)).toThrow(QuantError);
    expect(comboPrice({ p11: 0, p10: 0.5, p01: 0.5, p00: 0 }).fairOdds).toBe(Infinity);
    expect(comboPrice({ p11: 0, p10: 0, p01: 0.7, p00: 0.3 }).lift).toBeNull();
    expect(legCorrelation({ p11: 0.4, p10: 0.6, p01: 0, p00: 0 })).toBeNull();
  });
  it('property: marginals kept, cells >= 0 over the whole range, phi round-trips, P(both) rises with phi, 0 = independence', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pA, pB, u) => {
          const { min, max } = legCorrelationRange(pA, pB);
          expect(min).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(max).toBeLessThanOrEqual(1 + 1e-12);
          const phi = min + u * (max - min);
          const j = jointFromCorrelation(pA, pB, phi);
          for (const k of KEYS) expect(j[k]).toBeGreaterThanOrEqual(0);
          close(j.p11 + j.p10 + j.p01 + j.p00, 1, 1e-14);
          close(j.p11 + j.p10, pA, 1e-14);
          close(j.p11 + j.p01, pB, 1e-14);
          close(legCorrelation(j)!, phi, 1e-9);
          expect(comboPrice(jointFromCorrelation(pA, pB, Math.min(max, phi + 0.01))).probability).toBeGreaterThanOrEqual(
            comboPrice(j).probability,
          );
          const ind = jointFromCorrelation(pA, pB, 0);
          close(comboPrice(ind).probability, pA * pB, 1e-15);
          // at either end of the range one cell is empty
          for (const end of [min, max]) expect(Math.min(...KEYS.map((k) => jointFromCorrelation(pA, pB, end)[k]))).toBeLessThan(1e-15);
        },
      ),
    );
  });
  it('errors name the bad input', () => {
    expect(() => comboPrice({ p11: 0.3, p10: 0.3, p01: 0.3, p00: 0.3 })).toThrow(/sum to 1.2/);
    expect(() => comboPrice({ p11: -0.1, p10: 0.5, p01: 0.3, p00: 0.3 })).toThrow(/joint\.p11 = -0.1/);
    expect(() => jointFromCorrelation(1, 0.5, 0)).toThrow(/P\(A\) = 1 must be a probability strictly between 0 and 1/);
    expect(() => jointFromCorrelation(0.5, 0.5, NaN)).toThrow(/correlation = NaN/);
    // the lowest phi for 0.3 and 0.4 is −0.12/√(0.21·0.24) = −0.5345
    expect(() => jointFromCorrelation(0.3, 0.4, -0.6)).toThrow(/correlation -0.6 is outside \[-0.534/);
  });
});
