import type pg from 'pg';
import { ContractError } from '../../src-shared/contract/errors';
import type { Cache } from '../platform/cache/open';
import { loadManifest } from './manifest';
import { classifySourceError, SourceError } from './source';
import { q, qList } from './sql';
import { loadState } from './state';
import { fromJsValue, type CacheValue, type ValueKind } from './value-map';
import { keyJson } from './writer';
import { findNul, NUL_MESSAGE } from '../../src-shared/contract/storable';

export type OutputRow = Record<string, unknown>;

/** Writes rows of one of the app's own output tables (agent_analyses, market_traps, ...) to the cache
 * and records each in the outbox, in one transaction: the row is visible at once and published to
 * the source when the connection may write. Values are cache values or plain JS values (Date,
 * boolean, objects for JSON columns); columns left out keep their value (updated_at moves to now).
 * Returns the number of rows written. */
export function writeOwnOutput(db: Cache, table: string, rows: readonly OutputRow[], now = new Date()): number {
  const entry = loadManifest(db).find((e) => e.table === table);
  // Typed: the analyst's manifest (sync.manifest.set) or an unsynced cache, not a bug of the caller.
  if (!entry)
    throw new ContractError('CONFLICT', `${table} is not in the sync manifest, and the app writes it: add it back to the manifest`);
  if (!entry.ownOutput)
    throw new ContractError(
      'CONFLICT',
      `${table} is read from the source, the app does not write it (ownOutput is false in the sync manifest)`,
    );
  const state = loadState(db, table);
  if (!state.mirrorColumns) throw new ContractError('UNAVAILABLE', `the cache has no ${table} yet: sync the source first`);
  const kinds = new Map<string, ValueKind>(state.mirrorColumns.map((c) => [c.name, c.kind]));
  const pk = entry.primaryKey;
  const nowIso = now.toISOString();
  const stamped = ['updated_at', 'created_at'].filter((c) => kinds.has(c));
  const bump = db.prepare(
    `INSERT INTO outbox (table_name, key, generation, written_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (table_name, key) DO UPDATE SET generation = outbox.generation + 1, written_at = excluded.written_at`,
  );
  // One plan per set of columns given (statement, kinds, where the key is): rows of the same shape
  // (the usual case: thousands of settlements) pay for it once.
  const plans = new Map<string, WritePlan>();
  const where = (i: number): string => `writeOwnOutput(${table}) row ${i}`;
  const planFor = (row: OutputRow, i: number): WritePlan => {
    const given = Object.keys(row);
    const sig = given.join(',');
    let plan = plans.get(sig);
    if (plan) return plan;
    for (const c of given) if (!kinds.has(c)) throw new Error(`${where(i)}: unknown column '${c}'`);
    const filled = stamped.filter((c) => !given.includes(c));
    const cols = [...given, ...filled];
    const updates = [...given, ...filled.filter((c) => c === 'updated_at')].filter((c) => !pk.includes(c));
    plan = {
      stmt: db.prepare(
        `INSERT INTO ${q(table)} (${qList(cols)}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT (${qList(pk)}) ` +
          (updates.length ? `DO UPDATE SET ${updates.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}` : 'DO NOTHING'),
      ),
      given,
      kinds: given.map((c) => kinds.get(c) as ValueKind),
      filled: filled.length,
      keyAt: pk.map((c) => given.indexOf(c)),
    };
    plans.set(sig, plan);
    return plan;
  };
  db.transaction(() => {
    rows.forEach((row, i) => {
      const plan = planFor(row, i);
      for (const c of pk) if (row[c] === null || row[c] === undefined) throw new Error(`${where(i)}: primary key column '${c}' is missing`);
      const values: CacheValue[] = new Array<CacheValue>(plan.given.length + plan.filled);
      for (let k = 0; k < plan.given.length; k++) {
        const c = plan.given[k];
        values[k] = toCache(plan.kinds[k], row[c], i, c, where);
      }
      for (let k = plan.given.length; k < values.length; k++) values[k] = nowIso;
      plan.stmt.run(values);
      bump.run(
        table,
        keyJson(
          pk,
          plan.keyAt.map((k) => values[k]),
        ),
        nowIso,
      );
    });
  })();
  return rows.length;
}

interface WritePlan {
  stmt: ReturnType<Cache['prepare']>;
  given: string[];
  kinds: ValueKind[];
  /** Stamp columns (updated_at, created_at) filled with now after the given ones. */
  filled: number;
  keyAt: number[];
}

/** fromJsValue with the common cases first (a finite number, a string for text): the message of a
 * bad value is only built when there is one. */
function toCache(kind: ValueKind, v: unknown, i: number, column: string, where: (i: number) => string): CacheValue {
  if (v === null || v === undefined) return null;
  if (kind === 'real' && typeof v === 'number' && Number.isFinite(v)) return v;
  if (kind === 'integer' && typeof v === 'number' && Number.isInteger(v)) return v;
  const value = kind === 'text' && typeof v === 'string' ? v : fromJsValue(kind, v, `${where(i)} column ${column}`);
  if (typeof value === 'string' && !storable(kind, value)) throw new Error(`${where(i)} column ${column}: ${NUL_MESSAGE}`);
  return value;
}

/** Nothing PostgreSQL cannot store enters the outbox (a row that could never be published). */
function storable(kind: ValueKind, value: string): boolean {
  if (value.includes('\u0000')) return false;
  if (kind !== 'json' || !value.includes('\\u0000')) return true;
  try {
    return findNul(JSON.parse(value)) === null;
  } catch {
    return true;
  }
}

/** Keys (JSON) of a table with local writes not yet published. */
export function pendingOutboxKeys(db: Cache, table: string): Set<string> {
  return new Set(
    (db.prepare('SELECT key FROM outbox WHERE table_name = ? AND generation > published_generation').all(table) as { key: string }[]).map(
      (r) => r.key,
    ),
  );
}

export function outboxPendingCount(db: Cache): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox WHERE generation > published_generation').get() as { n: number }).n;
}

export interface PublishResult {
  published: number;
  pending: number;
  /** Rows the source refused one by one (bad data, a constraint): kept pending with their error in
   * `outbox.last_error`, retried at each publish, never blocking the rest of their batch. */
  quarantined: number;
  /** Why some rows were not published (no write privilege, errors), else null. */
  note: string | null;
}

const CHUNK = 500;

/** SQLSTATE classes of errors one row causes (22 data exception, e.g. 22P05 a NUL in text; 23 a
 * constraint): the batch is split to find the row. Any other error (a read-only transaction, no
 * privilege, the connection lost) concerns the whole batch: it stays pending as it is. */
function isRowError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

interface Item {
  table_name: string;
  key: string;
  generation: number;
}

/** Publishes pending outbox rows to the source with idempotent upserts (INSERT … ON CONFLICT DO
 * UPDATE). A row is marked published only if it was not written again after the publish began
 * (generation guard); tables the connection may not write stay pending. A batch the source refuses
 * because of one of its rows is halved until that row is alone: it is quarantined (kept pending with
 * its error, reported) and the rest of the batch is published. Nothing is ever dropped. */
export async function publishOutbox(db: Cache, client: pg.Client): Promise<PublishResult> {
  const pending = db
    .prepare('SELECT table_name, key, generation FROM outbox WHERE generation > published_generation ORDER BY table_name, key')
    .all() as Item[];
  const notes: string[] = [];
  let published = 0;
  let quarantined = 0;
  const byTable = new Map<string, Item[]>();
  for (const p of pending) byTable.set(p.table_name, [...(byTable.get(p.table_name) ?? []), p]);
  const mark = db.prepare(
    `UPDATE outbox SET published_generation = ?, published_at = ?, last_error = NULL
      WHERE table_name = ? AND key = ? AND generation = ?`,
  );
  const fail = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE table_name = ? AND key = ?');
  for (const [table, items] of byTable) {
    const priv = await client.query<{ ok: boolean }>(
      "SELECT has_table_privilege(current_user, $1, 'INSERT') AND has_table_privilege(current_user, $1, 'UPDATE') AS ok",
      [q(table)],
    );
    if (!priv.rows[0]?.ok) {
      notes.push(`${table}: the source connection may not write it (${items.length} rows kept in the outbox)`);
      continue;
    }
    const entry = loadManifest(db).find((e) => e.table === table);
    const state = loadState(db, table);
    if (!entry || !state.mirrorColumns) continue;
    const pk = entry.primaryKey;
    const cols = state.mirrorColumns.filter((c) => c.name !== entry.watermark);
    const kinds = new Map(cols.map((c) => [c.name, c.kind]));
    const read = db.prepare(
      `SELECT ${qList(cols.map((c) => c.name))} FROM ${q(table)} WHERE ${pk.map((c) => `${q(c)} = ?`).join(' AND ')}`,
    );
    const updates = cols.map((c) => c.name).filter((c) => !pk.includes(c));
    const sql =
      `INSERT INTO ${q(table)} (${qList(cols.map((c) => c.name))}) SELECT ${qList(cols.map((c) => c.name))} FROM json_populate_recordset(NULL::${q(table)}, $1::json) ` +
      `ON CONFLICT (${qList(pk)}) ` +
      (updates.length ? `DO UPDATE SET ${updates.map((c) => `${q(c)} = EXCLUDED.${q(c)}`).join(', ')}` : 'DO NOTHING');
    const recordOf = (it: Item): Record<string, unknown> | null => {
      const key = Object.values(JSON.parse(it.key) as Record<string, CacheValue>);
      const row = read.get(...key) as Record<string, CacheValue> | undefined;
      return row ? toJsonRecord(row, kinds) : null;
    };
    const markAll = (chunk: Item[]) => {
      const at = new Date().toISOString();
      db.transaction(() => {
        for (const it of chunk) published += mark.run(it.generation, at, table, it.key, it.generation).changes;
      })();
    };
    const failAll = (chunk: Item[], msg: string) =>
      db.transaction(() => {
        for (const it of chunk) fail.run(msg, table, it.key);
      })();
    // one batch; halved on a row's error until the row is alone
    const publish = async (chunk: Item[]): Promise<void> => {
      const records = chunk.map(recordOf).filter((r): r is Record<string, unknown> => r !== null);
      try {
        if (records.length) await client.query(sql, [JSON.stringify(records)]);
        markAll(chunk);
      } catch (err) {
        const msg = (err as Error).message;
        const classified = classifySourceError(err, '');
        if (classified instanceof SourceError && classified.offline) {
          failAll(chunk, msg);
          throw err; // connection lost: stop here
        }
        if (!isRowError(err)) {
          failAll(chunk, msg);
          notes.push(`${table}: ${msg} (${chunk.length} rows kept in the outbox)`);
          return;
        }
        if (chunk.length === 1) {
          failAll(chunk, msg);
          quarantined++;
          notes.push(`${table} ${chunk[0].key}: ${msg} (quarantined in the outbox, retried at the next publish)`);
          return;
        }
        const half = Math.ceil(chunk.length / 2);
        await publish(chunk.slice(0, half));
        await publish(chunk.slice(half));
      }
    };
    for (let i = 0; i < items.length; i += CHUNK) await publish(items.slice(i, i + CHUNK));
  }
  return { published, pending: outboxPendingCount(db), quarantined, note: notes.length ? notes.join('; ') : null };
}

function toJsonRecord(row: Record<string, CacheValue>, kinds: Map<string, ValueKind>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [c, v] of Object.entries(row)) {
    const kind = kinds.get(c);
    if (v === null) out[c] = null;
    else if (typeof v === 'bigint') out[c] = v.toString();
    else if (kind === 'boolean') out[c] = v === 1 || v === '1';
    else if (kind === 'json' && typeof v === 'string') {
      try {
        out[c] = JSON.parse(v);
      } catch {
        out[c] = v;
      }
    } else out[c] = v;
  }
  return out;
}
