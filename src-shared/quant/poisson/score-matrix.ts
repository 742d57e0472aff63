// Dixon-Coles score matrix: independent Poisson goals with the low-score correction τ.
import { QuantError } from '../errors';
import type { ScoreMatrix } from '../markets';

/** Dixon-Coles score matrix to `maxGoals` a side, renormalised to sum 1 (the tail beyond is dropped). */
export function dixonColesMatrix(lambdaHome: number, lambdaAway: number, rho: number, maxGoals = 15): ScoreMatrix {
  for (const [v, name] of [
    [lambdaHome, 'lambdaHome'],
    [lambdaAway, 'lambdaAway'],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0) throw new QuantError(`${name} = ${String(v)} must be a positive finite number`, undefined, v);
  }
  const size = maxGoals + 1;
  const ph = poissonPmf(lambdaHome, maxGoals);
  const pa = poissonPmf(lambdaAway, maxGoals);
  const p = new Float64Array(size * size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let tau = 1;
      if (i === 0 && j === 0) tau = 1 - lambdaHome * lambdaAway * rho;
      else if (i === 0 && j === 1) tau = 1 + lambdaHome * rho;
      else if (i === 1 && j === 0) tau = 1 + lambdaAway * rho;
      else if (i === 1 && j === 1) tau = 1 - rho;
      const v = Math.max(0, tau) * ph[i] * pa[j];
      p[i * size + j] = v;
      total += v;
    }
  }
  for (let k = 0; k < p.length; k++) p[k] /= total;
  return { maxGoals, p };
}

export function poissonPmf(lambda: number, maxK: number): Float64Array {
  const out = new Float64Array(maxK + 1);
  out[0] = Math.exp(-lambda);
  for (let k = 1; k <= maxK; k++) out[k] = (out[k - 1] * lambda) / k;
  return out;
}
