import type { SyncResult } from '../../src-shared/contract/sync';
import { warmMarket } from '../features/market';
import { calibrateJob } from '../features/agents/backtest';
import { valueRunJob, LIVE_DEFAULTS } from '../features/agents/value';
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
  if (tables.some((t) => t === 'matches' || t.startsWith('odds_'))) runValueAgent(deps);
}

/** Agent B after new prices or results: its blend weight re-chosen by backtest when a week old (or never
 * chosen), then its analyses and predictions written (only the changed rows). Both on the writer lane. */
export function runValueAgent(deps: { bus: EventBus; jobs: JobHost }): void {
  const { minEdge, kellyFraction, cap } = LIVE_DEFAULTS;
  const started = Date.now();
  deps.jobs
    .run(calibrateJob, { days: 365, maxAgeDays: 7 })
    .done.then(
      // a new blend weight changes the value columns: the windows re-read them
      (v) => {
        if (Date.parse(v.chosenAt) >= started) deps.bus.emit('cache.changed', { tables: ['agent_model_versions'], at: v.chosenAt });
      },
      () => null, // no finished match to calibrate on yet: the agent runs on the market alone
    )
    .then(() => deps.jobs.run(valueRunJob, { minEdge, kellyFraction, cap }).done)
    .catch(() => {});
}
