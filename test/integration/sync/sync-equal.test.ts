import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { openCache } from '../../../src-main/platform/cache/open';
import { runSync } from '../../../src-main/sync/run';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { compareAll, insertOdds, jobContext, mismatches, seedSource, withClient } from './fixtures';

describe('sync: the cache equals the source after a full and after an incremental sync', () => {
  let db: TestDatabase;
  let dir: string;
  const now = new Date();
  beforeAll(async () => {
    db = await createTestDatabase('monps_sync_eq');
    await migrateSource(db.url);
    await seedSource(db.url, { matches: 200, quotes: 6, now });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-eq-'));
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('full sync: every table equal (rows + checksum); odds limited to the window', async () => {
    const cacheFile = path.join(dir, 'cache.sqlite');
    const r = await runSync({ batchSize: 1000, pageSize: 2500, now: now.toISOString() }, jobContext(cacheFile, db.url));
    expect(r.tables.filter((t) => t.error)).toEqual([]);
    expect(r.quarantined).toBe(0);
    const cmp = await compareAll(db.url, cacheFile, now);
    expect(mismatches(cmp)).toEqual([]);
    const odds = cmp.find((c) => c.table === 'odds_history');
    expect(odds?.cache.rows).toBeGreaterThan(1000);
    // the window really filters: old odds of finished matches are not in the cache
    const total = await withClient(db.url, async (c) => Number((await c.query('SELECT count(*) AS n FROM odds_history')).rows[0].n));
    expect(odds?.cache.rows).toBeLessThan(total);

    // value mapping as the rest of the app reads it
    const cache = openCache(cacheFile);
    try {
      const m = cache.prepare('SELECT kickoff, status, home_xg FROM matches ORDER BY match_id LIMIT 1').get() as { kickoff: string };
      expect(m.kickoff).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const p = cache.prepare('SELECT penalty_taker FROM players WHERE player_id = 9').get() as { penalty_taker: number };
      expect(p.penalty_taker).toBe(1);
      const coach = cache.prepare('SELECT tenure_start FROM coaches WHERE coach_id = 1').get() as { tenure_start: string };
      expect(coach.tenure_start).toBe('2020-01-02');
      const ti = cache.prepare('SELECT market_alerts FROM team_intelligence WHERE team_id = 1').get() as { market_alerts: string };
      expect(JSON.parse(ti.market_alerts)[0].message).toBe('line\nbreak "q"');
      const league = cache.prepare("SELECT name FROM leagues WHERE league_code = 'D1'").get() as { name: string };
      expect(league.name).toBe('Bundes\tliga\nline2');
      const idx = (
        cache.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'matches'").all() as { name: string }[]
      ).map((x) => x.name);
      expect(idx).toContain('matches__kickoff');
    } finally {
      cache.close();
    }
  });

  it('incremental sync after inserts, updates and deletes at the source makes them equal again', async () => {
    const cacheFile = path.join(dir, 'cache.sqlite');
    await withClient(db.url, async (c) => {
      await c.query("UPDATE teams SET name = name || E' renamed\\\\' WHERE team_id % 4 = 0");
      await c.query("INSERT INTO teams (name, league_code) VALUES ('New Team', 'E0')");
      await c.query('DELETE FROM players WHERE player_id % 10 = 0');
      await c.query(
        "UPDATE matches SET status = 'finished', home_goals = 2, away_goals = 1 WHERE status = 'scheduled' AND kickoff < now()",
      );
      await c.query("UPDATE matches SET referee = 'Late Ref' WHERE match_id % 17 = 0");
      await c.query(
        "INSERT INTO matches (league_code, season, kickoff, home_team_id, away_team_id) VALUES ('E0', '2027-28', now() + interval '3 days', 1, 2)",
      );
      await c.query('UPDATE odds_history SET odds = odds + 0.01 WHERE match_id % 5 = 0');
      await c.query("DELETE FROM odds_history WHERE match_id % 7 = 0 AND selection = 'draw'");
      await insertOdds(c, 2, "m.season = '2027-28'");
      await c.query('DELETE FROM agent_analyses WHERE match_id % 2 = 0');
      await c.query('UPDATE agent_analyses SET payload = payload || \'{"u": true}\'::jsonb WHERE match_id % 9 = 0');
    });
    // Deletions show in the source's statistics (n_tup_del) once the deleting session has flushed
    // them; the sync reconciles the keys of a table whose counter moved. Polled against a deadline.
    await withClient(db.url, async (c) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await c.query("SELECT n_tup_del::int AS n FROM pg_stat_user_tables WHERE relname = 'odds_history'");
        if (r.rows[0].n > 0) return;
        if (Date.now() > deadline) throw new Error('the source never counted the deletes of odds_history');
        await c.query('SELECT pg_sleep(0.05)');
      }
    });
    const r = await runSync({ batchSize: 1000, pageSize: 2500, now: now.toISOString() }, jobContext(cacheFile, db.url));
    expect(r.tables.filter((t) => t.error)).toEqual([]);
    const odds = r.tables.find((t) => t.table === 'odds_history');
    expect(odds?.mode).toBe('incremental');
    expect(odds?.reconciled).toBe(true);
    expect(odds?.deleted).toBeGreaterThan(0);
    expect(r.tables.find((t) => t.table === 'odds_totals')?.reconciled).toBe(false); // nothing deleted there
    expect(mismatches(await compareAll(db.url, cacheFile, now))).toEqual([]);

    // Nothing changed: the next sync re-reads at most the rows at or after each table's stored
    // watermark. On a quiet server that is nothing; where other transactions are open (other test
    // databases on a shared server) the snapshot's safe bound, and so the watermark, stays behind
    // them and those rows are read again: correct, and bounded here.
    const reread = await rowsFromWatermarks(cacheFile, db.url);
    const again = await runSync({ now: now.toISOString() }, jobContext(cacheFile, db.url));
    expect(again.tables.filter((t) => t.error)).toEqual([]);
    expect(again.rowsRead).toBeLessThanOrEqual(reread);
    expect(mismatches(await compareAll(db.url, cacheFile, now))).toEqual([]);
  });
});

/** Source rows whose watermark is at or after the one the cache stored for their table. */
async function rowsFromWatermarks(cacheFile: string, url: string): Promise<number> {
  const cache = openCache(cacheFile);
  let marks: { table: string; watermark: string }[];
  try {
    marks = cache.prepare('SELECT table_name AS "table", watermark FROM sync_state WHERE watermark IS NOT NULL').all() as typeof marks;
  } finally {
    cache.close();
  }
  return withClient(url, async (c) => {
    let n = 0;
    for (const m of marks)
      n += Number((await c.query(`SELECT count(*) AS n FROM "${m.table}" WHERE updated_at >= $1::timestamptz`, [m.watermark])).rows[0].n);
    return n;
  });
}
