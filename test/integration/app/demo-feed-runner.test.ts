import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openCache } from '../../../src-main/platform/cache/open';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { JobHost } from '../../../src-main/platform/jobs/host';
import { SyncRunner } from '../../../src-main/sync';
import { embeddedDemoHooks } from '../../../src-main/app/services';
import { defaultSyncCron } from '../../../src-main/features/schedule';
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
    await jobs?.close();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('releases what became due (demo.feed) before each scheduled sync, after the demo world once', async () => {
    const cacheFile = path.join(dir, 'cache.sqlite');
    openCache(cacheFile, { migrate: true }).close();
    const bus = new EventBus();
    jobs = new JobHost({ cacheFile, sourceUrl: db.url }, workerEntry(), bus);
    runner = new SyncRunner({ jobs, ...embeddedDemoHooks(jobs, () => {}) });
    // the scheduler's sync slot runs `scheduled` on its cron; two runs here
    expect(await runner.scheduled()).toMatchObject({ status: 'ok' });
    expect(await runner.scheduled()).toMatchObject({ status: 'ok' });
    const done = jobs
      .list()
      .filter((j) => j.state === 'done')
      .map((j) => j.kind)
      .reverse();
    expect(done.slice(0, 5)).toEqual(['demo.ensure', 'demo.feed', 'sync', 'demo.feed', 'sync']);
    expect(await released(db.url)).toBeGreaterThan(seededAt + 2 * 3_600_000 - 60_000);
    const feed = jobs.list().find((j) => j.kind === 'demo.feed' && j.state === 'done');
    expect(feed?.error).toBeNull();
  }, 300_000);

  it('syncs the embedded demo every minute, a configured source every 5 (the variable overrides)', () => {
    expect([defaultSyncCron(true, undefined), defaultSyncCron(false, undefined)]).toEqual(['* * * * *', '*/5 * * * *']);
    expect(defaultSyncCron(true, '3')).toBe('*/3 * * * *');
    expect(defaultSyncCron(false, '120')).toBe('0 */2 * * *');
    expect(defaultSyncCron(false, 'often')).toBe('*/5 * * * *');
  });
});
