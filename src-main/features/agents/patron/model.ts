// PATRON DIAMOND v3: one score per candidate bet, from weights learned on settled history.
// The target is the candidate's CLV (price taken × de-vigged closing probability − 1): the closing line is
// the best estimate of the true probability there is, far less noisy than won/lost. A ridge regression
// (src-shared/quant/ridge.ts) of CLV on the inputs, fitted only on candidates whose matches kicked off
// before the day it scores, gives the expected CLV of a new candidate; the score is the probability that
// the price beats the close, 100·Φ(expected CLV / residual sd), and each input's contribution is its
// coefficient × its standardised value, in CLV points. The prior before any history is the sharp-reference
// thesis (expected CLV = the edge against the market's fair price); λ says how many candidates' worth of
// evidence it carries.
import { fitRidge, normalCdf, predictRidge, type RidgeFit } from '../../../../src-shared/quant';
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
}

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

/** Weights learned from settled rows that kicked off before `before` (all rows when null). */
export function fitPatron(
  rows: readonly TrainingRow[],
  before: string | null,
  opts: PatronOptions = PATRON_DEFAULTS,
): PatronWeights | null {
  const used = before === null ? rows : rows.filter((r) => r.kickoff < before);
  if (used.length < 30) return null;
  const x = used.map((r) => inputArray(r.inputs));
  const y = used.map((r) => Math.max(-opts.clvCap, Math.min(opts.clvCap, r.clv)));
  const sdEdge = weightedSd(used.map((r) => r.inputs.marketEdge));
  const fit = fitRidge([...PATRON_INPUTS], x, y, { lambda: opts.lambda, prior: priorFor(sdEdge) });
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
  };
}

export interface Contribution {
  input: PatronInput;
  value: number;
  /** Its part of the expected CLV (coefficient × standardised value). */
  clv: number;
}

export interface PatronScore {
  expectedClv: number;
  /** 0–100: the probability, in %, that the price beats the close. */
  score: number;
  tier: Tier;
  /** Every input's part, largest first in absolute value. */
  contributions: Contribution[];
}

export function scorePatron(w: PatronWeights, inputs: InputVector): PatronScore {
  const p = predictRidge(w.fit, inputArray(inputs));
  const score = 100 * normalCdf(p.value / Math.max(1e-6, w.residualSd));
  const contributions = PATRON_INPUTS.map((input, j) => ({ input, value: inputs[input], clv: p.contributions[j] })).sort(
    (a, b) => Math.abs(b.clv) - Math.abs(a.clv),
  );
  return { expectedClv: p.value, score, tier: tierOf(score), contributions };
}

/** The weights as a plain record (for a pick's decision and the learning log). */
export const weightRecord = (w: PatronWeights): Record<string, number> =>
  Object.fromEntries(PATRON_INPUTS.map((k, j) => [k, w.fit.coefficients[j]]));
