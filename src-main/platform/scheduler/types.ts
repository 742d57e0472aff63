import type { RunReason, RunStatus, ScheduleSlot, SlotRun } from '../../../src-shared/contract/scheduler';
import type { JobDef } from '../jobs/define';
import type { RunningJob } from '../jobs/host';

/** Time and timers, injected so tests move the clock (a machine asleep is a clock that jumps). */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** A named slot of the schedule. */
export interface SlotDefinition {
  slot: ScheduleSlot;
  title: string;
  description: string;
  defaultCron: string;
  /** Its runs need the source (fresh odds, results): while the source is down a due run is held, and
   * runs once when the source is back. */
  needsSource: boolean;
  /** Its runs are how the scheduler learns the source is back: while down, it retries with backoff. */
  probe?: boolean;
  /** Runs once when the app starts (the start-up sync). */
  runAtStart?: boolean;
  /** What besides the cron starts it, for people ("each kick-off"); the times come from setExtraTimes. */
  triggers?: string[];
  /** Shown while no step is plugged in: what will plug in, and when. */
  pending?: string;
}

/** What a step gets: the run's cancel signal and why it runs, and a way to run worker jobs as part
 * of it (tracked, so cancelling the slot cancels them, and shown as the run's job). */
export interface StepContext {
  signal: AbortSignal;
  reason: RunReason;
  run<P, R>(job: JobDef<P, R>, params: NoInfer<P>): Promise<R>;
  /** A job the step started some other way (e.g. through the SyncRunner). */
  track(jobId: string): void;
}

/** A step's outcome; nothing = ok. A status other than ok ends the run there. `retryAt` (offline)
 * says when the probe slot should try again. */
export interface StepResult {
  status?: RunStatus;
  message?: string;
  retryAt?: Date;
}

/** One piece of work in a slot (agents, PATRON, CONSEIL… in `order`). */
export interface ScheduledStep {
  name: string;
  order: number;
  run(ctx: StepContext): Promise<StepResult | void>;
}

/** The scheduler's way to start worker jobs (a JobHost). */
export interface JobRunner {
  run<P, R>(job: JobDef<P, R>, params: NoInfer<P>): RunningJob<R>;
  cancel(jobId: string): boolean;
}

/** Where the last run of each slot is kept between starts (a run missed while the app was closed
 * runs once at the next start). */
export interface ScheduleStateStore {
  load(): Partial<Record<ScheduleSlot, SlotRun>>;
  save(runs: Partial<Record<ScheduleSlot, SlotRun>>): void;
}
