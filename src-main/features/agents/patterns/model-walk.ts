// The model's score matrices for past matches, walk-forward: per league, one Dixon-Coles fit at the first
// day of each month on the league's matches of the previous three years (ξ = 0.0019/day, warm start from
// the previous month's fit), which prices that month's matches. Nothing from the month itself is used.
// A fit needs 150 matches in its window: with ~100 (a league's first three months) the likelihood is flat
// enough that rho runs to the edge of where tau > 0 and the fit stalls (seen on E0, November 2019).
import { dayNumber } from '../../../../src-shared/quant/dates';
import { predictMatrix, type DixonColesModel, type MatchResult } from '../../../../src-shared/quant/poisson/dixon-coles';
import { refitDixonColes } from '../../../../src-shared/quant/poisson/refit';
import type { ScoreMatrix } from '../../../../src-shared/quant/markets';
import type { HistoryMatch } from './history';
import { drain, type Steps } from './steps';

export interface WalkOptions {
  xi: number;
  windowDays: number;
  /** A fit needs this many matches in its window, and each team of a fixture this many of its own. */
  minFitMatches: number;
  minTeamMatches: number;
}

export const DEFAULT_WALK: WalkOptions = { xi: 0.0019, windowDays: 3 * 365, minFitMatches: 150, minTeamMatches: 5 };

export interface WalkResult {
  /** Score matrix of each priced match, by its index in the sorted history. */
  matrices: Map<number, ScoreMatrix>;
  fits: number;
  /** Fits that did not converge: their month is left unpriced. */
  unconverged: number;
}

/** The one refit path (warm from last month's fit, cold when that fails); no model when neither converges. */
function fit(train: readonly MatchResult[], asOf: string, xi: number, prev: DixonColesModel | undefined): DixonColesModel | null {
  return refitDixonColes(train, { asOf, xi, previous: prev, what: `fit as of ${asOf}` }).model;
}

const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** The walk as steps, one per league-month. */
export function* walkForwardSteps(sorted: readonly HistoryMatch[], opts: WalkOptions = DEFAULT_WALK): Steps<WalkResult> {
  const byLeague = new Map<string, number[]>();
  sorted.forEach((m, i) => {
    const list = byLeague.get(m.league);
    if (list) list.push(i);
    else byLeague.set(m.league, [i]);
  });
  const months = [...byLeague.values()].reduce((s, idx) => s + new Set(idx.map((i) => monthStart(sorted[i].date))).size, 0);
  const matrices = new Map<number, ScoreMatrix>();
  let fits = 0;
  let unconverged = 0;
  let done = 0;
  for (const idx of byLeague.values()) {
    const results: (MatchResult & { day: number })[] = idx.map((i) => {
      const m = sorted[i];
      return { date: m.date, day: dayNumber(m.date), home: m.home, away: m.away, homeGoals: m.homeGoals, awayGoals: m.awayGoals };
    });
    let prev: DixonColesModel | undefined;
    let start = 0;
    while (start < idx.length) {
      const asOf = monthStart(sorted[idx[start]].date);
      let end = start;
      while (end < idx.length && monthStart(sorted[idx[end]].date) === asOf) end++;
      const day = dayNumber(asOf);
      const train = results.filter((r) => r.day < day && r.day >= day - opts.windowDays);
      yield { fraction: ++done / months, message: `model month ${done} of ${months}` };
      if (train.length >= opts.minFitMatches) {
        const model = fit(train, asOf, opts.xi, prev);
        fits++;
        if (!model) {
          // a fit that stalled (few matches, rho at the edge of where tau > 0) prices nothing
          unconverged++;
          start = end;
          continue;
        }
        prev = model;
        const played = new Map<string, number>();
        for (const r of train) for (const t of [r.home, r.away]) played.set(t, (played.get(t) ?? 0) + 1);
        for (let k = start; k < end; k++) {
          const m = sorted[idx[k]];
          if ((played.get(m.home) ?? 0) < opts.minTeamMatches || (played.get(m.away) ?? 0) < opts.minTeamMatches) continue;
          matrices.set(idx[k], predictMatrix(model, m.home, m.away));
        }
      }
      start = end;
    }
  }
  return { matrices, fits, unconverged };
}

export function walkForwardMatrices(sorted: readonly HistoryMatch[], opts: WalkOptions = DEFAULT_WALK): WalkResult {
  return drain(walkForwardSteps(sorted, opts));
}
