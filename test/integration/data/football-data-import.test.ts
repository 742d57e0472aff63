import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { importFootballData, type ImportReport } from '../../../src-main/ingest/football-data/import';
import { importFootballDataJob } from '../../../src-main/ingest/football-data/jobs';
import { runJob } from '../../support/jobs';
import { JobCancelled, type JobProgress } from '../../../src-main/platform/jobs/define';
import { tableChecksums } from '../../../src-main/ingest/demo/checksum';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { footballDataDir } from '../../support/shared-data';

const DIR = footballDataDir();
const TABLES = ['leagues', 'teams', 'bookmakers', 'matches', 'odds_history', 'odds_totals', 'odds_spreads'];

/** The CSV read independently of the importer (these files hold no quoted fields). */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

const toIso = (d: string) => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;

describe('football-data importer on a real PostgreSQL', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let first: ImportReport;
  const files = [
    ...fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => path.join(DIR, f)),
    ...fs
      .readdirSync(path.join(DIR, 'extra'))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => path.join(DIR, 'extra', f)),
  ].sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateSource(db.url);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    first = await importFootballData(db.url, [DIR]);
    const rate = Math.round(first.quotes / first.seconds);
    console.log(
      `football-data import: ${first.files.length} files, ${first.matches} matches, ${first.quotes} quotes in ${first.seconds.toFixed(2)} s (${rate} quotes/s)`,
    );
  }, 300_000);
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('imports every file, one match per data row', async () => {
    expect(first.files.map((f) => f.file).sort()).toEqual(files);
    expect(first.refused).toBe(0);
    expect(files.length).toBe(30);
    for (const file of files) {
      const rep = first.files.find((f) => f.file === file);
      const { header, rows } = readCsv(file);
      expect(rep?.matches, file).toBe(rows.length);
      expect(rep?.matchesChanged, file).toBe(rows.length);
      if (header.includes('Div')) {
        const season = path.basename(file, '.csv').split('_')[1];
        const div = rows[0][header.indexOf('Div')];
        const r = await client.query('SELECT count(*)::int AS n FROM matches WHERE league_code = $1 AND season = $2', [div, season]);
        expect(r.rows[0].n, file).toBe(rows.length);
      } else {
        const code = path.basename(file).slice(0, 3);
        const r = await client.query("SELECT count(*)::int AS n FROM matches WHERE league_code = $1 AND origin = 'football-data'", [code]);
        expect(r.rows[0].n, file).toBe(rows.length);
      }
    }
    const total = await client.query('SELECT count(*)::int AS n FROM matches');
    expect(total.rows[0].n).toBe(9799 + 5816 + 3382);
  });

  it('stores sampled results, statistics and odds exactly as the CSV writes them', async () => {
    let checked = 0;
    for (const file of files) {
      const { header, rows } = readCsv(file);
      const col = (r: string[], name: string) => r[header.indexOf(name)] ?? '';
      const extra = !header.includes('HomeTeam');
      for (let i = 0; i < rows.length; i += 41) {
        const r = rows[i];
        const home = col(r, extra ? 'Home' : 'HomeTeam');
        const away = col(r, extra ? 'Away' : 'AwayTeam');
        const m = (
          await client.query(
            `SELECT m.*, to_char(m.kickoff AT TIME ZONE 'Europe/London', 'HH24:MI') AS london
           FROM matches m JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
           WHERE h.name = $1 AND a.name = $2 AND (m.kickoff AT TIME ZONE 'Europe/London')::date = $3`,
            [home, away, toIso(col(r, 'Date'))],
          )
        ).rows;
        expect(m, `${file} row ${i + 2}`).toHaveLength(1);
        const match = m[0];
        expect(match.home_goals).toBe(Number(col(r, extra ? 'HG' : 'FTHG')));
        expect(match.away_goals).toBe(Number(col(r, extra ? 'AG' : 'FTAG')));
        expect(match.status).toBe('finished');
        if (!extra) {
          const hthg = col(r, 'HTHG');
          expect(match.ht_home_goals).toBe(hthg === '' ? null : Number(hthg));
          const hc = col(r, 'HC');
          expect(match.home_corners).toBe(hc === '' ? null : Number(hc));
        }
        expect(match.london).toBe(col(r, 'Time'));
        // every quote of the match, from the three tables, in one query
        const stored = (
          await client.query(
            `SELECT 'odds_history' AS t, bookmaker, NULL::float8 AS line, selection, odds, observed_at, is_closing FROM odds_history WHERE match_id = $1
           UNION ALL SELECT 'odds_totals', bookmaker, line, selection, odds, observed_at, is_closing FROM odds_totals WHERE match_id = $1
           UNION ALL SELECT 'odds_spreads', bookmaker, line, selection, odds, observed_at, is_closing FROM odds_spreads WHERE match_id = $1`,
            [match.match_id],
          )
        ).rows as {
          t: string;
          bookmaker: string;
          line: number | null;
          selection: string;
          odds: number;
          observed_at: Date;
          is_closing: boolean;
        }[];
        const samples: [string, string, string, string, boolean, string?][] = extra
          ? [
              ['PSCH', 'odds_history', 'PS', 'home', true],
              ['AvgCA', 'odds_history', 'Avg', 'away', true],
              ['B36CA', 'odds_history', 'B365', 'away', true],
              ['BFECD', 'odds_history', 'BFE', 'draw', true],
            ]
          : [
              ['B365H', 'odds_history', 'B365', 'home', false],
              ['PSCD', 'odds_history', 'PS', 'draw', true],
              ['AvgA', 'odds_history', 'Avg', 'away', false],
              ['MaxCH', 'odds_history', 'Max', 'home', true],
              ['P>2.5', 'odds_totals', 'PS', 'over', false],
              ['AvgC<2.5', 'odds_totals', 'Avg', 'under', true],
              ['PAHH', 'odds_spreads', 'PS', 'home', false, 'AHh'],
              ['B365CAHA', 'odds_spreads', 'B365', 'away', true, 'AHCh'],
              ['BFECH', 'odds_history', 'BFE', 'home', true],
              ['1XBA', 'odds_history', '1XB', 'away', false],
              ['LBCD', 'odds_history', 'LB', 'draw', true],
            ];
        for (const [column, table, book, selection, closing, lineColumn] of samples) {
          if (!header.includes(column)) continue;
          const raw = col(r, column);
          const line = table === 'odds_totals' ? 2.5 : lineColumn ? Number(col(r, lineColumn)) : null;
          const q = stored.filter(
            (x) => x.t === table && x.bookmaker === book && x.selection === selection && x.is_closing === closing && x.line === line,
          );
          if (raw === '' || Number(raw) < 1.01) {
            expect(q, `${file} row ${i + 2} ${column}`).toHaveLength(0);
          } else {
            expect(q, `${file} row ${i + 2} ${column}`).toHaveLength(1);
            expect(q[0].odds, `${file} row ${i + 2} ${column}`).toBe(Number(raw));
            if (closing) expect((q[0].observed_at as Date).getTime()).toBe((match.kickoff as Date).getTime());
            else expect((q[0].observed_at as Date).getTime()).toBeLessThan((match.kickoff as Date).getTime());
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1500);
  }, 300_000);

  it('registers bookmakers with their roles', async () => {
    const books = new Map((await client.query('SELECT * FROM bookmakers')).rows.map((b) => [b.bookmaker as string, b]));
    expect(books.get('PS')?.is_sharp).toBe(true);
    expect(books.get('BFE')?.is_exchange).toBe(true);
    expect(books.get('Max')?.is_aggregate).toBe(true);
    expect(books.get('Avg')?.is_aggregate).toBe(true);
    expect(books.get('B365')?.is_sharp).toBe(false);
    expect(books.has('P')).toBe(false); // Pinnacle's O/U and AH prefix is stored as PS
    expect(books.has('B36')).toBe(false);
  });

  it('changes nothing on a second import (rows, content, updated_at)', async () => {
    const before = await tableChecksums(db.url, TABLES);
    const stamps = async () =>
      Object.fromEntries(
        await Promise.all(TABLES.map(async (t) => [t, (await client.query(`SELECT max(updated_at) AS u FROM ${t}`)).rows[0].u?.getTime()])),
      );
    const stampsBefore = await stamps();
    const again = await importFootballData(db.url, [DIR]);
    console.log(`football-data re-import: ${again.seconds.toFixed(2)} s`);
    expect(again.files.every((f) => f.matchesChanged === 0 && f.quotesChanged === 0)).toBe(true);
    expect(again.matches).toBe(first.matches);
    expect(await tableChecksums(db.url, TABLES)).toEqual(before);
    expect(await stamps()).toEqual(stampsBefore);
  }, 300_000);

  it('refuses a file missing required columns (naming file, columns and line), reports bad values per line', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-'));
    const broken = path.join(tmp, 'broken.csv');
    fs.writeFileSync(broken, 'Div,Date,Time,HomeTeam,FTHG,B365H\r\nE0,10/08/2024,15:00,Arsenal,1,2.1\r\n');
    const bad = path.join(tmp, 'Z9_2024-25.csv');
    fs.writeFileSync(
      bad,
      'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,B365D,B365A\nZ9,10/08/2024,15:00,Alpha,Beta,2,1,H,abc,3.5,0\nZ9,11/08/2024,15:00,Gamma,Delta,1,1,D,2.5,3.2,2.9\nZ9,12/08/2024,15:00,Gamma,Delta,1,1,D,,,\n',
    );
    try {
      const r = await importFootballData(db.url, [tmp]);
      const refused = r.files.find((f) => f.file === broken);
      expect(refused?.error).toMatch(/broken\.csv.*AwayTeam, FTAG.*line: 1/);
      expect(r.refused).toBe(1);
      const ok = r.files.find((f) => f.file === bad);
      expect(ok?.matches).toBe(3);
      expect(ok?.problems.map((p) => `${p.line}:${p.column ?? ''}`)).toEqual(['2:B365H', '2:B365A', '4:']);
      expect(ok?.problems[2].message).toMatch(/Gamma v Delta appears again in Z9 2024-25/);
      const q = await client.query(
        "SELECT count(*)::int AS n FROM odds_history o JOIN matches m USING (match_id) WHERE m.league_code = 'Z9'",
      );
      expect(q.rows[0].n).toBe(4);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('runs as a worker job with progress, and stops when cancelled', async () => {
    const progress: JobProgress[] = [];
    const ctx = { cacheFile: '', sourceUrl: db.url, signal: new AbortController().signal, progress: (p: JobProgress) => progress.push(p) };
    const file = path.join(DIR, 'extra', 'NOR_2012-2025.csv');
    const r = await runJob(importFootballDataJob, { paths: [file] }, ctx);
    expect(r.matches).toBe(3382);
    expect(r.files[0].matchesChanged).toBe(0);
    expect(progress[0]).toMatchObject({ done: 0, total: 1 });
    const abort = new AbortController();
    abort.abort();
    await expect(runJob(importFootballDataJob, { paths: [file] }, { ...ctx, signal: abort.signal })).rejects.toThrow(JobCancelled);
    await expect(runJob(importFootballDataJob, { paths: [file] }, { ...ctx, sourceUrl: undefined })).rejects.toThrow(
      /no PostgreSQL source/,
    );
  });
});
