import type { Cache } from '../platform/cache/open';
import type { ValueKind } from './value-map';

export interface MirrorColumn {
  name: string;
  kind: ValueKind;
}

/** One row of sync_state (see migrations/cache/002_sync.sql). */
export interface TableState {
  table: string;
  mirrorColumns: MirrorColumn[] | null;
  mirrorKey: string[] | null;
  watermark: string | null;
  passKind: 'full' | 'incremental' | null;
  passFrom: string | null;
  passBound: string | null;
  passCursor: string[] | null;
  passRows: number;
  lastSuccessAt: string | null;
  lastReconcileAt: string | null;
  lastError: string | null;
  /** pg_stat_user_tables.n_tup_del of the source table at the last reconcile (or load). */
  sourceDeletes: string | null;
}

interface Row {
  table_name: string;
  mirror_columns: string | null;
  mirror_key: string | null;
  watermark: string | null;
  pass_kind: 'full' | 'incremental' | null;
  pass_from: string | null;
  pass_bound: string | null;
  pass_cursor: string | null;
  pass_rows: number;
  last_success_at: string | null;
  last_reconcile_at: string | null;
  last_error: string | null;
  source_deletes: string | null;
}

const parseJson = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));

export function emptyState(table: string): TableState {
  return {
    table,
    mirrorColumns: null,
    mirrorKey: null,
    watermark: null,
    passKind: null,
    passFrom: null,
    passBound: null,
    passCursor: null,
    passRows: 0,
    lastSuccessAt: null,
    lastReconcileAt: null,
    lastError: null,
    sourceDeletes: null,
  };
}

export function loadState(db: Cache, table: string): TableState {
  const r = db.prepare('SELECT * FROM sync_state WHERE table_name = ?').get(table) as Row | undefined;
  if (!r) return emptyState(table);
  return {
    table,
    mirrorColumns: parseJson<MirrorColumn[]>(r.mirror_columns),
    mirrorKey: parseJson<string[]>(r.mirror_key),
    watermark: r.watermark,
    passKind: r.pass_kind,
    passFrom: r.pass_from,
    passBound: r.pass_bound,
    passCursor: parseJson<string[]>(r.pass_cursor),
    passRows: r.pass_rows,
    lastSuccessAt: r.last_success_at,
    lastReconcileAt: r.last_reconcile_at,
    lastError: r.last_error,
    sourceDeletes: r.source_deletes,
  };
}

export function allStates(db: Cache): TableState[] {
  const names = db.prepare('SELECT table_name FROM sync_state ORDER BY table_name').all() as { table_name: string }[];
  return names.map((n) => loadState(db, n.table_name));
}

/** Writes the whole state row. Callers run it inside the transaction of the batch it checkpoints. */
export function saveState(db: Cache, s: TableState): void {
  db.prepare(
    `INSERT INTO sync_state (table_name, mirror_columns, mirror_key, watermark, pass_kind, pass_from, pass_bound, pass_cursor,
        pass_rows, last_success_at, last_reconcile_at, last_error, source_deletes, updated_at)
     VALUES (@table, @mirrorColumns, @mirrorKey, @watermark, @passKind, @passFrom, @passBound, @passCursor,
        @passRows, @lastSuccessAt, @lastReconcileAt, @lastError, @sourceDeletes, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (table_name) DO UPDATE SET mirror_columns = excluded.mirror_columns, mirror_key = excluded.mirror_key,
        watermark = excluded.watermark, pass_kind = excluded.pass_kind, pass_from = excluded.pass_from,
        pass_bound = excluded.pass_bound, pass_cursor = excluded.pass_cursor, pass_rows = excluded.pass_rows,
        last_success_at = excluded.last_success_at, last_reconcile_at = excluded.last_reconcile_at,
        last_error = excluded.last_error, source_deletes = excluded.source_deletes, updated_at = excluded.updated_at`,
  ).run({
    table: s.table,
    mirrorColumns: s.mirrorColumns ? JSON.stringify(s.mirrorColumns) : null,
    mirrorKey: s.mirrorKey ? JSON.stringify(s.mirrorKey) : null,
    watermark: s.watermark,
    passKind: s.passKind,
    passFrom: s.passFrom,
    passBound: s.passBound,
    passCursor: s.passCursor ? JSON.stringify(s.passCursor) : null,
    passRows: s.passRows,
    lastSuccessAt: s.lastSuccessAt,
    lastReconcileAt: s.lastReconcileAt,
    lastError: s.lastError,
    sourceDeletes: s.sourceDeletes,
  });
}

export interface GlobalStatus {
  state: 'never' | 'running' | 'ok' | 'offline' | 'error';
  offlineSince: string | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  attempt: number;
  nextRetryAt: string | null;
}

export function loadGlobalStatus(db: Cache): GlobalStatus {
  const r = db.prepare('SELECT * FROM sync_status WHERE id = 1').get() as
    | {
        state: GlobalStatus['state'];
        offline_since: string | null;
        last_error: string | null;
        last_attempt_at: string | null;
        last_success_at: string | null;
        attempt: number;
        next_retry_at: string | null;
      }
    | undefined;
  if (!r)
    return { state: 'never', offlineSince: null, lastError: null, lastAttemptAt: null, lastSuccessAt: null, attempt: 0, nextRetryAt: null };
  return {
    state: r.state,
    offlineSince: r.offline_since,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at,
    attempt: r.attempt,
    nextRetryAt: r.next_retry_at,
  };
}

export function updateGlobalStatus(db: Cache, patch: Partial<GlobalStatus>): void {
  const s = { ...loadGlobalStatus(db), ...patch };
  db.prepare(
    `INSERT INTO sync_status (id, state, offline_since, last_error, last_attempt_at, last_success_at, attempt, next_retry_at)
     VALUES (1, @state, @offlineSince, @lastError, @lastAttemptAt, @lastSuccessAt, @attempt, @nextRetryAt)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, offline_since = excluded.offline_since, last_error = excluded.last_error,
       last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at, attempt = excluded.attempt,
       next_retry_at = excluded.next_retry_at`,
  ).run(s);
}

/** A sync still marked running at start was cut short (the app was killed): say so. Its work is not
 * lost: the next sync resumes from the last checkpoint. */
export function markInterruptedSync(cache: Cache): void {
  if (loadGlobalStatus(cache).state !== 'running') return;
  updateGlobalStatus(cache, {
    state: 'error',
    lastError: 'the previous sync was interrupted (the app stopped); the next one resumes from its checkpoint',
  });
}
