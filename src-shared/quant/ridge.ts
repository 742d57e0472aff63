// Weighted ridge regression on standardised features, the intercept unpenalised:
//   minimise Σ wᵢ (yᵢ − b − Σⱼ βⱼ zᵢⱼ)² + λ Σⱼ (βⱼ − β⁰ⱼ)²,  zᵢⱼ = (xᵢⱼ − μⱼ) / σⱼ
// with μ, σ the weighted mean and standard deviation of each feature and β⁰ an optional prior (0 by
// default): with little data the coefficients stay near the prior, with much data the data decide.
// A feature that never varies (σ = 0) gets coefficient β⁰ⱼ and contributes nothing. Solved exactly by
// Cholesky on the (p × p) normal equations. Referenced against numpy (test/reference/ridge_reference.py).
// Collinear features (weighted |r| above a threshold) are merged before the fit when asked: the one later
// in the priority order is left out (coefficient 0) and the one kept carries their common effect, so two
// near-copies never get opposite coefficients that cancel (which would make each one's part meaningless).
import { QuantError } from './errors';

/** A feature left out of the fit because it moved with one kept (weighted Pearson r). */
export interface MergedFeature {
  name: string;
  into: string;
  r: number;
}

export interface RidgeFit {
  /** Feature names, in column order. */
  names: string[];
  intercept: number;
  /** Coefficients per standard deviation of each feature (comparable across features). */
  coefficients: number[];
  means: number[];
  sds: number[];
  /** Weighted residual standard deviation (denominator Σw − 1 − effective parameters, at least 1). */
  residualSd: number;
  /** Rows and the sum of their weights. */
  n: number;
  weight: number;
  lambda: number;
  /** Features merged into a collinear one kept (coefficient 0); absent on fits stored before merging. */
  merged?: MergedFeature[];
}

export interface RidgeOptions {
  lambda: number;
  weights?: readonly number[];
  prior?: readonly number[];
  /** Merge collinear features: |r| above `threshold`; `priority` names the features kept first. */
  collinear?: { threshold: number; priority?: readonly string[] };
}

/** Weighted Pearson correlation of columns j and k, from their weighted means and sds. */
function weightedR(x: readonly (readonly number[])[], w: readonly number[], means: number[], sds: number[], j: number, k: number): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < x.length; i++) {
    s += w[i] * (x[i][j] - means[j]) * (x[i][k] - means[k]);
    sw += w[i];
  }
  return s / sw / (sds[j] * sds[k]);
}

/** The features to leave out: walking the priority order (then the column order), a varying feature whose
 * |r| with one already kept exceeds the threshold is merged into it. */
export function collinearFeatures(
  names: readonly string[],
  x: readonly (readonly number[])[],
  w: readonly number[],
  means: number[],
  sds: number[],
  rule: NonNullable<RidgeOptions['collinear']>,
): MergedFeature[] {
  if (!(rule.threshold > 0 && rule.threshold <= 1))
    throw new QuantError(`ridge: the collinearity threshold must be in (0, 1] (got ${rule.threshold})`);
  const first = (rule.priority ?? []).map((n) => names.indexOf(n)).filter((j) => j >= 0);
  const order = [...first, ...names.keys()].filter((j, i, a) => a.indexOf(j) === i && sds[j] > 1e-12);
  const kept: number[] = [];
  const merged: MergedFeature[] = [];
  for (const j of order) {
    const into = kept.map((k) => ({ k, r: weightedR(x, w, means, sds, j, k) })).find((c) => Math.abs(c.r) > rule.threshold);
    if (into) merged.push({ name: names[j], into: names[into.k], r: into.r });
    else kept.push(j);
  }
  return merged;
}

/** Solves A x = b for a symmetric positive definite A (Cholesky). */
function choleskySolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = a.map((row) => row.map(() => 0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) throw new QuantError('ridge: the normal equations are not positive definite (λ must be > 0)');
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

export function fitRidge(names: readonly string[], x: readonly (readonly number[])[], y: readonly number[], opts: RidgeOptions): RidgeFit {
  const p = names.length;
  const n = y.length;
  if (x.length !== n) throw new QuantError(`ridge: ${x.length} rows of features for ${n} targets`);
  if (n === 0) throw new QuantError('ridge: no rows to fit');
  if (!(opts.lambda > 0)) throw new QuantError(`ridge: λ must be > 0 (got ${opts.lambda})`);
  const w = opts.weights ?? new Array<number>(n).fill(1);
  const prior = opts.prior ?? new Array<number>(p).fill(0);
  if (w.length !== n || prior.length !== p) throw new QuantError('ridge: weights or prior of the wrong length');
  let sw = 0;
  let ybar = 0;
  const means = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    if (x[i].length !== p) throw new QuantError(`ridge: row ${i} has ${x[i].length} features, expected ${p}`);
    if (!(w[i] >= 0) || !Number.isFinite(y[i]) || x[i].some((v) => !Number.isFinite(v)))
      throw new QuantError(`ridge: row ${i} has a non-finite value or a negative weight`);
    sw += w[i];
    ybar += w[i] * y[i];
    for (let j = 0; j < p; j++) means[j] += w[i] * x[i][j];
  }
  if (!(sw > 0)) throw new QuantError('ridge: the weights sum to 0');
  ybar /= sw;
  for (let j = 0; j < p; j++) means[j] /= sw;
  const sds = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) sds[j] += w[i] * (x[i][j] - means[j]) ** 2;
  for (let j = 0; j < p; j++) sds[j] = Math.sqrt(sds[j] / sw);
  const merged = opts.collinear ? collinearFeatures(names, x, w, means, sds, opts.collinear) : [];
  const out = new Set(merged.map((m) => names.indexOf(m.name)));
  const live = [...Array(p).keys()].filter((j) => sds[j] > 1e-12 && !out.has(j));
  const q = live.length;
  // normal equations of the centred problem (the intercept is ȳ once z is centred)
  const a = live.map(() => new Array<number>(q).fill(0));
  const b = new Array<number>(q).fill(0);
  const z = (i: number, j: number) => (x[i][j] - means[j]) / sds[j];
  for (let i = 0; i < n; i++) {
    const yi = y[i] - ybar;
    for (let r = 0; r < q; r++) {
      const zr = z(i, live[r]);
      b[r] += w[i] * zr * yi;
      for (let c = 0; c <= r; c++) a[r][c] += w[i] * zr * z(i, live[c]);
    }
  }
  for (let r = 0; r < q; r++) {
    for (let c = 0; c < r; c++) a[c][r] = a[r][c];
    a[r][r] += opts.lambda;
    b[r] += opts.lambda * prior[live[r]];
  }
  const solved = q ? choleskySolve(a, b) : [];
  const coefficients = [...prior];
  live.forEach((j, r) => (coefficients[j] = solved[r]));
  for (const j of out) coefficients[j] = 0;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let f = ybar;
    for (const j of live) f += coefficients[j] * z(i, j);
    rss += w[i] * (y[i] - f) ** 2;
  }
  const dof = Math.max(1, sw - 1 - effectiveParameters(a, opts.lambda));
  return {
    names: [...names],
    intercept: ybar,
    coefficients,
    means,
    sds,
    residualSd: Math.sqrt(rss / dof),
    n,
    weight: sw,
    lambda: opts.lambda,
    ...(opts.collinear ? { merged } : {}),
  };
}

/** Effective number of parameters tr(X'X (X'X + λI)⁻¹) = q − λ tr((X'X + λI)⁻¹), from the penalised matrix. */
function effectiveParameters(penalised: number[][], lambda: number): number {
  const q = penalised.length;
  let trInv = 0;
  for (let k = 0; k < q; k++) {
    const e = new Array<number>(q).fill(0);
    e[k] = 1;
    trInv += choleskySolve(penalised, e)[k];
  }
  return q - lambda * trInv;
}

/** The fit's prediction for one row, and each feature's part of it (coefficient × standardised value). */
export function predictRidge(fit: RidgeFit, x: readonly number[]): { value: number; contributions: number[] } {
  const contributions = fit.coefficients.map((c, j) => (fit.sds[j] > 1e-12 && c !== 0 ? (c * (x[j] - fit.means[j])) / fit.sds[j] : 0));
  return { value: fit.intercept + contributions.reduce((s, v) => s + v, 0), contributions };
}
