// The demo world's goal model and bookmaker pricing.
// Goals: Dixon & Coles (1997): independent Poisson home/away goals with a low-score correction tau.
// Prices: a sharp book applies its margin proportionally (no favourite-longshot bias); soft books
// apply it by the power method (longshots carry more of the margin, the favourite-longshot bias).

export const MAX_GOALS = 10;

/** P(home = i, away = j) for i, j in 0..MAX_GOALS, row-major, normalised to sum 1. */
export function scoreMatrix(lambda: number, mu: number, rho: number): Float64Array {
  const n = MAX_GOALS + 1;
  const m = new Float64Array(n * n);
  const ph = poissonPmf(lambda, n);
  const pa = poissonPmf(mu, n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let tau = 1;
      if (i === 0 && j === 0) tau = 1 - lambda * mu * rho;
      else if (i === 0 && j === 1) tau = 1 + lambda * rho;
      else if (i === 1 && j === 0) tau = 1 + mu * rho;
      else if (i === 1 && j === 1) tau = 1 - rho;
      const v = Math.max(0, ph[i] * pa[j] * tau);
      m[i * n + j] = v;
      total += v;
    }
  }
  for (let k = 0; k < m.length; k++) m[k] /= total;
  return m;
}

function poissonPmf(lambda: number, n: number): Float64Array {
  const p = new Float64Array(n);
  p[0] = Math.exp(-lambda);
  for (let k = 1; k < n; k++) p[k] = (p[k - 1] * lambda) / k;
  return p;
}

export interface MatchProbabilities {
  home: number;
  draw: number;
  away: number;
  /** P(goal difference home - away = d) for d in -MAX_GOALS..MAX_GOALS, index d + MAX_GOALS. */
  diff: Float64Array;
  /** P(total goals = t), t in 0..2*MAX_GOALS. */
  total: Float64Array;
}

export function matchProbabilities(matrix: Float64Array): MatchProbabilities {
  const n = MAX_GOALS + 1;
  const diff = new Float64Array(2 * MAX_GOALS + 1);
  const total = new Float64Array(2 * MAX_GOALS + 1);
  let home = 0;
  let draw = 0;
  let away = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = matrix[i * n + j];
      diff[i - j + MAX_GOALS] += p;
      total[i + j] += p;
      if (i > j) home += p;
      else if (i === j) draw += p;
      else away += p;
    }
  }
  return { home, draw, away, diff, total };
}

/** P(over line) for a half line (1.5, 2.5 ...). */
export function overProbability(total: Float64Array, line: number): number {
  let p = 0;
  for (let t = 0; t < total.length; t++) if (t > line) p += total[t];
  return p;
}

/** Fair two-way prices of an Asian handicap given to the home team (quarter lines split the stake in
 * two halves; pushes return the stake). The fair price has zero expected profit:
 * odds = 1 + P(lose) / P(win), stakes weighted by half. Returns the home side's "probability"
 * 1 / fair odds; the away side's is 1 minus it. */
export function asianHomeProbability(diff: Float64Array, line: number): number {
  const halves = Math.abs((line * 4) % 2) === 1 ? [line - 0.25, line + 0.25] : [line, line];
  let win = 0;
  let lose = 0;
  for (const h of halves) {
    for (let k = 0; k < diff.length; k++) {
      const adjusted = k - MAX_GOALS + h;
      if (adjusted > 1e-9) win += diff[k] / 2;
      else if (adjusted < -1e-9) lose += diff[k] / 2;
    }
  }
  return win / (win + lose);
}

/** The quarter line closest to an even two-way market for the home side. */
export function mainAsianLine(diff: Float64Array): number {
  let best = 0;
  let bestGap = Infinity;
  for (let q = -14; q <= 14; q++) {
    const line = q / 4;
    const gap = Math.abs(asianHomeProbability(diff, line) - 0.5);
    if (gap < bestGap - 1e-12) {
      best = line;
      bestGap = gap;
    }
  }
  return best;
}

/** Implied probabilities with total 1 + margin, proportional (sharp book). */
export function proportionalMargin(p: readonly number[], margin: number): number[] {
  return p.map((x) => x * (1 + margin));
}

/** Implied probabilities q_i = p_i^k with k < 1 chosen so that sum q = 1 + margin (power method:
 * longshots are shortened relatively more, the favourite-longshot bias of soft books). */
export function powerMargin(p: readonly number[], margin: number): number[] {
  // Newton on f(k) = sum p_i^k - (1 + margin), decreasing and convex in k; from k = 1 it converges
  // monotonically in a few steps (bisection fallback keeps it safe on odd inputs).
  const target = 1 + margin;
  const logs = p.map((x) => Math.log(x));
  let k = 1;
  for (let it = 0; it < 30; it++) {
    let f = -target;
    let df = 0;
    for (let i = 0; i < p.length; i++) {
      const v = Math.exp(k * logs[i]);
      f += v;
      df += v * logs[i];
    }
    if (Math.abs(f) < 1e-12 || df === 0) break;
    const next = k - f / df;
    k = next > 0 && next < 1.5 ? next : k / 2;
  }
  return logs.map((l) => Math.exp(k * l));
}

/** Odds rounded the way books do, always in their favour (down). decimals: 2 or 3. */
export function roundDown(odds: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.max(1.01, Math.floor(odds * f + 1e-9) / f);
}

/** Betfair-style price ladder, rounded down to the tick. */
export function exchangeTick(odds: number): number {
  const bands: [number, number][] = [
    [2, 0.01],
    [3, 0.02],
    [4, 0.05],
    [6, 0.1],
    [10, 0.2],
    [20, 0.5],
    [30, 1],
    [50, 2],
    [100, 5],
    [1000, 10],
  ];
  let lower = 1;
  for (const [upper, step] of bands) {
    if (odds < upper) {
      const n = Math.floor((odds - lower) / step + 1e-9);
      return Math.max(1.01, Math.round((lower + n * step) * 100) / 100);
    }
    lower = upper;
  }
  return 1000;
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
