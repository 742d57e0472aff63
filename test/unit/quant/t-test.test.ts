import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  logBeta,
  normalQuantile,
  oneSampleTTest,
  pairedTTest,
  QuantError,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  studentTSf,
  type Alternative,
} from '../../../src-shared/quant';
import { close, closeRel, fixture } from './fixtures';

interface Ref {
  student_t: Array<{ t: number; df: number; cdf: number; sf: number }>;
  quantile: Array<{ p: number; df: number; quantile: number }>;
  incomplete_beta: Array<{ a: number; b: number; x: number; value: number }>;
  log_beta: Array<{ a: number; b: number; value: number; scipy: number }>;
  ttest_1samp: Array<{
    values: number[];
    popmean: number;
    alternative: Alternative;
    confidence: number;
    statistic: number;
    df: number;
    pvalue: number;
    ci_low: number | null;
    ci_high: number | null;
  }>;
  ttest_rel: Array<{ a: number[]; b: number[]; alternative: Alternative; statistic: number; pvalue: number }>;
}
const ref = fixture<Ref>('t_tests.json');

describe('Student t distribution against scipy', () => {
  it(`CDF and survival function, relative error <= 1e-12 in both tails (${ref.student_t.length}, df 0.3 to 10^6)`, () => {
    expect(ref.student_t.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.student_t.entries()) {
      closeRel(studentTSf(c.t, c.df), c.sf, 1e-12, `sf #${i} t=${c.t} df=${c.df}`);
      closeRel(studentTCdf(c.t, c.df), c.cdf, 1e-12, `cdf #${i} t=${c.t} df=${c.df}`);
    }
  });
  it(`quantile = scipy.stats.t.ppf, relative 1e-12 (${ref.quantile.length}, p down to 1e-12)`, () => {
    expect(ref.quantile.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.quantile.entries()) closeRel(studentTQuantile(c.p, c.df), c.quantile, 1e-12, `#${i} p=${c.p} df=${c.df}`);
  });
  it(`regularised incomplete beta = scipy.special.betainc, relative 1e-11 (${ref.incomplete_beta.length}, a, b in [0.1, 1000])`, () => {
    // the prefactor x^a·(1 − x)^b/B(a, b) is exp of a sum of terms up to ~10^3 in size: ~1e-13 relative is the floor there
    expect(ref.incomplete_beta.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.incomplete_beta.entries())
      closeRel(regularizedIncompleteBeta(c.a, c.b, c.x), c.value, 1e-11, `#${i} ${JSON.stringify(c)}`);
  });
  it(`log-beta = mpmath at 40 digits, 1e-13 (${ref.log_beta.length}; scipy.special.betaln is off by up to ~1e-10 when a >> b)`, () => {
    expect(ref.log_beta.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.log_beta.entries()) close(logBeta(c.a, c.b), c.value, 1e-13, `#${i} a=${c.a} b=${c.b}`);
  });
  it('worked values and limits', () => {
    // df = 1 is the Cauchy distribution, df = 2 has F(t) = ½ + t/(2√(2 + t²))
    close(studentTCdf(1, 1), 0.75, 1e-15);
    close(studentTCdf(0.7, 2), 0.5 + 0.7 / (2 * Math.sqrt(2 + 0.49)), 1e-15);
    expect(studentTSf(0, 7)).toBe(0.5);
    expect(studentTSf(Infinity, 3)).toBe(0);
    close(studentTQuantile(0.975, 1e9), normalQuantile(0.975), 1e-8);
    expect(() => studentTSf(1, 0)).toThrow(/degrees of freedom = 0/);
    expect(() => studentTQuantile(1, 5)).toThrow(/p must be in \(0, 1\)/);
    expect(() => studentTQuantile(1, 5)).toThrow(QuantError);
    expect(() => regularizedIncompleteBeta(2, 3, 1.5)).toThrow(/x = 1.5 must be in \[0, 1\]/);
  });
  it('property: the quantile inverts the CDF and the two tails add to 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 0.5, max: 1e5, noNaN: true }), (p, df) => {
        const t = studentTQuantile(p, df);
        close(studentTCdf(t, df), p, 1e-13, `p=${p} df=${df}`);
        close(studentTCdf(t, df) + studentTSf(t, df), 1, 1e-15);
      }),
    );
  });
});

describe('t tests against scipy', () => {
  it(`one-sample t test = scipy.stats.ttest_1samp: statistic, p-value, interval (${ref.ttest_1samp.length})`, () => {
    expect(ref.ttest_1samp.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.ttest_1samp.entries()) {
      const r = oneSampleTTest(c.values, { popmean: c.popmean, alternative: c.alternative, confidence: c.confidence });
      close(r.statistic, c.statistic, 1e-12, `statistic #${i}`);
      expect(r.df).toBe(c.df);
      // p-values relative to their size (down to 1e-249 here). A far-tail p ~ t^−ν turns the statistic's own
      // rounding (1e-15) into ~ν·1e-15 relative: 2e-12 at ν = 1999, the floor for any implementation
      closeRel(r.pValue, c.pvalue, 1e-11, `p-value #${i} ${c.alternative} t=${c.statistic}`);
      // null in the fixture: the open end of a one-sided interval
      if (c.ci_low !== null) close(r.confidenceInterval.lower, c.ci_low, 1e-12, `ci low #${i}`);
      else expect(r.confidenceInterval.lower).toBe(-Infinity);
      if (c.ci_high !== null) close(r.confidenceInterval.upper, c.ci_high, 1e-12, `ci high #${i}`);
      else expect(r.confidenceInterval.upper).toBe(Infinity);
    }
  });
  it(`paired t test = scipy.stats.ttest_rel (${ref.ttest_rel.length})`, () => {
    expect(ref.ttest_rel.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.ttest_rel.entries()) {
      const r = pairedTTest(c.a, c.b, { alternative: c.alternative });
      close(r.statistic, c.statistic, 1e-12, `statistic #${i}`);
      closeRel(r.pValue, c.pvalue, 1e-11, `p-value #${i}`);
    }
  });
  it('property: one-sided p-values add to 1 and the two-sided one is twice the smaller', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1000, max: 1000 }).map((v) => v / 1000),
          { minLength: 2, maxLength: 60 },
        ),
        (x) => {
          if (x.every((v) => v === x[0])) return;
          const g = oneSampleTTest(x, { alternative: 'greater' }).pValue;
          const l = oneSampleTTest(x, { alternative: 'less' }).pValue;
          close(g + l, 1, 1e-14);
          close(oneSampleTTest(x).pValue, Math.min(1, 2 * Math.min(g, l)), 1e-15);
        },
      ),
    );
  });
  it('errors name the bad input', () => {
    expect(() => oneSampleTTest([0.1])).toThrow(/at least 2 values, got 1/);
    expect(() => oneSampleTTest([0.1, NaN, 0.2])).toThrow(/values\[1\] = NaN/);
    expect(() => oneSampleTTest([0.02, 0.02, 0.02])).toThrow(/all 3 values are equal/);
    expect(() => pairedTTest([1, 2], [1])).toThrow(QuantError);
    expect(() => pairedTTest([1, 2, 3], [1, Infinity, 2])).toThrow(/b\[1\] = Infinity/);
  });
});
