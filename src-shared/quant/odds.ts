// Decimal odds ↔ implied probabilities, and the bookmaker's overround.
import { QuantError } from './errors';

/** Checks a book of decimal odds: at least 2 outcomes, every price finite and > 1. */
export function validateOdds(odds: readonly number[]): void {
  if (!Array.isArray(odds) || odds.length < 2)
    throw new QuantError(`a book needs at least 2 outcomes, got ${Array.isArray(odds) ? odds.length : String(odds)}`);
  odds.forEach((o, i) => {
    if (typeof o !== 'number' || !Number.isFinite(o)) throw new QuantError(`odds[${i}] = ${String(o)} is not a finite number`, i, o);
    if (o <= 1) throw new QuantError(`odds[${i}] = ${o} must be greater than 1 (decimal odds)`, i, o);
  });
}

/** Raw implied probabilities 1/odds (they sum to 1 + overround). */
export function impliedProbabilities(odds: readonly number[]): number[] {
  validateOdds(odds);
  return odds.map((o) => 1 / o);
}

/** Sum of 1/odds minus 1 (0.05 = a 5% book; negative when the book is under-round). */
export function overround(odds: readonly number[]): number {
  return impliedProbabilities(odds).reduce((s, p) => s + p, 0) - 1;
}

/** Decimal odds for a probability (Infinity for 0). */
export function fairOdds(probability: number): number {
  if (!(probability >= 0 && probability <= 1))
    throw new QuantError(`probability ${String(probability)} is not in [0, 1]`, undefined, probability);
  return 1 / probability;
}
