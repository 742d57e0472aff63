// Agent B's rule in replay: each match day, Dixon-Coles refitted per league on the window before it;
// each fixture decided by the live agent's own decision function (value/decide.ts). The blend weight is
// chosen by the backtester ('auto': minimum walk-forward log loss against the closing line over the
// calibration period before the first replayed day) unless a number is given. The defaults are the live
// agent's settings (LIVE_DEFAULTS).
import { z } from 'zod';
import { marketKind } from '../../../../../src-shared/contract/market';
import type { DixonColesModel } from '../../../../../src-shared/quant/poisson/dixon-coles';
import { decideValue, LIVE_DEFAULTS, type ValueRules } from '../../value';
import { calibrateBlend, fitLeague, fixtureMatrix, type CalibrationRun, type LeagueFit, type ModelSettings } from '../calibrate';
import { dayNumber } from '../../../../../src-shared/quant/dates';
import { defineStrategy, type BetIntent } from '../strategy';

const params = z
  .object({
    w: z
      .union([z.literal('auto'), z.number().min(0).max(1)])
      .default('auto')
      .describe(
        "model weight in p = w·model + (1 − w)·market; 'auto' = chosen by walk-forward log loss against the closing line before the replay",
      ),
    calibrationDays: z
      .number()
      .int()
      .min(30)
      .max(3650)
      .default(365)
      .describe("days before the first replayed day that 'auto' calibrates on"),
    minEdge: z.number().min(0).max(1).default(LIVE_DEFAULTS.minEdge).describe('bet when p × best − 1 > minEdge'),
    kellyFraction: z.number().min(0).max(1).default(LIVE_DEFAULTS.kellyFraction).describe('fraction of full Kelly'),
    cap: z.number().min(0).max(1).default(LIVE_DEFAULTS.cap).describe('largest stake, share of the bankroll'),
    markets: z.array(marketKind).min(1).default(['1x2', 'totals', 'spreads']).describe('markets to bet'),
    staking: z
      .enum(['simultaneous', 'best'])
      .default('simultaneous')
      .describe('1X2: Kelly for exclusive outcomes over every edge, or the best edge only'),
    noSharp: z.enum(['consensus', 'skip']).default('consensus').describe('no sharp price: use the de-vigged consensus, or pass'),
    noModel: z
      .enum(['market', 'skip'])
      .default('market')
      .describe('no model probability (team with too little history): market alone, or pass'),
    minTeamMatches: z
      .number()
      .int()
      .min(1)
      .default(LIVE_DEFAULTS.minTeamMatches)
      .describe('matches a team needs in the fit window for a model probability'),
    xi: z.number().min(0).default(LIVE_DEFAULTS.xi).describe('Dixon-Coles time decay per day'),
    windowDays: z
      .number()
      .int()
      .min(30)
      .default(LIVE_DEFAULTS.windowDays)
      .describe('fit window: matches this many days before the match day'),
    overroundMin: z
      .number()
      .default(LIVE_DEFAULTS.overround[0])
      .describe('a soft book counts when 1/odds of its whole line sums to at least this'),
    overroundMax: z.number().default(LIVE_DEFAULTS.overround[1]).describe('… and at most this'),
    staleCheck: z.boolean().default(true).describe("refuse a best price unchanged since the market's last move"),
    books: z
      .enum(['all', 'soft'])
      .default('all')
      .describe('bet at any book but the aggregates, or at the soft books only (not the sharp reference)'),
  })
  .strict();

type Params = z.output<typeof params>;

interface State {
  w: number;
  calibration: CalibrationRun | null;
  /** Last fit of each league (warm start), and today's fits. */
  last: Map<string, DixonColesModel | null>;
  today: Map<string, LeagueFit>;
  model: ModelCount;
}

/** League-days of the replay and those with no model, by why. */
export interface ModelCount {
  leagueDays: number;
  /** League-days with no model: failed fits plus windows with no match. */
  withoutModel: number;
  /** Fits tried (a window with matches) and those that failed. */
  fits: number;
  fitsFailed: number;
  /** Failed fits whose window held at least 60 matches (the acceptance bar: none). */
  fitsFailedWith60: number;
  /** Fits reached cold after the warm start failed, and fits whose optimum lies on the τ = 0 wall. */
  coldAfterWarm: number;
  onTheWall: number;
  /** The first few reasons, for the reader. */
  reasons: string[];
}

/** Above this share of league-days without a model, a backtest of the model says so in its warnings. */
export const NO_MODEL_WARNING_SHARE = 0.02;

const emptyCount = (): ModelCount => ({
  leagueDays: 0,
  withoutModel: 0,
  fits: 0,
  fitsFailed: 0,
  fitsFailedWith60: 0,
  coldAfterWarm: 0,
  onTheWall: 0,
  reasons: [],
});

function countFit(c: ModelCount, fit: LeagueFit): void {
  c.leagueDays++;
  if (fit.matches > 0) c.fits++;
  if (fit.start === 'cold-after-warm') c.coldAfterWarm++;
  if (fit.model?.stop === 'boundary') c.onTheWall++;
  if (fit.model) return;
  c.withoutModel++;
  if (fit.matches > 0) c.fitsFailed++;
  if (fit.matches >= 60) c.fitsFailedWith60++;
  if (c.reasons.length < 5 && fit.error) c.reasons.push(fit.error);
}

/** The warning a replay with too many league-days without a model carries; null below the bar. */
export function noModelWarning(c: ModelCount, w: number): string | null {
  if (c.leagueDays === 0 || c.withoutModel / c.leagueDays <= NO_MODEL_WARNING_SHARE) return null;
  return `${c.withoutModel} of ${c.leagueDays} league-days (${((100 * c.withoutModel) / c.leagueDays).toFixed(1)}%) had no Dixon-Coles model (${c.fitsFailed} failed fits, ${c.withoutModel - c.fitsFailed} with no match in the window): their fixtures were decided on the market alone${w > 0 ? ` although w = ${w}` : ''}`;
}

export function valueRules(p: Params, w: number): ValueRules {
  return {
    w,
    minEdge: p.minEdge,
    kellyFraction: p.kellyFraction,
    cap: p.cap,
    markets: p.markets,
    staking: p.staking,
    noSharp: p.noSharp,
    noModel: p.noModel,
    overround: [p.overroundMin, p.overroundMax],
    staleCheck: p.staleCheck,
    books: p.books,
  };
}

const settingsOf = (p: Params): ModelSettings => ({ xi: p.xi, windowDays: p.windowDays, minTeamMatches: p.minTeamMatches });

export const valueStrategy = defineStrategy({
  name: 'value',
  summary:
    'Agent B: best soft price against the blend of Dixon-Coles (refitted each match day) and the sharp/consensus fair price; fractional Kelly',
  params,
  train({ day, fixtures, past, params: p, roles, previous }): State {
    let state = previous;
    if (!state) {
      let calibration: CalibrationRun | null = null;
      const last = new Map<string, DixonColesModel | null>();
      if (p.w === 'auto') {
        const since = new Date((dayNumber(day) - p.calibrationDays) * 86_400_000).toISOString().slice(0, 10);
        calibration = calibrateBlend(past.fixtures(since), roles, settingsOf(p), valueRules(p, 0), (d) => past.until(d));
        for (const [league, m] of calibration.fits) last.set(league, m);
      }
      state = { w: p.w === 'auto' ? (calibration?.w ?? 0) : p.w, calibration, last, today: new Map(), model: emptyCount() };
    }
    state.today = new Map();
    for (const league of new Set(fixtures.map((f) => f.league))) {
      const fit = fitLeague(past, league, day, settingsOf(p), state.last.get(league) ?? null);
      if (fit.model) state.last.set(league, fit.model);
      countFit(state.model, fit);
      state.today.set(league, fit);
    }
    return state;
  },
  decide({ fixture, decision, roles, params: p, state }) {
    const model = fixtureMatrix(state.today.get(fixture.league), fixture, settingsOf(p));
    const d = decideValue(decision, roles, model, valueRules(p, state.w));
    const bets: BetIntent[] = d.rows
      .filter((r) => r.bet)
      .map((r) => ({
        market: r.market,
        line: r.line,
        selection: r.selection,
        bookmaker: r.bestBook as string,
        odds: r.bestOdds as number,
        quoted: r.bestQuoted as number,
        stake: r.stake as number,
        probability: r.blendProb,
        edge: r.edge as number,
        basis: r.basis,
      }));
    return { bets, forecast: d.forecast, notes: d.notes };
  },
  report(state) {
    if (!state) return {};
    const c = state.calibration;
    return {
      w: state.w,
      wChosenBy: c
        ? `minimum walk-forward log loss against the closing line, ${c.from ?? '—'} to ${c.to ?? '—'} (${c.fixtures} fixtures)`
        : 'given as a parameter',
      calibration: c ? { from: c.from, to: c.to, fixtures: c.fixtures, loss: c.loss } : null,
      fits: state.model.fits,
      fitsFailed: state.model.fitsFailed,
      model: { ...state.model, share: state.model.leagueDays ? state.model.withoutModel / state.model.leagueDays : 0 },
    };
  },
  warnings(state) {
    const w = state ? noModelWarning(state.model, state.w) : null;
    return w ? [w] : [];
  },
});
