// A sync in its own process, for the crash test and the bench: `--import tsx sync-child.ts <json params>`.
// Reports progress and the result over IPC (or stdout without IPC), with its time and peak RSS.
//   mode 'sync' (default): one runSync.
//   mode 'baseline': the bench's baseline — every manifest table streamed out with COPY and inserted
//     into a new SQLite file with one prepared INSERT per table (same types and key), nothing else.
//   mode 'incremental': a warm-up sync, then 'ready'; on the parent's 'go', the timed sync.
import Database from 'better-sqlite3';
import { copyOut } from '../../../src-main/sync/copy-reader';
import { describeTables } from '../../../src-main/sync/introspect';
import { loadManifest } from '../../../src-main/sync/manifest';
import { planTable } from '../../../src-main/sync/mirror';
import { openSyncCache, runSync, type SyncParams } from '../../../src-main/sync/run';
import { connectSource } from '../../../src-main/sync/source';
import { q, qList } from '../../../src-main/sync/sql';
import { CACHE_TYPE } from '../../../src-main/sync/value-map';

interface ChildParams extends SyncParams {
  mode?: 'sync' | 'baseline' | 'incremental';
  cacheFile: string;
  url: string;
  /** baseline: where to write, and the cache whose manifest says which tables. */
  baselineFile?: string;
}

const p = JSON.parse(process.argv[2] ?? '{}') as ChildParams;
const send = (m: unknown): void => {
  if (process.send) process.send(m);
  else process.stdout.write(`${JSON.stringify(m)}\n`);
};
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

function sync(): ReturnType<typeof runSync> {
  return runSync(p, {
    cacheFile: p.cacheFile,
    sourceUrl: p.url,
    signal: new AbortController().signal,
    progress: (pr) => send({ type: 'progress', message: pr.message, done: pr.done }),
  });
}

/** Timed from the connection on, like the sync (which also connects and describes the tables). */
async function baseline(): Promise<{ rows: number; ms: number }> {
  const cache = openSyncCache(p.cacheFile);
  const manifest = loadManifest(cache);
  cache.close();
  const t0 = performance.now();
  const client = await connectSource(p.url);
  const db = new Database(p.baselineFile as string);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const source = new Map(
    (
      await describeTables(
        client,
        manifest.map((e) => e.table),
      )
    ).map((t) => [t.table, t]),
  );
  let rows = 0;
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  for (const entry of manifest) {
    const plan = planTable(entry, source.get(entry.table));
    const cols = plan.columns.map((c) => c.name);
    db.exec(
      `CREATE TABLE ${q(plan.table)} (${plan.columns.map((c) => `${q(c.name)} ${CACHE_TYPE[c.kind]}`).join(', ')}, PRIMARY KEY (${qList(plan.pk)}))${plan.pk.length > 1 ? ' WITHOUT ROWID' : ''}`,
    );
    const ins = db.prepare(`INSERT INTO ${q(plan.table)} (${qList(cols)}) VALUES (${cols.map(() => '?').join(', ')})`);
    const write = db.transaction((batch: (string | null)[][]) => {
      for (const r of batch) ins.run(r);
    });
    let batch: (string | null)[][] = [];
    for await (const chunk of copyOut(client, `SELECT ${qList(cols)} FROM ${q(plan.table)} ORDER BY ${qList(plan.pk)}`)) {
      for (const r of chunk) {
        batch.push(r);
        if (batch.length >= (p.batchSize ?? 10_000)) {
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
  await client.end();
  db.close();
  return { rows, ms: performance.now() - t0 };
}

async function main(): Promise<void> {
  if (p.mode === 'baseline') {
    const r = await baseline();
    send({ type: 'done', rows: r.rows, ms: r.ms, maxRssMb: maxRssMb() });
    return;
  }
  if (p.mode === 'incremental') {
    await sync();
    send({ type: 'ready' });
    await new Promise<void>((resolve) => process.once('message', () => resolve()));
  }
  const t0 = performance.now();
  const result = await sync();
  send({ type: 'done', result, rows: result.rowsRead, ms: performance.now() - t0, maxRssMb: maxRssMb() });
}

main().then(
  () => process.disconnect?.(),
  (err: unknown) => {
    send({ type: 'error', message: (err as Error).message });
    process.exitCode = 1;
    process.disconnect?.();
  },
);
