// Bad input in the cache (which the sync's quarantine should have kept out, but the agents do not trust
// it) and `monps agents run`: a market quoted by one book, a selection missing, odds ≤ 1 or NaN, a
// match without kick-off, a book whose clock runs ahead: each skipped with a counted reason in the
// run's summary, never an exception that stops the run; the good markets beside them are still read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentsRunCommand } from '../../../src-main/cli/commands/agents';
import type { CommandIO } from '../../../src-main/cli/command';
import { openCache } from '../../../src-main/platform/cache/open';
import type { AgentRunSummary } from '../../../src-shared/contract/intel';
import { MIRROR_DDL } from '../market/cache-fixture';

let dir: string;
let file: string;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const KICKOFF = NOW + 2 * 86_400_000;

function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-agents-bad-'));
  file = path.join(dir, 'cache.sqlite');
  const db = openCache(file, { migrate: true });
  db.exec(MIRROR_DDL);
  const at = iso(NOW);
  db.prepare("INSERT INTO leagues VALUES ('E0', 'Premier League', 'England', 1, ?)").run(at);
  const book = db.prepare('INSERT INTO bookmakers VALUES (?, ?, ?, 0, 0, ?)');
  for (const b of ['PS', 'B365', 'WH', 'VC', 'BW']) book.run(b, b, b === 'PS' ? 1 : 0, at);
  for (let t = 1; t <= 8; t++) db.prepare("INSERT INTO teams VALUES (?, ?, 'E0', NULL, ?)").run(t, `Team ${t}`, at);
  const match = db.prepare(
    "INSERT INTO matches (match_id, league_code, season, kickoff, home_team_id, away_team_id, status, updated_at) VALUES (?, 'E0', '2026-27', ?, ?, ?, 'scheduled', ?)",
  );
  match.run(1, iso(KICKOFF), 1, 2, at); // good, with bad quotes inside
  match.run(2, '', 3, 4, at); // no kick-off
  match.run(3, iso(KICKOFF), 5, 6, at); // one book only
  match.run(4, iso(NOW - 1800_000), 7, 8, at); // kicked off half an hour ago; a book still quoted after
  const q = db.prepare(
    'INSERT INTO odds_history (match_id, bookmaker, selection, odds, observed_at, is_closing, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?)',
  );
  const market = (m: number, b: string, t: number, odds: (number | null)[]) =>
    ['home', 'draw', 'away'].forEach((s, k) => q.run(m, b, s, odds[k], iso(t), at));
  for (const b of ['PS', 'B365', 'WH', 'VC', 'BW']) {
    market(1, b, NOW - 5 * 3600_000, [2.1, 3.4, 3.6]);
    market(1, b, NOW - 3600_000, [2.05, 3.45, 3.7]);
  }
  market(1, 'B365', NOW - 1800_000, [0.5, 3.45, 3.7]); // odds ≤ 1
  q.run(1, 'WH', 'home', null, iso(NOW - 1700_000), at); // NaN in the cache is NULL: and that snapshot misses draw and away
  q.run(1, 'VC', 'both', 2.2, iso(NOW - 1600_000), at); // no such selection
  market(1, 'BW', NOW + 2 * 3600_000, [2.0, 3.5, 3.8]); // a clock two hours ahead
  for (const b of ['PS', 'B365']) market(2, b, NOW - 3600_000, [2.1, 3.4, 3.6]);
  market(3, 'PS', NOW - 3600_000, [2.1, 3.4, 3.6]);
  for (const b of ['PS', 'B365']) market(4, b, NOW - 7200_000, [2.1, 3.4, 3.6]);
  market(4, 'WH', NOW - 600_000, [2.1, 3.4, 3.6]);
  db.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('monps agents run on a cache with bad input', () => {
  it('runs to the end and lists every skipped input with its reason and count', async () => {
    const io = capture();
    expect(await agentsRunCommand.run(['--cache', file, '--full', '--json'], io)).toBe(0);
    const s = JSON.parse(io.stdout.join('')) as AgentRunSummary & { cacheFile: string };
    expect(s.mode).toBe('full');
    expect(s.matches).toBe(4);
    const counts = Object.fromEntries(s.skipped.map((x) => [x.reason.split(':')[0], x.count]));
    expect(counts).toMatchObject({
      bad_odds: 2, // 0.5 and NULL
      unknown_selection: 1,
      selection_missing: 1, // B365's snapshot with the 0.5 home price left out
      no_kickoff: 6,
      after_kickoff: 3,
      single_book: 1,
      clock_skew: 3,
    });
    expect(s.quotes).toBeGreaterThan(30);
  });

  it('prints what it found per kind and what it skipped, with reasons, for a person', async () => {
    const io = capture();
    expect(await agentsRunCommand.run(['--cache', file], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/run as of .*: 4 matches/);
    expect(text).toMatch(/steam\s+\d+\s+\d+/);
    expect(text).toMatch(/skipped:\n\s+\d+\s+bad_odds: odds not a price/);
    expect(text).toMatch(/no_kickoff: match without a kick-off time/);
  });

  it('a cache that does not exist is a clear failure (exit 1); a bad option is a usage error', async () => {
    const io = capture();
    expect(await agentsRunCommand.run(['--cache', path.join(dir, 'nope.sqlite')], io)).toBe(1);
    expect(io.stderr.join('')).toMatch(/no cache at .*nope\.sqlite: sync a source first/);
    await expect(agentsRunCommand.run(['--cache', file, '--as-of', 'soon'], capture())).rejects.toThrow(/--as-of must be an ISO date-time/);
  });
});
