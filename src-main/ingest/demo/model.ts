// The demo world's goal model and bookmaker pricing.
// Goals: Dixon & Coles (1997): independent Poisson home/away goals with a low-score correction tau.
// Prices: a sharp book applies its margin proportionally (no favourite-longshot bias); soft books
// apply it by the power method (longshots carry more of the margin, the favourite-longshot bias).

export const MAX_GOALS = 10;

/** How the world plays a goal out (world.ts playMatch; the scorer truth of scorers.ts reads the same):
 * an own goal (credited to the other team, scored by one of its defenders), else a penalty by the
 * team's taker, else a scorer drawn by goal share; its minute from the first half (1..44, or 45 for
 * stoppage time) or the second (46..89, or 90..96). */
export const GOAL_EVENTS = {
  ownGoal: 0.03,
  penalty: 0.1,
  firstHalf: 0.44,
  firstHalfStoppage: 0.06,
  secondHalfStoppage: 0.08,
} as const;

/** P(minute = m) of one goal, m = 0..96 (index 0 unused), from GOAL_EVENTS. */
export function goalMinutePmf(): Float64Array {
  const g = GOAL_EVENTS;
  const f = new Float64Array(97);
  for (let m = 1; m <= 44; m++) f[m] = (g.firstHalf * (1 - g.firstHalfStoppage)) / 44;
  f[45] = g.firstHalf * g.firstHalfStoppage;
  for (let m = 46; m <= 89; m++) f[m] = ((1 - g.firstHalf) * (1 - g.secondHalfStoppage)) / 44;
  for (let m = 90; m <= 96; m++) f[m] = ((1 - g.firstHalf) * g.secondHalfStoppage) / 7;
  return f;
}

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

/** Implied probabilities with total 1 + margin, a mix of the power method (weight `flb`, the
 * favourite-longshot bias) and the proportional one: books differ in how much of their margin they
 * load on longshots (the real files: Interwetten a lot, William Hill and VC Bet hardly). */
export function mixedMargin(p: readonly number[], margin: number, flb: number): number[] {
  if (flb <= 0) return proportionalMargin(p, margin);
  const pw = powerMargin(p, margin);
  return pw.map((x, i) => flb * x + (1 - flb) * p[i] * (1 + margin));
}

/** UK fractional prices as decimals (1 + n/d, shown to 2 decimals), the ladder British books quote on. */
// prettier-ignore
export const FRACTIONAL_LADDER: readonly number[] = (() => {
  const fr: [number, number][] = [
    [1, 20], [1, 16], [1, 14], [1, 12], [1, 10], [1, 9], [1, 8], [2, 15], [1, 7], [2, 13], [1, 6], [2, 11], [1, 5], [2, 9],
    [1, 4], [2, 7], [3, 10], [1, 3], [7, 20], [4, 11], [2, 5], [4, 9], [9, 20], [1, 2], [8, 15], [11, 20], [4, 7], [3, 5],
    [8, 13], [13, 20], [4, 6], [7, 10], [8, 11], [3, 4], [4, 5], [5, 6], [17, 20], [9, 10], [10, 11], [19, 20], [1, 1],
    [21, 20], [11, 10], [23, 20], [6, 5], [5, 4], [13, 10], [11, 8], [7, 5], [6, 4], [8, 5], [13, 8], [17, 10], [7, 4],
    [9, 5], [15, 8], [19, 10], [2, 1], [85, 40], [11, 5], [9, 4], [23, 10], [12, 5], [5, 2], [13, 5], [11, 4], [14, 5],
    [3, 1], [16, 5], [10, 3], [7, 2], [15, 4], [4, 1], [9, 2], [5, 1], [11, 2], [6, 1], [13, 2], [7, 1], [15, 2], [8, 1],
    [17, 2], [9, 1], [10, 1], [11, 1], [12, 1], [14, 1], [16, 1], [18, 1], [20, 1], [22, 1], [25, 1], [28, 1], [33, 1],
    [40, 1], [50, 1], [66, 1], [80, 1], [100, 1], [125, 1], [150, 1], [200, 1], [250, 1],
  ];
  return [...new Set(fr.map(([n, d]) => Math.round((1 + n / d) * 100) / 100))].sort((x, y) => x - y);
})();

/** The ladder price nearest to `odds` in log terms (British books round either way; their margin is
 * set around it). Below the ladder: 1.01; above it: its last price. */
export function nearestOnLadder(odds: number, ladder: readonly number[] = FRACTIONAL_LADDER): number {
  if (odds <= ladder[0]) return Math.max(1.01, Math.min(ladder[0], Math.floor(odds * 100) / 100));
  let lo = 0;
  let hi = ladder.length - 1;
  if (odds >= ladder[hi]) return ladder[hi];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ladder[mid] <= odds) lo = mid;
    else hi = mid;
  }
  return Math.log(odds / ladder[lo]) <= Math.log(ladder[hi] / odds) ? ladder[lo] : ladder[hi];
}

/** Odds rounded down to a multiple of `step` (continental books quote 1.85, 1.90, 2.00 ...). */
export function roundDownStep(odds: number, step: number): number {
  return Math.max(1.01, Math.round(Math.floor(odds / step + 1e-9) * step * 100) / 100);
}
