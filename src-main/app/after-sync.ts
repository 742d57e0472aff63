// What follows each sync, one at a time and in the order the syncs ended (the writer lane runs one job
// at a time anyway; serialising here keeps a slow pass from interleaving with the next one). After the
// process's first sync that brought data, the whole decision chain runs once (`firstRunSteps`), so a
// fresh start is not empty until the 15-minute slot: Agent A and the traps (their history read from
// every finished match), Agent B, Agent C, PATRON's fit, CONSEIL; its progress goes out as a
// `job.progress` of kind `first-run`, which the status bar shows like a job.
import type { JobInfo } from '../../src-shared/contract/jobs';
import type { SyncResult } from '../../src-shared/contract/sync';
import { conseilLearnJob, conseilRunJob, learningLogJob, pickAlerts } from '../features/conseil';
import { runAfterSync } from '../features/agents/runner';
import type { EventBus } from '../platform/events';
import { minePatternsIfDue } from './patterns-step';
import type { JobHost } from '../platform/jobs/host';
import { afterSync, announce, changedTables, NO_SETTLEMENT, runValueAgent, trackPicks, type SettleCounts } from './events';

export interface AfterSyncDeps {
  bus: EventBus;
  jobs: JobHost;
  log?: (line: string) => void;
  /** Run the whole chain after the first sync that brought data (the running app; default true). */
  firstRun?: boolean;
}

/** One step of the first run: its name for the status bar, and its work (a short outcome, or a throw). */
export interface ChainStep {
  name: string;
  run(): Promise<string>;
}

export interface ChainOutcome {
  steps: { name: string; ok: boolean; message: string; ms: number }[];
  ms: number;
}

const changed = (bus: EventBus, tables: string[]) => bus.emit('cache.changed', { tables, at: new Date().toISOString() });

/** The first run's steps, in order. Agent C before PATRON (a significant pattern is one of its inputs),
 * PATRON before CONSEIL (which scores with it). */
export function firstRunSteps(deps: AfterSyncDeps, r: SyncResult, onSettled: (s: SettleCounts) => void = () => {}): ChainStep[] {
  const { bus, jobs } = deps;
  return [
    {
      name: 'settlement',
      run: () =>
        failingOnLog(deps, async (d) => {
          const s = await trackPicks(changedTables(r), d);
          if (s) onSettled(s);
          return s ? `${s.settled + s.resettled} settled` : 'nothing to track';
        }),
    },
    {
      name: 'Agent A and traps',
      run: async () => {
        const alerts = await runAfterSync(deps, true);
        return `${alerts.length} alerts`;
      },
    },
    {
      name: 'Agent B',
      run: () =>
        failingOnLog(deps, async (d) => {
          await runValueAgent(d);
          return 'value analyses written';
        }),
    },
    {
      name: 'Agent C',
      run: async () => {
        const r = await minePatternsIfDue((job, p) => jobs.run(job, p).done, bus);
        return r.message ?? 'done';
      },
    },
    {
      name: 'PATRON fit',
      run: async () => {
        const { entries } = await jobs.run(learningLogJob, { limit: 1 }).done;
        if (entries.length > 0) return `PATRON v${entries[0].version} already fitted`;
        const e = await jobs.run(conseilLearnJob, {}).done;
        changed(bus, ['patron_versions']);
        return `PATRON v${e.version} on ${e.rows} rows`;
      },
    },
    {
      name: 'CONSEIL',
      run: async () => {
        const c = await jobs.run(conseilRunJob, { dryRun: false }).done;
        if (c.recorded > 0) changed(bus, ['tracking_clv_picks']);
        for (const a of pickAlerts(c)) bus.emit('alert.raised', a);
        return `${c.recorded} new picks (${c.picks.length} today)`;
      },
    },
  ];
}

/** The after-sync passes log their failures and go on (a sync must not fail for them); in the chain a
 * logged failure fails its step, so the first run's outcome counts it. */
async function failingOnLog(deps: AfterSyncDeps, body: (d: AfterSyncDeps) => Promise<string>): Promise<string> {
  const failures: string[] = [];
  const out = await body({
    ...deps,
    log: (line) => {
      failures.push(line);
      deps.log?.(line);
    },
  });
  if (failures.length) throw new Error(failures.join('; '));
  return out;
}

/** Runs the steps in order; a failed step is logged and counted, the next still runs (CONSEIL without
 * fresh patterns is better than no picks). Progress as `job.progress` events of kind `first-run`. */
export async function runChain(steps: readonly ChainStep[], bus: EventBus, log?: (line: string) => void): Promise<ChainOutcome> {
  const t0 = Date.now();
  const info: JobInfo = {
    jobId: `first-run:${new Date(t0).toISOString()}`,
    kind: 'first-run',
    state: 'running',
    fraction: 0,
    message: 'starting',
    startedAt: new Date(t0).toISOString(),
    endedAt: null,
    error: null,
  };
  const out: ChainOutcome = { steps: [], ms: 0 };
  for (const [i, step] of steps.entries()) {
    bus.emit('job.progress', { ...info, fraction: i / steps.length, message: `${i + 1}/${steps.length} ${step.name}` });
    const s0 = Date.now();
    try {
      const message = await step.run();
      out.steps.push({ name: step.name, ok: true, message, ms: Date.now() - s0 });
    } catch (err) {
      const message = (err as Error).message;
      log?.(`first run: ${step.name} failed: ${message}`);
      out.steps.push({ name: step.name, ok: false, message, ms: Date.now() - s0 });
    }
  }
  out.ms = Date.now() - t0;
  const failed = out.steps.filter((s) => !s.ok);
  const summary = `${steps.length - failed.length}/${steps.length} steps in ${(out.ms / 1000).toFixed(1)} s`;
  bus.emit('job.progress', {
    ...info,
    state: failed.length ? 'failed' : 'done',
    fraction: 1,
    message: failed.length ? `${summary}; failed: ${failed.map((s) => `${s.name} (${s.message})`).join('; ')}` : summary,
    endedAt: new Date().toISOString(),
    error: failed.length ? { code: 'INTERNAL', message: failed.map((s) => `${s.name}: ${s.message}`).join('; ') } : null,
  });
  log?.(`first run: ${summary}${failed.length ? `, ${failed.length} failed` : ''}`);
  return out;
}

/** The queue of after-sync work, and what its settlement passes settled (cumulative). */
export class AfterSyncQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private firstRunDone = false;
  private counts: SettleCounts = { ...NO_SETTLEMENT };
  /** The first run's outcome once it ran (tests and the bench read it). */
  firstRun: Promise<ChainOutcome> | null = null;

  constructor(private readonly deps: AfterSyncDeps) {}

  /** Queues the work after a sync; resolves when it is over (never rejects: failures are logged). */
  push(r: SyncResult): Promise<void> {
    const run = this.tail.then(() => this.handle(r));
    this.tail = run.catch(() => {});
    return run.catch((err: unknown) => this.deps.log?.(`after the sync: ${(err as Error).message}`));
  }

  /** Resolves when the work queued so far is over. */
  async idle(): Promise<void> {
    for (let seen = this.tail; ; seen = this.tail) {
      await seen;
      if (seen === this.tail) return;
    }
  }

  /** Settled by the after-sync passes since this queue was made. */
  get settled(): SettleCounts {
    return { ...this.counts };
  }

  private async handle(r: SyncResult): Promise<void> {
    const first = (this.deps.firstRun ?? true) && !this.firstRunDone && changedTables(r).length > 0;
    if (first) {
      this.firstRunDone = true;
      announce(r, this.deps);
      this.firstRun = runChain(
        firstRunSteps(this.deps, r, (s) => this.add(s)),
        this.deps.bus,
        this.deps.log,
      );
      await this.firstRun;
      return;
    }
    const s = await afterSync(r, this.deps);
    if (s) this.add(s);
  }

  private add(s: SettleCounts): void {
    this.counts = {
      settled: this.counts.settled + s.settled,
      resettled: this.counts.resettled + s.resettled,
      voided: this.counts.voided + s.voided,
      combos: this.counts.combos + s.combos,
    };
  }
}

/** What the queue settled between two readings of `settled`. */
export function settledSince(now: SettleCounts, before: SettleCounts): SettleCounts {
  return {
    settled: now.settled - before.settled,
    resettled: now.resettled - before.resettled,
    voided: now.voided - before.voided,
    combos: now.combos - before.combos,
  };
}
