// Closing line value: how much better the price taken was than the market's closing price.
import { QuantError } from './errors';
import { devig, type DevigMethod } from './margins';
import { validateOdds } from './odds';

export interface Clv {
  /** odds taken / fair closing odds − 1 (fair = closing book de-vigged): the expected return if the close is right. */
  fair: number;
  /** odds taken / raw closing odds − 1 (beating the bookmaker's own closing price). */
  raw: number;
  fairClosingOdds: number;
  fairClosingProbability: number;
}

/** CLV of a bet at `oddsTaken` on outcome `selection` of a market whose closing prices are `closingOdds`. */
export function closingLineValue(
  oddsTaken: number,
  closingOdds: readonly number[],
  selection: number,
  method: DevigMethod = 'multiplicative',
): Clv {
  if (!Number.isFinite(oddsTaken) || oddsTaken <= 1)
    throw new QuantError(`odds taken = ${String(oddsTaken)} must be a finite decimal price > 1`, undefined, oddsTaken);
  validateOdds(closingOdds);
  if (!Number.isInteger(selection) || selection < 0 || selection >= closingOdds.length)
    throw new QuantError(`selection ${selection} is not an outcome index of a ${closingOdds.length}-way market`, selection);
  const p = devig(closingOdds, method).probabilities[selection];
  return { fair: oddsTaken * p - 1, raw: oddsTaken / closingOdds[selection] - 1, fairClosingOdds: 1 / p, fairClosingProbability: p };
}
