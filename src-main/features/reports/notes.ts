// What the reader of a report should know about its numbers: how intervals are made, what is
// missing and why (never silently).
import { zonedDate } from '../../../src-shared/domain/zoned-time';
import type { Cache } from '../../platform/cache/open';
import { BOOTSTRAP_MAX_BETS, BOOTSTRAP_RESAMPLES, type LedgerSummary, type PickFigures } from './figures';
import { fmtInt } from './format';
import { pickedFixtureSpan } from './queries';

export function notesFor(db: Cache, picks: readonly PickFigures[], ledger: LedgerSummary | null): string[] {
  const notes: string[] = [];
  const unique = new Map(picks.map((p) => [p.pickId, p]));
  const all = [...unique.values()];
  if (ledger)
    notes.push(
      `ROI intervals are 95% intervals: percentile bootstrap (${fmtInt(BOOTSTRAP_RESAMPLES)} resamples, seeded) up to ${fmtInt(BOOTSTRAP_MAX_BETS)} bets, delta-method t interval above. An interval that spans zero is no evidence of an edge.`,
    );
  const zeroStake = all.filter((p) => p.result !== null && p.stake <= 0).length;
  if (zeroStake) notes.push(`${fmtInt(zeroStake)} settled picks had no stake: they are listed but not in the ROI.`);
  const noClose = all.filter((p) => p.result !== null && p.clvFair === null).length;
  if (noClose) notes.push(`${fmtInt(noClose)} settled picks have no closing line: their CLV is blank, never counted as 0.`);
  if (!hasColumn(db, 'tracking_clv_picks', 'reasons') || !hasColumn(db, 'tracking_clv_picks', 'warnings'))
    notes.push('The picks table of the cache has no reasons/warnings columns yet: warnings shown come from the trap detector only.');
  return notes;
}

function hasColumn(db: Cache, table: string, column: string): boolean {
  return db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}

/** "no data for X: why; the cache has picks on fixtures from A to B" (or: has no pick at all). */
export function noDataMessage(db: Cache, what: string, why: string, timeZone = 'UTC'): string {
  const span = pickedFixtureSpan(db);
  const where = span
    ? `the cache has ${fmtInt(span.picks)} picks on fixtures from ${zonedDate(Date.parse(span.first), timeZone)} to ${zonedDate(Date.parse(span.last), timeZone)}`
    : 'the cache holds no pick at all yet (the decision engine has not run, or the source has none)';
  return `no data for ${what}: ${why}; ${where}. Nothing was written.`;
}
