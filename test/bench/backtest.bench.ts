// `npm run bench -- backtest [--runs 3] [--no-python] [--no-demo]`: Agent D's walk-forward backtest of Agent B's
// rule over E0, SP1, D1, F1 2024-25 and 2025-26 (Dixon-Coles refitted on the 3 years before every match day),
// against the plain numpy/scipy replay of the same rule (test/reference/walk_forward_rule.py) run in the
// same bench when python3 has scipy; then Agent B over every upcoming match of the default demo.
//  - walk_forward_replay_s: the replay from parsed files (fits, predictions, decisions, settlement), as the
//    Python script times it (parsing not timed); ratio = Python seconds / TypeScript seconds (target >= 10);
//  - agent_b_backtest_s: `monps backtest --strategy value` end to end over the 28 files (parsing, the
//    blend weight chosen by walk-forward calibration on 2023-24, every market, 10,000 bootstrap
//    resamples), with the model's count (league-days, failed fits: none on a window of 60+ matches, under 2%
//    of league-days without a model, else the bench fails): target < 10 s;
//  - agent_b_demo_ms: Agent B over every upcoming match of the default demo (seed 1, scale 1) synced into a
//    cache, first build (league fits included) and rebuild; baseline: the odds board of the same cache.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findStrategy, loadFootballData, runBacktest, STRATEGIES } from '../../src-main/features/agents/backtest';
import { buildLiveValue } from '../../src-main/features/agents/value';
import { buildBoard } from '../../src-main/features/market';
import { seedDemo } from '../../src-main/ingest/demo/seed';
import { openCache } from '../../src-main/platform/cache/open';
import { withClient, withDatabase } from '../../src-main/platform/pg/client';
import { settingsCommission } from '../../src-main/platform/settings';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/platform/pg/embedded';
import { runSync } from '../../src-main/sync/run';
import { DEFAULT_SETTINGS } from '../../src-shared/contract/settings';
import { footballDataDir } from '../support/shared-data';
import { median, report } from './report';

const LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
const SEASONS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26'];
const ROOT = path.resolve(__dirname, '..', '..');

/** The reference rule's parameters (test/fixtures/real/walk_forward_rule.json). */
const REFERENCE_RULE = {
  w: 0.3,
  markets: ['1x2'],
  staking: 'best',
  noSharp: 'skip',
  noModel: 'skip',
  minTeamMatches: 1,
  staleCheck: false,
  books: 'soft',
};

function hasScipy(): boolean {
  const r = spawnSync('python3', ['-c', 'import numpy, scipy'], { stdio: 'ignore' });
  return r.status === 0;
}

function pythonReplay(): { seconds: number; fits: number; bets: number } {
  const out = execFileSync('python3', [path.join(ROOT, 'test/reference/walk_forward_rule.py')], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = out
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{"bench"'));
  if (!line) throw new Error(`walk_forward_rule.py printed no bench line:\n${out}`);
  return JSON.parse(line) as { seconds: number; fits: number; bets: number };
}

async function demoCache(dir: string): Promise<{ file: string; stop: () => Promise<void> }> {
  let embedded: EmbeddedPg | undefined;
  let admin = process.env.MONPS_BENCH_PG_URL ?? process.env.MONPS_TEST_PG_URL;
  if (!admin) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: false });
    admin = embedded.url;
  }
  const name = `monps_bench_value_${process.pid}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(admin, name);
  const today = new Date();
  await seedDemo(url, {
    seed: 1,
    scale: 1,
    anchor: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())),
    now: Date.now(),
  });
  const file = path.join(dir, 'cache.sqlite');
  openCache(file, { migrate: true }).close();
  await runSync({}, { cacheFile: file, sourceUrl: url, signal: new AbortController().signal, progress: () => {} });
  return {
    file,
    stop: async () => {
      await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await embedded?.stop();
    },
  };
}

export default async function backtestBench(argv: string[]): Promise<void> {
  const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 3;
  const files = LEAGUES.flatMap((l) => SEASONS.map((s) => path.join(footballDataDir(), `${l}_${s}.csv`)));
  const value = findStrategy(STRATEGIES, 'value');
  const problems: string[] = [];

  // 1. the walk-forward replay of the reference rule, against numpy/scipy
  const data = loadFootballData(files);
  const times: number[] = [];
  const cpu: number[] = [];
  let bets = 0;
  let fits = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = runBacktest(data, value, REFERENCE_RULE, { from: '2024-07-01', resamples: 0, withBets: false });
    times.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    bets = r.summary.bets;
    fits = Number(r.chosen.fits);
  }
  const ts = median(times);
  let python: { seconds: number; fits: number; bets: number } | null = null;
  if (!argv.includes('--no-python')) {
    if (hasScipy()) python = pythonReplay();
    else process.stderr.write('python3 with numpy and scipy not found: the reference replay is not run\n');
  }
  report({
    bench: 'backtest',
    metric: 'walk_forward_replay_s',
    value: ts,
    unit: 's',
    cpuSeconds: median(cpu),
    runs: times.map((t) => +t.toFixed(3)),
    fits,
    bets,
    ...(python ? { baseline: python.seconds, ratio: python.seconds / ts, baselineBets: python.bets, baselineFits: python.fits } : {}),
    target: 'ratio >= 10',
  });
  if (python && (python.bets !== bets || python.fits !== fits))
    problems.push(`the replays differ: ${bets} bets / ${fits} fits here, ${python.bets} / ${python.fits} in Python`);
  if (python && python.seconds / ts < 10) problems.push(`speed-up ${(python.seconds / ts).toFixed(1)}x is below 10x`);

  // 2. Agent B's backtest end to end, as `monps backtest --strategy value --csv <28 files> --from 2024-07-01`
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const full = runBacktest(loadFootballData(files), value, {}, { from: '2024-07-01' });
  const endToEnd = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  report({
    bench: 'backtest',
    metric: 'agent_b_backtest_s',
    value: endToEnd,
    unit: 's',
    cpuSeconds: (c.user + c.system) / 1e6,
    bets: full.summary.bets,
    w: full.chosen.w,
    model: full.chosen.model,
    target: '< 10',
  });
  if (endToEnd >= 10) problems.push(`Agent B's backtest took ${endToEnd.toFixed(1)} s (target < 10 s)`);
  // the model must be there: a fast replay that skips failed fits measures nothing
  const model = full.chosen.model as { fitsFailedWith60: number; share: number } | undefined;
  if (!model || model.fitsFailedWith60 > 0 || model.share > 0.02)
    problems.push(`Agent B's backtest ran without its model too often: ${JSON.stringify(model)}`);

  // 3. Agent B over every upcoming match of the default demo
  if (!argv.includes('--no-demo')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-bench-value-'));
    fs.chmodSync(dir, 0o755);
    const demo = await demoCache(dir);
    try {
      const db = openCache(demo.file, { readonly: true, migrate: false });
      const params = { minEdge: 0.02, kellyFraction: 0.25, cap: 0.05 };
      const now = new Date();
      const t1 = performance.now();
      const first = buildLiveValue(db, now, params);
      const cold = performance.now() - t1;
      const warm: number[] = [];
      const boards: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        buildLiveValue(db, now, params);
        warm.push(performance.now() - t);
        const b = performance.now();
        buildBoard(db, now.toISOString(), settingsCommission(DEFAULT_SETTINGS));
        boards.push(performance.now() - b);
      }
      db.close();
      report({
        bench: 'backtest',
        metric: 'agent_b_demo_ms',
        value: cold,
        unit: 'ms',
        rebuildMs: median(warm),
        baseline: median(boards),
        ratio: cold / median(boards),
        matches: first.matches.length,
        rows: first.rows.length,
        bets: first.rows.filter((r) => r.bet).length,
        target: '< 1000',
      });
      if (cold >= 1000) problems.push(`Agent B over the demo took ${cold.toFixed(0)} ms (target < 1000 ms)`);
    } finally {
      await demo.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (problems.length) {
    process.stderr.write(`backtest bench: ${problems.join('; ')}\n`);
    process.exitCode = 1;
  }
}
