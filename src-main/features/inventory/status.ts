import type { InventoryTable } from '../../../src-shared/contract/inventory';

/** The seed's three states. A table is
 * - empty: no rows;
 * - under-used: rows, but the app does not use them (a source table not mirrored in the cache) or
 *   nothing was written for `staleAfterDays`;
 * - active: rows, used, and written recently. */
export function tableStatus(
  rows: number,
  lastUpdate: string | null,
  usedByApp: boolean,
  now: Date,
  staleAfterDays: number,
): Pick<InventoryTable, 'status' | 'statusReason'> {
  if (rows === 0) return { status: 'empty', statusReason: 'no rows' };
  if (!usedByApp) return { status: 'under-used', statusReason: 'not synced to the cache: no panel or agent reads it' };
  if (lastUpdate) {
    const days = (now.getTime() - Date.parse(lastUpdate)) / 86_400_000;
    if (days > staleAfterDays) return { status: 'under-used', statusReason: `no write for ${Math.floor(days)} days` };
  }
  return { status: 'active', statusReason: lastUpdate ? 'rows, used, recently written' : 'rows, used' };
}
