import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-shared/contract/errors';
import type { SyncResult } from '../../../src-shared/contract/sync';
import type { JobHost } from '../../../src-main/platform/jobs/host';
import { SyncRunner } from '../../../src-main/sync/runner';

const result = (finishedAt: string): SyncResult => ({
  startedAt: finishedAt,
  finishedAt,
  seconds: 0,
  full: false,
  tables: [],
  rowsRead: 0,
  upserted: 0,
  quarantined: 0,
  deleted: 0,
  published: 0,
  outboxPending: 0,
  publishNote: null,
  peakRssMb: 0,
});

/** A stand-in job host (the worker is tested elsewhere): the sync job's answers come from `answers`. */
function fakeJobs(answers: Array<() => Promise<SyncResult>>) {
  const kinds: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const jobs = {
    run: (job: { kind: string }) => {
      kinds.push(job.kind);
      running++;
      maxRunning = Math.max(maxRunning, running);
      const next = answers.shift() ?? (() => Promise.resolve(result('later')));
      return { jobId: String(kinds.length), done: next().finally(() => running--) };
    },
    cancel: () => true,
  };
  return { jobs: jobs as unknown as JobHost, kinds, maxRunning: () => maxRunning };
}

describe('the sync runner', () => {
  it('answers an unreachable source with the next attempt under backoff, announces it, and clears it once a sync succeeds', async () => {
    const offline = () => Promise.reject(new ContractError('UNAVAILABLE', 'source unreachable'));
    const fake = fakeJobs([offline, offline, () => Promise.resolve(result('2026-11-28T10:00:00.000Z'))]);
    const delays: number[] = [];
    const synced: SyncResult[] = [];
    const runner = new SyncRunner({
      jobs: fake.jobs,
      retryDelay: (n) => {
        delays.push(n);
        return n * 10_000;
      },
      onSynced: (r) => synced.push(r),
    });
    const before = Date.now();
    const first = await runner.scheduled();
    expect(first.status).toBe('offline');
    expect(first.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 10_000);
    expect(runner.nextRetryAt).toBe(first.retryAt!.toISOString());
    const second = await runner.scheduled();
    expect(second.retryAt!.getTime() - Date.now()).toBeGreaterThan(15_000); // 20 s: the second retry waits longer
    expect(delays).toEqual([1, 2]);
    expect(await runner.scheduled()).toMatchObject({ status: 'ok' });
    expect(runner.nextRetryAt).toBeNull();
    expect(synced.map((r) => r.finishedAt)).toEqual(['2026-11-28T10:00:00.000Z']);
    expect(fake.kinds).toEqual(['sync', 'sync', 'sync']);
  });

  it('never runs two syncs at once: a second run is refused with CONFLICT, a scheduled one is skipped', async () => {
    let finish!: () => void;
    const fake = fakeJobs([() => new Promise<SyncResult>((resolve) => (finish = () => resolve(result('t'))))]);
    const runner = new SyncRunner({ jobs: fake.jobs });
    const first = runner.run({});
    expect(runner.currentJobId).toBe('1');
    await expect(runner.run({})).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await runner.scheduled()).toMatchObject({ status: 'skipped' });
    finish();
    await first;
    expect(fake.maxRunning()).toBe(1);
    await runner.run({});
  });

  it('runs the boot hook once and the before hook before each scheduled sync (not before "Sync now"); a failing hook does not stop the sync', async () => {
    const fake = fakeJobs([]);
    const calls: string[] = [];
    const log: string[] = [];
    const runner = new SyncRunner({
      jobs: fake.jobs,
      log: (l) => log.push(l),
      boot: async () => void calls.push('boot'),
      beforeScheduled: async () => {
        calls.push('before');
        throw new Error('feed table missing');
      },
    });
    const tracked: string[] = [];
    await runner.scheduled((id) => tracked.push(id));
    await runner.run({});
    await runner.scheduled();
    expect(calls).toEqual(['boot', 'before', 'before']);
    expect(fake.kinds).toEqual(['sync', 'sync', 'sync']);
    expect(tracked).toEqual(['1']);
    expect(log).toEqual(['before the scheduled sync: feed table missing', 'before the scheduled sync: feed table missing']);
  });
});
