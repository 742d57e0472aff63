// Margin removal ("de-vigging"): from a bookmaker's decimal odds to fair probabilities summing to 1.
// References: Štrumbelj (2014) for Shin; Cheung (2015) / Buchdahl for odds-ratio; Clarke, Kovalchik &
// Ingram (2017) for additive, multiplicative, power; Buchdahl, "The Wisdom of the Crowd", for the
// margin weights proportional to the odds (here "differential margin weighting").
import { QuantError } from './errors';
import { validateOdds } from './odds';
import { brent, brentExpandUp } from './roots';

export const DEVIG_METHODS = ['multiplicative', 'additive', 'power', 'shin', 'odds_ratio', 'differential_margin_weighting'] as const;
export type DevigMethod = (typeof DEVIG_METHODS)[number];

export interface DevigResult {
  method: DevigMethod;
  /** Sum of 1/odds minus 1. */
  overround: number;
  probabilities: number[];
  /** The method's fitted parameter: power k, Shin z, odds ratio c; absent for closed forms. */
  parameter?: number;
}

export function isDevigMethod(name: string): name is DevigMethod {
  return (DEVIG_METHODS as readonly string[]).includes(name);
}

/** Other spellings people type (the README's and the literature's short names): hyphens for
 * underscores everywhere, and `differential` for the margin weights proportional to the odds. */
const DEVIG_ALIASES: Readonly<Record<string, DevigMethod>> = { differential: 'differential_margin_weighting' };

/** A method name as typed (`odds-ratio`, `odds_ratio`, `differential`, any case) → its one canonical
 * name, or null when it names none. */
export function parseDevigMethod(name: string): DevigMethod | null {
  const key = name.trim().toLowerCase().replace(/-/g, '_');
  if (isDevigMethod(key)) return key;
  return DEVIG_ALIASES[key] ?? null;
}

/** Fair probabilities from a book of decimal odds (any number >= 2 of mutually exclusive outcomes). */
export function devig(odds: readonly number[], method: DevigMethod = 'multiplicative'): DevigResult {
  validateOdds(odds);
  const pi = odds.map((o) => 1 / o);
  const s = pi.reduce((a, b) => a + b, 0);
  const overround = s - 1;
  const out = (probabilities: number[], parameter?: number): DevigResult => ({
    method,
    overround,
    probabilities: normalise(probabilities),
    ...(parameter === undefined ? {} : { parameter }),
  });
  switch (method) {
    case 'multiplicative':
      return out(pi.map((p) => p / s));
    case 'additive':
      return out(additive(pi, s));
    case 'differential_margin_weighting':
      return out(marginWeightsProportionalToOdds(odds, overround));
    case 'power': {
      if (Math.abs(s - 1) < 1e-12) return out(pi, 1);
      // sum(pi^k) = 1 is decreasing in k; k > 1 for an over-round book, k in (0, 1) for an under-round one
      const f = (k: number) => pi.reduce((a, p) => a + Math.pow(p, k), 0) - 1;
      const k = s > 1 ? brentExpandUp(f, 1, 2) : brent(f, 1e-12, 1);
      return out(
        pi.map((p) => Math.pow(p, k)),
        k,
      );
    }
    case 'odds_ratio': {
      if (Math.abs(s - 1) < 1e-12) return out(pi, 1);
      // p_i = pi_i / (c (1 - pi_i) + pi_i): the same odds ratio c between quoted and fair for every outcome
      const at = (c: number) => pi.map((p) => p / (c * (1 - p) + p));
      const f = (c: number) => at(c).reduce((a, b) => a + b, 0) - 1;
      const c = s > 1 ? brentExpandUp(f, 1, 2) : brent(f, 1e-12, 1);
      return out(at(c), c);
    }
    case 'shin': {
      if (Math.abs(s - 1) < 1e-12) return out(pi, 0);
      const f = (z: number) => shinProbabilities(pi, s, z).reduce((a, b) => a + b, 0) - 1;
      // z in (0, 1] for an over-round book (sum at z=1 is sum(pi^2)/s < 1); z < 0 for an under-round one
      let z: number;
      if (s > 1) z = brent(f, 0, 1);
      else {
        let lo = -1;
        while (f(lo) < 0 && lo > -1e12) lo *= 2;
        z = brent(f, lo, 0);
      }
      return out(shinProbabilities(pi, s, z), z);
    }
    default: {
      const never: never = method;
      throw new QuantError(`unknown margin-removal method '${String(never)}' (one of ${DEVIG_METHODS.join(', ')})`);
    }
  }
}

/** Shin (1993) probabilities for insider share z: p = (sqrt(z^2 + 4(1-z) pi^2/s) - z) / (2(1-z)),
 * written without cancellation for z >= 0. */
function shinProbabilities(pi: readonly number[], s: number, z: number): number[] {
  return pi.map((p) => {
    const a = (4 * (1 - z) * p * p) / s;
    const root = Math.sqrt(z * z + a);
    return z >= 0 ? (2 * p * p) / s / (root + z) : (root - z) / (2 * (1 - z));
  });
}

/** Additive: the same amount (s-1)/n taken off every implied probability. A long shot can go
 * negative: that book cannot be de-vigged additively, and we say which outcome. */
function additive(pi: readonly number[], s: number): number[] {
  const cut = (s - 1) / pi.length;
  return pi.map((p, i) => {
    const q = p - cut;
    if (q <= 0)
      throw new QuantError(
        `additive margin removal gives probability ${q} <= 0 for outcome ${i} (odds ${1 / p}); use another method`,
        i,
        1 / p,
      );
    return q;
  });
}

/** Buchdahl's margin weights proportional to the odds: fair odds = n·O / (n − M·O), M the overround.
 * Algebraically 1/fair = 1/O − M/n, i.e. the same probabilities as the additive method (kept as its
 * own name because analysts know it by it; the tests check the identity). */
function marginWeightsProportionalToOdds(odds: readonly number[], margin: number): number[] {
  const n = odds.length;
  return odds.map((o, i) => {
    const denom = n - margin * o;
    if (denom <= 0 || n * o <= denom)
      throw new QuantError(`margin weights proportional to odds give no fair price for outcome ${i} (odds ${o}, margin ${margin})`, i, o);
    return denom / (n * o);
  });
}

/** Divides by the sum so the result sums to 1 to the last bit a root finder may leave. */
function normalise(ps: number[]): number[] {
  const t = ps.reduce((a, b) => a + b, 0);
  return ps.map((p) => p / t);
}
