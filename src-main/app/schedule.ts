import path from 'node:path';
import { SCHEDULE_SLOTS } from '../../src-shared/contract/scheduler';
import type { Settings } from '../../src-shared/contract/settings';
import { agentsRunJob } from '../features/agents/runner';
import { conseilLearnJob, conseilRunJob, pickAlerts } from '../features/conseil';
import { captureClosingJob, settlePicksJob } from '../features/picks';
import { kickoffsJob, slotDefinitions } from '../features/schedule';
import type { EventBus } from '../platform/events';
import type { JobHost } from '../platform/jobs/host';
import { fileStateStore, Scheduler, type Clock, type ScheduledStep } from '../platform/scheduler';
import type { SyncRunner } from '../sync';
import { minePatternsIfDue } from './patterns-step';
import { settledSince, type AfterSyncQueue } from './after-sync';
import { NO_SETTLEMENT, settleCounts, type SettleCounts } from './events';

// The schedule of this app: its named slots, what is plugged into them, and how Settings drive them.
//   sync:         the sync (demo feed first on the embedded source)
//   intelligence: the agents (10: Agent A, traps, scorer picks, incremental), Agent C (20: patterns mined
//                 again when the last run is a day old), CONSEIL ULTIM (30: PATRON scores with the
//                 learned weights, the day's picks recorded)
//   closing-line: syncStep (0) then the capture (10); its extra times are the kick-offs (below)
//   settlement:   syncStep (0) then settlement (10); its status counts what the whole run settled,
//                 the sync's own tracking pass included
//   learning:     the learning loop (10: agent_feedback, PATRON refit, the learning log)

export interface ScheduleDeps {
  jobs: JobHost;
  sync: SyncRunner;
  /** The after-sync queue: the settlement slot waits for its sync's pass and counts it. */
  afterSync?: AfterSyncQueue;
  bus: EventBus;
  dataDir: string;
  embedded: boolean;
  settings: () => Settings;
  /** false: no cron ticks (tests that need still databases): the start-up sync and runs asked for only. */
  cron?: boolean;
  clock?: Clock;
  log?: (line: string) => void;
}

/** The sync as a step: the scheduler's sync slot, and the first step of slots that need fresh data. */
export function syncStep(sync: SyncRunner, order = 0): ScheduledStep {
  return { name: 'sync', order, run: (ctx) => sync.scheduled((id) => ctx.track(id)) };
}

export function createScheduler(d: ScheduleDeps): Scheduler {
  const scheduler = new Scheduler({
    jobs: d.jobs,
    clock: d.clock,
    cron: d.cron,
    store: fileStateStore(path.join(d.dataDir, 'schedule-state.json')),
    onChange: (state) => d.bus.emit('scheduler.changed', state),
    log: d.log,
  });
  const defs = slotDefinitions(d.embedded);
  for (const slot of SCHEDULE_SLOTS) scheduler.define(defs[slot]);
  scheduler.plug('sync', syncStep(d.sync, 10));
  plugDecisionLayer(scheduler, d);
  applySchedule(scheduler, d.settings());
  return scheduler;
}

const changed = (bus: EventBus, tables: string[]) => bus.emit('cache.changed', { tables, at: new Date().toISOString() });

/** The agents, CONSEIL, closing lines, settlement and learning on their slots; the windows hear what changed. */
function plugDecisionLayer(scheduler: Scheduler, d: ScheduleDeps): void {
  scheduler.plug('intelligence', {
    name: 'agents',
    order: 10,
    run: async (ctx) => {
      const { summary } = await ctx.run(agentsRunJob, { full: false, alerts: false, resync: false });
      if (summary.traps.written + summary.traps.expired > 0) changed(d.bus, ['market_traps']);
    },
  });
  scheduler.plug('intelligence', {
    name: 'patterns',
    order: 20,
    run: (ctx) => minePatternsIfDue((job, p) => ctx.run(job, p), d.bus),
  });
  scheduler.plug('intelligence', {
    name: 'CONSEIL',
    order: 30,
    run: async (ctx) => {
      const r = await ctx.run(conseilRunJob, { dryRun: false });
      if (r.recorded > 0) changed(d.bus, ['tracking_clv_picks']);
      for (const a of pickAlerts(r)) d.bus.emit('alert.raised', a);
      return { message: `${r.recorded} new pick${r.recorded === 1 ? '' : 's'} (${r.picks.length} today)` };
    },
  });
  scheduler.plug('closing-line', syncStep(d.sync, 0));
  scheduler.plug('closing-line', {
    name: 'capture',
    order: 10,
    run: async (ctx) => {
      const r = await ctx.run(captureClosingJob, {});
      if (r.written > 0) changed(d.bus, ['tracking_clv_picks']);
      return { message: `${r.captured + r.lastQuote} closing lines, ${r.missing} missing` };
    },
  });
  plugSettlement(scheduler, d);
  scheduler.plug('learning', {
    name: 'learn',
    order: 10,
    run: async (ctx) => {
      const e = await ctx.run(conseilLearnJob, {});
      changed(d.bus, ['patron_versions']);
      return { message: `PATRON v${e.version} on ${e.rows} settled rows` };
    },
  });
}

/** The settlement slot: a sync, then settlement. The sync's own tracking pass (after-sync) often
 * settles first; the status counts both, so it says what the run did. */
function plugSettlement(scheduler: Scheduler, d: ScheduleDeps): void {
  let before: SettleCounts = NO_SETTLEMENT;
  const sync = syncStep(d.sync, 0);
  scheduler.plug('settlement', {
    ...sync,
    run: (ctx) => {
      before = d.afterSync?.settled ?? NO_SETTLEMENT;
      return sync.run(ctx);
    },
  });
  scheduler.plug('settlement', {
    name: 'settle',
    order: 10,
    run: async (ctx) => {
      await d.afterSync?.idle();
      const bySync = settledSince(d.afterSync?.settled ?? NO_SETTLEMENT, before);
      const r = await ctx.run(settlePicksJob, {});
      if (r.results.written + r.closing.written > 0) changed(d.bus, ['tracking_clv_picks']);
      return { message: settlementMessage(settleCounts(r), bySync) };
    },
  });
}

/** "3 settled, 1 void" over the slot's own pass and the sync's. */
export function settlementMessage(own: SettleCounts, bySync: SettleCounts): string {
  const settled = own.settled + own.resettled + bySync.settled + bySync.resettled;
  const voided = own.voided + bySync.voided;
  const combos = own.combos + bySync.combos;
  return `${settled} settled, ${voided} void${combos ? `, ${combos} combo${combos === 1 ? '' : 's'}` : ''}`;
}

/** Settings → the slots' cron and on/off. */
export function applySchedule(scheduler: Scheduler, settings: Settings): void {
  for (const slot of SCHEDULE_SLOTS) scheduler.configure(slot, settings.schedule[slot]);
}

/** The closing-line slot runs at each kick-off of the next two days (read from the cache after each
 * sync that touched matches). A failure only delays the next refresh. */
export async function refreshKickoffs(jobs: JobHost, scheduler: Scheduler, log?: (line: string) => void): Promise<void> {
  try {
    const times = await jobs.run(kickoffsJob, { from: new Date().toISOString(), hours: 48 }).done;
    scheduler.setExtraTimes(
      'closing-line',
      times.map((t) => new Date(t)),
    );
  } catch (err) {
    log?.(`could not read the kick-off times: ${(err as Error).message}`);
  }
}
