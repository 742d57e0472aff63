// Two-leg combos (same-match doubles, accumulator legs) whose outcomes are correlated: the fair price from
// the joint distribution of the two binary legs, against the price that assumes independence.
import { QuantError } from './errors';

/** Joint distribution of two binary legs A and B: p11 = P(A and B), p10 = P(A, not B), p01 = P(not A, B),
 * p00 = P(neither). */
export interface JointBinary {
  p11: number;
  p10: number;
  p01: number;
  p00: number;
}

export interface ComboPrice {
  /** P(both legs win) = p11: the fair probability of the combo. */
  probability: number;
  fairOdds: number;
  /** P(A)·P(B): what multiplying the legs' prices assumes. */
  independentProbability: number;
  independentFairOdds: number;
  marginalA: number;
  marginalB: number;
  /** p11 / (P(A)·P(B)): > 1 when the legs tend to win together (the combo is worth more than the product);
   * null when a leg is impossible. */
  lift: number | null;
  /** Pearson (phi) correlation of the two legs; null when a leg is certain or impossible. */
  correlation: number | null;
}

const KEYS = ['p11', 'p10', 'p01', 'p00'] as const;

function checkJoint(joint: JointBinary): void {
  if (typeof joint !== 'object' || joint === null) throw new QuantError(`joint = ${String(joint)} is not an object`, undefined, joint);
  let total = 0;
  for (const k of KEYS) {
    const p = joint[k];
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      throw new QuantError(`joint.${k} = ${String(p)} is not a probability in [0, 1]`, undefined, p);
    total += p;
  }
  if (Math.abs(total - 1) > 1e-9) throw new QuantError(`joint probabilities sum to ${total}, not 1`, undefined, total);
}

function checkMarginal(p: number, what: string): void {
  if (typeof p !== 'number' || !(p > 0 && p < 1))
    throw new QuantError(
      `${what} = ${String(p)} must be a probability strictly between 0 and 1 (a certain or impossible leg has no correlation)`,
      undefined,
      p,
    );
}

/** Pearson correlation of two binary legs (the phi coefficient): (p11·p00 − p10·p01)/√(P(A)(1 − P(A))P(B)(1 − P(B))),
 * null when a leg has probability 0 or 1. */
export function legCorrelation(joint: JointBinary): number | null {
  checkJoint(joint);
  const a = joint.p11 + joint.p10;
  const b = joint.p11 + joint.p01;
  const notA = joint.p01 + joint.p00;
  const notB = joint.p10 + joint.p00;
  const sd = Math.sqrt(a * notA * b * notB);
  return sd > 0 ? (joint.p11 * joint.p00 - joint.p10 * joint.p01) / sd : null;
}

/** Fair price of the combo "A and B" from the joint distribution, with the independent price beside it. */
export function comboPrice(joint: JointBinary): ComboPrice {
  checkJoint(joint);
  const marginalA = joint.p11 + joint.p10;
  const marginalB = joint.p11 + joint.p01;
  const independentProbability = marginalA * marginalB;
  return {
    probability: joint.p11,
    fairOdds: 1 / joint.p11,
    independentProbability,
    independentFairOdds: 1 / independentProbability,
    marginalA,
    marginalB,
    lift: independentProbability > 0 ? joint.p11 / independentProbability : null,
    correlation: legCorrelation(joint),
  };
}

/** The correlations two legs with probabilities pA and pB can have (all four joint cells >= 0), from the
 * Fréchet bounds max(0, pA + pB − 1) <= p11 <= min(pA, pB): not [−1, 1] unless pA = pB (max) or pA = 1 − pB (min). */
export function legCorrelationRange(pA: number, pB: number): { min: number; max: number } {
  checkMarginal(pA, 'P(A)');
  checkMarginal(pB, 'P(B)');
  const sd = Math.sqrt(pA * (1 - pA) * pB * (1 - pB));
  // written without cancellation: min(pA, pB) − pA·pB and max(0, pA + pB − 1) − pA·pB factorised
  const max = (pA <= pB ? pA * (1 - pB) : pB * (1 - pA)) / sd;
  const min = -(pA + pB <= 1 ? pA * pB : (1 - pA) * (1 - pB)) / sd;
  return { min, max };
}

/** Joint distribution of two legs from their probabilities and their Pearson (phi) correlation:
 * p11 = pA·pB + φ·σ, p10 = pA(1 − pB) − φ·σ, p01 = (1 − pA)pB − φ·σ, p00 = (1 − pA)(1 − pB) + φ·σ,
 * σ = √(pA(1 − pA)pB(1 − pB)). φ must lie in `legCorrelationRange(pA, pB)`, else QuantError; within 1e-12
 * of an end it is taken as that end (and a cell rounding takes just below 0 there is set to 0). */
export function jointFromCorrelation(pA: number, pB: number, phi: number): JointBinary {
  checkMarginal(pA, 'P(A)');
  checkMarginal(pB, 'P(B)');
  if (typeof phi !== 'number' || !Number.isFinite(phi))
    throw new QuantError(`correlation = ${String(phi)} is not a finite number`, undefined, phi);
  const { min, max } = legCorrelationRange(pA, pB);
  if (phi < min - 1e-12 || phi > max + 1e-12) {
    throw new QuantError(
      `correlation ${phi} is outside [${min}, ${max}], the range legs with P(A) = ${pA} and P(B) = ${pB} can have`,
      undefined,
      phi,
    );
  }
  // a phi rounding put just past an end is taken as that end, so p11 never passes min(pA, pB) or the like
  const c = Math.min(max, Math.max(min, phi)) * Math.sqrt(pA * (1 - pA) * pB * (1 - pB));
  return {
    p11: Math.max(0, pA * pB + c),
    p10: Math.max(0, pA * (1 - pB) - c),
    p01: Math.max(0, (1 - pA) * pB - c),
    p00: Math.max(0, (1 - pA) * (1 - pB) + c),
  };
}
