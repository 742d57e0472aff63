import { ContractError } from '../../src-shared/contract/errors';
import type { SyncResult, SyncStartInput } from '../../src-shared/contract/sync';
import type { JobHost } from '../platform/jobs/host';
import type { StepResult } from '../platform/scheduler';
import { toContractError } from '../platform/errors';
import { nextRetryDelay } from './backoff';
import { syncJob } from './jobs';

export interface SyncRunnerOptions {
  jobs: JobHost;
  /** Once, before the first scheduled sync (the embedded default makes sure its demo world exists). */
  boot?: () => Promise<void>;
  /** Before each scheduled sync (the embedded demo releases what became due). */
  beforeScheduled?: () => Promise<void>;
  /** After each sync that succeeded (scheduled or asked for), with what it did. */
  onSynced?: (result: SyncResult) => void;
  log?: (line: string) => void;
  /** Pause before retry n while the source is unreachable (default: exponential with jitter). */
  retryDelay?: (n: number) => number;
}

/** The one place that runs the sync job — "Sync now", the start-up sync and the scheduler's sync
 * slot — so there are never two at once; while the source is unreachable it counts the failures and
 * says when the next attempt is due (the scheduler waits that long: backoff, not every cron tick). */
export class SyncRunner {
  private current: { jobId: string; done: Promise<SyncResult> } | null = null;
  private failures = 0;
  private booted = false;
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
        this.failures = 0;
        this.nextRetryAt = null;
        this.opts.onSynced?.(r);
        return r;
      })
      .finally(() => {
        if (this.current === job) this.current = null;
      });
  }

  /** The running sync's job, if any. */
  get currentJobId(): string | null {
    return this.current?.jobId ?? null;
  }

  cancel(): boolean {
    return this.current ? this.opts.jobs.cancel(this.current.jobId) : false;
  }

  /** The scheduled sync: the boot hook once, the before hook, a sync. An unreachable source is an
   * `offline` outcome with the time of the next attempt; a sync already running (Sync now) is skipped. */
  async scheduled(track: (jobId: string) => void = () => {}): Promise<StepResult> {
    if (!this.booted) {
      this.booted = true;
      await this.hook('start-up work before the first sync', this.opts.boot);
    }
    if (this.current) return { status: 'skipped', message: 'a sync was already running' };
    await this.hook('before the scheduled sync', this.opts.beforeScheduled);
    try {
      const pending = this.run({});
      const jobId = this.currentJobId;
      if (jobId) track(jobId);
      const r = await pending;
      return { status: 'ok', message: `${r.upserted} rows upserted, ${r.deleted} deleted in ${r.seconds.toFixed(1)} s` };
    } catch (err) {
      const e = toContractError(err);
      if (e.code !== 'UNAVAILABLE') throw e;
      this.failures++;
      const delay = (this.opts.retryDelay ?? ((n: number) => nextRetryDelay(n, { random: Math.random })))(this.failures);
      const retryAt = new Date(Date.now() + delay);
      this.nextRetryAt = retryAt.toISOString();
      this.opts.log?.(`source unreachable, next sync attempt in ${Math.round(delay / 1000)} s: ${e.message}`);
      return { status: 'offline', message: e.message, retryAt };
    }
  }

  /** A failure of a hook is logged; the sync still runs. */
  private async hook(what: string, fn: (() => Promise<void>) | undefined): Promise<void> {
    try {
      await fn?.();
    } catch (err) {
      this.opts.log?.(`${what}: ${(err as Error).message}`);
    }
  }
}
