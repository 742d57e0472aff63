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
  it('retries an unreachable source with its backoff, says when the next attempt is due, and clears it once a sync succeeds', async () => {
    const offline = () => Promise.reject(new ContractError('UNAVAILABLE', 'source unreachable'));
    let succeeded!: (r: SyncResult) => void;
    const synced = new Promise<SyncResult>((resolve) => (succeeded = resolve));
    const delays: number[] = [];
    const seen: (string | null)[] = [];
    const fake = fakeJobs([offline, offline, () => Promise.resolve(result('2026-11-28T10:00:00.000Z'))]);
    const runner = new SyncRunner({
      jobs: fake.jobs,
      intervalMs: 0,
      retryDelay: (n) => {
        delays.push(n);
        return 5;
      },
      onSynced: (r) => succeeded(r),
    });
    const origTick = runner.run.bind(runner);
    runner.run = (input) => {
      seen.push(runner.nextRetryAt);
      return origTick(input);
    };
    runner.start();
    expect((await synced).finishedAt).toBe('2026-11-28T10:00:00.000Z');
    runner.stop();
    expect(delays).toEqual([1, 2]);
    expect(seen[0]).toBeNull();
    expect(seen[1]).not.toBeNull(); // the retries happened with a next attempt announced
    await new Promise((r) => setImmediate(r));
    expect(runner.nextRetryAt).toBeNull();
    expect(fake.kinds).toEqual(['sync', 'sync', 'sync']);
  });

  it('never runs two syncs at once: a second run is refused with CONFLICT', async () => {
    let finish!: () => void;
    const fake = fakeJobs([() => new Promise<SyncResult>((resolve) => (finish = () => resolve(result('t'))))]);
    const runner = new SyncRunner({ jobs: fake.jobs, intervalMs: 0 });
    const first = runner.run({});
    await expect(runner.run({})).rejects.toMatchObject({ code: 'CONFLICT' });
    finish();
    await first;
    expect(fake.maxRunning()).toBe(1);
    await runner.run({});
  });
});
