import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { openCache } from '../../../src-main/platform/cache/open';
import { loadManifest, saveManifest } from '../../../src-main/sync/manifest';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { compareAll, mismatches, withClient } from './fixtures';

const CHILD = path.join(__dirname, 'sync-child.ts');

/** mulberry32: the kill points are random but the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Outcome {
  killed: boolean;
  /** Last progress message before the kill: where it died. */
  at?: string;
  finished: boolean;
  error?: string;
}

/** Starts a sync in a child process; SIGKILLs it `killAfterMs` after its first committed batch
 * (undefined: lets it finish). */
function runChild(params: Record<string, unknown>, killAfterMs?: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child: ChildProcess = fork(CHILD, [JSON.stringify(params)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let finished = false;
    let killed = false;
    let error: string | undefined;
    let at: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    child.on('message', (m: { type: string; message?: string }) => {
      if (m.type === 'progress') at = m.message;
      if (m.type === 'progress' && killAfterMs !== undefined && !timer) {
        timer = setTimeout(() => {
          if (!finished) {
            killed = true;
            child.kill('SIGKILL');
          }
        }, killAfterMs);
      }
      if (m.type === 'done') finished = true;
      if (m.type === 'error') error = m.message;
    });
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve(killed ? { killed, finished, error, at } : { killed, finished, error });
    });
  });
}

describe('crash safety: a sync SIGKILLed at random points, restarted each time, ends equal to the source', () => {
  let db: TestDatabase;
  let dir: string;
  let cacheFile: string;
  const now = new Date('2026-11-25T12:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase('monps_sync_crash');
    await seedDemo(db.url, { seed: 5, scale: 0.4, anchor: '2026-11-25' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-crash-'));
    cacheFile = path.join(dir, 'cache.sqlite');
    // the whole history in the window: more rows per pass, more places to die
    const cache = openCache(cacheFile);
    saveManifest(
      cache,
      loadManifest(cache).map((e) => (e.window.kind === 'recent-or-open' ? { ...e, window: { ...e.window, days: 36500 } } : e)),
    );
    cache.close();
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('20+ kills mid-sync (with source changes between runs), then one clean run: cache = source', async () => {
    const random = rng(20261125);
    let midSync = 0;
    let runs = 0;
    const where = new Set<string>();
    const base = { cacheFile, url: db.url, batchSize: 700, pageSize: 5000, now: now.toISOString() };
    while (midSync < 22 && runs < 45) {
      runs++;
      // the source keeps changing: quotes updated, deleted and added, a match settles
      const k = Math.floor(random() * 1000);
      await withClient(db.url, async (c) => {
        await c.query('UPDATE odds_history SET odds = odds + 0.01 WHERE match_id % 97 = $1', [k % 97]);
        await c.query('DELETE FROM odds_totals WHERE match_id % 89 = $1 AND bookmaker = (SELECT min(bookmaker) FROM odds_totals)', [
          k % 89,
        ]);
        await c.query(
          `INSERT INTO odds_spreads (match_id, bookmaker, line, selection, odds, observed_at)
           SELECT match_id, bookmaker, line, selection, odds + 0.02, observed_at + interval '7 seconds' FROM odds_spreads WHERE match_id % 83 = $1
           ON CONFLICT DO NOTHING`,
          [k % 83],
        );
        await c.query("UPDATE matches SET referee = 'R' || $1 WHERE match_id % 53 = $2", [runs, k % 53]);
      });
      const full = random() < 0.5;
      const out = await runChild({ ...base, full }, Math.floor(random() * 1200));
      if (out.killed) {
        midSync++;
        where.add(out.at?.split(':')[0] ?? '?');
      } else expect(out.error).toBeUndefined();
    }
    expect(midSync).toBeGreaterThanOrEqual(20);
    // it died in several tables, not always at the same spot
    expect(where.size).toBeGreaterThanOrEqual(3);
    console.log(`crash test: ${midSync} kills in ${runs} runs, in ${[...where].join(', ')}`);

    const last = await runChild({ ...base, reconcile: 'always' });
    expect(last).toEqual({ killed: false, finished: true, error: undefined });
    const cache = openCache(cacheFile);
    try {
      expect(cache.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((cache.prepare('SELECT count(*) AS n FROM sync_state WHERE pass_kind IS NOT NULL').get() as { n: number }).n).toBe(0);
    } finally {
      cache.close();
    }
    const cmp = await compareAll(db.url, cacheFile, now);
    expect(mismatches(cmp)).toEqual([]);
    expect(cmp.find((c) => c.table === 'odds_history')!.cache.rows).toBeGreaterThan(40_000);
  });
});
