// False discovery rate control when many strategies (leagues, markets, filters) are tested at once:
// adjusted p-values as scipy.stats.false_discovery_control (tested against it).
import { QuantError } from './errors';

export type FdrMethod = 'bh' | 'by';

function checkPValues(pValues: readonly number[]): void {
  pValues.forEach((p, i) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new QuantError(`pValues[${i}] = ${String(p)} is not a p-value in [0, 1]`, i, p);
  });
}

/** Adjusted p-values (q-values) controlling the false discovery rate, in the input order, as
 * scipy.stats.false_discovery_control: sort ascending, q_(i) = p_(i)·m/i (times c(m) = Σ_{k<=m} 1/k for
 * Benjamini–Yekutieli), then the running minimum from the largest down, capped at 1.
 * 'bh' (Benjamini & Hochberg 1995) assumes independent or positively dependent tests; 'by' (Benjamini &
 * Yekutieli 2001) holds under any dependence, at the price of the factor c(m) ≈ ln m + 0.577. */
export function falseDiscoveryControl(pValues: readonly number[], method: FdrMethod = 'bh'): number[] {
  if (method !== 'bh' && method !== 'by') throw new QuantError(`method '${String(method)}' is not 'bh' or 'by'`, undefined, method);
  checkPValues(pValues);
  const m = pValues.length;
  if (m <= 1) return [...pValues];
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  let c = 1;
  if (method === 'by') {
    c = 0;
    for (let i = 1; i <= m; i++) c += 1 / i;
  }
  const q = order.map((idx, k) => pValues[idx] * (m / (k + 1)) * c);
  for (let k = m - 2; k >= 0; k--) q[k] = Math.min(q[k], q[k + 1]);
  const out = new Array<number>(m);
  order.forEach((idx, k) => (out[idx] = Math.min(1, q[k])));
  return out;
}

/** Benjamini–Hochberg adjusted p-values (q-values), in the input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  return falseDiscoveryControl(pValues, 'bh');
}

/** Benjamini–Yekutieli adjusted p-values, valid under arbitrary dependence between the tests. */
export function benjaminiYekutieli(pValues: readonly number[]): number[] {
  return falseDiscoveryControl(pValues, 'by');
}

/** Which hypotheses are rejected at false discovery rate `alpha`: adjusted p-value <= alpha. On BH (BY)
 * adjusted p-values this is exactly the step-up procedure: reject the k smallest p-values, k the largest
 * i with p_(i) <= i·alpha/m (i·alpha/(m·c(m)) for BY). */
export function rejectAt(adjustedPValues: readonly number[], alpha: number): boolean[] {
  if (!(alpha >= 0 && alpha <= 1)) throw new QuantError(`alpha = ${String(alpha)} must be in [0, 1]`, undefined, alpha);
  checkPValues(adjustedPValues);
  return adjustedPValues.map((q) => q <= alpha);
}
