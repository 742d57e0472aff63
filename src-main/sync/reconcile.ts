import type pg from 'pg';
import type { Statement } from 'better-sqlite3';
import type { Cache } from '../platform/cache/open';
import { cmpKey } from './compare';
import { copyOut, type RawRow } from './copy-reader';
import type { TablePlan } from './mirror';
import { keyStreamSql } from './queries';
import { q, qList } from './sql';
import { fromPgText, type CacheValue } from './value-map';
import { keyJson } from './writer';

export interface ReconcileHooks {
  /** Keys (PostgreSQL text) the quarantine holds: missing from the mirror on purpose. */
  isQuarantined(sourceKey: string): boolean;
  /** Keys (JSON of cache values) with unpublished local writes: never deleted by a reconcile. */
  isPendingLocal(keyJson: string): boolean;
  /** Deletes these keys from the mirror (one transaction). */
  deleteKeys(keys: CacheValue[][]): void;
}

export interface ReconcileResult {
  deleted: number;
  /** Keys of the source (PostgreSQL text) missing from the mirror: the caller fetches them. */
  missing: string[][];
  /** More missing keys than `maxMissing`: the caller should re-read the table instead. */
  overflow: boolean;
}

const PAGE = 5000;

/** Compares the key sets of the source (inside the window, streamed in the cache's key order) and of
 * the mirror (keyset pages), merge-style, so neither side is held in memory. Keys only in the mirror
 * are deleted (deleted at the source, or left the window); keys only in the source are returned. */
export async function reconcileKeys(
  db: Cache,
  client: pg.Client,
  plan: TablePlan,
  hooks: ReconcileHooks,
  settings: Record<string, string>,
  opts: { maxMissing: number; signal?: AbortSignal },
): Promise<ReconcileResult> {
  const pkSql = qList(plan.pk);
  const first = db.prepare(`SELECT ${pkSql} FROM ${q(plan.table)} ORDER BY ${pkSql} LIMIT ${PAGE}`).raw(true);
  const next = db
    .prepare(
      `SELECT ${pkSql} FROM ${q(plan.table)} WHERE (${pkSql}) > (${plan.pk.map(() => '?').join(', ')}) ORDER BY ${pkSql} LIMIT ${PAGE}`,
    )
    .raw(true);
  const kinds = plan.pkIdx.map((i) => plan.columns[i].kind);

  let page: CacheValue[][] = first.all() as CacheValue[][];
  let pos = 0;
  let done = page.length === 0;
  const result: ReconcileResult = { deleted: 0, missing: [], overflow: false };
  let toDelete: CacheValue[][] = [];

  const flush = (): void => {
    if (toDelete.length === 0) return;
    hooks.deleteKeys(toDelete);
    result.deleted += toDelete.length;
    toDelete = [];
  };
  const advance = (): CacheValue[] | null => {
    if (done) return null;
    if (pos >= page.length) {
      const last = page[page.length - 1];
      flush();
      page = (next as Statement).all(...last) as CacheValue[][];
      pos = 0;
      if (page.length === 0) {
        done = true;
        return null;
      }
    }
    return page[pos];
  };
  const extra = (k: CacheValue[]): void => {
    if (!hooks.isPendingLocal(keyJson(plan.pk, k))) toDelete.push(k);
  };
  const missing = (raw: RawRow): void => {
    const sk = raw.map((v) => v ?? '');
    if (hooks.isQuarantined(JSON.stringify(sk))) return;
    if (result.missing.length >= opts.maxMissing) result.overflow = true;
    else result.missing.push(sk);
  };

  for await (const rows of copyOut(client, keyStreamSql(plan), settings, opts.signal)) {
    for (const raw of rows) {
      const src = raw.map((v, j) => fromPgText(kinds[j], v));
      for (;;) {
        const c = advance();
        if (c === null) {
          missing(raw);
          break;
        }
        const d = cmpKey(src, c);
        if (d === 0) {
          pos++;
          break;
        }
        if (d < 0) {
          missing(raw);
          break;
        }
        extra(c);
        pos++;
      }
    }
  }
  for (let c = advance(); c !== null; c = advance()) {
    extra(c);
    pos++;
  }
  flush();
  return result;
}
