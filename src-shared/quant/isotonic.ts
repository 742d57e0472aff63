// Isotonic regression by pool-adjacent-violators (Barlow et al. 1972; Zadrozny & Elkan 2002 for
// calibrating a score into a probability): the non-decreasing fit closest in weighted least squares.
// For calibration the rows, sorted by score, are first pooled into bins of at least `minBin` rows, so no
// single lucky row at an extreme sets the probability of every score beyond it; the fitted probability of
// a score is read by linear interpolation between the bins' mean scores, held flat beyond the ends.
// Referenced against scipy.optimize.isotonic_regression (test/reference/isotonic_reference.py).
import { QuantError } from './errors';

/** The non-decreasing sequence closest to y in Σ wᵢ (fᵢ − yᵢ)² (pool adjacent violators). */
export function isotonic(y: readonly number[], w: readonly number[] = y.map(() => 1)): number[] {
  if (w.length !== y.length) throw new QuantError(`isotonic: ${w.length} weights for ${y.length} values`);
  if (y.some((v) => !Number.isFinite(v)) || w.some((v) => !(v > 0))) throw new QuantError('isotonic: a non-finite value or a weight ≤ 0');
  const blocks: { sum: number; weight: number; count: number }[] = [];
  for (let i = 0; i < y.length; i++) {
    blocks.push({ sum: w[i] * y[i], weight: w[i], count: 1 });
    // merge backwards while the last block's mean is below the one before it
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.weight <= b.sum / b.weight) break;
      blocks.splice(blocks.length - 2, 2, { sum: a.sum + b.sum, weight: a.weight + b.weight, count: a.count + b.count });
    }
  }
  return blocks.flatMap((b) => new Array<number>(b.count).fill(b.sum / b.weight));
}

/** A calibration curve: knots (mean score of a bin, fitted probability), scores increasing. */
export interface IsotonicCurve {
  x: number[];
  p: number[];
  /** Rows it was fitted on and the rows per bin (the last bin takes the remainder). */
  n: number;
  minBin: number;
}

/** P(outcome) as a non-decreasing function of the score, from rows (score, 0/1 outcome). */
export function fitIsotonicCurve(score: readonly number[], outcome: readonly number[], minBin: number): IsotonicCurve {
  if (score.length !== outcome.length) throw new QuantError(`isotonic: ${score.length} scores for ${outcome.length} outcomes`);
  if (!(Number.isInteger(minBin) && minBin >= 1)) throw new QuantError(`isotonic: minBin must be an integer ≥ 1 (got ${minBin})`);
  if (score.length < minBin) throw new QuantError(`isotonic: ${score.length} rows, fewer than one bin of ${minBin}`);
  if (score.some((v) => !Number.isFinite(v)) || outcome.some((v) => v !== 0 && v !== 1))
    throw new QuantError('isotonic: a non-finite score or an outcome other than 0 or 1');
  const order = [...score.keys()].sort((a, b) => score[a] - score[b]);
  const bins = Math.floor(order.length / minBin);
  const xs: number[] = [];
  const rates: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < bins; k++) {
    const rows = order.slice(k * minBin, k === bins - 1 ? order.length : (k + 1) * minBin);
    xs.push(rows.reduce((s, i) => s + score[i], 0) / rows.length);
    rates.push(rows.reduce((s, i) => s + outcome[i], 0) / rows.length);
    counts.push(rows.length);
  }
  return { x: xs, p: isotonic(rates, counts), n: score.length, minBin };
}

/** The curve at a score: linear between knots, flat beyond the first and the last. */
export function predictIsotonic(c: IsotonicCurve, score: number): number {
  const { x, p } = c;
  if (score <= x[0]) return p[0];
  if (score >= x[x.length - 1]) return p[p.length - 1];
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= score) lo = mid;
    else hi = mid;
  }
  const t = x[hi] === x[lo] ? 0 : (score - x[lo]) / (x[hi] - x[lo]);
  return p[lo] + t * (p[hi] - p[lo]);
}
