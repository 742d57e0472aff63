import { ContractError } from '../../../src-shared/contract/errors';
import type { RunReason, RunStatus, SchedulerState, ScheduleSlot, SlotRun, SlotState } from '../../../src-shared/contract/scheduler';
import { nextRetryDelay } from '../backoff';
import { missedSince, nextDue, outcomeOf, reasonAt, type Due } from './plan';
import {
  systemClock,
  type Clock,
  type JobRunner,
  type ScheduledStep,
  type ScheduleStateStore,
  type SlotDefinition,
  type StepContext,
} from './types';

export interface SchedulerOptions {
  jobs: JobRunner;
  clock?: Clock;
  store?: ScheduleStateStore;
  onChange?: (state: SlotState) => void;
  log?: (line: string) => void;
  /** Pause before retry n of the probe slot while the source is down (default: exponential, jittered). */
  retryDelay?: (n: number) => number;
  /** false: no cron ticks, only the start-up runs and runs asked for (tests that need still databases). */
  cron?: boolean;
  /** The longest the scheduler sleeps before looking at the clock again: a machine that slept through
   * its ticks is noticed within this long of waking (timers do not count time asleep). */
  maxSleepMs?: number;
}

interface Running {
  startedAt: string;
  reason: RunReason;
  step: string | null;
  jobId: string | null;
  jobIds: Set<string>;
  controller: AbortController;
}

interface Slot {
  def: SlotDefinition;
  cron: string;
  enabled: boolean;
  steps: ScheduledStep[];
  extra: number[];
  due: Due | null;
  held: boolean;
  queued: RunReason | null;
  failures: number;
  running: Running | null;
  lastRun: SlotRun | null;
}

/** Runs named slots on their cron (and extra times such as kick-offs), each run a chain of steps
 * whose worker jobs report progress and can be cancelled. Guarantees: two runs of a slot never
 * overlap (a tick that comes during a run makes one run after it); a run missed while the machine
 * slept or the app was closed runs once, not once per missed tick; while the source is down, the
 * probe slot (the sync) retries with backoff and slots that need the source are held, then run once
 * when it is back. */
export class Scheduler {
  private readonly slots = new Map<ScheduleSlot, Slot>();
  private readonly clock: Clock;
  private readonly executions = new Set<Promise<void>>();
  private timer: unknown = null;
  private started = false;
  private stopped = false;
  private online = true;

  constructor(private readonly opts: SchedulerOptions) {
    this.clock = opts.clock ?? systemClock;
  }

  define(def: SlotDefinition): void {
    if (this.slots.has(def.slot)) throw new Error(`slot ${def.slot} defined twice`);
    const s: Slot = {
      def,
      cron: def.defaultCron,
      enabled: true,
      steps: [],
      extra: [],
      due: null,
      held: false,
      queued: null,
      failures: 0,
      running: null,
      lastRun: null,
    };
    this.slots.set(def.slot, s);
  }

  /** Plugs a step into a slot (features do, from the composition): steps run in `order`. */
  plug(slot: ScheduleSlot, step: ScheduledStep): void {
    const s = this.slot(slot);
    if (s.steps.some((x) => x.name === step.name)) throw new Error(`step ${step.name} plugged twice into ${slot}`);
    s.steps = [...s.steps, step].sort((a, b) => a.order - b.order);
    this.changed(s);
  }

  /** From the settings: the cron (null = the slot's default) and whether it runs. Re-plans from now. */
  configure(slot: ScheduleSlot, cfg: { cron: string | null; enabled: boolean }): void {
    const s = this.slot(slot);
    s.cron = cfg.cron ?? s.def.defaultCron;
    s.enabled = cfg.enabled;
    this.replan(s, true);
  }

  /** The default changes with the source (every minute on the embedded demo, every 5 otherwise). */
  setDefaultCron(slot: ScheduleSlot, cron: string): void {
    const s = this.slot(slot);
    const followsDefault = s.cron === s.def.defaultCron;
    s.def = { ...s.def, defaultCron: cron };
    if (followsDefault) s.cron = cron;
    this.replan(s, true);
  }

  /** Times the slot runs besides its cron (each kick-off for the closing-line capture). */
  setExtraTimes(slot: ScheduleSlot, times: readonly Date[]): void {
    const s = this.slot(slot);
    s.extra = [...new Set(times.map((t) => t.getTime()).filter(Number.isFinite))].sort((a, b) => a - b);
    this.replan(s, false);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const stored = this.opts.store?.load() ?? {};
    const now = this.clock.now();
    for (const s of this.slots.values()) {
      s.lastRun = stored[s.def.slot] ?? null;
      const last = s.lastRun ? Date.parse(s.lastRun.startedAt) : null;
      if (s.def.runAtStart) s.due = { at: now, reason: 'start' };
      else if (this.cronOn && missedSince(s.cron, s.extra, last, now)) s.due = { at: now, reason: 'catch-up' };
      else s.due = this.plan(s, now);
      this.changed(s);
    }
    this.check();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Look at the clock now (the machine woke up, the network came back). */
  wake(): void {
    if (this.started && !this.stopped) this.check();
  }

  /** Something else reached the source (a sync asked for by hand): held runs go now. */
  sourceUp(): void {
    this.setOnline(true);
  }

  get sourceOnline(): boolean {
    return this.online;
  }

  runNow(slot: ScheduleSlot): SlotState {
    const s = this.slot(slot);
    if (!s.steps.length)
      throw new ContractError('VALIDATION', `nothing runs in "${s.def.title}" yet: ${s.def.pending ?? 'no step is plugged in'}`);
    if (s.running)
      throw new ContractError('CONFLICT', `"${s.def.title}" is already running (since ${s.running.startedAt}): two runs never overlap`);
    this.launch(s, 'manual');
    return this.stateOf(s);
  }

  cancel(slot: ScheduleSlot): boolean {
    const s = this.slot(slot);
    if (!s.running) return false;
    s.queued = null;
    s.running.controller.abort();
    for (const id of s.running.jobIds) this.opts.jobs.cancel(id);
    return true;
  }

  list(): SchedulerState {
    return { sourceOnline: this.online, slots: [...this.slots.values()].map((s) => this.stateOf(s)) };
  }

  state(slot: ScheduleSlot): SlotState {
    return this.stateOf(this.slot(slot));
  }

  /** Resolves when no run is in progress (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.executions.size) await Promise.all([...this.executions]);
  }

  private get cronOn(): boolean {
    return this.opts.cron !== false;
  }

  private slot(slot: ScheduleSlot): Slot {
    const s = this.slots.get(slot);
    if (!s) throw new ContractError('NOT_FOUND', `no slot ${slot}`);
    return s;
  }

  private plan(s: Slot, after: number): Due | null {
    return this.cronOn ? nextDue(s.cron, s.extra, after) : null;
  }

  /** A new plan from now; a run already due (start, catch-up, retry) is kept unless `force`d by a
   * change of the cron itself. */
  private replan(s: Slot, force: boolean): void {
    const now = this.clock.now();
    const keep = s.due && (s.due.at <= now || s.due.reason === 'retry') && !(force && s.due.reason === 'cron');
    if (!keep) s.due = this.plan(s, now);
    this.changed(s);
    if (this.started && !this.stopped) this.arm();
  }

  private check(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    for (const s of this.slots.values()) {
      const due = s.due;
      if (!due || due.at > now) continue;
      const reason = due.reason === 'cron' || due.reason === 'kickoff' ? reasonAt(due, now) : due.reason;
      s.due = this.plan(s, now);
      if (!s.enabled || !s.steps.length) {
        this.changed(s);
        continue;
      }
      if (s.running) s.queued ??= reason;
      else if (s.def.needsSource && !this.online && !s.def.probe) s.held = true;
      else this.launch(s, reason);
      this.changed(s);
    }
    this.arm();
  }

  private arm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    const now = this.clock.now();
    const max = this.opts.maxSleepMs ?? 30_000;
    let delay = max;
    for (const s of this.slots.values()) if (s.due && s.enabled && s.steps.length) delay = Math.min(delay, Math.max(0, s.due.at - now));
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.check();
    }, delay);
  }

  private launch(s: Slot, reason: RunReason): void {
    const p = this.execute(s, reason).finally(() => this.executions.delete(p));
    this.executions.add(p);
  }

  private async execute(s: Slot, reason: RunReason): Promise<void> {
    const controller = new AbortController();
    const running: Running = {
      startedAt: new Date(this.clock.now()).toISOString(),
      reason,
      step: null,
      jobId: null,
      jobIds: new Set(),
      controller,
    };
    s.running = running;
    s.held = false;
    this.changed(s);
    const ctx: StepContext = {
      signal: controller.signal,
      reason,
      run: (job, params) => {
        const r = this.opts.jobs.run(job, params);
        ctx.track(r.jobId);
        return r.done;
      },
      track: (jobId) => {
        running.jobIds.add(jobId);
        running.jobId = jobId;
        this.changed(s);
      },
    };
    let result: { status: RunStatus; message: string; retryAt?: Date } | undefined;
    const messages: string[] = [];
    try {
      for (const step of s.steps) {
        if (controller.signal.aborted) break;
        running.step = step.name;
        this.changed(s);
        const r = await step.run(ctx);
        if (r?.status && r.status !== 'ok') {
          result = { status: r.status, message: r.message ?? `${step.name}: ${r.status}`, retryAt: r.retryAt };
          break;
        }
        if (r?.message) messages.push(r.message);
      }
    } catch (err) {
      result = outcomeOf(err);
    }
    if (controller.signal.aborted) result = { status: 'cancelled', message: 'cancelled' };
    result ??= { status: 'ok', message: messages.join(' · ') || 'done' };
    this.finish(s, running, result);
  }

  private finish(s: Slot, running: Running, result: { status: RunStatus; message: string; retryAt?: Date }): void {
    const now = this.clock.now();
    s.running = null;
    s.lastRun = {
      startedAt: running.startedAt,
      finishedAt: new Date(now).toISOString(),
      reason: running.reason,
      status: result.status,
      message: result.message,
    };
    this.persist();
    if (result.status !== 'ok' && result.status !== 'skipped') this.opts.log?.(`${s.def.title}: ${result.status}: ${result.message}`);
    if (result.status === 'offline' && s.def.needsSource) {
      s.queued = null;
      this.setOnline(false);
      if (s.def.probe) {
        s.failures++;
        const retryAt =
          result.retryAt?.getTime() ?? now + (this.opts.retryDelay ?? ((n) => nextRetryDelay(n, { random: Math.random })))(s.failures);
        s.due = { at: retryAt, reason: 'retry' };
      } else s.held = true;
    } else if (result.status === 'ok' && s.def.needsSource) {
      this.setOnline(true);
    }
    if (result.status === 'cancelled') s.queued = null;
    this.changed(s);
    if (s.queued && !this.stopped) {
      const next = s.queued;
      s.queued = null;
      this.launch(s, next);
    }
    if (!this.stopped) this.arm();
  }

  private setOnline(online: boolean): void {
    if (online) {
      for (const s of this.slots.values()) {
        if (!s.def.probe || !s.failures) continue;
        s.failures = 0;
        if (s.due?.reason === 'retry') s.due = this.plan(s, this.clock.now());
        this.changed(s);
      }
    }
    if (this.online === online) return;
    this.online = online;
    if (!online || this.stopped) return;
    for (const s of this.slots.values()) {
      if (!s.held) continue;
      s.held = false;
      if (s.running) s.queued ??= 'reconnect';
      else if (s.enabled && s.steps.length) this.launch(s, 'reconnect');
      this.changed(s);
    }
  }

  private persist(): void {
    const runs: Partial<Record<ScheduleSlot, SlotRun>> = {};
    for (const s of this.slots.values()) if (s.lastRun) runs[s.def.slot] = s.lastRun;
    try {
      this.opts.store?.save(runs);
    } catch (err) {
      this.opts.log?.(`could not save the schedule state: ${(err as Error).message}`);
    }
  }

  private changed(s: Slot): void {
    this.opts.onChange?.(this.stateOf(s));
  }

  private stateOf(s: Slot): SlotState {
    const active = s.enabled && s.steps.length > 0;
    return {
      slot: s.def.slot,
      title: s.def.title,
      description: s.def.description,
      steps: s.steps.map((x) => x.name),
      pending: s.steps.length ? null : (s.def.pending ?? 'no step is plugged in yet'),
      cron: s.cron,
      defaultCron: s.def.defaultCron,
      enabled: s.enabled,
      triggers: s.def.triggers ?? [],
      nextRunAt: active && s.due ? new Date(s.due.at).toISOString() : null,
      nextReason: active && s.due ? s.due.reason : null,
      held: s.held,
      running: s.running
        ? { startedAt: s.running.startedAt, reason: s.running.reason, step: s.running.step, jobId: s.running.jobId }
        : null,
      lastRun: s.lastRun,
    };
  }
}
