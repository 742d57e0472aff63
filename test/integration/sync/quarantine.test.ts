import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { openCache } from '../../../src-main/platform/cache/open';
import { runSync } from '../../../src-main/sync/run';
import { syncService } from './fixtures';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { compareAll, jobContext, mismatches, seedSource, withClient } from './fixtures';

describe('sync quarantine: bad source rows are kept out, never stop the sync, and leave once fixed', () => {
  let db: TestDatabase;
  let dir: string;
  let cacheFile: string;
  const now = new Date();
  const iso = now.toISOString();
  beforeAll(async () => {
    db = await createTestDatabase('monps_sync_q');
    await migrateSource(db.url);
    await seedSource(db.url, { matches: 60, quotes: 3, now });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-q-'));
    cacheFile = path.join(dir, 'cache.sqlite');
    await withClient(db.url, async (c) => {
      const m = (await c.query("SELECT match_id FROM matches WHERE status = 'scheduled' ORDER BY match_id LIMIT 1")).rows[0]
        .match_id as string;
      const ins = 'INSERT INTO odds_history (match_id, bookmaker, selection, odds, observed_at) VALUES ($1, $2, $3, $4, $5)';
      const at = new Date(now.getTime() - 3_600_000).toISOString();
      await c.query(ins, [m, 'Q1', 'home', 1.0, at]);
      await c.query(ins, [m, 'Q2', 'home', 'NaN', at]);
      await c.query(ins, [m, 'Q3', 'home', 'Infinity', at]);
      await c.query(ins, [m, 'Q4', 'home', 999.99, at]);
      await c.query(ins, [990001, 'Q5', 'home', 2.1, at]);
      await c.query(ins, [m, 'Q6', 'home', 1.9, new Date(now.getTime() + 400 * 86_400_000).toISOString()]);
      await c.query(ins, [m, 'Q7', 'X', 1.9, at]);
      await c.query(ins, [m, 'Q8', 'away', null, at]);
      await c.query('INSERT INTO odds_totals (match_id, bookmaker, line, selection, odds, observed_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        m,
        'Q9',
        2.3,
        'over',
        1.9,
        at,
      ]);
    });
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const reasons = () => {
    const cache = openCache(cacheFile);
    try {
      return cache
        .prepare("SELECT table_name || ':' || json_extract(key, '$.bookmaker') || ':' || reason AS r FROM quarantine ORDER BY 1")
        .all()
        .map((x) => (x as { r: string }).r);
    } finally {
      cache.close();
    }
  };

  it('quarantines each bad row with its reason and syncs everything else', async () => {
    const r = await runSync({ now: iso }, jobContext(cacheFile, db.url));
    expect(r.tables.filter((t) => t.error)).toEqual([]);
    expect(reasons()).toEqual([
      'odds_history:Q1:odds_le_1',
      'odds_history:Q2:odds_not_finite',
      'odds_history:Q3:odds_not_finite',
      'odds_history:Q4:odds_absurd',
      'odds_history:Q5:unknown_match',
      'odds_history:Q6:future_timestamp',
      'odds_history:Q7:bad_selection',
      'odds_history:Q8:odds_missing',
      'odds_totals:Q9:bad_line',
    ]);
    expect(mismatches(await compareAll(db.url, cacheFile, now))).toEqual([]);
    const service = syncService(cacheFile, db.url);
    const q = service.quarantine({ table: 'odds_history' });
    expect(q.counts).toEqual([
      { table: 'odds_history', count: 8 },
      { table: 'odds_totals', count: 1 },
    ]);
    expect(q.total).toBe(8);
    const nan = q.rows.find((x) => x.key.bookmaker === 'Q2');
    expect(nan?.raw.odds).toBe('NaN');
    expect(nan?.message).toMatch(/not a finite number/);
    expect(service.status().tables.find((t) => t.table === 'odds_history')?.quarantined).toBe(8);
    const cache = openCache(cacheFile);
    try {
      expect(cache.prepare("SELECT count(*) AS n FROM odds_history WHERE bookmaker LIKE 'Q%'").get()).toEqual({ n: 0 });
    } finally {
      cache.close();
    }
  });

  it('a row fixed at the source (or whose match appears, or that is deleted) leaves quarantine on the next sync; a row that turns bad enters it', async () => {
    let turned = '';
    await withClient(db.url, async (c) => {
      await c.query("UPDATE odds_history SET odds = 2.05 WHERE bookmaker = 'Q1'");
      await c.query("DELETE FROM odds_history WHERE bookmaker = 'Q2'");
      // the orphan's row is untouched: its match arrives
      await c.query(
        "INSERT INTO matches (match_id, league_code, season, kickoff, home_team_id, away_team_id) VALUES (990001, 'E0', 'x', now() + interval '1 day', 1, 2)",
      );
      const row = (
        await c.query(
          "UPDATE odds_history SET odds = 0.5 WHERE ctid = (SELECT ctid FROM odds_history WHERE bookmaker = 'PS' AND observed_at > now() - interval '5 days' LIMIT 1) RETURNING match_id",
        )
      ).rows[0];
      turned = String(row.match_id);
    });
    const r = await runSync({ now: iso }, jobContext(cacheFile, db.url));
    expect(r.tables.find((t) => t.table === 'odds_history')?.released).toBe(3);
    expect(reasons()).toEqual([
      'odds_history:PS:odds_le_1',
      'odds_history:Q3:odds_not_finite',
      'odds_history:Q4:odds_absurd',
      'odds_history:Q6:future_timestamp',
      'odds_history:Q7:bad_selection',
      'odds_history:Q8:odds_missing',
      'odds_totals:Q9:bad_line',
    ]);
    const cache = openCache(cacheFile);
    try {
      expect(cache.prepare("SELECT bookmaker, odds FROM odds_history WHERE bookmaker IN ('Q1', 'Q5') ORDER BY 1").all()).toEqual([
        { bookmaker: 'Q1', odds: 2.05 },
        { bookmaker: 'Q5', odds: 2.1 },
      ]);
      expect(cache.prepare('SELECT count(*) AS n FROM odds_history WHERE odds <= 1 AND match_id = ?').get(Number(turned))).toEqual({
        n: 0,
      });
    } finally {
      cache.close();
    }
    expect(mismatches(await compareAll(db.url, cacheFile, now))).toEqual([]);
  });
});
