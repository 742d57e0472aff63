import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../src-shared/contract/jobs';
import { runningJobs } from '../../../src-renderer/app/store/jobs';

const job = (jobId: string, kind: string, state: JobInfo['state']): JobInfo => ({
  jobId,
  kind,
  state,
  fraction: null,
  message: '',
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: null,
  error: null,
});

describe('the status bar job list', () => {
  it('lists running long work and leaves out finished jobs and interactive queries', () => {
    const jobs = Object.fromEntries(
      [
        job('a', 'sync', 'running'),
        job('b', 'market', 'running'),
        job('c', 'preview', 'running'),
        job('d', 'inventory', 'done'),
        job('e', 'demo.ensure', 'queued'),
      ].map((j) => [j.jobId, j]),
    );
    expect(runningJobs(jobs).map((j) => j.jobId)).toEqual(['a', 'e']);
  });
});
