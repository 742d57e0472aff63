// Statistics for hit rates and forecasts: Wilson interval, exact binomial test, bootstrap interval of
// a mean, Brier score, log loss, calibration bins. Conventions follow scipy.stats (tested against it).
import { QuantError } from './errors';
import { sfc32 } from './random';
import { logFactorial, normalQuantile } from './special';

function checkCounts(successes: number, trials: number): void {
  if (!Number.isInteger(trials) || trials < 1)
    throw new QuantError(`trials = ${String(trials)} must be a positive integer`, undefined, trials);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new QuantError(`successes = ${String(successes)} must be an integer in [0, ${trials}]`, undefined, successes);
}

function checkLevel(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new QuantError(`confidence ${String(confidence)} must be in (0, 1)`, undefined, confidence);
}

export interface Interval {
  lower: number;
  upper: number;
}

/** Wilson score interval for a binomial proportion (no continuity correction). */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Interval {
  checkCounts(successes, trials);
  checkLevel(confidence);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

function binomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

export type Alternative = 'two-sided' | 'greater' | 'less';

/** Exact binomial test of H0: success probability = p. Two-sided p-value sums the outcomes no more
 * likely than the observed one (relative tolerance 1e-7, as scipy.stats.binomtest and R's binom.test). */
export function binomialTest(successes: number, trials: number, p = 0.5, alternative: Alternative = 'two-sided'): number {
  checkCounts(successes, trials);
  if (!(p >= 0 && p <= 1)) throw new QuantError(`p = ${String(p)} must be in [0, 1]`, undefined, p);
  const n = trials;
  const k = successes;
  let s = 0;
  if (alternative === 'greater') {
    for (let i = k; i <= n; i++) s += binomialPmf(i, n, p);
  } else if (alternative === 'less') {
    for (let i = 0; i <= k; i++) s += binomialPmf(i, n, p);
  } else {
    if (k === n * p) return 1;
    const d = binomialPmf(k, n, p) * (1 + 1e-7);
    for (let i = 0; i <= n; i++) {
      const q = binomialPmf(i, n, p);
      if (q <= d) s += q;
    }
  }
  return Math.min(1, s);
}

export interface BootstrapOptions {
  seed?: number;
  resamples?: number;
  confidence?: number;
}

/** Percentile bootstrap interval of the mean: `resamples` resamples with replacement drawn with the
 * seeded sfc32 generator (index = floor(u·n)), quantiles by linear interpolation (numpy's default). */
export function bootstrapMeanInterval(values: readonly number[], opts: BootstrapOptions = {}): Interval & { mean: number } {
  const n = values.length;
  if (n === 0) throw new QuantError('bootstrap of an empty sample');
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new QuantError(`values[${i}] = ${String(v)} is not finite`, i, v);
  });
  const B = opts.resamples ?? 2000;
  const confidence = opts.confidence ?? 0.95;
  checkLevel(confidence);
  if (!Number.isInteger(B) || B < 2) throw new QuantError(`resamples = ${String(B)} must be an integer >= 2`, undefined, B);
  const rng = sfc32(opts.seed ?? 1);
  const means = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(rng() * n)];
    means[b] = s / n;
  }
  means.sort();
  const alpha = 1 - confidence;
  return { mean: values.reduce((a, v) => a + v, 0) / n, lower: quantile(means, alpha / 2), upper: quantile(means, 1 - alpha / 2) };
}

/** Quantile of sorted data by linear interpolation between order statistics (numpy 'linear'). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function checkForecasts(probabilities: readonly (readonly number[])[], outcomes: readonly number[]): void {
  if (probabilities.length !== outcomes.length) throw new QuantError(`${probabilities.length} forecasts for ${outcomes.length} outcomes`);
  if (probabilities.length === 0) throw new QuantError('no forecasts to score');
  probabilities.forEach((row, i) => {
    row.forEach((p, j) => {
      if (!(p >= 0 && p <= 1)) throw new QuantError(`forecast ${i}, class ${j}: probability ${String(p)} is not in [0, 1]`, i, p);
    });
    const o = outcomes[i];
    if (!Number.isInteger(o) || o < 0 || o >= row.length)
      throw new QuantError(`outcome ${i} = ${String(o)} is not a class index of its ${row.length}-class forecast`, i, o);
  });
}

/** Multi-class Brier score: mean over forecasts of Σ_k (p_k − 1[k = outcome])² (0 best, 2 worst). */
export function brierScore(probabilities: readonly (readonly number[])[], outcomes: readonly number[]): number {
  checkForecasts(probabilities, outcomes);
  let s = 0;
  probabilities.forEach((row, i) => row.forEach((p, k) => (s += (p - (k === outcomes[i] ? 1 : 0)) ** 2)));
  return s / probabilities.length;
}

/** Mean negative log probability of the outcome that happened (natural log; Infinity if one was 0). */
export function logLoss(probabilities: readonly (readonly number[])[], outcomes: readonly number[]): number {
  checkForecasts(probabilities, outcomes);
  let s = 0;
  probabilities.forEach((row, i) => (s -= Math.log(row[outcomes[i]])));
  return s / probabilities.length;
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean forecast probability and observed frequency in the bin (null when empty). */
  meanPredicted: number | null;
  observedRate: number | null;
}

/** Equal-width calibration bins over [0, 1] for binary forecasts (bin = min(floor(p·bins), bins − 1)). */
export function calibrationBins(predicted: readonly number[], happened: readonly (boolean | 0 | 1)[], bins = 10): CalibrationBin[] {
  if (predicted.length !== happened.length) throw new QuantError(`${predicted.length} forecasts for ${happened.length} outcomes`);
  if (!Number.isInteger(bins) || bins < 1) throw new QuantError(`bins = ${String(bins)} must be a positive integer`, undefined, bins);
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const hits = new Array<number>(bins).fill(0);
  predicted.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new QuantError(`predicted[${i}] = ${String(p)} is not in [0, 1]`, i, p);
    const b = Math.min(Math.floor(p * bins), bins - 1);
    count[b]++;
    sumP[b] += p;
    if (happened[i]) hits[b]++;
  });
  return count.map((c, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: c,
    meanPredicted: c ? sumP[b] / c : null,
    observedRate: c ? hits[b] / c : null,
  }));
}
