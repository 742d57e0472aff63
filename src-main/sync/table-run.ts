// The state of one table's sync run, shared by its steps (table-sync.ts runs them in order): the
// cache's mirror writer, the quarantine book, the local rows not yet published, the result counts
// and the table's checkpoint (state, saved with every committed batch).
import type pg from 'pg';
import type { SyncTableResult } from '../../src-shared/contract/sync';
import type { Cache } from '../platform/cache/open';
import { JobCancelled } from '../platform/jobs/define';
import type { RawRow } from './copy-reader';
import { ensureMirror, type TablePlan } from './mirror';
import { pendingOutboxKeys } from './outbox';
import { QuarantineBook, makeValidator } from './quarantine';
import { q } from './sql';
import { loadState, type TableState } from './state';
import type { TableSyncOptions } from './table-sync';
import { MirrorWriter } from './writer';

const DAY_MS = 86_400_000;

export interface TableRun {
  db: Cache;
  client: pg.Client;
  plan: TablePlan;
  opts: TableSyncOptions;
  nowIso: string;
  state: TableState;
  writer: MirrorWriter;
  book: QuarantineBook;
  /** Keys of the app's own rows written locally and not yet published: the local row wins. */
  pendingLocal: Set<string>;
  res: SyncTableResult;
  /** Source keys of quarantined rows seen in this run (the others are fetched again). */
  touched: Set<string>;
  /** The window's cut (ISO) for tables kept recent-or-open, else null. */
  cut: string | null;
  /** Session settings every source query of the run carries (the cut). */
  baseSettings: Record<string, string>;
}

/** A table's result before anything was read (an incremental pass, nothing counted yet). */
export function emptyTableResult(table: string): SyncTableResult {
  return {
    table,
    mode: 'incremental',
    rowsRead: 0,
    upserted: 0,
    quarantined: 0,
    released: 0,
    deleted: 0,
    pruned: 0,
    reconciled: false,
    seconds: 0,
    error: null,
  };
}

export function newTableRun(db: Cache, client: pg.Client, plan: TablePlan, opts: TableSyncOptions): TableRun {
  const w = plan.entry.window;
  const cut = w.kind === 'recent-or-open' ? new Date(opts.nowMs - w.days * DAY_MS).toISOString() : null;
  return {
    db,
    client,
    plan,
    opts,
    nowIso: new Date(opts.nowMs).toISOString(),
    state: ensureMirror(db, plan, loadState(db, plan.table)),
    writer: new MirrorWriter(db, plan),
    book: new QuarantineBook(db, plan),
    pendingLocal: plan.entry.ownOutput ? pendingOutboxKeys(db, plan.table) : new Set<string>(),
    res: emptyTableResult(plan.table),
    touched: new Set<string>(),
    cut,
    baseSettings: cut ? { 'monps.cut': cut } : {},
  };
}

export function checkCancel(run: TableRun): void {
  if (run.opts.signal.aborted) throw new JobCancelled();
}

export const cacheCount = (run: TableRun): number =>
  (run.db.prepare(`SELECT count(*) AS n FROM ${q(run.plan.table)}`).get() as { n: number }).n;

/** Whether the key reconcile is due by the clock. */
export const reconcileDue = (run: TableRun, s: TableState): boolean =>
  s.lastReconcileAt === null || run.opts.nowMs - Date.parse(s.lastReconcileAt) >= run.plan.entry.reconcileEveryMinutes * 60_000;

/** Deletes the mirror's rows that left the window (older than the cut, match finished). */
export function prune(run: TableRun): number {
  const w = run.plan.entry.window;
  if (!run.cut || w.kind !== 'recent-or-open') return 0;
  const { db } = run;
  const hasMatches = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'matches'").get();
  const open = hasMatches ? ` AND ${q(w.matchColumn)} NOT IN (SELECT match_id FROM matches WHERE status <> 'finished')` : '';
  return db.prepare(`DELETE FROM ${q(run.plan.table)} WHERE ${q(w.timeColumn)} < ?${open}`).run(run.cut).changes;
}

/** Writes one source row into the mirror, or quarantines it (a quarantined row leaves the mirror);
 * a row that passes again is released. The caller holds the SQLite transaction. */
export function rowHandler(run: TableRun): (row: RawRow) => void {
  const { writer, book, res, pendingLocal } = run;
  const validate = makeValidator(run.plan, { nowMs: run.opts.nowMs });
  const head = run.plan.pkIdx[0];
  return (row) => {
    const verdict = validate(row);
    const sk = verdict || book.mayHold(row[head]) ? JSON.stringify(writer.sourceKey(row)) : null;
    if (verdict && sk !== null) {
      if (book.add(sk, writer.keyObject(row), verdict, row, run.nowIso)) res.quarantined++;
      run.touched.add(sk);
      writer.deleteRaw(row);
      return;
    }
    if (sk !== null && book.release(sk)) res.released++;
    if (pendingLocal.size > 0 && pendingLocal.has(writer.keyObject(row))) return; // local write not yet published wins
    writer.write(row);
    res.upserted++;
  };
}
