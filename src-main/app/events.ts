import type { SyncResult } from '../../src-shared/contract/sync';
import { warmMarket } from '../features/market';
import type { EventBus } from '../platform/events';
import type { JobHost } from '../platform/jobs/host';

/** Tables a sync changed (rows written, deleted, pruned or quarantined). */
export function changedTables(r: SyncResult): string[] {
  return r.tables.filter((t) => t.upserted + t.deleted + t.pruned + t.quarantined + t.released > 0).map((t) => t.table);
}

/** What follows a sync: the windows hear which cache tables changed, and the worker rebuilds the
 * Command Center's board at once so the next read comes from memory. */
export function afterSync(r: SyncResult, deps: { bus: EventBus; jobs: JobHost }): void {
  const tables = changedTables(r);
  if (tables.length === 0) return;
  deps.bus.emit('cache.changed', { tables, at: r.finishedAt });
  warmMarket(deps.jobs);
}
