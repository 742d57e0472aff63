// Ranked probability score for forecasts of ordered outcomes (1X2 ordered home, draw, away): unlike Brier,
// it counts a home-win forecast as closer to a draw than to an away win.
import { QuantError } from './errors';

function checkForecast(row: readonly number[], outcome: number, i: number): void {
  if (!Array.isArray(row) || row.length < 2)
    throw new QuantError(
      `forecast ${i} has ${Array.isArray(row) ? row.length : String(row)} outcomes: RPS needs at least 2 ordered outcomes`,
      i,
      row,
    );
  let total = 0;
  row.forEach((p, j) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      throw new QuantError(`forecast ${i}, outcome ${j}: probability ${String(p)} is not in [0, 1]`, i, p);
    total += p;
  });
  if (Math.abs(total - 1) > 1e-6) throw new QuantError(`forecast ${i}: probabilities sum to ${total}, not 1`, i, total);
  if (!Number.isInteger(outcome) || outcome < 0 || outcome >= row.length)
    throw new QuantError(`outcome ${i} = ${String(outcome)} is not an index of its ${row.length}-outcome forecast`, i, outcome);
}

function rps(row: readonly number[], outcome: number): number {
  const r = row.length;
  let cumP = 0;
  let s = 0;
  for (let k = 0; k < r - 1; k++) {
    cumP += row[k];
    const d = cumP - (k >= outcome ? 1 : 0);
    s += d * d;
  }
  return s / (r - 1);
}

/** RPS of one forecast (probabilities in the outcomes' order, summing to 1 within 1e-6) when outcome
 * index `outcome` happened: 1/(r − 1)·Σ_{i=1}^{r−1} (Σ_{j<=i} (p_j − e_j))² (Epstein 1969; Constantinou &
 * Fenton 2012 for football). 0 is a perfect forecast, 1 all mass on the far end from what happened. */
export function rankedProbabilityScore(forecast: readonly number[], outcome: number): number {
  checkForecast(forecast, outcome, 0);
  return rps(forecast, outcome);
}

/** Mean RPS over matches: `probabilities[i]` is match i's forecast, `outcomes[i]` the index that happened
 * (for 1X2: 0 home, 1 draw, 2 away). */
export function meanRankedProbabilityScore(probabilities: readonly (readonly number[])[], outcomes: readonly number[]): number {
  if (probabilities.length !== outcomes.length) throw new QuantError(`${probabilities.length} forecasts for ${outcomes.length} outcomes`);
  if (probabilities.length === 0) throw new QuantError('no forecasts to score');
  let s = 0;
  probabilities.forEach((row, i) => {
    checkForecast(row, outcomes[i], i);
    s += rps(row, outcomes[i]);
  });
  return s / probabilities.length;
}
