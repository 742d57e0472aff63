import type { SyncResult } from '../../src-shared/contract/sync';
import { warmMarket } from '../features/market';
import { calibrateJob } from '../features/agents/backtest';
import { runAfterSync } from '../features/agents/runner';
import { valueRunJob, LIVE_DEFAULTS } from '../features/agents/value';
import { settlePicksJob, TRACKING_INPUT_TABLES } from '../features/picks';
import type { SettleReport } from '../../src-shared/contract/picks';
import type { EventBus } from '../platform/events';
import type { JobHost } from '../platform/jobs/host';

const ODDS = ['odds_history', 'odds_totals', 'odds_spreads'];

/** Tables a sync changed (rows written, deleted, pruned or quarantined). */
export function changedTables(r: SyncResult): string[] {
  return r.tables.filter((t) => t.upserted + t.deleted + t.pruned + t.quarantined + t.released > 0).map((t) => t.table);
}

/** The windows hear which cache tables changed, and the worker rebuilds the Command Center's board;
 * the tables changed (none: nothing said). */
export function announce(r: SyncResult, deps: { bus: EventBus; jobs: JobHost }): string[] {
  const tables = changedTables(r);
  if (tables.length === 0) return tables;
  deps.bus.emit('cache.changed', { tables, at: r.finishedAt });
  warmMarket(deps.jobs);
  return tables;
}

/** What follows a sync: the windows hear which cache tables changed, the worker rebuilds the
 * Command Center's board at once so the next read comes from memory; when results, odds or picks
 * moved, the tracking pass captures closing lines and settles picks, then the agents re-examine the
 * matches whose quotes changed (their new traps and strong steams raise alert.raised), then Agent B
 * runs when prices or results came; all on the writer lane. Resolves when all are over (the sync's
 * caller does not wait; failures are logged, never thrown at the sync). */
export async function afterSync(
  r: SyncResult,
  deps: { bus: EventBus; jobs: JobHost; log?: (line: string) => void },
): Promise<SettleCounts | null> {
  const tables = announce(r, deps);
  if (tables.length === 0) return null;
  const settled = await trackPicks(tables, deps);
  // quotes deleted (a reconcile; pruning only drops finished matches) or an odds table re-read whole: the agents' kept series start over
  const resync = r.tables.some((t) => ODDS.includes(t.table) && (t.deleted > 0 || t.mode === 'full'));
  try {
    await runAfterSync(deps, resync);
  } catch (err) {
    deps.log?.(`agents after the sync failed: ${(err as Error).message}`);
  }
  if (tables.some((t) => t === 'matches' || t.startsWith('odds_'))) await runValueAgent(deps);
  return settled;
}

/** What a settlement pass did, counted (the settlement slot's status adds the sync's pass to its own). */
export interface SettleCounts {
  settled: number;
  resettled: number;
  voided: number;
  combos: number;
}
export const NO_SETTLEMENT: SettleCounts = { settled: 0, resettled: 0, voided: 0, combos: 0 };
export const settleCounts = (s: SettleReport): SettleCounts => ({
  settled: s.results.settled,
  resettled: s.results.resettled,
  voided: s.results.voided,
  combos: s.combos.settled,
});

/** The tracking pass when results, odds or picks moved: closing lines, then settlement; its counts
 * (null when it did not run or failed: the failure is logged). */
export function trackPicks(
  tables: string[],
  deps: { bus: EventBus; jobs: JobHost; log?: (line: string) => void },
): Promise<SettleCounts | null> {
  if (!tables.some((t) => (TRACKING_INPUT_TABLES as readonly string[]).includes(t))) return Promise.resolve(null);
  return deps.jobs
    .run(settlePicksJob, {})
    .done.then((s) => {
      const touched = [
        ...(s.closing.written + s.results.written > 0 ? ['tracking_clv_picks'] : []),
        ...(s.combos.written > 0 ? ['fg_combo_tracking'] : []),
      ];
      if (touched.length) deps.bus.emit('cache.changed', { tables: touched, at: new Date().toISOString() });
      const settled = s.results.settled + s.results.resettled + s.combos.settled;
      if (settled > 0)
        deps.bus.emit('alert.raised', {
          id: `settlement:${s.at}`,
          kind: 'settlement',
          severity: 'low',
          title: `${settled} pick${settled === 1 ? '' : 's'} settled`,
          body: `${s.results.settled} settled, ${s.results.resettled} re-settled, ${s.results.voided} void, ${s.combos.settled} combos; ${s.closing.captured + s.closing.lastQuote} closing lines`,
          matchId: null,
          panel: 'history',
          at: s.at,
        });
      return settleCounts(s);
    })
    .catch((err: unknown) => {
      deps.log?.(`pick tracking after the sync failed: ${(err as Error).message}`);
      return null;
    });
}

/** Agent B after new prices or results: its blend weight re-chosen by backtest when a week old (or never
 * chosen), then its analyses and predictions written (only the changed rows). Both on the writer lane;
 * a failure is logged (no finished match to calibrate on yet is not one: the agent runs on the market alone). */
export async function runValueAgent(deps: { bus: EventBus; jobs: JobHost; log?: (line: string) => void }): Promise<void> {
  const { minEdge, kellyFraction, cap } = LIVE_DEFAULTS;
  const started = Date.now();
  try {
    const v = await deps.jobs.run(calibrateJob, { days: 365, maxAgeDays: 7 }).done.catch(() => null);
    // a new blend weight changes the value columns: the windows re-read them
    if (v && Date.parse(v.chosenAt) >= started) deps.bus.emit('cache.changed', { tables: ['agent_model_versions'], at: v.chosenAt });
    const run = await deps.jobs.run(valueRunJob, { minEdge, kellyFraction, cap }).done;
    if (run.written > 0) deps.bus.emit('cache.changed', { tables: ['agent_analyses', 'agent_predictions'], at: new Date().toISOString() });
  } catch (err) {
    deps.log?.(`Agent B after the sync failed: ${(err as Error).message}`);
  }
}
