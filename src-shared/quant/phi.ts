// The phi coefficient of two 0/1 legs observed together n times, with a delta-method interval: the
// multinomial variance of the four cell shares pushed through the gradient of phi.
import { normalQuantile } from './special';

export interface PhiEstimate {
  n: number;
  /** Counts: leg A won, leg B won, both won. */
  a: number;
  b: number;
  both: number;
  rateA: number;
  rateB: number;
  rateBoth: number;
  phi: number;
  standardError: number;
  lower: number;
  upper: number;
  /** P(both) / (P(A)·P(B)). */
  lift: number | null;
}

/** phi = (p11·p00 − p10·p01)/√(pA·qA·pB·qB); Var ≈ (Σ g_k² p_k − (Σ g_k p_k)²)/n with g = ∂phi/∂p_k
 * (∂N/∂p = (p00, −p01, −p10, p11), ∂ln D/∂p11 = (1/pA + 1/pB)/2, …), interval phi ± z·SE clipped to
 * [−1, 1]. Null when a leg always or never wins (phi undefined). */
export function phiFromCounts(n: number, a: number, b: number, both: number, confidence = 0.95): PhiEstimate | null {
  if (!(n > 0) || a <= 0 || a >= n || b <= 0 || b >= n) return null;
  const p11 = both / n;
  const p10 = (a - both) / n;
  const p01 = (b - both) / n;
  const p00 = (n - a - b + both) / n;
  const pA = a / n;
  const pB = b / n;
  const qA = 1 - pA;
  const qB = 1 - pB;
  const d = Math.sqrt(pA * qA * pB * qB);
  // identical legs give 1 + 1e-16 by rounding: kept in [−1, 1] (the source's CHECK holds it there too)
  const phi = Math.max(-1, Math.min(1, (p11 * p00 - p10 * p01) / d));
  const g11 = p00 / d - (phi * (1 / pA + 1 / pB)) / 2;
  const g10 = -p01 / d - (phi * (1 / pA + 1 / qB)) / 2;
  const g01 = -p10 / d - (phi * (1 / qA + 1 / pB)) / 2;
  const g00 = p11 / d - (phi * (1 / qA + 1 / qB)) / 2;
  const mean = g11 * p11 + g10 * p10 + g01 * p01 + g00 * p00;
  const second = g11 * g11 * p11 + g10 * g10 * p10 + g01 * g01 * p01 + g00 * g00 * p00;
  const standardError = Math.sqrt(Math.max(0, second - mean * mean) / n);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return {
    n,
    a,
    b,
    both,
    rateA: pA,
    rateB: pB,
    rateBoth: p11,
    phi,
    standardError,
    lower: Math.max(-1, phi - z * standardError),
    upper: Math.min(1, phi + z * standardError),
    lift: p11 / (pA * pB),
  };
}

/** phi of a mixture of joint distributions (the population a model's per-match joints describe):
 * from the mean P(A and B), mean P(A), mean P(B). Null when a mean leg probability is 0 or 1. */
export function mixturePhi(meanBoth: number, meanA: number, meanB: number): number | null {
  const v = meanA * (1 - meanA) * meanB * (1 - meanB);
  return v > 0 ? Math.max(-1, Math.min(1, (meanBoth - meanA * meanB) / Math.sqrt(v))) : null;
}
