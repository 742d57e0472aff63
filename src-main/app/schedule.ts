import path from 'node:path';
import { SCHEDULE_SLOTS } from '../../src-shared/contract/scheduler';
import type { Settings } from '../../src-shared/contract/settings';
import { kickoffsJob, slotDefinitions } from '../features/schedule';
import type { EventBus } from '../platform/events';
import type { JobHost } from '../platform/jobs/host';
import { fileStateStore, Scheduler, type Clock, type ScheduledStep } from '../platform/scheduler';
import type { SyncRunner } from '../sync';

// The schedule of this app: its named slots, what is plugged into them now, and how Settings drive
// them. What plugs in later (see the report in src-main/features/schedule/README.md):
//   intelligence: the agents (order 10..19), PATRON DIAMOND (20), CONSEIL ULTIM (30)
//   closing-line: syncStep (0) then the capture (10); its extra times are the kick-offs (below)
//   settlement:   syncStep (0) then settlement (10) and its summary alert
//   learning:     the learning loop (10)
// with `services.scheduler.plug(slot, { name, order, run: (ctx) => ctx.run(job, params) })`.

export interface ScheduleDeps {
  jobs: JobHost;
  sync: SyncRunner;
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
  applySchedule(scheduler, d.settings());
  return scheduler;
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
