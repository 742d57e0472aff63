// The blend weight of Agent B, chosen by the backtester: walk forward over a calibration period (each
// match day, a Dixon-Coles fit per league on the previous window only), collect for every fixture the
// model's 1X2, the market's fair 1X2 at decision time and the de-vigged closing line, and take the w in
// [0, 1] that minimises the log loss of p = w·model + (1 − w)·market against the closing line
// (−Σ p_close·log p: the closing line is the sharpest forecast there is, and far less noisy than results).
import { findMarket } from '../../../../src-shared/domain/market-prices';
import { dayNumber } from '../../../../src-shared/quant/dates';
import { predictMatrix, type DixonColesModel } from '../../../../src-shared/quant/poisson/dixon-coles';
import { refitDixonColes, type Refit } from '../../../../src-shared/quant/poisson/refit';
import { decideValue, modelProbabilities, type ValueRules } from '../value';
import type { PastView } from './past';
import type { BookRoles, FixtureInfo, PastResult } from './types';
import type { BacktestFixture } from './types';
import { closingOf } from '../../decision';

export interface LeagueFit {
  model: DixonColesModel | null;
  /** Why there is no model (no match in the window, fit failed). */
  error: string | null;
  /** Matches in the fit window; 0 when there was none. */
  matches: number;
  /** How the fit started (warm from the previous fit, cold, cold after a failed warm start); null: no fit. */
  start: Refit['start'];
  /** Matches a team played in the fit window. */
  played(team: string): number;
}

export interface ModelSettings {
  xi: number;
  windowDays: number;
  minTeamMatches: number;
}

const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Dixon-Coles on a league's matches in [day − windowDays, day), through the one refit path
 * (refitDixonColes: warm from the previous fit, cold when that fails). */
export function fitLeague(past: PastView, league: string, day: string, s: ModelSettings, previous: DixonColesModel | null): LeagueFit {
  const since = isoDay(dayNumber(day) - s.windowDays);
  const results: PastResult[] = past.results(league, since);
  const played = (team: string) => past.played(league, team, since);
  if (results.length === 0)
    return { model: null, error: `no ${league} match in the ${s.windowDays} days before ${day}`, matches: 0, start: null, played };
  const r = refitDixonColes(results, { asOf: day, xi: s.xi, previous, what: `${league} before ${day}` });
  return { model: r.model, error: r.error, matches: results.length, start: r.start, played };
}

/** The fixture's score matrix under its league's fit, or why there is none (a team with too little history). */
export function fixtureMatrix(fit: LeagueFit | undefined, f: Pick<FixtureInfo, 'home' | 'away' | 'league'>, s: ModelSettings) {
  // a team short of history is the reason to give first, whether or not the league fit went through
  for (const t of [f.home, f.away]) {
    const n = fit ? fit.played(t) : 0;
    if (n < s.minTeamMatches)
      return { matrix: null, missing: `${t} has ${n} match${n === 1 ? '' : 'es'} in the fit window (${s.minTeamMatches} needed)` };
  }
  if (!fit || !fit.model) return { matrix: null, missing: fit?.error ?? `no ${f.league} model` };
  return { matrix: predictMatrix(fit.model, f.home, f.away), missing: null };
}

export interface BlendSample {
  model: readonly number[];
  market: readonly number[];
  close: readonly number[];
}

export interface BlendChoice {
  w: number;
  fixtures: number;
  loss: { chosen: number; marketOnly: number; modelOnly: number } | null;
}

export function blendLoss(samples: readonly BlendSample[], w: number): number {
  let s = 0;
  for (const x of samples) for (let k = 0; k < x.close.length; k++) s -= x.close[k] * Math.log(w * x.model[k] + (1 - w) * x.market[k]);
  return s / samples.length;
}

/** The w in [0, 1] minimising the (convex) log loss against the close: a grid by 0.01, then golden
 * section in the bracket around the best grid point, to 1e-6. No sample: w = 0 (market only). */
export function chooseBlendWeight(samples: readonly BlendSample[]): BlendChoice {
  if (samples.length === 0) return { w: 0, fixtures: 0, loss: null };
  let best = 0;
  for (let i = 1; i <= 100; i++) if (blendLoss(samples, i / 100) < blendLoss(samples, best / 100)) best = i;
  let lo = Math.max(0, (best - 1) / 100);
  let hi = Math.min(1, (best + 1) / 100);
  const g = (Math.sqrt(5) - 1) / 2;
  while (hi - lo > 1e-6) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (blendLoss(samples, a) <= blendLoss(samples, b)) hi = b;
    else lo = a;
  }
  const w = Math.round(((lo + hi) / 2) * 1e6) / 1e6;
  return {
    w,
    fixtures: samples.length,
    loss: { chosen: blendLoss(samples, w), marketOnly: blendLoss(samples, 0), modelOnly: blendLoss(samples, 1) },
  };
}

export interface CalibrationRun extends BlendChoice {
  from: string | null;
  to: string | null;
  /** The last fit of each league: the replay that follows warm-starts from it. */
  fits: Map<string, DixonColesModel | null>;
}

/** Walk forward over the fixtures of [from, to) that `past` shows, collecting blend samples: the market
 * fair probabilities are what Agent B's decision uses (decideValue with w = 0), so the weight is fitted
 * on exactly the inputs it will blend. */
export function calibrateBlend(
  fixtures: readonly BacktestFixture[],
  roles: BookRoles,
  settings: ModelSettings,
  rules: ValueRules,
  pastAt: (day: string) => PastView,
  signal?: AbortSignal,
): CalibrationRun {
  const fits = new Map<string, DixonColesModel | null>();
  const samples: BlendSample[] = [];
  const days = [...new Set(fixtures.map((f) => f.date))];
  let i = 0;
  for (const day of days) {
    if (signal?.aborted) break;
    const todays: BacktestFixture[] = [];
    while (i < fixtures.length && fixtures[i].date === day) todays.push(fixtures[i++]);
    const past = pastAt(day);
    const byLeague = new Map<string, LeagueFit>();
    for (const league of new Set(todays.map((f) => f.league))) {
      const fit = fitLeague(past, league, day, settings, fits.get(league) ?? null);
      if (fit.model) fits.set(league, fit.model);
      byLeague.set(league, fit);
    }
    for (const f of todays) {
      const { matrix } = fixtureMatrix(byLeague.get(f.league), f, settings);
      if (!matrix) continue;
      const close = closingOf(f.closing, '1x2', null, roles, f.kickoff);
      if (!close.probabilities || !findMarket(f.decision, '1x2', null)) continue;
      const market = decideValue(f.decision, roles, { matrix: null, missing: null }, { ...rules, w: 0, markets: ['1x2'] }).forecast;
      if (!market) continue;
      samples.push({ model: modelProbabilities(matrix, '1x2', null), market, close: close.probabilities });
    }
  }
  return { ...chooseBlendWeight(samples), from: days[0] ?? null, to: days[days.length - 1] ?? null, fits };
}
