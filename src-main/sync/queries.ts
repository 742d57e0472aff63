// SQL text of the source reads. Values come through current_setting() (set by copyOut).
import type { TablePlan } from './mirror';
import { q, qList } from './sql';

const setting = (name: string, cast: string): string => `current_setting('${name}')::${cast}`;

function castOf(plan: TablePlan, column: string): string {
  const c = plan.columns.find((x) => x.name === column);
  if (!c) throw new Error(`${plan.table}: no column ${column}`);
  return c.castType;
}

/** The window condition, or '' when the table is synced whole. Reads monps.cut. */
export function windowSql(plan: TablePlan): string {
  const w = plan.entry.window;
  if (w.kind === 'all') return '';
  return `(${q(w.timeColumn)} >= ${setting('monps.cut', castOf(plan, w.timeColumn))} OR ${q(w.matchColumn)} IN (SELECT match_id FROM matches WHERE status <> 'finished'))`;
}

/** The synced columns, plus the match flag when the table has the match_exists rule. */
function cols(plan: TablePlan, alias?: string): string {
  const a = alias ? `${alias}.` : '';
  const list = plan.columns.map((c) => `${a}${q(c.name)}`).join(', ');
  if (!plan.matchFlag) return list;
  // IN (not EXISTS): PostgreSQL hashes the match ids once instead of probing an index per row.
  return `${list}, ${alias ?? q(plan.table)}.match_id IN (SELECT match_id FROM matches)`;
}
const and = (parts: string[]): string => (parts.length ? ` WHERE ${parts.join(' AND ')}` : '');

/** Names of the settings carrying a cursor: monps.k0, monps.k1, ... */
export function cursorSettings(cursor: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  cursor.forEach((v, i) => (out[`monps.k${i}`] = v));
  return out;
}

/** A page of a full pass: rows in primary key order after the cursor. */
export function fullPageSql(plan: TablePlan, hasCursor: boolean, limit: number): string {
  const where: string[] = [];
  if (hasCursor) where.push(`(${qList(plan.pk)}) > (${plan.pk.map((c, i) => setting(`monps.k${i}`, castOf(plan, c))).join(', ')})`);
  const w = windowSql(plan);
  if (w) where.push(w);
  return `SELECT ${cols(plan)} FROM ${q(plan.table)}${and(where)} ORDER BY ${qList(plan.pk)} LIMIT ${Math.floor(limit)}`;
}

/** A page of an incremental pass: rows whose watermark is >= monps.from, in (watermark, key) order
 * after the cursor. */
export function incrementalPageSql(plan: TablePlan, hasCursor: boolean, limit: number): string {
  const wm = plan.entry.watermark as string;
  const keyCols = [wm, ...plan.pk];
  const where = [`${q(wm)} >= ${setting('monps.from', castOf(plan, wm))}`];
  if (hasCursor) where.push(`(${qList(keyCols)}) > (${keyCols.map((c, i) => setting(`monps.k${i}`, castOf(plan, c))).join(', ')})`);
  const w = windowSql(plan);
  if (w) where.push(w);
  return `SELECT ${cols(plan)} FROM ${q(plan.table)}${and(where)} ORDER BY ${qList(keyCols)} LIMIT ${Math.floor(limit)}`;
}

/** Rows by key: monps.keys is a JSON array of keys, each an array of PostgreSQL texts. One index
 * lookup per key (LATERAL … LIMIT 1, which the planner cannot flatten into a hash join over the
 * whole table). */
export function rowsByKeySql(plan: TablePlan, inWindow: boolean): string {
  const match = plan.pk.map((c, i) => `t.${q(c)} = (k->>${i})::${castOf(plan, c)}`).join(' AND ');
  const w = inWindow ? windowSql(plan) : '';
  return `SELECT r.* FROM json_array_elements(current_setting('monps.keys')::json) AS k
    CROSS JOIN LATERAL (SELECT ${cols(plan, 't')} FROM ${q(plan.table)} AS t WHERE ${match}${w ? ` AND ${w}` : ''} LIMIT 1) AS r`;
}

/** Every key of the window in the cache's order (text in byte order, as SQLite's BINARY). */
export function keyStreamSql(plan: TablePlan): string {
  const order = plan.pkIdx
    .map((i) => {
      const c = plan.columns[i];
      return c.kind === 'text' || c.kind === 'json' ? `${q(c.name)}::text COLLATE "C"` : q(c.name);
    })
    .join(', ');
  const w = windowSql(plan);
  return `SELECT ${qList(plan.pk)} FROM ${q(plan.table)}${w ? ` WHERE ${w}` : ''} ORDER BY ${order}`;
}

export interface ProbeTarget {
  table: string;
  /** Timestamp watermark column, or null. */
  watermark: string | null;
  /** Count the rows (tables synced whole). */
  count: boolean;
}

/** One query over many tables: newest watermark value and (for some) the row count, so tables where
 * nothing moved can be passed over without their own round trips. Identifiers only. */
export function probeSql(targets: readonly ProbeTarget[]): string {
  const parts = targets.flatMap((t, i) => [
    `${t.watermark ? `(SELECT max(${q(t.watermark)}) FROM ${q(t.table)})::text` : 'NULL::text'} AS w${i}`,
    `${t.count ? `(SELECT count(*) FROM ${q(t.table)})::text` : 'NULL::text'} AS c${i}`,
    // cumulative deletes (statistics; NULL when track_counts is off); the name is a checked identifier
    `(SELECT n_tup_del FROM pg_stat_user_tables WHERE relid = to_regclass('${q(t.table)}'))::text AS d${i}`,
  ]);
  return `SELECT ${parts.join(', ')}`;
}

/** The snapshot's safe watermark: every row whose watermark is below it is committed and visible in
 * this transaction's snapshot. Writers still in flight hold it back to their start (when
 * pg_stat_activity shows them) or by the fallback overlap; one second covers a DEFAULT evaluated just
 * before its transaction got an xid. Must be the transaction's first statement (it takes the
 * snapshot); sent with BEGIN in one simple query, so its only inputs are a number and a table name.
 * With `countTable`, also that table's row count in the snapshot. */
export function snapshotBoundSql(overlapSeconds: number, countTable: string | null): string {
  if (!Number.isFinite(overlapSeconds) || overlapSeconds < 0)
    throw new Error(`overlap must be a non-negative number of seconds, got ${overlapSeconds}`);
  return `
WITH xip AS (SELECT (x % 4294967296)::text AS xid FROM txid_snapshot_xip(txid_current_snapshot()) AS x),
     w AS (SELECT backend_xid::text AS xid, xact_start FROM pg_stat_activity WHERE backend_xid IS NOT NULL),
     s AS (SELECT statement_timestamp() AS stmt,
                  (SELECT count(*) FROM xip) AS inflight,
                  (SELECT count(*) FROM xip JOIN w USING (xid)) AS seen,
                  (SELECT min(w.xact_start) FROM xip JOIN w USING (xid)) AS oldest)
SELECT (CASE WHEN inflight = 0 THEN stmt - interval '1 second'
             WHEN seen = inflight THEN least(stmt, oldest) - interval '1 second'
             ELSE stmt - make_interval(secs => ${overlapSeconds}) END)::text AS bound,
       ${countTable ? `(SELECT count(*) FROM ${q(countTable)})::text` : 'NULL::text'} AS source_rows
  FROM s`;
}
