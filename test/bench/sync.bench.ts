// `npm run bench -- sync [--scale N] [--url postgres://…]`: the sync of a demo source (seedDemo,
// scale 10 ≈ 2.5M odds rows, odds window widened to the whole history so every row moves) into a new
// SQLite cache, in a child process (as the app's worker would run it), against a baseline measured in
// the same run: the same rows streamed out with COPY and inserted into SQLite with one prepared
// statement per table, nothing else (no conversion, validation, checkpoint). Then the incremental sync
// of 1,000 changed rows, and the peak RSS of the syncing process.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { seedDemo } from '../../src-main/data/demo/seed';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/data/source/embedded';
import { openCache } from '../../src-main/data/cache/open';
import { copyOut } from '../../src-main/data/sync/copy-reader';
import { listSourceTables } from '../../src-main/data/sync/introspect';
import { loadManifest, saveManifest } from '../../src-main/data/sync/manifest';
import { planTable } from '../../src-main/data/sync/mirror';
import { q, qList } from '../../src-main/data/sync/sql';
import { connectSource } from '../../src-main/data/sync/source';
import { CACHE_TYPE } from '../../src-main/data/sync/value-map';
import type { SyncResult } from '../../src-shared/contract/sync';
import { report } from './report';

const CHILD = path.join(__dirname, '..', 'integration', 'sync', 'sync-child.ts');

interface ChildDone {
  result: SyncResult;
  ms: number;
  maxRssMb: number;
}

function syncInChild(params: Record<string, unknown>): Promise<ChildDone> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(params)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let done: ChildDone | undefined;
    child.on('message', (m: { type: string; message?: string } & Partial<ChildDone>) => {
      if (m.type === 'done') done = m as ChildDone;
      if (m.type === 'error') reject(new Error(m.message));
    });
    child.on('exit', () => (done ? resolve(done) : reject(new Error('sync child exited without a result'))));
  });
}

/** COPY out → SQLite with one prepared INSERT per table, same mirror DDL (types, key), same batch size. */
async function baseline(url: string, file: string, batchSize: number): Promise<{ rows: number; ms: number }> {
  const client = await connectSource(url);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  try {
    const manifest = loadManifest(openCacheReadManifest(file));
    const source = new Map((await listSourceTables(client)).map((t) => [t.table, t]));
    const t0 = performance.now();
    let rows = 0;
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const entry of manifest) {
      const plan = planTable(entry, source.get(entry.table));
      const cols = plan.columns.map((c) => c.name);
      db.exec(`CREATE TABLE ${q(plan.table)} (${plan.columns.map((c) => `${q(c.name)} ${CACHE_TYPE[c.kind]}`).join(', ')}, PRIMARY KEY (${qList(plan.pk)}))${plan.pk.length > 1 ? ' WITHOUT ROWID' : ''}`);
      const ins = db.prepare(`INSERT INTO ${q(plan.table)} (${qList(cols)}) VALUES (${cols.map(() => '?').join(', ')})`);
      const write = db.transaction((batch: (string | null)[][]) => {
        for (const r of batch) ins.run(r);
      });
      let batch: (string | null)[][] = [];
      for await (const chunk of copyOut(client, `SELECT ${qList(cols)} FROM ${q(plan.table)} ORDER BY ${qList(plan.pk)}`)) {
        for (const r of chunk) {
          batch.push(r);
          if (batch.length >= batchSize) {
            write(batch);
            rows += batch.length;
            batch = [];
          }
        }
      }
      write(batch);
      rows += batch.length;
    }
    await client.query('COMMIT');
    return { rows, ms: performance.now() - t0 };
  } finally {
    await client.end();
    db.close();
  }
}

let manifestDb: ReturnType<typeof openCache> | undefined;
function openCacheReadManifest(file: string): ReturnType<typeof openCache> {
  // the manifest of the synced cache (same tables, same widened window)
  manifestDb ??= openCache(file.replace(/baseline\.sqlite$/, 'cache.sqlite'));
  return manifestDb;
}

export default async function syncBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { scale: { type: 'string', default: '10' }, url: { type: 'string' }, batch: { type: 'string', default: '10000' } } });
  const scale = Number(values.scale);
  const batchSize = Number(values.batch);
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
    const client = await connectSource(url);
    await client.query('VACUUM ANALYZE');
    await client.end();

    const cacheFile = path.join(dir, 'cache.sqlite');
    const cache = openCache(cacheFile);
    saveManifest(cache, loadManifest(cache).map((e) => (e.window.kind === 'recent-or-open' ? { ...e, window: { ...e.window, days: 36500 } } : e)));
    cache.close();

    const base = await baseline(url, path.join(dir, 'baseline.sqlite'), batchSize);
    const full = await syncInChild({ cacheFile, url, batchSize });
    const fullRate = full.result.rowsRead / (full.ms / 1000);
    const baseRate = base.rows / (base.ms / 1000);
    report({ bench: 'sync', metric: 'full_sync_rows_per_s', value: Math.round(fullRate), unit: 'rows/s', baseline: Math.round(baseRate), ratio: Math.round((fullRate / baseRate) * 1000) / 1000, target: 'ratio >= 0.7', rows: full.result.rowsRead, seconds: full.ms / 1000, baselineRows: base.rows, baselineSeconds: base.ms / 1000, oddsRows: seed.oddsRows, quarantined: full.result.quarantined });
    report({ bench: 'sync', metric: 'full_sync_peak_rss', value: Math.round(full.maxRssMb), unit: 'MB', target: '< 300' });

    // 1,000 changed quotes spread over the table, then an incremental sync (timed inside the child).
    const c2 = await connectSource(url);
    await c2.query(`UPDATE odds_history SET odds = odds + 0.01 WHERE (match_id, bookmaker, selection, observed_at) IN
      (SELECT match_id, bookmaker, selection, observed_at FROM odds_history TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 1000)`);
    const changed = (await c2.query("SELECT count(*)::int AS n FROM odds_history WHERE updated_at > now() - interval '1 minute'")).rows[0].n as number;
    await c2.end();
    const times: number[] = [];
    let inc: ChildDone | undefined;
    for (let i = 0; i < 3; i++) {
      inc = await syncInChild({ cacheFile, url, batchSize });
      times.push(inc.ms);
      if (i === 0) process.stderr.write(`incremental: ${inc.result.rowsRead} rows read (${changed} changed)\n`);
    }
    report({ bench: 'sync', metric: 'incremental_1000_changed_ms', value: Math.round(times[0]), unit: 'ms', target: '< 200', changedRows: changed, rowsRead: times.length ? undefined : 0, noChangeRunsMs: times.slice(1).map(Math.round) });
    report({ bench: 'sync', metric: 'incremental_peak_rss', value: Math.round(inc?.maxRssMb ?? 0), unit: 'MB' });
  } finally {
    manifestDb?.close();
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
