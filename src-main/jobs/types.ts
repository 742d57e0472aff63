/** What a long-running job gets: where the data is, a way to report progress, and a cancel signal.
 * Jobs run in the worker thread (src-main/jobs/worker.ts) and are listed in jobs/registry.ts. */
export interface JobContext {
  cacheFile: string;
  /** PostgreSQL URL of the source, or undefined when none is reachable/configured. */
  sourceUrl?: string;
  signal: AbortSignal;
  progress(p: JobProgress): void;
}

export interface JobProgress {
  /** 0..1 when known. */
  fraction?: number;
  done?: number;
  total?: number;
  message: string;
}

/** Thrown (or checked via signal.aborted) when a job is cancelled. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled();
}

export type JobFn<P = unknown, R = unknown> = (params: P, ctx: JobContext) => Promise<R>;
