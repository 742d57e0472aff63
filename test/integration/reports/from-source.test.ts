import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportJob } from '../../../src-main/features/reports';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { withClient } from '../../../src-main/platform/pg/client';
import { runSync } from '../../../src-main/sync';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { jobContext, runJob } from '../../support/jobs';
import ExcelJS from 'exceljs';

// The whole path with real components: rows written to a real PostgreSQL source with the canonical
// schema (migrations/source), synced into a real cache by the sync, then reported. The mirrors the
// reports read are exactly what the sync made of tracking_clv_picks, market_traps and fg_combo_tracking.
let db: TestDatabase;
let dir: string;
let cacheFile: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await migrateSource(db.url);
  await withClient(db.url, async (c) => {
    await c.query(`INSERT INTO leagues (league_code, name) VALUES ('E0', 'Premier League')`);
    await c.query(
      `INSERT INTO teams (team_id, name, league_code) VALUES (1, 'Arsenal', 'E0'), (2, 'Chelsea', 'E0'), (3, 'Fulham', 'E0'), (4, 'Brentford', 'E0')`,
    );
    await c.query(`INSERT INTO matches (match_id, league_code, season, kickoff, home_team_id, away_team_id, status, home_goals, away_goals) VALUES
      (10, 'E0', '2026-27', '2026-11-24 15:00+00', 1, 2, 'finished', 2, 1),
      (11, 'E0', '2026-27', '2026-11-25 17:30+00', 3, 4, 'scheduled', NULL, NULL)`);
    await c.query(`INSERT INTO tracking_clv_picks (pick_id, match_id, market, line, selection, bookmaker, odds_taken, fair_odds, stake, confidence,
        source, picked_at, closing_odds, closing_fair_odds, closing_reference, clv, result, profit, settled_at) VALUES
      ('a', 10, '1x2', NULL, 'home', 'B365', 2.10, 2.00, 1.5, 0.7, 'conseil', '2026-11-24 09:00+00', 1.98, 2.02, 'PS', 2.10 / 2.02 - 1, 'won', 1.65, '2026-11-24 18:00+00'),
      ('b', 10, 'totals', 2.5, 'under', 'WH', 1.95, 1.90, 1.0, 0.6, 'conseil', '2026-11-24 09:05+00', NULL, NULL, NULL, NULL, 'lost', -1.0, '2026-11-24 18:00+00'),
      ('c', 11, 'spreads', -0.25, 'home', 'PS', 1.93, 1.85, 2.0, 0.8, 'conseil', '2026-11-25 08:00+00', NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
    await c.query(`INSERT INTO market_traps (trap_id, match_id, market, selection, bookmaker, kind, severity, score, explanation, historical_roi, historical_n, detected_at)
      VALUES ('t1', 11, 'spreads', 'home', 'B365', 'against_sharp', 'high', 88, 'money on the away side at the sharp book', -0.06, 140, '2026-11-25 07:00+00')`);
    await c.query(`INSERT INTO fg_combo_tracking (combo_id, kind, legs, odds, stake, model_prob) VALUES
      ('k1', 'first_goalscorer', '[{"match_id": 11, "market": "first", "selection": "Wissa", "odds": 7.5}]', 7.5, 0.5, 0.16)`);
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-report-source-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  const r = await runSync({}, jobContext(cacheFile, db.url));
  expect(r.tables.filter((t) => t.error)).toEqual([]);
}, 300_000);

afterAll(async () => {
  fs.rmSync(dir ?? '', { recursive: true, force: true });
  await db?.drop();
});

describe('reports on a cache the sync filled', () => {
  it('finds the day’s pick with its trap, yesterday’s results, the combo, and the ledger to date', async () => {
    const file = await runJob(reportJob, { kind: 'daily', date: '2026-11-25', format: 'xlsx', timeZone: 'UTC' }, jobContext(cacheFile));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const picks = wb.getWorksheet('Picks du Jour')!;
    expect(picks.rowCount).toBe(2);
    const row = (ws: ExcelJS.Worksheet, r: number, header: string) =>
      ws.getRow(r).getCell((ws.getRow(1).values as string[]).indexOf(header)).value;
    expect(row(picks, 2, 'Match')).toBe('Fulham v Brentford');
    expect(row(picks, 2, 'Selection')).toBe('Home -0.25');
    expect(row(picks, 2, 'Kick-off')).toEqual(new Date('2026-11-25T17:30:00Z'));
    expect(row(picks, 2, 'Warnings')).toBe('TRAP high (against sharp): money on the away side at the sharp book');
    const settled = wb.getWorksheet('Yesterday’s settlements')!;
    expect(settled.rowCount).toBe(3);
    expect([row(settled, 2, 'Profit'), row(settled, 3, 'Profit')]).toEqual([1.65, -1]);
    expect(row(settled, 2, 'CLV') as number).toBeCloseTo(2.1 / 2.02 - 1, 12);
    expect(row(settled, 3, 'CLV')).toBeNull();
    expect(row(wb.getWorksheet('Scorer specials and combos')!, 2, 'Legs detail')).toBe('Fulham v Brentford: first Wissa @7.50');
    expect(file.summary.kpis.find((k) => k.label === 'ROI to date')?.value).toBe('+26.0% [−100.0%, +110.0%] · 2 bets');
    expect(file.summary.notes).toContain('1 settled picks have no closing line: their CLV is blank, never counted as 0.');
  }, 300_000);
});
