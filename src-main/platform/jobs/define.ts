import type { z } from 'zod';

/** Two worker threads: `writer`, the one writer of the SQLite cache (sync, demo generation, imports,
 * agents — anything that writes, long and CPU-heavy), and `reader` for what a user waits on
 * (inventory, board, preview), so a page never queues behind a sync. */
export type Lane = 'writer' | 'reader';
export const LANES: readonly Lane[] = ['writer', 'reader'];

/** What a running job gets: where the data is, a way to report progress, and a cancel signal. */
export interface JobContext {
  cacheFile: string;
  /** PostgreSQL URL of the source, or undefined when none is reachable/configured. */
  sourceUrl?: string;
  /** The settings file the main process writes (platform/settings: `jobSettings(ctx)` reads it). */
  settingsFile?: string;
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
    this.name = 'JobCancelled';
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled();
}

/** One job: its kind (the name in the job list), its lane, the schema of its parameters (checked in
 * the worker before it runs) and what it does. The host's `run(job, params)` is typed by it. */
export interface JobDef<P = unknown, R = unknown> {
  kind: string;
  lane: Lane;
  params: z.ZodType<P>;
  run(params: P, ctx: JobContext): Promise<R> | R;
}

/** A job of any parameters and result, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry is heterogeneous; each entry is typed where it is defined
export type AnyJobDef = JobDef<any, unknown>;

export function defineJob<S extends z.ZodType, R>(def: {
  kind: string;
  lane: Lane;
  params: S;
  run(params: z.output<S>, ctx: JobContext): Promise<R> | R;
}): JobDef<z.output<S>, R> {
  return def as JobDef<z.output<S>, R>;
}

/** The result type of a job definition. */
export type JobResult<J> = J extends JobDef<unknown, infer R> ? R : never;
