import { ContractError } from '../../src-shared/contract/errors';
import type { SyncResult, SyncStartInput } from '../../src-shared/contract/sync';
import { nextRetryDelay } from '../data/sync/backoff';
import type { EnsureDemoResult } from '../data/demo/ensure';
import type { DemoFeedReport } from '../data/demo/feed';
import type { JobHost } from '../jobs/host';

export interface SyncRunnerOptions {
  jobs: JobHost;
  /** Embedded default: make sure the demo world exists before the first sync, and release what
   * became due in it (demo.feed) before each scheduled sync. */
  embedded: boolean;
  /** Incremental sync every this many ms (0 = only on demand). */
  intervalMs: number;
  log?: (line: string) => void;
}

/** One place that runs the 'sync' job, for "Sync now", the start-up sync and the schedule: never two
 * at once, and while the source is unreachable, retries with exponential backoff. */
export class SyncRunner {
  private current: { jobId: string; done: Promise<SyncResult> } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly opts: SyncRunnerOptions) {}

  /** Starts a sync, or refuses with CONFLICT while one runs. */
  run(input: SyncStartInput = {}): Promise<SyncResult> {
    if (this.current) return Promise.reject(new ContractError('CONFLICT', 'a sync is already running'));
    const job = this.opts.jobs.run<SyncResult>('sync', input);
    this.current = job;
    return job.done.finally(() => {
      if (this.current === job) this.current = null;
    });
  }

  cancel(): boolean {
    return this.current ? this.opts.jobs.cancel(this.current.jobId) : false;
  }

  /** Start-up: the demo (embedded default), a first sync, then the schedule. Never throws. */
  start(): void {
    void this.boot();
  }

  private async boot(): Promise<void> {
    if (this.opts.embedded) {
      try {
        const r = await this.opts.jobs.run<EnsureDemoResult>('demo.ensure', {}).done;
        if (r.seeded) this.opts.log?.(`demo: ${r.reason} (${r.report?.totalRows} rows in ${r.report?.seconds.toFixed(1)} s)`);
      } catch (err) {
        this.opts.log?.(`demo data could not be generated: ${(err as Error).message}`);
      }
    }
    await this.tick();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    let delay = this.opts.intervalMs;
    try {
      if (this.opts.embedded && !this.current) await this.feedDemo();
      if (!this.current) await this.run({});
      this.failures = 0;
    } catch (err) {
      const e = err as ContractError;
      if (e.code === 'UNAVAILABLE') {
        this.failures++;
        delay = nextRetryDelay(this.failures, { random: Math.random });
        this.opts.log?.(`source unreachable, next sync attempt in ${Math.round(delay / 1000)} s: ${e.message}`);
      } else if (e.code !== 'CONFLICT' && e.code !== 'CANCELLED') {
        this.opts.log?.(`sync failed: ${e.message}`);
      }
    }
    if (this.stopped || delay <= 0) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  /** The embedded demo moves on: new quotes, ended matches. A failure is logged, the sync still runs. */
  private async feedDemo(): Promise<void> {
    try {
      const r = await this.opts.jobs.run<DemoFeedReport>('demo.feed', {}).done;
      if (r.quotes + r.finished > 0) this.opts.log?.(`demo feed: ${r.reason} in ${r.seconds.toFixed(2)} s`);
    } catch (err) {
      this.opts.log?.(`demo feed failed: ${(err as Error).message}`);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
