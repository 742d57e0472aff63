// Markets priced from a score matrix P(home goals = i, away goals = j).
import { QuantError } from './errors';
import { settleAsianHandicap, settleTotal, splitLine, type Settlement } from './settlement';

export interface ScoreMatrix {
  /** Goals 0..maxGoals on each side. */
  maxGoals: number;
  /** Row-major: p[i * (maxGoals + 1) + j] = P(home i, away j); sums to 1. */
  p: Float64Array;
}

export function cell(m: ScoreMatrix, home: number, away: number): number {
  if (home < 0 || away < 0 || home > m.maxGoals || away > m.maxGoals) return 0;
  return m.p[home * (m.maxGoals + 1) + away];
}

function forEachScore(m: ScoreMatrix, fn: (home: number, away: number, p: number) => void): void {
  const n = m.maxGoals + 1;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) fn(i, j, m.p[i * n + j]);
}

export interface OneXTwo {
  home: number;
  draw: number;
  away: number;
}

export function matchOdds(m: ScoreMatrix): OneXTwo {
  let home = 0;
  let draw = 0;
  let away = 0;
  forEachScore(m, (i, j, p) => {
    if (i > j) home += p;
    else if (i === j) draw += p;
    else away += p;
  });
  return { home, draw, away };
}

export interface TwoWayFair {
  /** Expected share of the stake that wins / is returned / loses (quarter lines: half-stakes averaged). */
  win: number;
  push: number;
  lose: number;
  /** Fair decimal odds: the price with zero expected profit, 1 + lose/win. */
  fairOdds: number;
}

function twoWay(m: ScoreMatrix, line: number, margin: (home: number, away: number, l: number) => number): TwoWayFair {
  const parts = splitLine(line);
  let win = 0;
  let push = 0;
  let lose = 0;
  for (const l of parts) {
    forEachScore(m, (i, j, p) => {
      const d = margin(i, j, l);
      if (d > 1e-9) win += p;
      else if (d < -1e-9) lose += p;
      else push += p;
    });
  }
  const k = parts.length;
  win /= k;
  push /= k;
  lose /= k;
  // zero EV: win·(o − 1) − lose = 0 (pushes return the stake)
  return { win, push, lose, fairOdds: win > 0 ? 1 + lose / win : Infinity };
}

/** Over/under `line` total goals (any whole, half or quarter line). */
export function totals(m: ScoreMatrix, line: number): { over: TwoWayFair; under: TwoWayFair } {
  if (!(line >= 0)) throw new QuantError(`total line ${String(line)} must be >= 0`, undefined, line);
  return {
    over: twoWay(m, line, (i, j, l) => i + j - l),
    under: twoWay(m, line, (i, j, l) => l - (i + j)),
  };
}

/** Asian handicap with `line` given to the home side (home −0.75 ⇔ away +0.75). */
export function asianHandicap(m: ScoreMatrix, homeLine: number): { home: TwoWayFair; away: TwoWayFair } {
  return {
    home: twoWay(m, homeLine, (i, j, l) => i - j + l),
    away: twoWay(m, -homeLine, (i, j, l) => j - i + l),
  };
}

function settlementsOf(m: ScoreMatrix, settleScore: (home: number, away: number) => Settlement): Record<Settlement, number> {
  const out: Record<Settlement, number> = { won: 0, half_won: 0, void: 0, half_lost: 0, lost: 0 };
  forEachScore(m, (i, j, p) => {
    if (p > 0) out[settleScore(i, j)] += p;
  });
  return out;
}

/** Probability of each settlement (won, half won, void, half lost, lost) of both sides of an Asian handicap
 * with `homeLine` given to the home side, by settling every score of the matrix: what Kelly with pushes and
 * the variance of a quarter-line bet need (`TwoWayFair` only keeps the averaged win/push/lose shares). */
export function asianHandicapSettlements(
  m: ScoreMatrix,
  homeLine: number,
): { home: Record<Settlement, number>; away: Record<Settlement, number> } {
  splitLine(homeLine);
  return {
    home: settlementsOf(m, (i, j) => settleAsianHandicap('home', homeLine, 2, i, j).result),
    away: settlementsOf(m, (i, j) => settleAsianHandicap('away', -homeLine, 2, i, j).result),
  };
}

/** Probability of each settlement of over and under `line` total goals. */
export function totalSettlements(m: ScoreMatrix, line: number): { over: Record<Settlement, number>; under: Record<Settlement, number> } {
  if (!(line >= 0)) throw new QuantError(`total line ${String(line)} must be >= 0`, undefined, line);
  splitLine(line);
  return {
    over: settlementsOf(m, (i, j) => settleTotal('over', line, 2, i, j).result),
    under: settlementsOf(m, (i, j) => settleTotal('under', line, 2, i, j).result),
  };
}

export function bothTeamsToScore(m: ScoreMatrix): { yes: number; no: number } {
  let yes = 0;
  forEachScore(m, (i, j, p) => {
    if (i > 0 && j > 0) yes += p;
  });
  return { yes, no: 1 - yes };
}

export interface CorrectScore {
  home: number;
  away: number;
  probability: number;
}

/** The `top` most likely exact scores, most likely first. */
export function correctScores(m: ScoreMatrix, top = 10): CorrectScore[] {
  const all: CorrectScore[] = [];
  forEachScore(m, (home, away, probability) => all.push({ home, away, probability }));
  return all.sort((a, b) => b.probability - a.probability).slice(0, top);
}
