import type { ContractErrorData } from '../../src-shared/contract/errors';
import type { JobProgress } from './types';

/** Messages between the main process and the worker thread. */
export type ToWorker =
  | { type: 'start'; jobId: string; kind: string; params: unknown }
  | { type: 'cancel'; jobId: string };

export type FromWorker =
  | { type: 'progress'; jobId: string; progress: JobProgress }
  | { type: 'result'; jobId: string; value: unknown }
  | { type: 'error'; jobId: string; error: ContractErrorData };

export interface WorkerConfig {
  cacheFile: string;
  sourceUrl?: string;
}
