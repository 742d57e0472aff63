import type { Statement } from 'better-sqlite3';
import type { Cache } from '../platform/cache/open';
import type { RawRow } from './copy-reader';
import type { TablePlan } from './mirror';
import { q, qList } from './sql';
import { converterFor, fromPgText, type CacheValue, type ValueKind } from './value-map';

/** Prepared statements of one mirror: idempotent upsert (INSERT … ON CONFLICT DO UPDATE) and delete
 * by key. Rows come as PostgreSQL text and are converted with the value map. */
export class MirrorWriter {
  private readonly upsert: Statement;
  private readonly del: Statement;
  private readonly kinds: ValueKind[];
  private readonly pkKinds: ValueKind[];
  private readonly values: CacheValue[];
  private readonly conv: ((t: string | null) => CacheValue)[];

  constructor(
    db: Cache,
    private readonly plan: TablePlan,
  ) {
    const cols = plan.columns.map((c) => c.name);
    const rest = cols.filter((c) => !plan.pk.includes(c));
    const onConflict = rest.length ? `DO UPDATE SET ${rest.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}` : 'DO NOTHING';
    this.upsert = db.prepare(
      `INSERT INTO ${q(plan.table)} (${qList(cols)}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT (${qList(plan.pk)}) ${onConflict}`,
    );
    this.del = db.prepare(`DELETE FROM ${q(plan.table)} WHERE ${plan.pk.map((c) => `${q(c)} = ?`).join(' AND ')}`);
    this.kinds = plan.columns.map((c) => c.kind);
    this.pkKinds = plan.pkIdx.map((i) => this.kinds[i]);
    this.values = new Array(cols.length);
    this.conv = this.kinds.map(converterFor);
  }

  /** Upserts one source row. */
  write(row: RawRow): void {
    const v = this.values;
    const conv = this.conv;
    for (let i = 0; i < conv.length; i++) v[i] = conv[i](row[i]);
    this.upsert.run(v);
  }

  /** Deletes by key given as PostgreSQL text (the row's raw key columns). */
  deleteRaw(row: RawRow): number {
    return this.del.run(this.plan.pkIdx.map((i, j) => fromPgText(this.pkKinds[j], row[i]))).changes;
  }

  /** Deletes by key given as cache values. */
  deleteKey(key: CacheValue[]): number {
    return this.del.run(key).changes;
  }

  /** The key of a raw row as PostgreSQL text (JSON): the quarantine's and the checkpoint's form. */
  sourceKey(row: RawRow): string[] {
    return this.plan.pkIdx.map((i) => row[i] ?? '');
  }

  /** The key of a raw row as cache values, by column name (JSON): quarantine display, outbox key. */
  keyObject(row: RawRow): string {
    return keyJson(this.plan.pk, this.keyValues(row));
  }

  keyValues(row: RawRow): CacheValue[] {
    return this.plan.pkIdx.map((i, j) => fromPgText(this.pkKinds[j], row[i]));
  }
}

/** A key as a JSON object {column: cache value} in key order; big integers as strings. */
export function keyJson(names: readonly string[], values: readonly CacheValue[]): string {
  const o: Record<string, unknown> = {};
  names.forEach((n, i) => {
    const v = values[i];
    o[n] = typeof v === 'bigint' ? v.toString() : v;
  });
  return JSON.stringify(o);
}
