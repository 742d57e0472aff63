// PATRON DIAMOND v3: one score per candidate bet, from weights learned on settled history.
// The target is the candidate's CLV (price taken × de-vigged closing probability − 1): the closing line is
// the best estimate of the true probability there is, far less noisy than won/lost. A ridge regression
// (src-shared/quant/ridge.ts) of CLV on the inputs, fitted only on candidates whose matches kicked off
// before the day it scores, gives the expected CLV of a new candidate; the score is the probability that
// the price beats the close, and each input's contribution is its
// coefficient × its standardised value, in CLV points. The probability reads z = expected CLV / CLV's spread
// around the fit in the candidate's price band (wider at long prices), calibrated on held-out days
// (calibration.ts): a fitted logistic of "beat the close" on z, not Φ(z) alone. The prior before any history is the sharp-reference
// thesis (expected CLV = the edge against the market's fair price); λ says how many candidates' worth of
// evidence it carries. Inputs that move together (|r| > 0.95 on the rows fitted: the two edges when Agent B
// reads the market alone) are merged before the fit, the edge against the market kept: otherwise the ridge
// splits their common effect into opposite signs and a pick's explanation says "edge takes 1.2% off".
import { PRICE_BANDS, priceBand } from '../../../../src-shared/domain/price-bands';
import { fitRidge, predictRidge, type MergedFeature, type RidgeFit } from '../../../../src-shared/quant';
import { CALIBRATION, fitCalibration, scoreOf, splitByDay, type Calibration } from './calibration';
import { inputArray, PATRON_INPUTS, type InputVector, type PatronInput } from './inputs';

export const PATRON_VERSION = 'patron-diamond 3';

export type Tier = 'diamond' | 'gold' | 'silver' | 'pass';
export const TIERS: readonly Tier[] = ['diamond', 'gold', 'silver', 'pass'];
/** Score thresholds of the tiers (probability, in %, that the price beats the close). */
export const TIER_FLOORS: Record<Exclude<Tier, 'pass'>, number> = { diamond: 75, gold: 65, silver: 55 };

export const tierOf = (score: number): Tier =>
  score >= TIER_FLOORS.diamond ? 'diamond' : score >= TIER_FLOORS.gold ? 'gold' : score >= TIER_FLOORS.silver ? 'silver' : 'pass';
export const tierRank = (t: Tier): number => TIERS.length - 1 - TIERS.indexOf(t);

/** A settled candidate: its inputs and the CLV its price had against the closing line. */
export interface TrainingRow {
  inputs: InputVector;
  clv: number;
  /** Kick-off of its match: a fit for a day uses only rows that kicked off before it. */
  kickoff: string;
  /** Where the row came from (a replayed candidate, or a settled pick of the app). */
  origin: 'history' | 'pick';
}

export interface PatronWeights {
  version: string;
  fit: RidgeFit;
  /** The latest kick-off among the rows fitted: every row predates the day the weights score. */
  trainedThrough: string | null;
  rows: number;
  picks: number;
  /** Mean CLV of the rows fitted (the intercept), and CLV's spread around the fit. */
  meanClv: number;
  residualSd: number;
  /** Inputs merged into a collinear input kept (their part is counted in its part). */
  merged: MergedFeature[];
  /** CLV's spread around the fit per price band (PRICE_BANDS order): z = expected CLV / the band's spread. */
  spreads: number[];
  /** Bands with too few rows to measure their spread, given the overall residual sd instead. */
  spreadFallbacks: number;
  /** The score's calibration on held-out days; null (the score is then 100·Φ(z)) with the reason why. */
  calibration: Calibration | null;
  calibrationNote: string | null;
}

/** Inputs whose |r| with an input kept exceeds this are merged into it; the edge against the market is
 * kept first (the prior rests on it). */
export const COLLINEAR_R = 0.95;
const KEEP_FIRST: PatronInput[] = ['marketEdge'];

export interface PatronOptions {
  /** Strength of the prior, in candidates' worth of evidence per input. */
  lambda: number;
  /** CLV is capped at ± this (a palpable error or a void market must not drive the fit). */
  clvCap: number;
}
export const PATRON_DEFAULTS: PatronOptions = { lambda: 200, clvCap: 0.3 };

/** The prior before any history: expected CLV = the edge against the market's fair price. */
function priorFor(sdMarketEdge: number): number[] {
  return PATRON_INPUTS.map((k) => (k === 'marketEdge' ? sdMarketEdge : 0));
}

const weightedSd = (xs: number[]): number => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

/** The ridge of (capped) CLV on the inputs of the rows, collinear inputs merged. */
function ridgeOf(used: readonly TrainingRow[], opts: PatronOptions): RidgeFit {
  const x = used.map((r) => inputArray(r.inputs));
  const y = used.map((r) => Math.max(-opts.clvCap, Math.min(opts.clvCap, r.clv)));
  const sdEdge = weightedSd(used.map((r) => r.inputs.marketEdge));
  return fitRidge([...PATRON_INPUTS], x, y, {
    lambda: opts.lambda,
    prior: priorFor(sdEdge),
    collinear: { threshold: COLLINEAR_R, priority: KEEP_FIRST },
  });
}

/** A band needs this many rows fitted to measure its own spread. */
export const MIN_BAND_ROWS = 30;

/** CLV's spread around the fit in each price band (root mean square residual of the band's rows): CLV
 * spreads wider at long prices, so one spread overstates the chance a long price beats the close. */
export function bandSpreads(fit: RidgeFit, used: readonly TrainingRow[], opts: PatronOptions): { spreads: number[]; fallbacks: number } {
  const acc = PRICE_BANDS.map(() => ({ ss: 0, n: 0 }));
  for (const r of used) {
    const e = Math.max(-opts.clvCap, Math.min(opts.clvCap, r.clv)) - predictRidge(fit, inputArray(r.inputs)).value;
    const a = acc[bandIndex(r.inputs)];
    a.ss += e * e;
    a.n++;
  }
  const spreads = acc.map((a) => (a.n >= MIN_BAND_ROWS ? Math.sqrt(a.ss / a.n) : fit.residualSd));
  return { spreads, fallbacks: acc.filter((a) => a.n < MIN_BAND_ROWS).length };
}

const bandIndex = (inputs: InputVector): number => PRICE_BANDS.indexOf(priceBand(Math.exp(inputs.priceBand)));

/** z: the expected CLV in spreads of its price band. */
export function zOf(fit: RidgeFit, spreads: readonly number[], inputs: InputVector): { expected: number; z: number } {
  const expected = predictRidge(fit, inputArray(inputs)).value;
  return { expected, z: expected / Math.max(1e-6, spreads[bandIndex(inputs)] ?? fit.residualSd) };
}

/** The score's calibration: the latest days held out, a ridge on the days before scores them. */
function calibrate(used: readonly TrainingRow[], opts: PatronOptions): { calibration: Calibration | null; why: string | null } {
  const s = splitByDay(used, CALIBRATION.holdoutShare);
  if (!s || s.fit.length < CALIBRATION.minFit)
    return { calibration: null, why: `${s?.fit.length ?? 0} rows before the held-out days (needs ${CALIBRATION.minFit})` };
  const early = ridgeOf(s.fit, opts);
  const { spreads } = bandSpreads(early, s.fit, opts);
  const to = s.held[s.held.length - 1].kickoff;
  return fitCalibration(
    s.held.map((r) => zOf(early, spreads, r.inputs).z),
    s.held.map((r) => r.clv),
    { from: s.from, to, fittedOn: s.fit.length },
  );
}

/** Weights learned from settled rows that kicked off before `before` (all rows when null). */
export function fitPatron(
  rows: readonly TrainingRow[],
  before: string | null,
  opts: PatronOptions = PATRON_DEFAULTS,
): PatronWeights | null {
  const used = before === null ? rows : rows.filter((r) => r.kickoff < before);
  if (used.length < 30) return null;
  const fit = ridgeOf(used, opts);
  const { spreads, fallbacks } = bandSpreads(fit, used, opts);
  const { calibration, why } = calibrate(used, opts);
  let through: string | null = null;
  for (const r of used) if (through === null || r.kickoff > through) through = r.kickoff;
  return {
    version: PATRON_VERSION,
    fit,
    trainedThrough: through,
    rows: used.length,
    picks: used.filter((r) => r.origin === 'pick').length,
    meanClv: fit.intercept,
    residualSd: fit.residualSd,
    merged: fit.merged ?? [],
    spreads,
    spreadFallbacks: fallbacks,
    calibration,
    calibrationNote: why,
  };
}

export interface Contribution {
  input: PatronInput;
  value: number;
  /** Its part of the expected CLV (coefficient × standardised value); 0 when merged into another. */
  clv: number;
  /** The input it was merged into (collinear on the rows fitted), whose part counts both. */
  mergedInto?: PatronInput;
}

export interface PatronScore {
  expectedClv: number;
  /** 0–100: the probability, in %, that the price beats the close (calibrated on held-out days). */
  score: number;
  tier: Tier;
  /** Every input's part, largest first in absolute value. */
  contributions: Contribution[];
}

export function scorePatron(w: PatronWeights, inputs: InputVector): PatronScore {
  const p = predictRidge(w.fit, inputArray(inputs));
  const score = scoreOf(zOf(w.fit, w.spreads, inputs).z, w.calibration);
  const into = new Map(w.merged.map((m) => [m.name, m.into as PatronInput]));
  const contributions = PATRON_INPUTS.map((input, j): Contribution => {
    const c = { input, value: inputs[input], clv: p.contributions[j] };
    return into.has(input) ? { ...c, mergedInto: into.get(input) } : c;
  }).sort((a, b) => Math.abs(b.clv) - Math.abs(a.clv));
  return { expectedClv: p.value, score, tier: tierOf(score), contributions };
}

/** The weights as a plain record (for a pick's decision and the learning log). */
export const weightRecord = (w: PatronWeights): Record<string, number> =>
  Object.fromEntries(PATRON_INPUTS.map((k, j) => [k, w.fit.coefficients[j]]));
