// After a table's pass: the quarantined rows the pass did not see are fetched again, and the key
// reconcile (reconcile.ts) finds rows deleted at the source and rows that came back into the window.
import { queryRows, type RawRow } from './copy-reader';
import { rowsByKeySql } from './queries';
import { reconcileKeys } from './reconcile';
import { cacheCount, reconcileDue, type TableRun } from './table-run';

const MAX_MISSING = 50_000;
const KEY_CHUNK = 500;

/** Quarantined rows not seen in this pass: fetched again (fixed, still bad, or gone). */
export async function recheckQuarantine(run: TableRun, handle: (row: RawRow) => void): Promise<void> {
  const { book, db, writer, res } = run;
  const recheck = book.allKeys().filter((k) => !run.touched.has(k));
  for (let i = 0; i < recheck.length; i += KEY_CHUNK) {
    const chunk = recheck.slice(i, i + KEY_CHUNK);
    const seen = new Set<string>();
    const fetched: RawRow[] = [];
    const settings = { ...run.baseSettings, 'monps.keys': `[${chunk.join(',')}]` };
    for (const r of await queryRows(run.client, rowsByKeySql(run.plan, true), settings)) {
      fetched.push(r);
      seen.add(JSON.stringify(writer.sourceKey(r)));
    }
    db.transaction(() => {
      for (const r of fetched) handle(r);
      for (const k of chunk) if (!seen.has(k) && book.release(k)) res.released++;
    })();
  }
}

export interface ReconcileFacts {
  /** The pass was a first full load of an empty mirror. */
  freshLoad: boolean;
  resumed: boolean;
  /** The source's delete counter moved since the last reconcile. */
  deleted: boolean;
  /** The source's row count in the run's snapshot, when it was asked. */
  sourceRows: string | null;
}

/** Whether the key reconcile runs: when asked, when due, after a full or resumed pass, when deletes
 * were counted at the source, or when the cheap count check finds fewer rows at the source. */
function shouldReconcile(run: TableRun, f: ReconcileFacts): boolean {
  const { opts } = run;
  if (opts.reconcile === 'always') return true;
  if (opts.reconcile !== 'auto' || f.freshLoad) return false;
  if (reconcileDue(run, run.state) || run.res.mode === 'full' || f.resumed || f.deleted) return true;
  if (run.plan.entry.window.kind !== 'all') return false;
  // Cheap deletion check: after the pass the mirror holds every source row (quarantined ones
  // aside), so a lower source count means rows were deleted there. Local unpublished rows of
  // the app's own tables make counts meaningless: reconcile those (they are small).
  if (run.pendingLocal.size > 0) return true;
  if (f.sourceRows === null) return false;
  return Number(f.sourceRows) !== cacheCount(run) + run.book.size;
}

/** Reconciles keys when due and records it (or records a first load / a first delete counter as
 * the starting point). */
export async function reconcileIfDue(run: TableRun, f: ReconcileFacts, apply: (rows: RawRow[]) => void): Promise<void> {
  const { db, writer, book, pendingLocal, res, opts } = run;
  const deletes = opts.probe?.deletes ?? null;
  if (!shouldReconcile(run, f)) {
    if (f.freshLoad || run.state.sourceDeletes === null) {
      // a first load is as good as a reconcile; a counter seen for the first time is a starting point
      run.state = { ...run.state, ...(f.freshLoad ? { lastReconcileAt: run.nowIso } : {}), sourceDeletes: deletes };
    }
    return;
  }
  const r = await reconcileKeys(
    db,
    run.client,
    run.plan,
    {
      isQuarantined: (k) => book.has(k),
      isPendingLocal: (k) => pendingLocal.has(k),
      deleteKeys: (keys) => db.transaction(() => keys.forEach((k) => writer.deleteKey(k)))(),
    },
    run.baseSettings,
    { maxMissing: MAX_MISSING, signal: opts.signal },
  );
  res.deleted += r.deleted;
  for (let i = 0; i < r.missing.length; i += KEY_CHUNK) {
    const chunk = r.missing.slice(i, i + KEY_CHUNK);
    const fetched = await queryRows(run.client, rowsByKeySql(run.plan, true), { ...run.baseSettings, 'monps.keys': JSON.stringify(chunk) });
    apply(fetched);
    res.rowsRead += fetched.length;
  }
  // Too many rows missing to fetch by key: next sync re-reads the table.
  if (r.overflow) run.state = { ...run.state, watermark: null };
  run.state = { ...run.state, lastReconcileAt: run.nowIso, sourceDeletes: deletes };
  res.reconciled = true;
}
