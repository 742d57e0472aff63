// The one way a walk-forward refits Dixon-Coles (live Agent B, the backtester, the calibration, the
// walk-forward bench): warm-started from the league's previous fit, and from the cold start when the warm
// one fails. A fit that still does not converge gives no model and says why; the caller counts it.
import { fitDixonColes, type DixonColesModel, type MatchResult } from './dixon-coles';

export interface Refit {
  model: DixonColesModel | null;
  /** Why there is no model (null when there is one). */
  error: string | null;
  /** How the model was reached: from the previous fit, cold (no previous fit), or cold after the warm start failed. */
  start: 'warm' | 'cold' | 'cold-after-warm' | null;
}

export interface RefitOptions {
  asOf: string;
  xi: number;
  previous?: DixonColesModel | null;
  /** Names the fit in messages ("E0 before 2025-03-01"). */
  what: string;
}

function attempt(matches: readonly MatchResult[], o: RefitOptions, init: DixonColesModel | undefined): DixonColesModel | string {
  try {
    const m = fitDixonColes(matches, { asOf: o.asOf, xi: o.xi, init });
    if (m.converged) return m;
    return `the ${o.what} fit did not converge (${m.matches} matches, ${m.teams.length} teams; L-BFGS stopped by ${m.stop} with gradient ${m.gradientNorm.toExponential(1)})`;
  } catch (err) {
    return `${o.what} fit: ${(err as Error).message}`;
  }
}

export function refitDixonColes(matches: readonly MatchResult[], o: RefitOptions): Refit {
  if (o.previous) {
    const warm = attempt(matches, o, o.previous);
    if (typeof warm !== 'string') return { model: warm, error: null, start: 'warm' };
  }
  const cold = attempt(matches, o, undefined);
  if (typeof cold === 'string') return { model: null, error: cold, start: null };
  return { model: cold, error: null, start: o.previous ? 'cold-after-warm' : 'cold' };
}
