// The Settings' commission on net winnings per book: the one map every price read from the cache goes
// through (live agents, CONSEIL, picks, the board, Deep Analysis, backtests, calibration and PATRON's
// learning over the cache), on top of the exchanges' default (market-prices `commissions`).
import type { Settings } from '../../../src-shared/contract/settings';
import { jobSettings } from './store';

/** The analyst's per-book rates (0.05 = 5% of net winnings); a book not listed takes its default. */
export function settingsCommission(settings: Pick<Settings, 'markets'>): Readonly<Record<string, number>> {
  return settings.markets.commission;
}

/** The per-book rates saved when a worker job started (`ctx.settingsFile`; the defaults without one). */
export function jobCommission(ctx: { settingsFile?: string }): Readonly<Record<string, number>> {
  return settingsCommission(jobSettings(ctx).settings);
}
