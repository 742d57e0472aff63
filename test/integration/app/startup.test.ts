import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { JobInfo } from '../../../src-shared/contract/jobs';
import { startHeadless, type Headless } from '../../../src-main/server/headless';

/** Resolves when a job of `kind` ends; rejects if it fails. */
function jobEnd(app: Headless, kind: string, timeoutMs = 400_000): Promise<JobInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${kind} job ended in ${timeoutMs} ms`)), timeoutMs);
    const stop = app.services.bus.onAny((name, payload) => {
      const p = payload as JobInfo;
      if (name !== 'job.progress' || p.kind !== kind || p.state === 'running') return;
      clearTimeout(timer);
      stop();
      if (p.state === 'done') resolve(p);
      else reject(new Error(`${kind} ${p.state}: ${p.error?.message}`));
    });
  });
}

describe('the embedded default runs the whole product', () => {
  let app: Headless | undefined;
  const dataDir = `/tmp/monps-startup-${process.pid}-${Date.now()}`;
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts PostgreSQL, generates the demo, syncs it into the cache, and refuses a second concurrent sync', async () => {
    const pending: Promise<JobInfo>[] = [];
    app = await startHeadless({ port: 0, dataDir });
    pending.push(jobEnd(app, 'demo.ensure'), jobEnd(app, 'sync'));
    const [demo] = await Promise.all(pending);
    expect(demo.state).toBe('done');

    const source = new pg.Client({ connectionString: app.services.source.url });
    await source.connect();
    const sourceMatches = Number((await source.query('SELECT count(*) AS n FROM matches')).rows[0].n);
    const upcoming = Number(
      (await source.query("SELECT count(*) AS n FROM matches WHERE status = 'scheduled' AND kickoff > now()")).rows[0].n,
    );
    await source.end();
    expect(sourceMatches).toBeGreaterThan(1000);
    expect(upcoming).toBeGreaterThanOrEqual(7 * 20);

    const cache = new Database(app.services.config.cacheFile, { readonly: true });
    const cacheMatches = (cache.prepare('SELECT count(*) AS n FROM matches').get() as { n: number }).n;
    const cacheOdds = (cache.prepare('SELECT count(*) AS n FROM odds_history').get() as { n: number }).n;
    cache.close();
    expect(cacheMatches).toBe(sourceMatches);
    expect(cacheOdds).toBeGreaterThan(0);

    // "Sync now" while a sync runs: a typed CONFLICT, not a second writer.
    const first = app.services.sync.run({});
    await expect(app.services.sync.run({})).rejects.toMatchObject({ code: 'CONFLICT' });
    await first;
  });
});
