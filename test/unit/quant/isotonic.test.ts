// Isotonic regression (PATRON's score calibration) against scipy.optimize.isotonic_regression, the binned
// calibration curve, its interpolation, and its refusals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitIsotonicCurve, isotonic, predictIsotonic, QuantError } from '../../../src-shared/quant';
import { closeAll, fixture } from './fixtures';

interface Ref {
  sequences: { y: number[]; w: number[]; expected: number[] }[];
  curves: { score: number[]; outcome: number[]; minBin: number; expected: { x: number[]; p: number[] } }[];
}
const ref = fixture<Ref>('isotonic.json');

describe('isotonic regression (pool adjacent violators)', () => {
  it('equals scipy on weighted sequences', () => {
    for (const [i, c] of ref.sequences.entries()) closeAll(isotonic(c.y, c.w), c.expected, 1e-10, `sequence ${i}`);
  });

  it('the binned calibration curve equals scipy on the bins of (score, outcome) rows', () => {
    for (const [i, c] of ref.curves.entries()) {
      const f = fitIsotonicCurve(c.score, c.outcome, c.minBin);
      closeAll(f.x, c.expected.x, 1e-12, `curve ${i} knots`);
      closeAll(f.p, c.expected.p, 1e-10, `curve ${i} probabilities`);
      expect(f.n).toBe(c.score.length);
    }
  });

  it('is non-decreasing and keeps the weighted mean; the curve interpolates its knots and is flat beyond them (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 60 }), (y) => {
        const f = isotonic(y);
        for (let k = 1; k < f.length; k++) expect(f[k]).toBeGreaterThanOrEqual(f[k - 1] - 1e-12);
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(mean(f)).toBeCloseTo(mean(y), 9);
      }),
    );
    const c = fitIsotonicCurve(ref.curves[0].score, ref.curves[0].outcome, 100);
    c.x.forEach((x, k) => expect(predictIsotonic(c, x)).toBeCloseTo(c.p[k], 12));
    expect(predictIsotonic(c, c.x[0] - 10)).toBe(c.p[0]);
    expect(predictIsotonic(c, c.x[c.x.length - 1] + 10)).toBe(c.p[c.p.length - 1]);
    const mid = (c.x[3] + c.x[4]) / 2;
    expect(predictIsotonic(c, mid)).toBeCloseTo((c.p[3] + c.p[4]) / 2, 12);
  });

  it('refuses bad input with a clear error', () => {
    expect(() => isotonic([1, 2], [1])).toThrow(/2 values/);
    expect(() => isotonic([1, Number.NaN])).toThrow(QuantError);
    expect(() => isotonic([1, 2], [1, 0])).toThrow(/weight ≤ 0/);
    expect(() => fitIsotonicCurve([1, 2], [0, 1], 3)).toThrow(/fewer than one bin/);
    expect(() => fitIsotonicCurve([1, 2], [0, 2], 1)).toThrow(/outcome other than 0 or 1/);
    expect(() => fitIsotonicCurve([1, 2], [0, 1], 0)).toThrow(/minBin/);
    expect(() => fitIsotonicCurve([1], [0, 1], 1)).toThrow(/1 scores for 2 outcomes/);
  });
});
