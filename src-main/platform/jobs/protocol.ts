import type { ContractErrorData } from '../../../src-shared/contract/errors';
import type { JobProgress } from './define';

/** Messages between the main process and a worker thread. */
export type ToWorker = { type: 'start'; jobId: string; kind: string; params: unknown } | { type: 'cancel'; jobId: string };

export type FromWorker =
  | { type: 'progress'; jobId: string; progress: JobProgress }
  | { type: 'result'; jobId: string; value: unknown }
  | { type: 'error'; jobId: string; error: ContractErrorData };

export interface WorkerConfig {
  cacheFile: string;
  sourceUrl?: string;
  /** Where the settings are (jobs read them with platform/settings `jobSettings`). */
  settingsFile?: string;
}

/** The script a worker thread runs, and the Node flags it needs (tsx for the TypeScript source). */
export interface WorkerEntry {
  file: string;
  execArgv: string[];
}
