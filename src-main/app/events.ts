import type { SyncResult } from '../../src-shared/contract/sync';
import { warmMarket } from '../features/market';
import { runAfterSync } from '../features/agents/runner';
import type { EventBus } from '../platform/events';
import type { JobHost } from '../platform/jobs/host';

const ODDS = ['odds_history', 'odds_totals', 'odds_spreads'];

/** Tables a sync changed (rows written, deleted, pruned or quarantined). */
export function changedTables(r: SyncResult): string[] {
  return r.tables.filter((t) => t.upserted + t.deleted + t.pruned + t.quarantined + t.released > 0).map((t) => t.table);
}

/** What follows a sync: the windows hear which cache tables changed, the worker rebuilds the
 * Command Center's board at once so the next read comes from memory, and the agents re-examine the
 * matches whose quotes changed (their new traps and strong steams raise alert.raised). Resolves when
 * the agents' run is over (callers need not wait: a failure is logged, never thrown). */
export async function afterSync(r: SyncResult, deps: { bus: EventBus; jobs: JobHost; log?: (line: string) => void }): Promise<void> {
  const tables = changedTables(r);
  if (tables.length === 0) return;
  deps.bus.emit('cache.changed', { tables, at: r.finishedAt });
  warmMarket(deps.jobs);
  // quotes deleted (a reconcile; pruning only drops finished matches) or an odds table re-read whole: the agents' kept series start over
  const resync = r.tables.some((t) => ODDS.includes(t.table) && (t.deleted > 0 || t.mode === 'full'));
  try {
    await runAfterSync(deps, resync);
  } catch (err) {
    deps.log?.(`agents after the sync failed: ${(err as Error).message}`);
  }
}
