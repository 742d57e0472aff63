// Reports on a team's database (issue 18): by default a report holds this desk's picks, bets and combos
// and those from before desks had identities ('mine'); 'team' holds every desk's. The header (PDF subtitle)
// and the first note say which.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportJob } from '../../../src-main/features/reports';
import { openCache } from '../../../src-main/platform/cache/open';
import { ensureDesk, type Desk } from '../../../src-main/platform/desk';
import type { ReportRequestInput } from '../../../src-shared/contract/reports';
import { jobContext, runJob } from '../../support/jobs';
import { buildReportCache, type ReportFixture } from '../../support/report-cache';
import { pdfText } from './support';

let dir: string;
let cacheFile: string;
let fixture: ReportFixture;
let me: Desk;
const OTHER = 'b0b0b0b0b0b0';
/** Whose each pick and combo is: one in three another desk's, one in five from before desks, the rest ours. */
const ownerOf = (i: number): string | null => (i % 3 === 0 ? OTHER : i % 5 === 0 ? null : me.deskId);

const generate = (req: ReportRequestInput) => runJob(reportJob, req, jobContext(cacheFile));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-report-desk-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  const made = buildReportCache(cacheFile);
  fixture = made.fixture;
  const db = made.db;
  me = ensureDesk(dir, db);
  db.exec('ALTER TABLE tracking_clv_picks ADD COLUMN desk_id TEXT; ALTER TABLE fg_combo_tracking ADD COLUMN desk_id TEXT;');
  const picks = db.prepare('SELECT pick_id FROM tracking_clv_picks ORDER BY pick_id').pluck().all() as string[];
  picks.forEach((id, i) => db.prepare('UPDATE tracking_clv_picks SET desk_id = ? WHERE pick_id = ?').run(ownerOf(i), id));
  const combos = db.prepare('SELECT combo_id FROM fg_combo_tracking ORDER BY combo_id').pluck().all() as string[];
  combos.forEach((id, i) => db.prepare('UPDATE fg_combo_tracking SET desk_id = ? WHERE combo_id = ?').run(ownerOf(i), id));
  db.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rowsOf = (summary: { tables: { id: string; rows: number }[] }, id: string) => summary.tables.find((t) => t.id === id)?.rows;

describe('the desk scope of a report', () => {
  const range = () => ({ kind: 'performance' as const, from: fixture.firstDay, to: fixture.day, timeZone: 'UTC' });

  it("a performance report is this desk's by default (with the rows from before desks), the team's on request", async () => {
    // the range's picks, counted here by owner (kick-off from its first day to the end of its last, UTC)
    const db = openCache(cacheFile);
    const count = (where: string): number =>
      db
        .prepare(
          `SELECT count(*) FROM tracking_clv_picks p JOIN matches m ON m.match_id = p.match_id
            WHERE m.kickoff >= ? AND m.kickoff < date(?, '+1 day') AND ${where}`,
        )
        .pluck()
        .get(fixture.firstDay, fixture.day) as number;
    const all = count('1 = 1');
    const mine = count(`(p.desk_id = '${me.deskId}' OR p.desk_id IS NULL)`);
    db.close();
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(all);
    const byDefault = await generate({ ...range(), format: 'csv' });
    const team = await generate({ ...range(), format: 'csv', desk: 'team' });
    expect(rowsOf(byDefault.summary, 'picks')).toBe(mine);
    expect(rowsOf(team.summary, 'picks')).toBe(all);
    expect(byDefault.summary.notes[0]).toBe(
      `Desk ${me.name}: its own picks, bets and combos, and those from before desks had identities (not the team's)`,
    );
    expect(team.summary.notes[0]).toBe(
      "Team: every desk's picks, bets and combos (2 desks with rows, and those from before desks had identities)",
    );
  });

  it('the daily report says its scope in its header and leaves out the other desk', async () => {
    const daily = (desk?: 'mine' | 'team') => generate({ kind: 'daily', date: fixture.day, timeZone: 'UTC', format: 'pdf', desk });
    const mine = await daily();
    const file = path.join(dir, 'daily.pdf');
    fs.writeFileSync(file, Buffer.from(mine.contentBase64, 'base64'));
    expect(pdfText(file, 1).replace(/\s+/g, ' ')).toContain(`Desk ${me.name}: its own picks`);
    const team = await daily('team');
    const picksMine = rowsOf(mine.summary, 'picks') as number;
    const picksTeam = rowsOf(team.summary, 'picks') as number;
    expect(picksMine).toBeLessThan(picksTeam);
    expect(team.summary.notes[0]).toMatch(/^Team: every desk's/);
  });

  it("refuses a scope that is neither 'mine' nor 'team'", async () => {
    await expect(generate({ ...range(), format: 'csv', desk: 'others' as 'team' })).rejects.toThrow(/mine|team/);
  });
});
