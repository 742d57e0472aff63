// `npm run bench -- settle [--picks 10000] [--runs 5]`: settlement of 10,000 picks (results of finished
// matches: 1X2, totals and Asian lines with quarter lines; written to the cache with their outbox
// entries), and the closing-line capture of the same picks. Baselines measured in the same run on
// the same cache: reading the very same rows (the candidate query; for the capture, also the quotes of
// each market line) without computing or writing anything. Each run starts from a copy of the synced cache.
// PostgreSQL: MONPS_BENCH_PG_URL or MONPS_TEST_PG_URL (an admin URL), else an embedded server.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { captureClosingLines, closingCandidates, closingQuotes, settleResults, settlementCandidates } from '../../src-main/features/picks';
import { openCache } from '../../src-main/platform/cache/open';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/platform/pg/embedded';
import { migrateSource } from '../../src-main/platform/pg/migrate';
import { withClient, withDatabase } from '../../src-main/platform/pg/client';
import { runSync } from '../../src-main/sync/run';
import { tempDir } from '../e2e/support/desk';
import { median, report } from './report';

const KICKOFF = '2026-03-01T15:00:00Z';
const NOW = new Date('2026-03-02T12:00:00Z');

/** A source of `matches` finished matches with PS closing prices on 1X2, totals 2.25/2.5 and Asian
 * −0.75/−0.5/0, and `picks` picks spread over those markets, all in SQL. */
async function buildSource(url: string, matches: number, picks: number): Promise<void> {
  await migrateSource(url);
  await withClient(url, async (c) => {
    await c.query("INSERT INTO leagues VALUES ('E0', 'Premier League')");
    await c.query("INSERT INTO bookmakers (bookmaker, name, is_sharp) VALUES ('PS', 'Pinnacle', true), ('B365', 'Bet365', false)");
    await c.query("INSERT INTO teams (team_id, name, league_code) SELECT g, 'Team ' || g, 'E0' FROM generate_series(1, 100) g");
    await c.query(
      `INSERT INTO matches (match_id, league_code, season, kickoff, home_team_id, away_team_id, status, home_goals, away_goals, meeting)
       SELECT g, 'E0', '2025-26', $1::timestamptz - (g % 200) * interval '1 hour', 1 + g % 100, 1 + (g + 1 + (g / 100) % 99) % 100, 'finished',
              (g * 7) % 4, (g * 5) % 3, 1 + g / 9900
       FROM generate_series(1, $2::int) g`,
      [KICKOFF, matches],
    );
    const closing = (table: string, line: string, sels: string[], odds: string[]) =>
      c.query(
        `INSERT INTO ${table} (match_id, bookmaker, ${line ? 'line, ' : ''}selection, odds, observed_at, is_closing)
         SELECT m.match_id, 'PS', ${line ? `${line}, ` : ''}s.sel, s.odds + (m.match_id % 7) * 0.01, m.kickoff, true
         FROM matches m CROSS JOIN (SELECT unnest($1::text[]) AS sel, unnest($2::float8[]) AS odds) s`,
        [sels, odds],
      );
    await closing('odds_history', '', ['home', 'draw', 'away'], ['2.1', '3.4', '3.6']);
    for (const l of ['2.25', '2.5']) await closing('odds_totals', l, ['over', 'under'], ['1.93', '1.93']);
    for (const l of ['-0.75', '-0.5', '0']) await closing('odds_spreads', l, ['home', 'away'], ['1.95', '1.91']);
    await c.query(
      `INSERT INTO tracking_clv_picks (pick_id, match_id, market, line, selection, bookmaker, odds_taken, stake, picked_at)
       SELECT 'p' || g, 1 + g % $2::int, mk.market, mk.line, mk.sel, 'B365', 1.9 + (g % 13) * 0.05, 1 + g % 5, $1::timestamptz - interval '3 days'
       FROM generate_series(1, $3::int) g
       CROSS JOIN LATERAL (SELECT * FROM (VALUES
         (0, '1x2', NULL::float8, 'home'), (1, '1x2', NULL, 'away'), (2, 'totals', 2.25, 'over'), (3, 'totals', 2.5, 'under'),
         (4, 'spreads', -0.75, 'home'), (5, 'spreads', -0.5, 'away'), (6, 'spreads', 0, 'home')) v (k, market, line, sel) WHERE v.k = g % 7) mk`,
      [KICKOFF, matches, picks],
    );
  });
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

export default async function settleBench(argv: string[]): Promise<void> {
  const arg = (name: string, dflt: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
  const picks = arg('--picks', 10_000);
  const runs = arg('--runs', 5);
  let embedded: EmbeddedPg | undefined;
  let admin = process.env.MONPS_BENCH_PG_URL ?? process.env.MONPS_TEST_PG_URL;
  if (!admin) {
    embedded = await startEmbeddedPostgres({ dataDir: `/tmp/monps-bench-settle-${process.pid}`, persistent: false });
    admin = embedded.url;
  }
  const name = `monps_bench_${randomBytes(4).toString('hex')}`;
  const dir = tempDir('bench-settle');
  try {
    await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = withDatabase(admin, name);
    await buildSource(url, Math.ceil(picks / 5), picks);
    const synced = path.join(dir, 'synced.sqlite');
    await runSync(
      { now: NOW.toISOString() },
      { cacheFile: synced, sourceUrl: url, signal: new AbortController().signal, progress: () => {} },
    );
    const s = openCache(synced);
    s.pragma('wal_checkpoint(TRUNCATE)');
    s.close();
    const fresh = (k: number) => {
      const f = path.join(dir, `run-${k}.sqlite`);
      fs.copyFileSync(synced, f);
      return openCache(f);
    };
    const settle: number[] = [];
    const settleBase: number[] = [];
    const capture: number[] = [];
    const captureBase: number[] = [];
    let settled = 0;
    let captured = 0;
    for (let k = 0; k < runs; k++) {
      const db = fresh(k);
      try {
        // baselines first, on the same file: the rows each pass reads, nothing computed or written
        settleBase.push(time(() => settlementCandidates(db)));
        captureBase.push(
          time(() => {
            const seen = new Set<string>();
            for (const c of closingCandidates(db, NOW, 7)) {
              const key = `${c.match_id}|${c.market}|${c.line}`;
              if (seen.has(key)) continue;
              seen.add(key);
              closingQuotes(db, c.match_id, c.market, c.line, c.kickoff);
            }
          }),
        );
        settle.push(time(() => (settled = settleResults(db, NOW).written)));
        capture.push(time(() => (captured = captureClosingLines(db, NOW).written)));
      } finally {
        db.close();
      }
    }
    if (settled !== picks || captured !== picks) throw new Error(`settled ${settled} and captured ${captured} of ${picks} picks`);
    const s1 = median(settle);
    const b1 = median(settleBase);
    report({
      bench: 'settle',
      metric: 'settle_picks_s',
      value: s1,
      unit: 's',
      baseline: b1,
      ratio: s1 / b1,
      picks,
      runs,
      target: '< 1 s for 10,000 picks',
    });
    const s2 = median(capture);
    const b2 = median(captureBase);
    report({ bench: 'settle', metric: 'capture_closing_s', value: s2, unit: 's', baseline: b2, ratio: s2 / b2, picks, runs });
  } finally {
    await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
