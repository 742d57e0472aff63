import { ContractError } from '../../src-shared/contract/errors';
import type { SyncResult, SyncStartInput } from '../../src-shared/contract/sync';
import type { JobHost } from '../platform/jobs/host';
import { nextRetryDelay } from './backoff';
import { syncJob } from './jobs';

export interface SyncRunnerOptions {
  jobs: JobHost;
  /** Incremental sync every this many ms (0 = only on demand). */
  intervalMs: number;
  /** Once, before the first sync (the embedded default makes sure its demo world exists). */
  boot?: () => Promise<void>;
  /** Before the start-up sync and each scheduled one (the embedded demo releases what became due). */
  beforeScheduled?: () => Promise<void>;
  /** After each sync that succeeded, with what it did. */
  onSynced?: (result: SyncResult) => void;
  log?: (line: string) => void;
  /** Pause before retry n while the source is unreachable (default: exponential with jitter). */
  retryDelay?: (n: number) => number;
}

/** One place that runs the sync job, for "Sync now", the start-up sync and the schedule: never two
 * at once, and while the source is unreachable, retries with exponential backoff. */
export class SyncRunner {
  private current: { jobId: string; done: Promise<SyncResult> } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  /** When the next attempt is due while the source is unreachable (shown by sync.status). */
  nextRetryAt: string | null = null;

  constructor(private readonly opts: SyncRunnerOptions) {}

  /** Starts a sync, or refuses with CONFLICT while one runs. */
  run(input: SyncStartInput = {}): Promise<SyncResult> {
    if (this.current) return Promise.reject(new ContractError('CONFLICT', 'a sync is already running'));
    const job = this.opts.jobs.run(syncJob, { full: false, reconcile: 'auto', publish: true, ...input });
    this.current = job;
    return job.done
      .then((r) => {
        this.opts.onSynced?.(r);
        return r;
      })
      .finally(() => {
        if (this.current === job) this.current = null;
      });
  }

  cancel(): boolean {
    return this.current ? this.opts.jobs.cancel(this.current.jobId) : false;
  }

  /** Start-up: the boot hook, a first sync, then the schedule. Never throws. */
  start(): void {
    void this.boot();
  }

  private async boot(): Promise<void> {
    try {
      await this.opts.boot?.();
    } catch (err) {
      this.opts.log?.(`start-up work before the first sync failed: ${(err as Error).message}`);
    }
    await this.tick();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    let delay = this.opts.intervalMs;
    try {
      if (!this.current) await this.beforeScheduled();
      if (!this.current) await this.run({});
      this.failures = 0;
      this.nextRetryAt = null;
    } catch (err) {
      const e = err as ContractError;
      if (e.code === 'UNAVAILABLE') {
        this.failures++;
        delay = (this.opts.retryDelay ?? ((n: number) => nextRetryDelay(n, { random: Math.random })))(this.failures);
        this.nextRetryAt = new Date(Date.now() + delay).toISOString();
        this.opts.log?.(`source unreachable, next sync attempt in ${Math.round(delay / 1000)} s: ${e.message}`);
      } else if (e.code !== 'CONFLICT' && e.code !== 'CANCELLED') {
        this.opts.log?.(`sync failed: ${e.message}`);
      }
    }
    if (this.stopped || delay <= 0) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  /** A failure of the hook is logged; the sync still runs. */
  private async beforeScheduled(): Promise<void> {
    try {
      await this.opts.beforeScheduled?.();
    } catch (err) {
      this.opts.log?.(`before the scheduled sync: ${(err as Error).message}`);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
