import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Cache } from '../platform/cache/open';
import type { TablePlan } from './mirror';
import { windowSql } from './queries';
import { q, qList } from './sql';
import type { ValueKind } from './value-map';

// An order-independent checksum of a table, computed the same way on both sides: every row becomes a
// canonical text (per column: 'N' for NULL, else '<byte length>:<text>'; joined by '|'), whose md5's
// first 64 bits are summed modulo 2^64. Canonical texts follow the value map: integers in decimal,
// doubles as their IEEE-754 bits (hex, big-endian), booleans 0/1, timestamps as the cache writes them.
// PostgreSQL computes it in SQL (independently of the sync's own conversion code); the cache side in JS.

export interface TableChecksum {
  rows: number;
  /** Sum of row hashes mod 2^64, 16 hex digits. */
  sum: string;
}

export interface ChecksumColumn {
  name: string;
  kind: ValueKind;
}

const MOD = 1n << 64n;
const hex = (n: bigint): string => (((n % MOD) + MOD) % MOD).toString(16).padStart(16, '0');

function pgCanonical(c: ChecksumColumn): string {
  const col = q(c.name);
  let text: string;
  switch (c.kind) {
    case 'integer':
      text = `${col}::text`;
      break;
    case 'real':
      text = `encode(float8send(${col}::float8), 'hex')`;
      break;
    case 'boolean':
      text = `(CASE WHEN ${col} THEN '1' ELSE '0' END)`;
      break;
    case 'timestamptz':
      text = `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      break;
    case 'timestamp':
      text = `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS')`;
      break;
    case 'date':
      text = `to_char(${col}, 'YYYY-MM-DD')`;
      break;
    default:
      text = `${col}::text`;
  }
  return `coalesce(octet_length(${text})::text || ':' || ${text}, 'N')`;
}

/** Checksum of a source table's rows, optionally restricted (`where`, an SQL condition of the caller's,
 * e.g. the sync window) and without the rows whose key is in `excludeKeys` (PostgreSQL texts, e.g. the
 * quarantine's source keys). */
export async function sourceChecksum(
  client: pg.ClientBase,
  table: string,
  columns: readonly ChecksumColumn[],
  opts: { where?: string; primaryKey?: readonly string[]; keyCasts?: readonly string[]; excludeKeys?: readonly (readonly string[])[] } = {},
): Promise<TableChecksum> {
  const canon = columns.map(pgCanonical).join(` || '|' || `);
  const where: string[] = [];
  const params: string[] = [];
  if (opts.where) where.push(`(${opts.where})`);
  if (opts.excludeKeys?.length && opts.primaryKey && opts.keyCasts) {
    params.push(JSON.stringify(opts.excludeKeys));
    const picked = opts.primaryKey.map((_, i) => `(k->>${i})::${opts.keyCasts?.[i]}`).join(', ');
    where.push(`(${qList(opts.primaryKey)}) NOT IN (SELECT ${picked} FROM json_array_elements($1::json) AS k)`);
  }
  const r = await client.query<{ n: string; s: string }>(
    `SELECT count(*)::text AS n, coalesce(sum(('x' || substr(md5(${canon}), 1, 16))::bit(64)::bigint::numeric), 0)::text AS s
       FROM ${q(table)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return { rows: Number(r.rows[0].n), sum: hex(BigInt(r.rows[0].s)) };
}

/** Checksum of a cache table (the mirror), same canonical text as sourceChecksum. */
export function cacheChecksum(db: Cache, table: string, columns: readonly ChecksumColumn[]): TableChecksum {
  const stmt = db
    .prepare(`SELECT ${qList(columns.map((c) => c.name))} FROM ${q(table)}`)
    .raw(true)
    .safeIntegers(true);
  const buf = Buffer.alloc(8);
  let sum = 0n;
  let rows = 0;
  for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
    let s = '';
    for (let i = 0; i < columns.length; i++) {
      if (i) s += '|';
      const v = row[i];
      if (v === null || v === undefined) {
        s += 'N';
        continue;
      }
      let text: string;
      if (columns[i].kind === 'real') {
        buf.writeDoubleBE(Number(v));
        text = buf.toString('hex');
      } else text = typeof v === 'bigint' ? v.toString() : String(v);
      s += `${Buffer.byteLength(text)}:${text}`;
    }
    const h = createHash('md5').update(s).digest();
    sum += h.readBigInt64BE(0);
    rows++;
  }
  return { rows, sum: hex(sum) };
}

export interface TableComparison {
  table: string;
  source: TableChecksum;
  cache: TableChecksum;
  equal: boolean;
}

/** Source vs cache for one synced table, as the sync defines equality: the source restricted to the
 * table's window (at `nowMs`) and without its quarantined rows, against the mirror. For tests and the
 * inventory. The client must not be inside a transaction that cannot take set_config. */
export async function compareTable(db: Cache, client: pg.ClientBase, plan: TablePlan, nowMs: number): Promise<TableComparison> {
  const cols = plan.columns.map((c) => ({ name: c.name, kind: c.kind }));
  const w = plan.entry.window;
  if (w.kind === 'recent-or-open') {
    await client.query("SELECT set_config('monps.cut', $1, false)", [new Date(nowMs - w.days * 86_400_000).toISOString()]);
  }
  const quarantined = (
    db.prepare('SELECT source_key FROM quarantine WHERE table_name = ?').all(plan.table) as { source_key: string }[]
  ).map((r) => JSON.parse(r.source_key) as string[]);
  const source = await sourceChecksum(client, plan.table, cols, {
    where: windowSql(plan) || undefined,
    primaryKey: plan.pk,
    keyCasts: plan.pkIdx.map((i) => plan.columns[i].castType),
    excludeKeys: quarantined,
  });
  const cache = cacheChecksum(db, plan.table, cols);
  return { table: plan.table, source, cache, equal: source.rows === cache.rows && source.sum === cache.sum };
}
