import { Worker } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import { ContractError, type ContractErrorData } from '../../../src-shared/contract/errors';
import type { JobInfo } from '../../../src-shared/contract/jobs';
import type { EventBus } from '../events';
import { LANES, type JobDef, type Lane } from './define';
import type { FromWorker, ToWorker, WorkerConfig, WorkerEntry } from './protocol';

interface Pending {
  info: JobInfo;
  lane: Lane;
  resolve(value: unknown): void;
  reject(err: ContractError): void;
}

export interface RunningJob<R> {
  jobId: string;
  done: Promise<R>;
}

/** Starts one worker thread per lane (see define.ts) and runs jobs on them: start, progress,
 * result, typed error, cancel. A job's lane and the type of its parameters and result come from
 * its definition. */
export class JobHost {
  private readonly workers = new Map<Lane, Worker>();
  private readonly pending = new Map<string, Pending>();
  private readonly history: JobInfo[] = [];
  private readonly quickExits = new Map<Lane, number>();
  private closing = false;

  constructor(
    private config: WorkerConfig,
    /** The worker script (app/worker-entry.ts finds the bundled or the TypeScript one). */
    private readonly entry: WorkerEntry,
    private readonly bus?: EventBus,
  ) {
    for (const lane of LANES) this.workers.set(lane, this.spawn(lane));
  }

  private spawn(lane: Lane): Worker {
    const w = new Worker(this.entry.file, { workerData: this.config, execArgv: this.entry.execArgv, name: `monps-${lane}` });
    w.on('message', (m: FromWorker) => this.onMessage(m));
    w.on('error', (err) => {
      if (this.workers.get(lane) === w) this.failLane(lane, { code: 'INTERNAL', message: `worker crashed: ${err.message}` });
    });
    const spawnedAt = Date.now();
    w.on('exit', (code) => {
      // closing, or replaced by restart(): an exit expected
      if (this.closing || this.workers.get(lane) !== w) return;
      this.failLane(lane, { code: 'INTERNAL', message: `worker exited with code ${code}` });
      // A crashed worker must not take the app down with it; one that dies as it loads is restarted
      // with a growing pause rather than in a tight loop.
      const quick = Date.now() - spawnedAt < 2000;
      const n = quick ? (this.quickExits.get(lane) ?? 0) + 1 : 0;
      this.quickExits.set(lane, n);
      const respawn = () => {
        if (!this.closing) this.workers.set(lane, this.spawn(lane));
      };
      if (n === 0) respawn();
      else setTimeout(respawn, Math.min(30_000, 250 * 2 ** n)).unref();
    });
    return w;
  }

  run<P, R>(job: JobDef<P, R>, params: NoInfer<P>): RunningJob<R> {
    const jobId = randomUUID();
    const info: JobInfo = {
      jobId,
      kind: job.kind,
      state: 'running',
      fraction: 0,
      message: 'started',
      startedAt: new Date().toISOString(),
      endedAt: null,
      error: null,
    };
    this.history.unshift(info);
    if (this.history.length > 200) this.history.pop();
    const done = new Promise<R>((resolve, reject) => {
      this.pending.set(jobId, { info, lane: job.lane, resolve: resolve as (v: unknown) => void, reject });
    });
    this.bus?.emit('job.progress', { ...info });
    const pending = this.pending.get(jobId);
    if (pending && !this.workers.has(job.lane)) {
      // between the stop and the start of restart(): no worker would ever answer
      this.pending.delete(jobId);
      this.finishWithError(pending, {
        code: 'UNAVAILABLE',
        message: 'the workers are restarting (the source is being switched): try again',
      });
      return { jobId, done };
    }
    this.post(job.lane, { type: 'start', jobId, kind: job.kind, params });
    return { jobId, done };
  }

  cancel(jobId: string): boolean {
    const p = this.pending.get(jobId);
    if (!p) return false;
    this.post(p.lane, { type: 'cancel', jobId });
    return true;
  }

  list(): JobInfo[] {
    return this.history.map((j) => ({ ...j }));
  }

  /** What the workers were started with (the cache file and source they use). */
  get workerConfig(): WorkerConfig {
    return { ...this.config };
  }

  /** Stops the workers (their running jobs end CANCELLED with `reason`), runs `between` while no worker
   * holds the cache open (a source switch moves cache files there), then starts them again with
   * `config`. The host stays the same object, so everything holding it keeps working. */
  async restart(config: WorkerConfig, reason: string, between?: () => void | Promise<void>): Promise<void> {
    this.closing = true;
    for (const lane of LANES) this.failLane(lane, { code: 'CANCELLED', message: reason });
    const old = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(old.map((w) => w.terminate()));
    let ok = false;
    try {
      await between?.();
      ok = true;
    } finally {
      // a failed `between` (the files were not moved): the workers come back on what they had
      if (ok) this.config = config;
      this.quickExits.clear();
      this.closing = false;
      for (const lane of LANES) this.workers.set(lane, this.spawn(lane));
    }
  }

  /** Stops the workers. With `graceMs`, running jobs are first asked to cancel and given that long to
   * end on their own — a sync commits the batch it is in with its checkpoint, so the next start resumes
   * there — before the workers are terminated and what is still pending fails as CANCELLED. */
  async close(opts: { graceMs?: number } = {}): Promise<{ finished: number; abandoned: number }> {
    const before = this.pending.size;
    if (opts.graceMs && before > 0) {
      for (const id of this.pending.keys()) this.cancel(id);
      const until = Date.now() + opts.graceMs;
      while (this.pending.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    }
    this.closing = true;
    const abandoned = this.pending.size;
    for (const lane of LANES) this.failLane(lane, { code: 'CANCELLED', message: 'application closing' });
    await Promise.all([...this.workers.values()].map((w) => w.terminate()));
    return { finished: before - abandoned, abandoned };
  }

  private post(lane: Lane, m: ToWorker): void {
    this.workers.get(lane)?.postMessage(m);
  }

  private onMessage(m: FromWorker): void {
    const p = this.pending.get(m.jobId);
    if (!p) return;
    if (m.type === 'progress') {
      const pr = m.progress;
      p.info.fraction = pr.fraction ?? (pr.total ? Math.min(1, (pr.done ?? 0) / pr.total) : p.info.fraction);
      p.info.message = pr.message;
      this.bus?.emit('job.progress', { ...p.info });
      return;
    }
    this.pending.delete(m.jobId);
    p.info.endedAt = new Date().toISOString();
    if (m.type === 'result') {
      p.info.state = 'done';
      p.info.fraction = 1;
      p.info.message = 'done';
      this.bus?.emit('job.progress', { ...p.info });
      p.resolve(m.value);
    } else {
      this.finishWithError(p, m.error);
    }
  }

  private finishWithError(p: Pending, error: ContractErrorData): void {
    p.info.state = error.code === 'CANCELLED' ? 'cancelled' : 'failed';
    p.info.error = error;
    p.info.message = error.message;
    p.info.endedAt ??= new Date().toISOString();
    this.bus?.emit('job.progress', { ...p.info });
    p.reject(new ContractError(error.code, error.message, error.details));
  }

  private failLane(lane: Lane, error: ContractErrorData): void {
    for (const [id, p] of this.pending) {
      if (p.lane !== lane) continue;
      this.pending.delete(id);
      this.finishWithError(p, error);
    }
  }
}
