// `npm run bench -- sync [--scale N] [--reps N] [--url postgres://…]`: the sync of a demo source
// (seedDemo; scale 10 ≈ 2.5M odds rows; the odds window widened to the whole history so every row
// moves) into a new SQLite cache, in a child process as the app's worker runs it, against a baseline
// measured in the same run, also in a child process: the same rows streamed out with COPY and inserted
// into SQLite with one prepared statement per table and no other logic (no conversion, validation,
// checkpoint or index). Runs alternate (sync, baseline) `reps` times; the best of each is compared,
// since the machine is shared. Then an incremental sync of 1,000 changed rows in a warm process (the
// worker's case), and the peak RSS of the syncing processes.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo } from '../../src-main/ingest/demo/seed';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/platform/pg/embedded';
import { openCache } from '../../src-main/platform/cache/open';
import { loadManifest, saveManifest } from '../../src-main/sync/manifest';
import { connectSource } from '../../src-main/sync/source';
import type { SyncResult } from '../../src-shared/contract/sync';
import { median, report } from './report';

const CHILD = path.join(__dirname, '..', 'integration', 'sync', 'sync-child.ts');

interface Done {
  rows: number;
  ms: number;
  maxRssMb: number;
  result?: SyncResult;
}

function child(params: Record<string, unknown>, onReady?: (c: ChildProcess) => Promise<void>): Promise<Done> {
  return new Promise((resolve, reject) => {
    const c = fork(CHILD, [JSON.stringify(params)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let done: Done | undefined;
    c.on('message', (m: { type: string; message?: string } & Partial<Done>) => {
      if (m.type === 'ready' && onReady) void onReady(c).then(() => c.send('go'), reject);
      if (m.type === 'done') done = m as Done;
      if (m.type === 'error') reject(new Error(m.message));
    });
    c.on('exit', () => (done ? resolve(done) : reject(new Error('bench child exited without a result'))));
  });
}

function freshCache(dir: string, name: string): string {
  const file = path.join(dir, name);
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
  const cache = openCache(file);
  saveManifest(
    cache,
    loadManifest(cache).map((e) => (e.window.kind === 'recent-or-open' ? { ...e, window: { ...e.window, days: 36500 } } : e)),
  );
  cache.close();
  return file;
}

export default async function syncBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { scale: { type: 'string', default: '10' }, reps: { type: 'string', default: '2' }, url: { type: 'string' } },
  });
  const scale = Number(values.scale);
  const reps = Math.max(1, Number(values.reps));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-bench-sync-'));
  let pg: EmbeddedPg | undefined;
  try {
    let url = values.url;
    if (!url) {
      pg = await startEmbeddedPostgres({ dataDir: path.join('/tmp', `monps-bench-sync-pg-${process.pid}`), persistent: false });
      url = pg.url;
    }
    const seed = await seedDemo(url, { seed: 1, scale, anchor: new Date().toISOString().slice(0, 10), force: true });
    process.stderr.write(`seeded ${seed.oddsRows} odds rows (${seed.totalRows} rows) in ${seed.seconds.toFixed(1)} s\n`);
    const c0 = await connectSource(url);
    await c0.query('VACUUM ANALYZE');
    await c0.end();

    const syncs: Done[] = [];
    const bases: Done[] = [];
    let cacheFile = '';
    for (let i = 0; i < reps; i++) {
      cacheFile = freshCache(dir, 'cache.sqlite');
      syncs.push(await child({ cacheFile, url }));
      const baselineFile = path.join(dir, 'baseline.sqlite');
      fs.rmSync(baselineFile, { force: true });
      bases.push(await child({ mode: 'baseline', cacheFile, url, baselineFile }));
      process.stderr.write(`rep ${i + 1}: sync ${(syncs[i].ms / 1000).toFixed(1)} s, baseline ${(bases[i].ms / 1000).toFixed(1)} s\n`);
    }
    const rate = (d: Done): number => d.rows / (d.ms / 1000);
    const best = Math.max(...syncs.map(rate));
    const bestBase = Math.max(...bases.map(rate));
    const last = syncs[syncs.length - 1];
    report({
      bench: 'sync',
      metric: 'full_sync_rows_per_s',
      value: Math.round(best),
      unit: 'rows/s',
      baseline: Math.round(bestBase),
      ratio: Math.round((best / bestBase) * 1000) / 1000,
      target: 'ratio >= 0.7',
      rows: last.rows,
      oddsRows: seed.oddsRows,
      quarantined: last.result?.quarantined,
      medianRatio: Math.round((median(syncs.map(rate)) / median(bases.map(rate))) * 1000) / 1000,
      syncSeconds: syncs.map((s) => Math.round(s.ms) / 1000),
      baselineSeconds: bases.map((b) => Math.round(b.ms) / 1000),
    });
    report({
      bench: 'sync',
      metric: 'full_sync_peak_rss',
      value: Math.round(Math.max(...syncs.map((s) => s.maxRssMb))),
      unit: 'MB',
      target: '< 300',
    });

    // Incremental: the child syncs once (warm, as the worker is), then the parent changes 1,000 quotes
    // spread over the table, then the child syncs again (timed).
    let changed = 0;
    const inc = await child({ mode: 'incremental', cacheFile, url }, async () => {
      const c = await connectSource(url);
      try {
        const mark = (await c.query<{ t: string }>('SELECT clock_timestamp()::text AS t')).rows[0].t;
        await c.query(`UPDATE odds_history SET odds = odds + 0.01 WHERE (match_id, bookmaker, selection, observed_at) IN
          (SELECT match_id, bookmaker, selection, observed_at FROM odds_history TABLESAMPLE SYSTEM (2) REPEATABLE (7) LIMIT 1000)`);
        changed = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM odds_history WHERE updated_at >= $1', [mark])).rows[0].n;
      } finally {
        await c.end();
      }
    });
    report({
      bench: 'sync',
      metric: 'incremental_1000_changed_ms',
      value: Math.round(inc.ms),
      unit: 'ms',
      target: '< 200',
      changedRows: changed,
      rowsRead: inc.rows,
    });
    report({ bench: 'sync', metric: 'incremental_peak_rss', value: Math.round(inc.maxRssMb), unit: 'MB', target: '< 300' });
  } finally {
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
