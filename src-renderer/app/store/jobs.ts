import { create } from 'zustand';
import type { JobInfo } from '../../../src-shared/contract/jobs';
import { call, subscribe } from '../../api/client';
import { useToasts } from './toasts';

interface JobsState {
  /** Jobs seen this session, by id; finished ones leave after a short while. */
  jobs: Record<string, JobInfo>;
  apply(info: JobInfo): void;
  remove(jobId: string): void;
  cancel(jobId: string): Promise<void>;
}

const LINGER_MS = 4000;
/** Failures the caller is answered with and shows where it asked (a refused bet next to its field, an
 * unknown team in its panel): the shell does not toast them a second time. A cancel is not a failure. */
const ANSWERED_CODES = new Set(['CANCELLED', 'VALIDATION', 'NOT_FOUND', 'CONFLICT']);
/** The failure last shown per job kind: a job retried on a schedule (a sync while the source is
 * down) toasts once, not at every attempt, until it succeeds or fails differently. */
const shownFailure = new Map<string, string>();

export const useJobs = create<JobsState>()((set, get) => ({
  jobs: {},
  apply(info) {
    set((s) => ({ jobs: { ...s.jobs, [info.jobId]: info } }));
    if (info.state === 'done') shownFailure.delete(info.kind);
    if (
      info.state === 'failed' &&
      info.error &&
      !ANSWERED_CODES.has(info.error.code) &&
      shownFailure.get(info.kind) !== info.error.message
    ) {
      shownFailure.set(info.kind, info.error.message);
      useToasts.getState().push({ kind: 'error', title: `Job ${info.kind} failed`, message: info.error.message, code: info.error.code });
    }
    if (info.state !== 'running' && info.state !== 'queued') setTimeout(() => get().remove(info.jobId), LINGER_MS);
  },
  remove(jobId) {
    set((s) => {
      const { [jobId]: _gone, ...rest } = s.jobs;
      return { jobs: rest };
    });
  },
  async cancel(jobId) {
    await call('jobs.cancel', { jobId });
  },
}));

/** Interactive queries (a board, a preview) show their loading state in their own panel; the status
 * bar lists the long work (sync, demo, imports, inventory). */
const quietKinds = new Set(['market', 'preview']);

export const runningJobs = (jobs: Record<string, JobInfo>): JobInfo[] =>
  Object.values(jobs).filter((j) => (j.state === 'running' || j.state === 'queued') && !quietKinds.has(j.kind));

/** Feeds the store from `job.progress` events; returns the unsubscribe function. */
export function startJobFeed(): () => void {
  return subscribe('job.progress', (info) => useJobs.getState().apply(info));
}
