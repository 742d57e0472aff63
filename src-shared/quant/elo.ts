// Elo ratings with goal-difference multiplier and home advantage, World Football Elo conventions
// (eloratings.net, "The World Football Elo Rating System"):
//   R' = R + K · G · (W − We),  We = 1 / (10^(−dr/400) + 1),  dr = R_home + H − R_away,
//   W = 1 / 0.5 / 0 (win / draw / loss),  G = 1 if |goal difference| <= 1, 1.5 if 2, (11 + N)/8 if N >= 3.
// eloratings.net uses H = 100 and K = 20..60 by match importance; club leagues here default to K = 20.
import { QuantError } from './errors';

export interface EloOptions {
  k?: number;
  homeAdvantage?: number;
  /** Rating of a team seen for the first time. */
  initial?: number;
}

export function eloExpected(ratingHome: number, ratingAway: number, homeAdvantage = 100): number {
  return 1 / (Math.pow(10, -(ratingHome + homeAdvantage - ratingAway) / 400) + 1);
}

export function goalDifferenceMultiplier(goalDifference: number): number {
  const n = Math.abs(goalDifference);
  if (!Number.isInteger(n)) throw new QuantError(`goal difference ${goalDifference} is not an integer`, undefined, goalDifference);
  return n <= 1 ? 1 : n === 2 ? 1.5 : (11 + n) / 8;
}

/** Rating change of the home team (the away team gets its negative). */
export function eloDelta(ratingHome: number, ratingAway: number, homeGoals: number, awayGoals: number, opts: EloOptions = {}): number {
  const k = opts.k ?? 20;
  const w = homeGoals > awayGoals ? 1 : homeGoals === awayGoals ? 0.5 : 0;
  return k * goalDifferenceMultiplier(homeGoals - awayGoals) * (w - eloExpected(ratingHome, ratingAway, opts.homeAdvantage ?? 100));
}

export interface EloMatch {
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
}

/** Runs matches in the given (chronological) order; returns the final ratings. */
export function eloRatings(
  matches: readonly EloMatch[],
  opts: EloOptions = {},
  start: ReadonlyMap<string, number> = new Map(),
): Map<string, number> {
  const init = opts.initial ?? 1500;
  const r = new Map(start);
  matches.forEach((m, i) => {
    for (const g of [m.homeGoals, m.awayGoals])
      if (!Number.isInteger(g) || g < 0) throw new QuantError(`matches[${i}]: goals ${String(g)} must be a non-negative integer`, i, g);
    const rh = r.get(m.home) ?? init;
    const ra = r.get(m.away) ?? init;
    const d = eloDelta(rh, ra, m.homeGoals, m.awayGoals, opts);
    r.set(m.home, rh + d);
    r.set(m.away, ra - d);
  });
  return r;
}
