import type pg from 'pg';
import type { SyncTableResult } from '../../src-shared/contract/sync';
import type { Cache } from '../platform/cache/open';
import { JobCancelled } from '../platform/jobs/define';
import type { RawRow } from './copy-reader';
import { ensureIndexes, type TablePlan } from './mirror';
import { snapshotBoundSql } from './queries';
import { q } from './sql';
import { saveState } from './state';
import { reconcileIfDue, recheckQuarantine } from './table-keys';
import { runPasses } from './table-pass';
import { cacheCount, newTableRun, prune, reconcileDue, rowHandler, type TableRun } from './table-run';

export interface TableSyncOptions {
  /** Rows per SQLite transaction (each with its checkpoint). */
  batchSize: number;
  /** Rows per source query (keyset page). */
  pageSize: number;
  /** Fallback re-read window when in-flight writers of the source cannot be seen. */
  overlapMs: number;
  nowMs: number;
  full: boolean;
  reconcile: 'auto' | 'always' | 'never';
  signal: AbortSignal;
  /** Called after each committed batch with the rows read so far in this table. */
  onRows(rows: number): void;
  /** Test hook: called after each committed batch (the crash test kills the process around it). */
  afterCommit?(): void;
  /** What a probe of the source saw (newest watermark value, row count) just before: lets a table
   * where nothing can have changed skip its own reads. */
  probe?: Probe;
}

export interface Probe {
  maxWatermark: string | null;
  rows: number | null;
  /** The source table's cumulative delete counter (statistics), or null. */
  deletes: string | null;
}

/** Tables up to this many rows get the count check every sync. */
const COUNT_CHECK_MAX = 200_000;

/** Syncs one table: resumes or starts a pass (full: key order; incremental: from the watermark),
 * commits each batch with its checkpoint, re-checks quarantined rows, prunes rows that left the
 * window, and reconciles keys (deletions) when due. Everything it reads comes from one
 * REPEATABLE READ snapshot of the source. */
export async function syncTable(db: Cache, client: pg.Client, plan: TablePlan, opts: TableSyncOptions): Promise<SyncTableResult> {
  const t0 = performance.now();
  const run = newTableRun(db, client, plan, opts);
  const p = opts.probe;
  // Deletes at the source since the last reconcile (statistics counter moved): reconcile now.
  const deleted = !!p && p.deletes !== null && run.state.sourceDeletes !== null && p.deletes !== run.state.sourceDeletes;
  if (nothingToRead(run, deleted)) {
    run.res.pruned = prune(run);
  } else {
    await syncInSnapshot(run, deleted);
    ensureIndexes(db, plan);
  }
  run.state = { ...run.state, lastSuccessAt: run.nowIso, lastError: null };
  saveState(db, run.state);
  run.res.seconds = (performance.now() - t0) / 1000;
  return run.res;
}

/** Nothing to read: every source row is older than the watermark (rows committed later carry a
 * newer one, by the bound's definition), the count has not moved, no pass, quarantine or local
 * write waits, and no reconcile is due. Only the window prune (local) runs. */
function nothingToRead(run: TableRun, deleted: boolean): boolean {
  const { opts, state, plan } = run;
  const p = opts.probe;
  const w = plan.entry.window;
  return (
    !!p &&
    !deleted &&
    !opts.full &&
    opts.reconcile !== 'always' &&
    state.passKind === null &&
    state.watermark !== null &&
    plan.watermarkIdx !== null &&
    run.book.size === 0 &&
    run.pendingLocal.size === 0 &&
    !reconcileDue(run, state) &&
    (p.maxWatermark === null || p.maxWatermark < state.watermark) &&
    (w.kind !== 'all' || (p.rows !== null && p.rows === cacheCount(run)))
  );
}

/** The count check (see table-keys.ts) needs the source's row count in this snapshot: asked up
 * front, in the same round trip as the snapshot itself, for small tables synced whole. */
function countable(run: TableRun): boolean {
  const { opts, db, plan } = run;
  return (
    opts.reconcile === 'auto' &&
    plan.entry.window.kind === 'all' &&
    run.pendingLocal.size === 0 &&
    (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${q(plan.table)} LIMIT ${COUNT_CHECK_MAX + 1})`).get() as { n: number }).n <=
      COUNT_CHECK_MAX
  );
}

/** The pass, the quarantine re-check, the prune and the reconcile, in one REPEATABLE READ snapshot. */
async function syncInSnapshot(run: TableRun, deleted: boolean): Promise<void> {
  const { db, client, plan, opts, res } = run;
  try {
    const opened = (await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${snapshotBoundSql(opts.overlapMs / 1000, countable(run) ? plan.table : null)}`,
    )) as unknown as pg.QueryResult<{ bound: string; source_rows: string | null }>[];
    const { bound, source_rows: sourceRows } = opened[1].rows[0];
    const handle = rowHandler(run);
    const apply = (rows: RawRow[]): void => {
      db.transaction(() => {
        for (const r of rows) handle(r);
      })();
    };
    const { resumed, wasEmpty } = await runPasses(run, bound, handle);
    await recheckQuarantine(run, handle);
    res.pruned = prune(run);
    // Key reconcile: deletions at the source, rows that came back into the window.
    const freshLoad = res.mode === 'full' && wasEmpty && !resumed;
    await reconcileIfDue(run, { freshLoad, resumed, deleted, sourceRows }, apply);
    await client.query('COMMIT');
  } catch (err) {
    // Cancelled mid-COPY: the connection is in the middle of a stream; the caller closes it.
    if (opts.signal.aborted) throw new JobCancelled();
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
