// CONSEIL ULTIM in replay: Agent B's decision (Dixon-Coles refitted each match day, blend weight chosen by
// the backtester) gives every candidate; PATRON DIAMOND scores them with weights refitted every `refitDays`
// on the candidates of matches that kicked off before the day (their CLV against the closing line); the
// CONSEIL rule picks and stakes them within the exposure limits. Walk-forward: the candidates of a day
// become training rows only once the day is past, so no decision sees a closing line or a result of its
// own day or later (`report().fits` lists what each fit was trained through).
import { z } from 'zod';
import { marketKind } from '../../../../../src-shared/contract/market';
import { dayNumber } from '../../../../../src-shared/quant/dates';
import { candidateRules, chooseCandidates, CONSEIL_DEFAULTS, emptyExposure, settleCandidates, type Exposure } from '../../../decision';
import {
  fitPatron,
  fixtureInputs,
  PATRON_DEFAULTS,
  scoreCandidates,
  scoreOf,
  scorePatron,
  weightRecord,
  type PatronWeights,
  type TrainingRow,
  type Unscored,
} from '../../patron';
import { LIVE_DEFAULTS, type ValueRules } from '../../value';
import { fixtureMatrix } from '../calibrate';
import { defineStrategy, type BetIntent } from '../strategy';
import { valueStrategy } from './value';

const share = (what: string, d: number) => z.number().gt(0).max(1).default(d).describe(what);

const params = z
  .object({
    minScore: z
      .number()
      .min(0)
      .max(100)
      .default(CONSEIL_DEFAULTS.minScore)
      .describe('lowest PATRON score picked (tiers: silver 55, gold 65, diamond 75)'),
    minEdge: z.number().min(-1).max(1).default(CONSEIL_DEFAULTS.minEdge).describe('edge against the blended fair price a pick needs'),
    kellyFraction: z.number().min(0).max(1).default(0.25).describe('fraction of full Kelly'),
    maxStakeShare: share('largest stake, share of the bankroll', 0.02),
    perMatch: share('exposure limit per match, share of the bankroll', 0.05),
    perLeague: share('exposure limit per league and day, share of the bankroll', 0.1),
    perDay: share('exposure limit per day, share of the bankroll', 0.2),
    trainingDays: z.number().int().min(30).max(3650).default(365).describe('PATRON learns on the candidates of this many days before'),
    refitDays: z.number().int().min(1).max(365).default(7).describe('PATRON weights are refitted every this many days'),
    lambda: z.number().gt(0).default(PATRON_DEFAULTS.lambda).describe("ridge penalty: the prior's weight, in candidates"),
    w: z
      .union([z.literal('auto'), z.number().min(0).max(1)])
      .default('auto')
      .describe("Agent B's model weight; 'auto' = chosen by walk-forward log loss before the replay"),
    calibrationDays: z.number().int().min(30).max(3650).default(365).describe("days 'auto' calibrates on"),
    markets: z.array(marketKind).min(1).default(['1x2', 'totals', 'spreads']).describe('markets to bet'),
    books: z.enum(['all', 'soft']).default('all').describe('bet at any book but the aggregates, or at the soft books only'),
  })
  .strict();
type Params = z.output<typeof params>;

interface FitRecord {
  day: string;
  trainedThrough: string | null;
  rows: number;
  weights: Record<string, number>;
  /** Inputs merged into a collinear one by this fit ("edge→marketEdge"). */
  merged: string[];
  /** The score's calibration (null: the fit scored with 100·Φ(z), and why). */
  calibration: { rows: number; top: number } | null;
  calibrationNote: string | null;
}

/** Out of sample, per band of 5 score points: every candidate decided on (not only picks), what its score
 * claimed and whether its price beat the close (the reliability table); `raw` the same candidates banded by
 * the uncalibrated reading 100·Φ(z), for comparison. */
type Bands = Record<string, { n: number; claimed: number; beat: number; expectedClv: number; clv: number }>;
interface Reliability {
  calibrated: Bands;
  raw: Bands;
}

function addBand(bands: Bands, score: number, expectedClv: number, clv: number): void {
  const b = (bands[String(Math.min(95, 5 * Math.floor(score / 5)))] ??= { n: 0, claimed: 0, beat: 0, expectedClv: 0, clv: 0 });
  b.n++;
  b.claimed += score / 100;
  b.beat += clv > 0 ? 1 : 0;
  b.expectedClv += expectedClv;
  b.clv += clv;
}

function addReliability(rel: Reliability, w: PatronWeights, rows: readonly TrainingRow[]): void {
  for (const r of rows) {
    const s = scorePatron(w, r.inputs);
    addBand(rel.calibrated, s.score, s.expectedClv, r.clv);
    addBand(rel.raw, scoreOf(s.expectedClv / Math.max(1e-6, w.residualSd), null), s.expectedClv, r.clv);
  }
}

interface State {
  value: ReturnType<NonNullable<typeof valueStrategy.train>>;
  rows: TrainingRow[];
  /** Candidates decided on, waiting for their match to be in the past. */
  pending: Map<string, Unscored[]>;
  ingestedBefore: string | null;
  weights: PatronWeights | null;
  lastFit: string | null;
  fits: FitRecord[];
  exposure: Exposure;
  refused: Record<string, number>;
  reliability: Reliability;
}

const dayString = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

function valueParams(p: Params) {
  return valueStrategy.params.parse({ w: p.w, calibrationDays: p.calibrationDays, books: p.books });
}

const rulesOf = (p: Params, w: number): ValueRules => candidateRules(w, p);

export const conseilStrategy = defineStrategy({
  name: 'conseil',
  summary:
    "CONSEIL ULTIM: Agent B's candidates scored by PATRON DIAMOND (ridge on CLV, refitted walk-forward), picked by tier and edge, Kelly stakes within exposure limits, one selection per line",
  params,
  train(input): State {
    const p = input.params;
    const value = valueStrategy.train!({ ...input, params: valueParams(p), previous: input.previous?.value });
    const s: State = input.previous ?? {
      value,
      rows: [],
      pending: new Map(),
      ingestedBefore: null,
      weights: null,
      lastFit: null,
      fits: [],
      exposure: emptyExposure(),
      refused: {},
      reliability: { calibrated: {}, raw: {} },
    };
    s.value = value;
    const today = dayNumber(input.day);
    const since = dayString(today - p.trainingDays);
    // the matches now in the past: candidates decided on then (with the model), else the market's alone
    for (const f of input.past.fixtures(s.ingestedBefore && s.ingestedBefore > since ? s.ingestedBefore : since)) {
      const decided = s.pending.get(f.key);
      s.pending.delete(f.key);
      const rows = decided ?? fixtureInputs(f.decision, input.roles, { matrix: null, missing: 'before the replay' }, rulesOf(p, 0)).rows;
      const settled = settleCandidates(f, rows, input.roles);
      // decided with the weights still current (fitted before the match's day): out of sample
      if (decided && s.weights) addReliability(s.reliability, s.weights, settled);
      s.rows.push(...settled);
    }
    s.ingestedBefore = input.day;
    s.rows = s.rows.filter((r) => r.kickoff >= since);
    if (!s.weights || !s.lastFit || today - dayNumber(s.lastFit) >= p.refitDays) {
      const w = fitPatron(s.rows, input.day, { ...PATRON_DEFAULTS, lambda: p.lambda });
      if (w) {
        s.weights = w;
        s.lastFit = input.day;
        s.fits.push({
          day: input.day,
          trainedThrough: w.trainedThrough,
          rows: w.rows,
          weights: weightRecord(w),
          merged: w.merged.map((m) => `${m.name}→${m.into}`),
          calibration: w.calibration && { rows: w.calibration.rows, top: w.calibration.curve.p[w.calibration.curve.p.length - 1] },
          calibrationNote: w.calibrationNote,
        });
      }
    }
    s.exposure = emptyExposure();
    return s;
  },
  decide({ fixture, decision, roles, params: p, state }) {
    const model = fixtureMatrix(state.value.today.get(fixture.league), fixture, {
      xi: LIVE_DEFAULTS.xi,
      windowDays: LIVE_DEFAULTS.windowDays,
      minTeamMatches: LIVE_DEFAULTS.minTeamMatches,
    });
    const { rows, forecast, notes } = fixtureInputs(decision, roles, model, rulesOf(p, state.value.w));
    state.pending.set(fixture.key, rows);
    if (!state.weights) return { bets: [], forecast, skip: 'PATRON not trained yet (fewer than 30 settled candidates)' };
    const candidates = scoreCandidates({ key: fixture.key, matchId: fixture.matchId, league: fixture.league }, rows, state.weights);
    const staking = {
      bankroll: 1,
      kellyFraction: p.kellyFraction,
      maxStakeShare: p.maxStakeShare,
      minStake: 0,
      unit: 1e-6,
      exposure: { perMatch: p.perMatch, perDay: p.perDay, perLeague: p.perLeague },
    };
    const { picks, refused } = chooseCandidates(candidates, staking, { minScore: p.minScore, minEdge: p.minEdge }, state.exposure);
    for (const r of refused) state.refused[r.why] = (state.refused[r.why] ?? 0) + 1;
    const bets: BetIntent[] = picks.map((c) => ({
      market: c.market,
      line: c.line,
      selection: c.selection,
      bookmaker: c.bookmaker,
      odds: c.odds,
      quoted: c.quoted,
      stake: c.stake,
      probability: c.probability,
      edge: c.edge,
      basis: `PATRON ${Math.round(c.patron.score)} ${c.patron.tier}, expected CLV ${(c.patron.expectedClv * 100).toFixed(2)}% (weights of ${state.lastFit})`,
    }));
    return { bets, forecast, notes };
  },
  report(state) {
    if (!state) return {};
    return {
      ...valueStrategy.report!(state.value),
      patronFits: state.fits.length,
      fits: state.fits,
      trainingRows: state.rows.length,
      refused: state.refused,
      uncalibratedFits: state.fits.filter((f) => f.calibration === null).length,
      reliability: state.reliability,
      weights: state.weights ? weightRecord(state.weights) : null,
    };
  },
});
