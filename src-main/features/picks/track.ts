// The tracking pass after each sync (and `monps settle`): closing lines of kicked-off picks, then
// settlement of picks and combos from the results. Both are idempotent: a second pass over the
// same cache writes nothing.
import type { SettleReport } from '../../../src-shared/contract/picks';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { captureClosingLines, type CaptureReport } from './capture';
import { settleCombos } from './combo-track';
import { requirePickTables } from './queries';
import { settleResults, type ResultsReport } from './results';

export const RECHECK_DAYS = 7;

export function captureAll(db: Cache, now: Date): CaptureReport {
  requirePickTables(db);
  return captureClosingLines(db, now, RECHECK_DAYS);
}

export function settleAll(db: Cache, now: Date): { results: ResultsReport; combos: ReturnType<typeof settleCombos> } {
  requirePickTables(db);
  return {
    results: settleResults(db, now),
    combos: tableExists(db, 'fg_combo_tracking') ? settleCombos(db, now) : { candidates: 0, settled: 0, written: 0, notes: [] },
  };
}

export function trackPicks(db: Cache, now: Date): SettleReport {
  const t0 = performance.now();
  const closing = captureAll(db, now);
  const { results, combos } = settleAll(db, now);
  const orphans = (
    db
      .prepare('SELECT count(*) AS n FROM tracking_clv_picks p WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.match_id = p.match_id)')
      .get() as { n: number }
  ).n;
  const { notes: resultNotes, ...res } = results;
  const { notes: comboNotes, ...com } = combos;
  return {
    at: now.toISOString(),
    closing,
    results: res,
    combos: com,
    notes: [
      ...(orphans ? [`${orphans} picks on matches the cache does not have: neither captured nor settled`] : []),
      ...resultNotes,
      ...comboNotes,
    ],
    seconds: (performance.now() - t0) / 1000,
  };
}
