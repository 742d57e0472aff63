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

describe('job failures in the shell', () => {
  const failed = (jobId: string, kind: string, code: 'VALIDATION' | 'INTERNAL' | 'UNAVAILABLE'): JobInfo => ({
    ...job(jobId, kind, 'failed'),
    error: { code, message: `${kind} ${code}` },
  });
  it('toasts unexpected failures once per kind, and leaves refusals to the caller that shows them', async () => {
    const { useJobs } = await import('../../../src-renderer/app/store/jobs');
    const { useToasts } = await import('../../../src-renderer/app/store/toasts');
    useToasts.setState({ toasts: [] });
    useJobs.getState().apply(failed('1', 'picks.place', 'VALIDATION'));
    useJobs.getState().apply(failed('2', 'sync', 'UNAVAILABLE'));
    useJobs.getState().apply(failed('3', 'sync', 'UNAVAILABLE'));
    useJobs.getState().apply(failed('4', 'market.board', 'INTERNAL'));
    expect(useToasts.getState().toasts.map((t) => t.title)).toEqual(['Job sync failed', 'Job market.board failed']);
  });
});
