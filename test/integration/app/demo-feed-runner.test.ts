import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openCache } from '../../../src-main/platform/cache/open';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { JobHost } from '../../../src-main/platform/jobs/host';
import { SyncRunner } from '../../../src-main/sync';
import { embeddedDemoHooks, syncIntervalMs } from '../../../src-main/app/services';
import { workerEntry } from '../../../src-main/app/worker-entry';
import { EventBus } from '../../../src-main/platform/events';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

const released = async (url: string): Promise<number> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ t: Date }>('SELECT released_until AS t FROM demo_feed_state')).rows[0].t.getTime();
  } finally {
    await c.end();
  }
};

describe('SyncRunner on the embedded demo', () => {
  let db: TestDatabase;
  let dir: string;
  let jobs: JobHost | undefined;
  let runner: SyncRunner | undefined;
  const seededAt = Date.now() - 2 * 3_600_000;
  beforeAll(async () => {
    db = await createTestDatabase('monps_feed_runner');
    // today's demo (so demo.ensure keeps it), as if seeded two hours ago
    await seedDemo(db.url, { seed: 6, scale: 0.25, now: seededAt });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-feed-runner-'));
  }, 300_000);
  afterAll(async () => {
    runner?.stop();
    await jobs?.close();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('releases what became due (demo.feed) before each scheduled sync', async () => {
    const cacheFile = path.join(dir, 'cache.sqlite');
    openCache(cacheFile, { migrate: true }).close();
    const bus = new EventBus();
    // the second finished sync, heard on the bus (the runner's schedule is 0.5 s)
    const twoSyncs = new Promise<void>((resolve) => {
      let syncs = 0;
      bus.onAny((name, payload) => {
        const p = payload as { kind?: string; state?: string };
        if (name === 'job.progress' && p.kind === 'sync' && p.state === 'done' && ++syncs === 2) resolve();
      });
    });
    jobs = new JobHost({ cacheFile, sourceUrl: db.url }, workerEntry(), bus);
    runner = new SyncRunner({ jobs, intervalMs: 500, ...embeddedDemoHooks(jobs, () => {}) });
    runner.start();
    const kinds = () =>
      jobs
        ?.list()
        .filter((j) => j.state === 'done')
        .map((j) => j.kind)
        .reverse() ?? [];
    await twoSyncs;
    runner.stop();
    const done = kinds();
    expect(done.slice(0, 5)).toEqual(['demo.ensure', 'demo.feed', 'sync', 'demo.feed', 'sync']);
    expect(await released(db.url)).toBeGreaterThan(seededAt + 2 * 3_600_000 - 60_000);
    const feed = jobs.list().find((j) => j.kind === 'demo.feed' && j.state === 'done');
    expect(feed?.error).toBeNull();
  }, 300_000);

  it('syncs the embedded demo every minute, a configured source every 5 (the variable overrides)', () => {
    const saved = process.env.MONPS_SYNC_INTERVAL_MINUTES;
    try {
      delete process.env.MONPS_SYNC_INTERVAL_MINUTES;
      expect([syncIntervalMs(true), syncIntervalMs(false)]).toEqual([60_000, 300_000]);
      process.env.MONPS_SYNC_INTERVAL_MINUTES = '3';
      expect(syncIntervalMs(true)).toBe(180_000);
    } finally {
      if (saved === undefined) delete process.env.MONPS_SYNC_INTERVAL_MINUTES;
      else process.env.MONPS_SYNC_INTERVAL_MINUTES = saved;
    }
  });
});
