// Student t tests of a mean: is a strategy's mean CLV (or mean return per bet) above 0?
// Conventions follow scipy.stats.ttest_1samp / ttest_rel (tested against them).
import { QuantError } from './errors';
import type { Alternative, Interval } from './stats';
import { studentTQuantile, studentTSf } from './special';

export interface TTestOptions {
  /** Mean under the null hypothesis (default 0). */
  popmean?: number;
  /** 'greater': H1 mean > popmean (one-sided, the question "is the edge positive?"). Default two-sided. */
  alternative?: Alternative;
  /** Level of the confidence interval (default 0.95); one-sided alternatives give a one-sided interval. */
  confidence?: number;
}

export interface TTestResult {
  statistic: number;
  df: number;
  pValue: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator) over √n. */
  standardError: number;
  /** Interval for the mean, as scipy's result.confidence_interval(): [lower, ∞) for 'greater', (−∞, upper] for 'less'. */
  confidenceInterval: Interval;
}

/** One-sample t test of H0: mean = popmean (scipy.stats.ttest_1samp): t = (x̄ − μ0)/(s/√n), df = n − 1.
 * Needs at least 2 values that are not all equal (otherwise the statistic is undefined). */
export function oneSampleTTest(values: readonly number[], opts: TTestOptions = {}): TTestResult {
  const n = values.length;
  if (n < 2) throw new QuantError(`a t test needs at least 2 values, got ${n}`);
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new QuantError(`values[${i}] = ${String(v)} is not a finite number`, i, v);
  });
  const popmean = opts.popmean ?? 0;
  if (!Number.isFinite(popmean)) throw new QuantError(`popmean = ${String(popmean)} is not a finite number`, undefined, popmean);
  const alternative = opts.alternative ?? 'two-sided';
  if (alternative !== 'two-sided' && alternative !== 'greater' && alternative !== 'less')
    throw new QuantError(`alternative '${String(alternative)}' is not two-sided, greater or less`, undefined, alternative);
  const confidence = opts.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1))
    throw new QuantError(`confidence ${String(confidence)} must be in (0, 1)`, undefined, confidence);
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) throw new QuantError(`all ${n} values are equal (${values[0]}): no variance to test against`, undefined, values[0]);
  const df = n - 1;
  const se = sd / Math.sqrt(n);
  const statistic = (mean - popmean) / se;
  const pValue =
    alternative === 'greater'
      ? studentTSf(statistic, df)
      : alternative === 'less'
        ? studentTSf(-statistic, df)
        : Math.min(1, 2 * studentTSf(Math.abs(statistic), df));
  let confidenceInterval: Interval;
  if (alternative === 'two-sided') {
    const q = studentTQuantile(1 - (1 - confidence) / 2, df);
    confidenceInterval = { lower: mean - q * se, upper: mean + q * se };
  } else {
    const q = studentTQuantile(confidence, df);
    confidenceInterval = alternative === 'greater' ? { lower: mean - q * se, upper: Infinity } : { lower: -Infinity, upper: mean + q * se };
  }
  return { statistic, df, pValue, mean, standardError: se, confidenceInterval };
}

/** Paired t test (scipy.stats.ttest_rel): the one-sample test of the differences a[i] − b[i]
 * (e.g. the strategy's return against a benchmark's on the same bets). */
export function pairedTTest(a: readonly number[], b: readonly number[], opts: TTestOptions = {}): TTestResult {
  if (a.length !== b.length) throw new QuantError(`paired samples of different lengths: ${a.length} and ${b.length}`);
  const diff = a.map((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new QuantError(`a[${i}] = ${String(x)} is not a finite number`, i, x);
    const y = b[i];
    if (typeof y !== 'number' || !Number.isFinite(y)) throw new QuantError(`b[${i}] = ${String(y)} is not a finite number`, i, y);
    return x - y;
  });
  return oneSampleTTest(diff, opts);
}
