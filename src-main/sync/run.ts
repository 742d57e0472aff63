import type pg from 'pg';
import { ContractError } from '../../src-shared/contract/errors';
import type { SyncResult, SyncTableResult } from '../../src-shared/contract/sync';
import { openCache, type Cache } from '../platform/cache/open';
import { JobCancelled, type JobContext } from '../platform/jobs/define';
import { nextRetryDelay } from './backoff';
import { describeTables } from './introspect';
import { loadManifest, type ManifestEntry } from './manifest';
import { planTable, type TablePlan } from './mirror';
import { probeSql } from './queries';
import { outboxPendingCount, publishOutbox } from './outbox';
import { classifySourceError, connectSource, SourceError } from './source';
import { loadGlobalStatus, loadState, saveState, updateGlobalStatus } from './state';
import { emptyTableResult } from './table-run';
import { syncTable, type Probe } from './table-sync';

export interface SyncParams {
  /** Re-read every table (key order) instead of reading changes since the watermark. */
  full?: boolean;
  /** Only these tables of the manifest (default: every enabled one). */
  tables?: string[];
  /** Key reconcile (deletions): when due (default), always, or never. */
  reconcile?: 'auto' | 'always' | 'never';
  /** Publish the outbox to the source at the end (default true). */
  publish?: boolean;
  /** Overrides the job context's source URL. */
  sourceUrl?: string;
  /** Rows per SQLite transaction, each with its checkpoint (default 10 000). */
  batchSize?: number;
  /** Rows per source query (default 100 000). */
  pageSize?: number;
  /** Fallback re-read window (ms) when in-flight writers are not visible (default 10 min). */
  overlapMs?: number;
  /** "Now" (ISO) for the odds window and the future-timestamp rule; tests pin it. */
  now?: string;
}

const rssMb = (): number => process.memoryUsage.rss() / 1048576;

/** The sync job: source → cache, table by table in manifest order, then the outbox → source.
 * The source unreachable (before or during the sync) fails it with SourceError (UNAVAILABLE) after
 * recording "offline since" in the cache; what was committed stays, and the next run resumes from
 * the checkpoints. One table's SQL error is reported in its result and does not stop the others. */
export async function runSync(params: SyncParams, ctx: JobContext): Promise<SyncResult> {
  const url = params.sourceUrl ?? ctx.sourceUrl;
  const started = new Date();
  const nowMs = params.now ? Date.parse(params.now) : started.getTime();
  if (!Number.isFinite(nowMs)) throw new Error(`sync: 'now' ${params.now} is not a date`);
  const db = openSyncCache(ctx.cacheFile);
  let client: pg.Client | undefined;
  let peak = rssMb();
  const tables: SyncTableResult[] = [];
  try {
    updateGlobalStatus(db, { state: 'running', lastAttemptAt: started.toISOString() });
    if (!url) throw new SourceError('UNAVAILABLE', 'no source configured: the app runs on the cache', true);
    client = await connectSource(url);
    const { manifest, plans, probes } = await planSync(db, client, params);
    for (let i = 0; i < manifest.length; i++) {
      const entry = manifest[i];
      if (ctx.signal.aborted) throw new JobCancelled();
      const t0 = performance.now();
      try {
        const plan = plans.get(entry.table);
        if (!plan || plan instanceof Error) throw plan ?? new Error(`table ${entry.table}: no plan`);
        const r = await syncTable(db, client, plan, {
          probe: probes.get(entry.table),
          batchSize: params.batchSize ?? 10_000,
          pageSize: params.pageSize ?? 100_000,
          overlapMs: params.overlapMs ?? 600_000,
          nowMs,
          full: params.full ?? false,
          reconcile: params.reconcile ?? 'auto',
          signal: ctx.signal,
          onRows: (rows) => {
            peak = Math.max(peak, rssMb());
            ctx.progress({ fraction: (i + 0.5) / manifest.length, done: rows, message: `${entry.table}: ${rows} rows` });
          },
        });
        tables.push(r);
        ctx.progress({ fraction: (i + 1) / manifest.length, message: `${entry.table}: done (${r.rowsRead} rows)` });
      } catch (err) {
        if (err instanceof JobCancelled || ctx.signal.aborted) throw new JobCancelled();
        const e = classifySourceError(err, url);
        if (e instanceof SourceError && e.offline) throw e;
        const message = e.message;
        tables.push(failedTable(entry.table, (performance.now() - t0) / 1000, message));
        saveState(db, { ...loadState(db, entry.table), lastError: message });
      }
    }
    let publish = { published: 0, pending: outboxPendingCount(db), note: null as string | null };
    if (params.publish ?? true) {
      try {
        publish = await publishOutbox(db, client);
      } catch (err) {
        const e = classifySourceError(err, url);
        if (e instanceof SourceError && e.offline) throw e;
        publish.note = e.message;
      }
    }
    const finished = new Date();
    const failed = tables.filter((t) => t.error);
    updateGlobalStatus(db, {
      state: failed.length ? 'error' : 'ok',
      offlineSince: null,
      lastError: failed.length ? failed.map((t) => `${t.table}: ${t.error}`).join('; ') : null,
      lastSuccessAt: finished.toISOString(),
      attempt: 0,
      nextRetryAt: null,
    });
    return summary(started, finished, params.full ?? false, tables, publish, Math.max(peak, rssMb()));
  } catch (err) {
    if (err instanceof JobCancelled || ctx.signal.aborted) {
      updateGlobalStatus(db, { state: loadGlobalStatus(db).lastSuccessAt ? 'ok' : 'never' });
      throw new JobCancelled();
    }
    const e = url ? classifySourceError(err, url) : err instanceof Error ? err : new Error(String(err));
    recordSyncError(db, e);
    throw e;
  } finally {
    await client?.end().catch(() => {});
    closeQuietly(db);
  }
}

/** The manifest's enabled tables (or those asked for), each with its plan (or why it has none) and
 * what the probe saw of it. */
async function planSync(
  db: Cache,
  client: pg.Client,
  params: SyncParams,
): Promise<{ manifest: ManifestEntry[]; plans: Map<string, TablePlan | Error>; probes: Map<string, Probe> }> {
  const manifest = loadManifest(db).filter((e) => e.enabled && (!params.tables || params.tables.includes(e.table)));
  const source = new Map(
    (
      await describeTables(
        client,
        manifest.map((e) => e.table),
      )
    ).map((t) => [t.table, t]),
  );
  if (params.tables) {
    const unknown = params.tables.filter((t) => !manifest.some((e) => e.table === t));
    if (unknown.length)
      throw new ContractError('VALIDATION', `tables: not in the sync manifest (or disabled): ${unknown.join(', ')}`, {
        issues: [{ path: ['tables'], message: `not in the sync manifest (or disabled): ${unknown.join(', ')}` }],
      });
  }
  const plans = new Map<string, TablePlan | Error>();
  for (const e of manifest) {
    try {
      plans.set(e.table, planTable(e, source.get(e.table)));
    } catch (err) {
      plans.set(e.table, err as Error);
    }
  }
  const probes = await probe(
    client,
    [...plans.values()].filter((p): p is TablePlan => !(p instanceof Error)),
  );
  return { manifest, plans, probes };
}

/** A table whose sync failed: nothing counted, its error said. */
function failedTable(table: string, seconds: number, error: string): SyncTableResult {
  return { ...emptyTableResult(table), seconds, error };
}

function summary(
  started: Date,
  finished: Date,
  full: boolean,
  tables: SyncTableResult[],
  publish: { published: number; pending: number; note: string | null },
  peak: number,
): SyncResult {
  const sum = (f: (t: SyncTableResult) => number): number => tables.reduce((a, t) => a + f(t), 0);
  return {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (finished.getTime() - started.getTime()) / 1000,
    full,
    tables,
    rowsRead: sum((t) => t.rowsRead),
    upserted: sum((t) => t.upserted),
    quarantined: sum((t) => t.quarantined),
    deleted: sum((t) => t.deleted + t.pruned),
    published: publish.published,
    outboxPending: publish.pending,
    publishNote: publish.note,
    peakRssMb: Math.round(peak * 10) / 10,
  };
}

/** The sync failed: offline (with the next retry's time, backing off) or in error. */
function recordSyncError(db: Cache, e: Error): void {
  const prev = loadGlobalStatus(db);
  if (e instanceof SourceError && e.offline) {
    const attempt = prev.attempt + 1;
    updateGlobalStatus(db, {
      state: 'offline',
      offlineSince: prev.offlineSince ?? new Date().toISOString(),
      lastError: e.message,
      attempt,
      nextRetryAt: new Date(Date.now() + nextRetryDelay(attempt)).toISOString(),
    });
  } else {
    updateGlobalStatus(db, { state: 'error', lastError: e.message });
  }
}

/** The cache as the sync writes it: without the full-file quick_check (the app runs it once at
 * start), with a larger page cache for bulk loads. */
export function openSyncCache(file: string): Cache {
  return openCache(file, { cacheSizeKiB: 16384 });
}

/** Newest watermark and row count of every table in one snapshot, one round trip. A probe that fails
 * (a table vanished since the description) only means no table skips. */
async function probe(client: pg.Client, plans: TablePlan[]): Promise<Map<string, Probe>> {
  const out = new Map<string, Probe>();
  const targets = plans.map((p) => ({
    table: p.table,
    watermark: p.watermarkIdx !== null ? p.entry.watermark : null,
    count: p.entry.window.kind === 'all',
  }));
  if (targets.length === 0) return out;
  try {
    const r = (await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${probeSql(targets)}; COMMIT`,
    )) as unknown as pg.QueryResult<Record<string, string | null>>[];
    const row = r[1].rows[0];
    targets.forEach((t, i) =>
      out.set(t.table, { maxWatermark: row[`w${i}`], rows: row[`c${i}`] === null ? null : Number(row[`c${i}`]), deletes: row[`d${i}`] }),
    );
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    const e = classifySourceError(err, '');
    if (e instanceof SourceError && e.offline) throw err;
  }
  return out;
}

function closeQuietly(db: Cache): void {
  try {
    db.close();
  } catch {
    /* already closed */
  }
}
