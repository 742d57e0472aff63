import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { openCache } from '../../../src-main/platform/cache/open';
import { loadManifest, saveManifest } from '../../../src-main/sync/manifest';
import { runSync } from '../../../src-main/sync/run';
import { syncStatus } from '../../../src-main/sync/service';
import { JobCancelled } from '../../../src-main/platform/jobs/define';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { compareAll, jobContext, mismatches, withClient } from './fixtures';

// The demo generator plants erroneous quotes and records each in demo_plants (kind 'bad_quote', the
// odds table and the row's primary key, the reason): the sync must quarantine exactly those.
const REASON: Record<string, string> = {
  odds_le_1: 'odds_le_1',
  absurd: 'odds_absurd',
  nan: 'odds_not_finite',
  infinity: 'odds_not_finite',
  orphan_match: 'unknown_match',
  future: 'future_timestamp',
};

describe('sync of the demo world', () => {
  let db: TestDatabase;
  let dir: string;
  const anchor = '2026-11-25';
  const now = new Date('2026-11-25T12:00:00Z');
  let planted: { id: string }[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('monps_sync_demo');
    await seedDemo(db.url, { seed: 11, scale: 0.4, anchor });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-demo-'));
    planted = await withClient(
      db.url,
      async (c) =>
        (
          await c.query<{ id: string }>(
            // odds tables: match, book, [line], selection, time; odds_scorers: match, book, player (selection), market, time
            `SELECT concat_ws('|', details->>'table', match_id, bookmaker, CASE WHEN details->>'table' IN ('odds_totals', 'odds_spreads') THEN line::text END, selection,
                  CASE WHEN details->>'table' = 'odds_scorers' THEN market END,
                  to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), details->>'reason') AS id
             FROM demo_plants WHERE kind = 'bad_quote' ORDER BY 1`,
          )
        ).rows,
    );
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const quarantined = (cacheFile: string): string[] => {
    const cache = openCache(cacheFile);
    try {
      return (
        cache.prepare('SELECT table_name, key, reason FROM quarantine').all() as { table_name: string; key: string; reason: string }[]
      )
        .map((q) => {
          const k = JSON.parse(q.key) as Record<string, string | number>;
          const scorer = q.table_name === 'odds_scorers';
          return [
            q.table_name,
            k.match_id,
            k.bookmaker,
            q.table_name === 'odds_history' || scorer ? null : k.line,
            scorer ? k.player_id : k.selection,
            scorer ? k.market : null,
            k.observed_at,
            q.reason,
          ]
            .filter((x) => x !== null)
            .join('|');
        })
        .sort();
    } finally {
      cache.close();
    }
  };
  const expected = (ids: string[]) => ids.map((id) => id.replace(/\|([a-z_0-9]+)$/, (_m, r: string) => `|${REASON[r]}`)).sort();

  it('every planted erroneous quote is quarantined with its reason, and nothing else is (whole history synced)', async () => {
    // 4 per reason over the three odds tables, and 4 goalscorer quotes (odds ≤ 1, NaN, orphan, future)
    expect(planted.length).toBe(28);
    expect(planted.filter((p) => p.id.startsWith('odds_scorers|'))).toHaveLength(4);
    const cacheFile = path.join(dir, 'all.sqlite');
    const cache = openCache(cacheFile);
    saveManifest(
      cache,
      loadManifest(cache).map((e) => (e.window.kind === 'recent-or-open' ? { ...e, window: { ...e.window, days: 36500 } } : e)),
    );
    cache.close();
    const r = await runSync({ now: now.toISOString() }, jobContext(cacheFile, db.url));
    expect(r.tables.filter((t) => t.error)).toEqual([]);
    expect(quarantined(cacheFile)).toEqual(expected(planted.map((p) => p.id)));
    expect(r.quarantined).toBe(28);
    expect(mismatches(await compareAll(db.url, cacheFile, now))).toEqual([]);
    // the goalscorer prices are mirrored, the four bad ones aside
    const source = await withClient(db.url, async (c) => Number((await c.query('SELECT count(*) AS n FROM odds_scorers')).rows[0].n));
    const mirror = openCache(cacheFile);
    try {
      const mirrored = (mirror.prepare('SELECT count(*) AS n FROM odds_scorers').get() as { n: number }).n;
      expect(source).toBeGreaterThan(1000);
      expect(mirrored).toBe(source - 4);
    } finally {
      mirror.close();
    }
  });

  it('with the default 30-day window: the planted quotes inside it are quarantined, nothing else, and the cache equals the source', async () => {
    const cacheFile = path.join(dir, 'window.sqlite');
    const r = await runSync({ now: now.toISOString() }, jobContext(cacheFile, db.url));
    expect(r.tables.filter((t) => t.error)).toEqual([]);
    const got = quarantined(cacheFile);
    const all = expected(planted.map((p) => p.id));
    for (const g of got) expect(all).toContain(g);
    // the recent ones (orphans: last hours; future: ahead) are certainly in the window
    for (const reason of ['unknown_match', 'future_timestamp']) expect(got.filter((g) => g.endsWith(reason)).length).toBe(5);
    expect(mismatches(await compareAll(db.url, cacheFile, now))).toEqual([]);
  });

  it('a cancelled sync stops within a batch, keeps what it committed, and the next one resumes and ends equal', async () => {
    const cacheFile = path.join(dir, 'cancel.sqlite');
    const ac = new AbortController();
    let seen = 0;
    const run = runSync(
      { now: now.toISOString(), batchSize: 2000 },
      {
        cacheFile,
        sourceUrl: db.url,
        signal: ac.signal,
        progress: (p) => {
          if (p.message.startsWith('odds_history') && (p.done ?? 0) >= 4000 && !ac.signal.aborted) {
            seen = p.done ?? 0;
            ac.abort();
          }
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    const st = syncStatus(cacheFile);
    expect(st.state).not.toBe('offline');
    const odds = st.tables.find((t) => t.table === 'odds_history');
    expect(odds?.phase).toBe('full');
    expect((odds?.rows ?? 0) + (odds?.quarantined ?? 0)).toBe(seen); // the batches committed before the cancel, no more
    const r = await runSync({ now: now.toISOString() }, jobContext(cacheFile, db.url));
    const cmp = await compareAll(db.url, cacheFile, now);
    expect(mismatches(cmp)).toEqual([]);
    // resumed after the committed batches: it read only the rest (plus quarantined rows)
    const inWindow = cmp.find((c) => c.table === 'odds_history')!.source.rows;
    const read = r.tables.find((t) => t.table === 'odds_history')!.rowsRead;
    expect(read + seen).toBeGreaterThanOrEqual(inWindow);
    expect(read + seen).toBeLessThanOrEqual(inWindow + 24);
  });
});
