// The `monps odds devig` and `monps model fit` commands, run through main() as a user would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { parseFootballDataFile } from '../../../src-main/ingest/football-data/parse';
import { devig } from '../../../src-shared/quant';
import { DEVIG_METHODS, type DevigMethod } from '../../../src-shared/quant/margins';
import { close, closeAll, fixture } from './fixtures';
import { footballDataDir } from '../../support/shared-data';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const DATA = footballDataDir();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-quant-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('monps odds devig', () => {
  it('--json prints method, overround and probabilities', async () => {
    const r = await run(['odds', 'devig', '--method', 'shin', '2.1', '3.4', '3.6', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { method: string; overround: number; probabilities: number[] };
    expect(j.method).toBe('shin');
    close(j.overround, 1 / 2.1 + 1 / 3.4 + 1 / 3.6 - 1, 1e-15);
    closeAll(j.probabilities, devig([2.1, 3.4, 3.6], 'shin').probabilities, 1e-15);
  });
  it('agrees with the scipy reference for every method', async () => {
    const ref = fixture<Record<string, Array<{ odds: number[]; probabilities: number[] }>>>('margins.json');
    for (const [method, cases] of Object.entries(ref)) {
      const c = cases[0];
      const r = await run(['odds', 'devig', '--method', method, ...c.odds.map(String), '--json']);
      closeAll((JSON.parse(r.out) as { probabilities: number[] }).probabilities, c.probabilities, 1e-6, method);
    }
  });
  it('plain text, and clear errors', async () => {
    const r = await run(['odds', 'devig', '1.9', '1.9']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/overround: 5\.263%/);
    expect(r.out).toMatch(/p = 0\.500000/);
    const bad = await run(['odds', 'devig', '2.0', '0.95']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/odds\[1\] = 0\.95 must be greater than 1/);
    const nan = await run(['odds', 'devig', '2.0', 'abc']);
    expect(nan.code).toBe(2);
    expect(nan.err).toMatch(/odds 2 'abc' is not a number/);
    const m = await run(['odds', 'devig', '--method', 'magic', '2', '2']);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/unknown method 'magic'/);
  });
  it('takes both spellings of every method (hyphens or underscores, `differential`) and answers the canonical name', async () => {
    const spellings: Array<[string, string]> = [
      ['odds-ratio', 'odds_ratio'],
      ['odds_ratio', 'odds_ratio'],
      ['differential', 'differential_margin_weighting'],
      ['differential-margin-weighting', 'differential_margin_weighting'],
      ['differential_margin_weighting', 'differential_margin_weighting'],
      ['Shin', 'shin'],
    ];
    for (const [typed, canonical] of spellings) {
      const r = await run(['odds', 'devig', '--method', typed, '2.1', '3.4', '3.6', '--json']);
      expect(r.code, typed).toBe(0);
      const j = JSON.parse(r.out) as { method: string; probabilities: number[] };
      expect(j.method, typed).toBe(canonical);
      closeAll(j.probabilities, devig([2.1, 3.4, 3.6], canonical as DevigMethod).probabilities, 0, typed);
    }
  });
  it('accepts every method name the README documents for it', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    const row = readme.split('\n').find((l) => l.startsWith('| `monps odds devig'));
    expect(row, 'the README has a row for monps odds devig').toBeDefined();
    const cell = row!.split('|')[2] ?? '';
    // "one of: a, b, c (hyphens work as well: x-y; z is short for the last)"
    const listed = (cell.match(/one of: ([^(]+)/)?.[1] ?? '').split(',').map((s) => s.trim());
    const aliases = [...cell.matchAll(/as well: ([a-z_-]+)|; ([a-z_-]+) is short/g)].map((m) => m[1] ?? m[2]);
    expect(aliases).toEqual(['odds-ratio', 'differential']);
    const names = [...listed, ...aliases];
    expect(names.length).toBeGreaterThanOrEqual(DEVIG_METHODS.length);
    for (const name of names) {
      const r = await run(['odds', 'devig', '--method', name, '2', '2']);
      expect(r.code, `${name}: ${r.err}`).toBe(0);
    }
    // and every method the code has is documented, under its canonical name
    for (const m of DEVIG_METHODS) expect(names, m).toContain(m);
  });
});

describe('monps model fit', () => {
  const files = ['E0_2022-23.csv', 'E0_2023-24.csv'].map((f) => path.join(DATA, f));
  const ref = fixture<{
    fits: Array<{
      league: string;
      train_files: string[];
      as_of: string;
      xi: number;
      rho: number;
      predictions: Array<{ home: string; away: string; p_home: number; p_draw: number; p_away: number }>;
    }>;
  }>('dixon_coles.json').fits[0];

  it('--csv: fits before --as-of and predicts, matching the scipy reference', async () => {
    const picks = ref.predictions.slice(0, 3);
    const r = await run([
      'model',
      'fit',
      '--csv',
      ...ref.train_files.map((f) => path.join(DATA, f)),
      '--as-of',
      ref.as_of,
      '--xi',
      String(ref.xi),
      ...picks.flatMap((p) => ['--predict', `${p.home}|${p.away}`]),
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as {
      matches: number;
      rho: number;
      home_advantage: number;
      predictions: Array<Record<string, number | string>>;
      warnings: string[];
    };
    close(j.rho, ref.rho, 1e-4);
    expect(j.warnings).toEqual([]);
    picks.forEach((p, i) => {
      expect(j.predictions[i].home).toBe(p.home);
      close(j.predictions[i].p_home as number, p.p_home, 1e-4);
      close(j.predictions[i].p_draw as number, p.p_draw, 1e-4);
      close(j.predictions[i].p_away as number, p.p_away, 1e-4);
      expect(j.predictions[i].lambda_home as number).toBeGreaterThan(0);
    });
  });

  it('--cache: the same fit from the synced SQLite cache (finished rows with goals only)', async () => {
    const file = path.join(tmp, 'cache.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE teams (team_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, league_code TEXT, country TEXT, updated_at TEXT NOT NULL);
      CREATE TABLE matches (match_id INTEGER PRIMARY KEY, league_code TEXT NOT NULL, season TEXT NOT NULL, kickoff TEXT NOT NULL,
        home_team_id INTEGER NOT NULL REFERENCES teams, away_team_id INTEGER NOT NULL REFERENCES teams, status TEXT NOT NULL,
        home_goals INTEGER, away_goals INTEGER, updated_at TEXT NOT NULL)`);
    const ids = new Map<string, number>();
    const team = (name: string) => {
      if (!ids.has(name)) {
        ids.set(name, ids.size + 1);
        db.prepare('INSERT INTO teams (team_id, name, updated_at) VALUES (?, ?, ?)').run(ids.size, name, '2024-01-01T00:00:00.000Z');
      }
      return ids.get(name)!;
    };
    const ins = db.prepare(
      'INSERT INTO matches (league_code, season, kickoff, home_team_id, away_team_id, status, home_goals, away_goals, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (const f of [...files, path.join(DATA, 'E0_2024-25.csv')]) {
        for (const m of parseFootballDataFile(f).matches)
          ins.run(
            'E0',
            m.season,
            m.kickoff.toISOString(),
            team(m.homeTeam),
            team(m.awayTeam),
            'finished',
            m.fthg,
            m.ftag,
            m.kickoff.toISOString(),
          );
      }
    })();
    // rows the fit must ignore: not finished, or finished without goals
    ins.run(
      'E0',
      '2023-24',
      '2024-03-01T15:00:00.000Z',
      team('Arsenal'),
      team('Chelsea'),
      'postponed',
      null,
      null,
      '2024-03-01T00:00:00.000Z',
    );
    ins.run(
      'E0',
      '2023-24',
      '2024-03-02T15:00:00.000Z',
      team('Chelsea'),
      team('Arsenal'),
      'finished',
      null,
      null,
      '2024-03-02T00:00:00.000Z',
    );
    db.close();
    const args = ['--as-of', '2024-08-16', '--predict', 'Arsenal|Chelsea', '--json'];
    const fromCache = await run(['model', 'fit', '--cache', file, ...args]);
    const fromCsv = await run(['model', 'fit', '--csv', ...files, ...args]);
    expect(fromCache.code, fromCache.err).toBe(0);
    const a = JSON.parse(fromCache.out) as { matches: number; predictions: Array<{ p_home: number }> };
    const b = JSON.parse(fromCsv.out) as { matches: number; predictions: Array<{ p_home: number }> };
    expect(a.matches).toBe(760);
    expect(a.matches).toBe(b.matches);
    close(a.predictions[0].p_home, b.predictions[0].p_home, 1e-9);
  });

  it('warns when a predicted team has too few matches to rate', async () => {
    const f = path.join(tmp, 'few.csv');
    // E0 2023-24 with only Luton's first two matches kept
    const text = fs
      .readFileSync(files[1], 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    const luton = text.slice(1).filter((l) => l.includes(',Luton,'));
    fs.writeFileSync(f, [text[0], ...text.slice(1).filter((l) => !l.includes(',Luton,')), ...luton.slice(0, 2)].join('\n') + '\n');
    const r = await run([
      'model',
      'fit',
      '--csv',
      f,
      '--as-of',
      '2024-08-16',
      '--predict',
      'Arsenal|Chelsea',
      '--predict',
      'Arsenal|Luton',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { warnings: string[] };
    expect(j.warnings).toEqual(['Luton has only 2 matches before 2024-08-16: its prediction is unreliable']);
  });

  it('errors: unknown team named, bad date, missing source', async () => {
    const r = await run(['model', 'fit', '--csv', ...files, '--as-of', '2024-08-16', '--predict', 'Ipswich|Arsenal']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown team 'Ipswich'/);
    expect((await run(['model', 'fit', '--csv', ...files, '--as-of', '16/08/2024'])).err).toMatch(/--as-of YYYY-MM-DD/);
    expect((await run(['model', 'fit', '--as-of', '2024-08-16'])).code).toBe(2);
    expect((await run(['model', 'fit', '--csv', ...files, '--as-of', '2024-08-16', '--predict', 'Arsenal-Chelsea'])).err).toMatch(
      /"Home\|Away"/,
    );
    const noCache = await run(['model', 'fit', '--cache', path.join(tmp, 'absent.sqlite'), '--as-of', '2024-08-16']);
    expect(noCache.code).toBe(1);
    expect(noCache.err).toMatch(/cache file .*absent\.sqlite does not exist/);
    new Database(path.join(tmp, 'empty.sqlite')).close();
    expect((await run(['model', 'fit', '--cache', path.join(tmp, 'empty.sqlite'), '--as-of', '2024-08-16'])).err).toMatch(
      /has no 'matches' table/,
    );
  });
});
