import type pg from 'pg';
import { fromPgText, kindOfPgType, type CacheValue, type ValueKind } from './value-map';

export interface SourceColumnInfo {
  name: string;
  /** information_schema data_type ('bigint', 'timestamp with time zone', 'USER-DEFINED', ...). */
  dataType: string;
  /** Schema-qualified type for casts: "pg_catalog"."int8". */
  castType: string;
  kind: ValueKind;
  nullable: boolean;
  /** The column's default when it is a constant ('active', 0, false, '{}'::jsonb), as a cache value:
   * the mirror gets it too, so a row the app writes without that column reads the same as at the source. */
  defaultValue?: CacheValue;
}

export interface SourceTable {
  table: string;
  columns: SourceColumnInfo[];
  primaryKey: string[];
}

/** Every base table of the source's current schema (or only those named), with its columns (in order)
 * and primary key, from information_schema. */
export async function listSourceTables(client: pg.ClientBase, only?: readonly string[]): Promise<SourceTable[]> {
  const names = only ? [...only] : null;
  const cols = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_schema: string;
    udt_name: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_schema, c.udt_name, c.is_nullable, c.column_default
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND ($1::text[] IS NULL OR c.table_name = ANY ($1::text[]))
      ORDER BY c.table_name, c.ordinal_position`,
    [names],
  );
  const pks = await client.query<{ table_name: string; column_name: string }>(
    `SELECT tc.table_name, k.column_name
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage k
         ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
      WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY' AND ($1::text[] IS NULL OR tc.table_name = ANY ($1::text[]))
      ORDER BY tc.table_name, k.ordinal_position`,
    [names],
  );
  const byTable = new Map<string, SourceTable>();
  for (const r of cols.rows) {
    let t = byTable.get(r.table_name);
    if (!t) byTable.set(r.table_name, (t = { table: r.table_name, columns: [], primaryKey: [] }));
    const kind = kindOfPgType(r.data_type === 'USER-DEFINED' || r.data_type === 'ARRAY' ? 'text' : r.data_type);
    t.columns.push({
      name: r.column_name,
      dataType: r.data_type,
      castType: `"${r.udt_schema.replace(/"/g, '""')}"."${r.udt_name.replace(/"/g, '""')}"`,
      kind,
      nullable: r.is_nullable === 'YES',
      defaultValue: constantDefault(r.column_default, kind),
    });
  }
  for (const r of pks.rows) byTable.get(r.table_name)?.primaryKey.push(r.column_name);
  return [...byTable.values()].sort((a, b) => a.table.localeCompare(b.table));
}

export async function describeSourceTable(client: pg.ClientBase, table: string): Promise<SourceTable | undefined> {
  return (await listSourceTables(client)).find((t) => t.table === table);
}

/** A constant column default in the cache's form, or undefined (functions, sequences, expressions). */
export function constantDefault(expr: string | null, kind: ValueKind): CacheValue | undefined {
  if (expr === null) return undefined;
  const quoted = /^'((?:[^']|'')*)'(?:::[\w\s."[\]]+)?$/.exec(expr);
  let text: string | undefined;
  if (quoted) text = quoted[1].replace(/''/g, "'");
  else if (/^-?\d+(\.\d+)?$/.test(expr) || /^\(-?\d+(\.\d+)?\)::[\w\s]+$/.test(expr)) text = expr.replace(/^\(|\)::.*$/g, '');
  else if (expr === 'true' || expr === 'false') text = expr === 'true' ? 't' : 'f';
  if (text === undefined) return undefined;
  if (kind === 'boolean') return text === 't' || text === 'true' ? 1 : text === 'f' || text === 'false' ? 0 : undefined;
  if (kind === 'integer' || kind === 'real') {
    const v = fromPgText(kind, text);
    return typeof v === 'number' && Number.isNaN(v) ? undefined : v;
  }
  if (kind === 'timestamptz' || kind === 'timestamp' || kind === 'date') return undefined;
  return text;
}

/** The same description as listSourceTables for the named tables, from pg_catalog: what each sync
 * reads first, where information_schema's views would cost more than the sync itself. */
export async function describeTables(client: pg.ClientBase, names: readonly string[]): Promise<SourceTable[]> {
  const r = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_schema: string;
    udt_name: string;
    nullable: boolean;
    column_default: string | null;
    pk_pos: number | null;
  }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, NULL) AS data_type,
            tn.nspname AS udt_schema, t.typname AS udt_name, NOT a.attnotnull AS nullable,
            pg_get_expr(d.adbin, d.adrelid) AS column_default,
            (SELECT array_position(i.indkey::int2[], a.attnum) FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS pk_pos
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_namespace tn ON tn.oid = t.typnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p') AND c.relname = ANY ($1::text[])
      ORDER BY c.relname, a.attnum`,
    [[...names]],
  );
  const byTable = new Map<string, SourceTable & { pkPos: [number, string][] }>();
  for (const row of r.rows) {
    let t = byTable.get(row.table_name);
    if (!t) byTable.set(row.table_name, (t = { table: row.table_name, columns: [], primaryKey: [], pkPos: [] }));
    const kind = kindOfPgType(row.udt_name);
    t.columns.push({
      name: row.column_name,
      dataType: row.data_type,
      castType: `"${row.udt_schema.replace(/"/g, '""')}"."${row.udt_name.replace(/"/g, '""')}"`,
      kind,
      nullable: row.nullable,
      defaultValue: constantDefault(row.column_default, kind),
    });
    if (row.pk_pos !== null) t.pkPos.push([row.pk_pos, row.column_name]);
  }
  return [...byTable.values()].map(({ pkPos, ...t }) => ({ ...t, primaryKey: pkPos.sort((a, b) => a[0] - b[0]).map((p) => p[1]) }));
}
