import type pg from 'pg';
import type { SyncTableResult } from '../../src-shared/contract/sync';
import type { Cache } from '../platform/cache/open';
import { JobCancelled } from '../platform/jobs/define';
import { copyOut, queryRows, type RawRow } from './copy-reader';
import { ensureIndexes, ensureMirror, type TablePlan } from './mirror';
import { pendingOutboxKeys } from './outbox';
import { QuarantineBook, makeValidator } from './quarantine';
import { cursorSettings, fullPageSql, incrementalPageSql, rowsByKeySql, snapshotBoundSql } from './queries';
import { reconcileKeys } from './reconcile';
import { q } from './sql';
import { loadState, saveState, type TableState } from './state';
import { MirrorWriter } from './writer';

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

const DAY_MS = 86_400_000;
const MAX_MISSING = 50_000;
const KEY_CHUNK = 500;
/** Tables up to this many rows get the count check every sync. */
const COUNT_CHECK_MAX = 200_000;

async function* oneBatch(rows: Promise<RawRow[]>): AsyncGenerator<RawRow[]> {
  yield await rows;
}

const maxTs = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/** Syncs one table: resumes or starts a pass (full: key order; incremental: from the watermark),
 * commits each batch with its checkpoint, re-checks quarantined rows, prunes rows that left the
 * window, and reconciles keys (deletions) when due. Everything it reads comes from one
 * REPEATABLE READ snapshot of the source. */
export async function syncTable(db: Cache, client: pg.Client, plan: TablePlan, opts: TableSyncOptions): Promise<SyncTableResult> {
  const t0 = performance.now();
  const nowIso = new Date(opts.nowMs).toISOString();
  let state: TableState = ensureMirror(db, plan, loadState(db, plan.table));
  const writer = new MirrorWriter(db, plan);
  const book = new QuarantineBook(db, plan);
  const pendingLocal = plan.entry.ownOutput ? pendingOutboxKeys(db, plan.table) : new Set<string>();
  const res: SyncTableResult = {
    table: plan.table,
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
  const touched = new Set<string>();
  const w = plan.entry.window;
  const cut = w.kind === 'recent-or-open' ? new Date(opts.nowMs - w.days * DAY_MS).toISOString() : null;
  const baseSettings: Record<string, string> = cut ? { 'monps.cut': cut } : {};
  const checkCancel = (): void => {
    if (opts.signal.aborted) throw new JobCancelled();
  };
  /** Deletes the mirror's rows that left the window (older than the cut, match finished). */
  const prune = (): number => {
    if (!cut || w.kind !== 'recent-or-open') return 0;
    const hasMatches = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'matches'").get();
    const open = hasMatches ? ` AND ${q(w.matchColumn)} NOT IN (SELECT match_id FROM matches WHERE status <> 'finished')` : '';
    return db.prepare(`DELETE FROM ${q(plan.table)} WHERE ${q(w.timeColumn)} < ?${open}`).run(cut).changes;
  };
  const due = (s: TableState): boolean =>
    s.lastReconcileAt === null || opts.nowMs - Date.parse(s.lastReconcileAt) >= plan.entry.reconcileEveryMinutes * 60_000;

  // Nothing to read: every source row is older than the watermark (rows committed later carry a
  // newer one, by the bound's definition), the count has not moved, no pass, quarantine or local
  // write waits, and no reconcile is due. Only the window prune (local) runs.
  const p = opts.probe;
  // Deletes at the source since the last reconcile (statistics counter moved): reconcile now.
  const deleted = !!p && p.deletes !== null && state.sourceDeletes !== null && p.deletes !== state.sourceDeletes;
  if (
    p &&
    !deleted &&
    !opts.full &&
    opts.reconcile !== 'always' &&
    state.passKind === null &&
    state.watermark !== null &&
    plan.watermarkIdx !== null &&
    book.size === 0 &&
    pendingLocal.size === 0 &&
    !due(state) &&
    (p.maxWatermark === null || p.maxWatermark < state.watermark) &&
    (w.kind !== 'all' ||
      (p.rows !== null && p.rows === (db.prepare(`SELECT count(*) AS n FROM ${q(plan.table)}`).get() as { n: number }).n))
  ) {
    res.pruned = prune();
    state = { ...state, lastSuccessAt: nowIso, lastError: null };
    saveState(db, state);
    res.seconds = (performance.now() - t0) / 1000;
    return res;
  }

  // The count check (see below) needs the source's row count in this snapshot: asked up front, in
  // the same round trip as the snapshot itself, for small tables synced whole.
  const countable =
    opts.reconcile === 'auto' &&
    w.kind === 'all' &&
    pendingLocal.size === 0 &&
    (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${q(plan.table)} LIMIT ${COUNT_CHECK_MAX + 1})`).get() as { n: number }).n <=
      COUNT_CHECK_MAX;
  try {
    const opened = (await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${snapshotBoundSql(opts.overlapMs / 1000, countable ? plan.table : null)}`,
    )) as unknown as pg.QueryResult<{ bound: string; source_rows: string | null }>[];
    const { bound, source_rows: sourceRows } = opened[1].rows[0];
    const validate = makeValidator(plan, { nowMs: opts.nowMs });

    const head = plan.pkIdx[0];
    const handle = (row: RawRow): void => {
      const verdict = validate(row);
      const sk = verdict || book.mayHold(row[head]) ? JSON.stringify(writer.sourceKey(row)) : null;
      if (verdict && sk !== null) {
        if (book.add(sk, writer.keyObject(row), verdict, row, nowIso)) res.quarantined++;
        touched.add(sk);
        writer.deleteRaw(row);
        return;
      }
      if (sk !== null && book.release(sk)) res.released++;
      if (pendingLocal.size > 0 && pendingLocal.has(writer.keyObject(row))) return; // local write not yet published wins
      writer.write(row);
      res.upserted++;
    };
    const apply = (rows: RawRow[]): void => {
      db.transaction(() => {
        for (const r of rows) handle(r);
      })();
    };

    const resumed = state.passKind !== null;
    if (opts.full && state.passKind !== 'full') state = { ...state, passKind: null };
    const wasEmpty = !db.prepare(`SELECT 1 FROM ${q(plan.table)} LIMIT 1`).get();
    // A pass begun by an earlier (interrupted) run read older snapshots: once it completes, one more
    // pass in this run's snapshot brings the table up to date (incremental from its bound).
    for (let round = 0; round < 2; round++) {
      const continuing = state.passKind !== null;
      if (!continuing) {
        const full = (opts.full && round === 0) || state.watermark === null || plan.watermarkIdx === null;
        state = {
          ...state,
          passKind: full ? 'full' : 'incremental',
          passFrom: full ? null : state.watermark,
          passBound: bound,
          passCursor: null,
          passRows: 0,
        };
        saveState(db, state);
      }
      if (round === 0) res.mode = state.passKind === 'full' ? 'full' : 'incremental';
      await runPass();
      if (!continuing) break;
    }

    async function runPass(): Promise<void> {
      const incremental = state.passKind === 'incremental';
      const cursorIdx = incremental ? [plan.watermarkIdx as number, ...plan.pkIdx] : plan.pkIdx;
      // Pages in key order; each batch commits with its cursor.
      for (;;) {
        checkCancel();
        const cursor = state.passCursor;
        const sql = incremental
          ? incrementalPageSql(plan, cursor !== null, opts.pageSize)
          : fullPageSql(plan, cursor !== null, opts.pageSize);
        const settings = {
          ...baseSettings,
          ...(cursor ? cursorSettings(cursor) : {}),
          ...(incremental ? { 'monps.from': state.passFrom as string } : {}),
        };
        let inPage = 0;
        let batch: RawRow[] = [];
        const commit = (): void => {
          const last = batch[batch.length - 1];
          const nextCursor = cursorIdx.map((i) => last[i] ?? '');
          db.transaction(() => {
            for (const r of batch) handle(r);
            state = { ...state, passCursor: nextCursor, passRows: state.passRows + batch.length };
            saveState(db, state);
          })();
          res.rowsRead += batch.length;
          batch = [];
          opts.onRows(res.rowsRead);
          opts.afterCommit?.();
        };
        // Incremental pages are small: one ordinary query. Full passes stream with COPY.
        const pages = incremental ? oneBatch(queryRows(client, sql, settings)) : copyOut(client, sql, settings, opts.signal);
        for await (const rows of pages) {
          for (const r of rows) {
            batch.push(r);
            inPage++;
            if (batch.length >= opts.batchSize) {
              commit();
              checkCancel();
            }
          }
        }
        if (batch.length) commit();
        if (inPage < opts.pageSize) break;
      }
      state = {
        ...state,
        watermark: maxTs(state.watermark, state.passBound),
        passKind: null,
        passFrom: null,
        passBound: null,
        passCursor: null,
        passRows: 0,
      };
      saveState(db, state);
    }

    // Quarantined rows not seen in this pass: fetched again (fixed, still bad, or gone).
    const recheck = book.allKeys().filter((k) => !touched.has(k));
    for (let i = 0; i < recheck.length; i += KEY_CHUNK) {
      const chunk = recheck.slice(i, i + KEY_CHUNK);
      const seen = new Set<string>();
      const fetched: RawRow[] = [];
      for (const r of await queryRows(client, rowsByKeySql(plan, true), { ...baseSettings, 'monps.keys': `[${chunk.join(',')}]` })) {
        fetched.push(r);
        seen.add(JSON.stringify(writer.sourceKey(r)));
      }
      db.transaction(() => {
        for (const r of fetched) handle(r);
        for (const k of chunk) if (!seen.has(k) && book.release(k)) res.released++;
      })();
    }

    res.pruned = prune();

    // Key reconcile: deletions at the source, rows that came back into the window.
    const freshLoad = res.mode === 'full' && wasEmpty && !resumed;
    let doReconcile =
      opts.reconcile === 'always' || (opts.reconcile === 'auto' && !freshLoad && (due(state) || res.mode === 'full' || resumed || deleted));
    if (!doReconcile && opts.reconcile === 'auto' && !freshLoad && w.kind === 'all') {
      // Cheap deletion check: after the pass the mirror holds every source row (quarantined ones
      // aside), so a lower source count means rows were deleted there. Local unpublished rows of
      // the app's own tables make counts meaningless: reconcile those (they are small).
      if (pendingLocal.size > 0) doReconcile = true;
      else if (sourceRows !== null) {
        const cacheRows = (db.prepare(`SELECT count(*) AS n FROM ${q(plan.table)}`).get() as { n: number }).n;
        doReconcile = Number(sourceRows) !== cacheRows + book.size;
      }
    }
    if (doReconcile) {
      const r = await reconcileKeys(
        db,
        client,
        plan,
        {
          isQuarantined: (k) => book.has(k),
          isPendingLocal: (k) => pendingLocal.has(k),
          deleteKeys: (keys) => db.transaction(() => keys.forEach((k) => writer.deleteKey(k)))(),
        },
        baseSettings,
        { maxMissing: MAX_MISSING, signal: opts.signal },
      );
      res.deleted += r.deleted;
      for (let i = 0; i < r.missing.length; i += KEY_CHUNK) {
        const chunk = r.missing.slice(i, i + KEY_CHUNK);
        const fetched: RawRow[] = [];
        fetched.push(...(await queryRows(client, rowsByKeySql(plan, true), { ...baseSettings, 'monps.keys': JSON.stringify(chunk) })));
        apply(fetched);
        res.rowsRead += fetched.length;
      }
      if (r.overflow) {
        // Too many rows missing to fetch by key: next sync re-reads the table.
        state = { ...state, watermark: null };
      }
      state = { ...state, lastReconcileAt: nowIso, sourceDeletes: p?.deletes ?? null };
      res.reconciled = true;
    } else if (freshLoad || state.sourceDeletes === null) {
      // a first load is as good as a reconcile; a counter seen for the first time is a starting point
      state = { ...state, ...(freshLoad ? { lastReconcileAt: nowIso } : {}), sourceDeletes: p?.deletes ?? null };
    }
    await client.query('COMMIT');
  } catch (err) {
    // Cancelled mid-COPY: the connection is in the middle of a stream; the caller closes it.
    if (opts.signal.aborted) throw new JobCancelled();
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
  ensureIndexes(db, plan);
  state = { ...state, lastSuccessAt: nowIso, lastError: null };
  saveState(db, state);
  res.seconds = (performance.now() - t0) / 1000;
  return res;
}
