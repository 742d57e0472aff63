import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitRidge, predictRidge, QuantError } from '../../../src-shared/quant';
import { close, closeAll, fixture } from './fixtures';

interface Case {
  names: string[];
  x: number[][];
  y: number[];
  weights: number[];
  lambda: number;
  prior: number[];
  expected: { intercept: number; coefficients: number[]; means: number[]; sds: number[]; residualSd: number };
}
const ref = fixture<{ cases: Case[] }>('ridge.json');

describe('weighted ridge regression on standardised features', () => {
  it('equals numpy (augmented least squares) on every reference case, a constant feature and a prior included', () => {
    for (const [i, c] of ref.cases.entries()) {
      const f = fitRidge(c.names, c.x, c.y, { lambda: c.lambda, weights: c.weights, prior: c.prior });
      close(f.intercept, c.expected.intercept, 1e-10, `case ${i} intercept`);
      closeAll(f.coefficients, c.expected.coefficients, 1e-9, `case ${i} coefficients`);
      closeAll(f.means, c.expected.means, 1e-10, `case ${i} means`);
      closeAll(f.sds, c.expected.sds, 1e-10, `case ${i} sds`);
      close(f.residualSd, c.expected.residualSd, 1e-9, `case ${i} residual sd`);
    }
  });

  it('a prediction is the intercept plus the contributions; at the means it is the intercept', () => {
    const c = ref.cases[1];
    const f = fitRidge(c.names, c.x, c.y, { lambda: c.lambda, weights: c.weights });
    const p = predictRidge(f, c.x[3]);
    close(p.value, f.intercept + p.contributions.reduce((a, b) => a + b, 0), 1e-12, 'sum');
    expect(predictRidge(f, f.means).value).toBeCloseTo(f.intercept, 12);
  });

  it('a larger λ pulls every coefficient toward the prior (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ref.cases.length - 1 }), fc.double({ min: 0.1, max: 50, noNaN: true }), (k, lam) => {
        const c = ref.cases[k];
        const dist = (l: number) => {
          const f = fitRidge(c.names, c.x, c.y, { lambda: l, weights: c.weights, prior: c.prior });
          return Math.hypot(...f.coefficients.map((b, j) => b - c.prior[j]));
        };
        expect(dist(lam * 10)).toBeLessThanOrEqual(dist(lam) + 1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses bad input with a clear error', () => {
    expect(() => fitRidge(['a'], [], [], { lambda: 1 })).toThrow(QuantError);
    expect(() => fitRidge(['a'], [[1]], [1], { lambda: 0 })).toThrow(/λ must be > 0/);
    expect(() => fitRidge(['a'], [[Number.NaN]], [1], { lambda: 1 })).toThrow(/non-finite/);
    expect(() => fitRidge(['a', 'b'], [[1]], [1], { lambda: 1 })).toThrow(/row 0 has 1 features, expected 2/);
  });
});

describe('ridge with collinear features merged', () => {
  /** Column 3 a near-copy of column 0 (a small independent wobble), column 4 an exact negative copy of column 1. */
  const withCopies = (c: Case) => ({
    names: [...c.names, 'copy0', 'neg1'],
    x: c.x.map((row, i) => [...row, row[0] + 1e-3 * Math.sin(i), -2 * row[1]]),
  });

  it('leaves out each feature whose |r| with one kept exceeds the threshold: the same fit as without its column', () => {
    const c = ref.cases[0];
    const { names, x } = withCopies(c);
    const f = fitRidge(names, x, c.y, { lambda: c.lambda, weights: c.weights, collinear: { threshold: 0.95 } });
    expect(f.merged!.map((m) => [m.name, m.into])).toEqual([
      ['copy0', 'f0'],
      ['neg1', 'f1'],
    ]);
    expect(f.merged![1].r).toBeCloseTo(-1, 12);
    const plain = fitRidge(c.names, c.x, c.y, { lambda: c.lambda, weights: c.weights });
    closeAll(f.coefficients, [...plain.coefficients, 0, 0], 1e-12, 'coefficients');
    close(f.residualSd, plain.residualSd, 1e-12, 'residual sd');
    expect(predictRidge(f, x[5]).value).toBeCloseTo(predictRidge(plain, c.x[5]).value, 12);
  });

  it('keeps the features named first in the priority order', () => {
    const c = ref.cases[0];
    const { names, x } = withCopies(c);
    const f = fitRidge(names, x, c.y, { lambda: c.lambda, collinear: { threshold: 0.95, priority: ['copy0', 'neg1'] } });
    expect(f.merged!.map((m) => [m.name, m.into])).toEqual([
      ['f0', 'copy0'],
      ['f1', 'neg1'],
    ]);
    expect(f.coefficients[0]).toBe(0);
    expect(f.coefficients[3]).not.toBe(0);
  });

  it('merges nothing when no pair passes the threshold, and says so (an empty list); without the option, no list', () => {
    for (const c of ref.cases) {
      const f = fitRidge(c.names, c.x, c.y, { lambda: c.lambda, weights: c.weights, prior: c.prior, collinear: { threshold: 0.999 } });
      expect(f.merged).toEqual([]);
      expect(fitRidge(c.names, c.x, c.y, { lambda: c.lambda }).merged).toBeUndefined();
    }
  });

  it('refuses a threshold outside (0, 1]', () => {
    const c = ref.cases[0];
    expect(() => fitRidge(c.names, c.x, c.y, { lambda: 1, collinear: { threshold: 1.5 } })).toThrow(/collinearity threshold/);
    expect(() => fitRidge(c.names, c.x, c.y, { lambda: 1, collinear: { threshold: 0 } })).toThrow(/collinearity threshold/);
  });
});
