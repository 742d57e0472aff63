// Expected value, edge and Kelly staking. Stakes are fractions of the bankroll.
import { QuantError, assertProbability } from './errors';
import { validateOdds } from './odds';
import { brent } from './roots';
import { checkSettlementProbabilities, settlementProfit, SETTLEMENTS, type SettlementProbabilities } from './settlement';

function checkPrice(odds: number, what = 'odds'): void {
  if (!Number.isFinite(odds) || odds <= 1)
    throw new QuantError(`${what} = ${String(odds)} must be a finite decimal price > 1`, undefined, odds);
}

/** Expected profit per unit staked: p·odds − 1. */
export function expectedValue(probability: number, odds: number): number {
  assertProbability(probability, 'probability');
  checkPrice(odds);
  return probability * odds - 1;
}

/** Edge as analysts quote it: the expected return per unit, p·odds − 1 (0.05 = 5% edge). */
export const edge = expectedValue;

/** Probability edge: p − 1/odds (how far the fair probability sits above the price's implied one). */
export function probabilityEdge(probability: number, odds: number): number {
  assertProbability(probability, 'probability');
  checkPrice(odds);
  return probability - 1 / odds;
}

/** Full Kelly fraction for one bet, (p·o − 1)/(o − 1), floored at 0 (never bet a negative edge). */
export function kellyFraction(probability: number, odds: number): number {
  assertProbability(probability, 'probability');
  checkPrice(odds);
  return Math.max(0, (probability * odds - 1) / (odds - 1));
}

/** Fractional Kelly: `multiplier` × full Kelly (0.25 = quarter Kelly). */
export function fractionalKelly(probability: number, odds: number, multiplier: number): number {
  if (!Number.isFinite(multiplier) || multiplier < 0 || multiplier > 1)
    throw new QuantError(`Kelly multiplier ${String(multiplier)} must be in [0, 1]`, undefined, multiplier);
  return multiplier * kellyFraction(probability, odds);
}

/** Fractional Kelly never above `cap` (a share of the bankroll, e.g. 0.05). */
export function cappedKelly(probability: number, odds: number, multiplier: number, cap: number): number {
  if (!Number.isFinite(cap) || cap < 0 || cap > 1) throw new QuantError(`Kelly cap ${String(cap)} must be in [0, 1]`, undefined, cap);
  return Math.min(cap, fractionalKelly(probability, odds, multiplier));
}

export interface SimultaneousKelly {
  /** Stake per outcome (fraction of bankroll), 0 for outcomes not bet. */
  fractions: number[];
  /** Share of the bankroll kept back, R = (1 − Σ_S p) / (1 − Σ_S 1/o). */
  reserveRate: number;
  /** Growth rate E[log wealth] per bet at these stakes. */
  growth: number;
}

/** Kelly stakes for mutually exclusive outcomes (one of them happens), the exact algorithm of
 * Smoczynski & Tomkins (2010), "An explicit solution to the problem of optimizing the allocations of a
 * bettor's wealth when wagering on horse races", Math. Scientist 35:
 * sort by expected revenue p·o descending; add outcome k to the set S while p_k·o_k > R(S), where
 * R(S) = (1 − Σ_S p)/(1 − Σ_S 1/o) and R(∅) = 1; stakes f_k = p_k − R(S)/o_k on S.
 * Probabilities must sum to 1 (within 1e-9): the model is a full partition of outcomes. */
export function simultaneousKelly(probabilities: readonly number[], odds: readonly number[]): SimultaneousKelly {
  validateOdds(odds);
  if (probabilities.length !== odds.length) throw new QuantError(`${probabilities.length} probabilities for ${odds.length} prices`);
  probabilities.forEach((p, i) => assertProbability(p, `probabilities[${i}]`));
  const total = probabilities.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-9) throw new QuantError(`probabilities sum to ${total}, not 1`);
  const order = probabilities.map((_, i) => i).sort((a, b) => probabilities[b] * odds[b] - probabilities[a] * odds[a] || a - b);
  let pIn = 0;
  let qIn = 0;
  let reserve = 1;
  const chosen: number[] = [];
  for (const k of order) {
    if (!(probabilities[k] * odds[k] > reserve)) break;
    const q = qIn + 1 / odds[k];
    const p = pIn + probabilities[k];
    // a set whose prices sum to >= 1 in implied probability leaves nothing to keep back: stop before it
    if (q >= 1 && p < 1) break;
    pIn = p;
    qIn = q;
    reserve = q >= 1 ? 0 : (1 - pIn) / (1 - qIn);
    chosen.push(k);
  }
  const fractions = probabilities.map(() => 0);
  for (const k of chosen) fractions[k] = Math.max(0, probabilities[k] - reserve / odds[k]);
  return { fractions, reserveRate: reserve, growth: kellyGrowth(probabilities, odds, fractions) };
}

/** E[log wealth] after one race with stakes `fractions` on mutually exclusive outcomes. */
export function kellyGrowth(probabilities: readonly number[], odds: readonly number[], fractions: readonly number[]): number {
  const staked = fractions.reduce((a, b) => a + b, 0);
  let g = 0;
  probabilities.forEach((p, i) => {
    if (p > 0) g += p * Math.log(1 - staked + fractions[i] * odds[i]);
  });
  return g;
}

/** Outcomes of one unit staked: profit x_k per unit with probability q_k (zero-probability ones dropped). */
function unitOutcomes(outcomes: SettlementProbabilities, odds: number): { q: number[]; x: number[] } {
  checkPrice(odds);
  const probs = checkSettlementProbabilities(outcomes);
  const q: number[] = [];
  const x: number[] = [];
  for (const k of SETTLEMENTS) {
    if (probs[k] > 0) {
      q.push(probs[k]);
      x.push(settlementProfit(k, odds));
    }
  }
  return { q, x };
}

/** E[log wealth] after staking `fraction` of the bankroll at `odds` on a bet that can win, half-win, push,
 * half-lose or lose (Asian handicap and totals on whole, half and quarter lines). */
export function kellyGrowthWithPushes(outcomes: SettlementProbabilities, odds: number, fraction: number): number {
  if (!(fraction >= 0 && fraction <= 1)) throw new QuantError(`fraction = ${String(fraction)} must be in [0, 1]`, undefined, fraction);
  const { q, x } = unitOutcomes(outcomes, odds);
  let g = 0;
  q.forEach((p, k) => (g += p * Math.log1p(fraction * x[k])));
  return g;
}

/** Full Kelly fraction for a two-way bet with pushes and half results: the f in [0, 1] maximising
 * G(f) = Σ_k q_k·ln(1 + f·x_k), x = o − 1, (o − 1)/2, 0, −½, −1 for won, half won, void, half lost, lost.
 * G is concave, so f solves G'(f) = Σ q_k·x_k/(1 + f·x_k) = 0 (Brent's method), 0 when the expected profit
 * G'(0) <= 0, and 1 (the whole bankroll, never more) when G' stays positive up to f = 1, as it does when
 * nothing can be lost. With only won/lost it is `kellyFraction`; with won/void/lost it is
 * `kellyFraction(P(won)/(P(won) + P(lost)), odds)`: a push just returns the stake. */
export function kellyFractionWithPushes(outcomes: SettlementProbabilities, odds: number): number {
  const { q, x } = unitOutcomes(outcomes, odds);
  const slope = (f: number): number => {
    let s = 0;
    q.forEach((p, k) => (s += (p * x[k]) / (1 + f * x[k])));
    return s;
  };
  if (!(slope(0) > 0)) return 0;
  const canLoseAll = x.includes(-1);
  if (!canLoseAll) return slope(1) >= 0 ? 1 : brent(slope, 0, 1);
  // G' → −∞ as f → 1 when the whole stake can be lost: bracket the root below 1
  let hi = 0.5;
  for (let k = 2; k <= 53 && slope(hi) >= 0; k++) hi = 1 - 2 ** -k;
  return slope(hi) >= 0 ? hi : brent(slope, 0, hi);
}
