import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../../src-main/platform/pg/embedded';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { openCache } from '../../../src-main/platform/cache/open';
import { runSync } from '../../../src-main/sync/run';
import { syncService } from './fixtures';
import { SourceError } from '../../../src-main/sync/source';
import { loadState } from '../../../src-main/sync/state';
import { compareAll, mismatches, seedSource } from './fixtures';

// A dedicated PostgreSQL (the shared test server must not be stopped): stopped in the middle of a
// sync, then started again.
describe('sync with the source going away mid-sync', () => {
  let pg: EmbeddedPg;
  let port: number;
  const dataDir = `/tmp/monps-sync-offline-${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-off-'));
  const cacheFile = path.join(dir, 'cache.sqlite');
  const now = new Date();

  beforeAll(async () => {
    pg = await startEmbeddedPostgres({ dataDir, persistent: true });
    port = pg.port;
    await migrateSource(pg.url);
    await seedSource(pg.url, { matches: 400, quotes: 40, now });
  });
  afterAll(async () => {
    await pg?.stop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails cleanly, keeps a consistent usable cache, says offline since when, and resumes from its checkpoint', async () => {
    let stopping: Promise<void> | undefined;
    const err = await runSync(
      { batchSize: 2000, pageSize: 20_000, now: now.toISOString() },
      {
        cacheFile,
        sourceUrl: pg.url,
        signal: new AbortController().signal,
        progress: (p) => {
          if (!stopping && p.message.startsWith('odds_history') && (p.done ?? 0) >= 10_000) stopping = pg.stop();
        },
      },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    await stopping;
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).offline).toBe(true);
    expect((err as SourceError).code).toBe('UNAVAILABLE');
    expect((err as Error).message).toContain(`127.0.0.1:${port}`);

    const service = syncService(cacheFile, pg.url);
    const st = service.status();
    expect(st.state).toBe('offline');
    expect(st.offlineSince).not.toBeNull();
    expect(st.attempt).toBe(1);
    const matches = st.tables.find((t) => t.table === 'matches');
    expect(matches?.lastSuccessAt).not.toBeNull(); // data as of
    expect(matches?.rows).toBe(400);
    expect(st.tables.find((t) => t.table === 'odds_history')?.phase).toBe('full');

    // Consistent: the odds mirror holds exactly the committed batches, up to the checkpoint.
    const db = openCache(cacheFile);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const s = loadState(db, 'odds_history');
      const n = (db.prepare('SELECT count(*) AS n FROM odds_history').get() as { n: number }).n;
      expect(s.passKind).toBe('full');
      expect(n).toBeGreaterThanOrEqual(10_000);
      expect(n).toBe(s.passRows);
      expect(n % 2000).toBe(0);
      const last = db
        .prepare(
          'SELECT match_id, bookmaker, selection FROM odds_history ORDER BY match_id DESC, bookmaker DESC, selection DESC, observed_at DESC LIMIT 1',
        )
        .get() as Record<string, unknown>;
      expect([String(last.match_id), last.bookmaker, last.selection]).toEqual(s.passCursor?.slice(0, 3));
      // usable while offline
      expect((db.prepare("SELECT count(*) AS n FROM matches WHERE status = 'finished'").get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      db.close();
    }

    // Another attempt while it is down: fails at once with a clear message, offline since unchanged.
    await expect(service.start({ now: now.toISOString() })).rejects.toThrow(/refused the connection/);
    const st2 = service.status();
    expect(st2.offlineSince).toBe(st.offlineSince);
    expect(st2.attempt).toBe(2);

    // The source is back (the runner's backoff retries: test/unit/sync/runner.test.ts): the next
    // sync resumes the interrupted pass.
    pg = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    const result = await service.start({ batchSize: 2000, now: now.toISOString() });
    const odds = result.tables.find((t) => t.table === 'odds_history');
    expect(odds?.mode).toBe('full'); // the interrupted full pass resumed from its cursor...
    expect(odds?.rowsRead).toBeLessThan((await compareAll(pg.url, cacheFile, now)).find((c) => c.table === 'odds_history')!.source.rows);
    const st3 = service.status();
    expect(st3.state).toBe('ok');
    expect(st3.offlineSince).toBeNull();
    expect(st3.attempt).toBe(0);
    expect(mismatches(await compareAll(pg.url, cacheFile, now))).toEqual([]);
  });
});
