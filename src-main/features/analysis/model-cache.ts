// Dixon-Coles fits per league, kept in the worker: refitted only when the league's finished matches
// change (count or last write) or the fit date moves; a refit starts from the previous fit.
import { fitDixonColes, type DixonColesModel } from '../../../src-shared/quant/poisson/dixon-coles';
import type { Cache } from '../../platform/cache/open';
import { leagueResults, leagueSignature } from './queries';

/** Dixon & Coles' decay, 0.0065 per half-week, per day. */
export const DEFAULT_XI = 0.0019;

const fits = new Map<string, { signature: string; asOf: string; model: DixonColesModel }>();
export const fitStats = { fits: 0, hits: 0 };

/** The fit date for "now": tomorrow (UTC), so every match finished today counts and none to come can. */
export function fitDate(now: Date): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

export function leagueModel(db: Cache, league: string, asOf: string, xi = DEFAULT_XI): DixonColesModel {
  const signature = `${leagueSignature(db, league)}|${xi}`;
  const prev = fits.get(league);
  if (prev && prev.signature === signature && prev.asOf === asOf) {
    fitStats.hits++;
    return prev.model;
  }
  const model = fitDixonColes(leagueResults(db, league), { asOf, xi, init: prev?.model });
  fitStats.fits++;
  fits.set(league, { signature, asOf, model });
  return model;
}
