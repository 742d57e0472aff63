// One read-only connection to the cache per worker, kept open: cheap to query, and its
// `PRAGMA data_version` tells when another connection (the sync) committed, which keys the memos.
import fs from 'node:fs';
import { ContractError } from '../../../src-shared/contract/errors';
import { openCache, type Cache } from './open';

let current: { file: string; ino: number; db: Cache } | null = null;

export function cacheReader(file: string): Cache {
  let ino = -1;
  try {
    ino = fs.statSync(file).ino;
  } catch {
    throw new ContractError('UNAVAILABLE', `cache ${file} does not exist yet (sync the source first)`);
  }
  // A cache rebuilt after corruption is a new file: reopen.
  if (current && (current.file !== file || current.ino !== ino)) {
    current.db.close();
    current = null;
  }
  if (!current) current = { file, ino, db: openCache(file, { readonly: true, migrate: false }) };
  return current.db;
}

/** Changes whenever another connection committed to the cache since the last call's value. */
export function dataVersion(db: Cache): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** What the market tables look like, cheaply: the sync's checkpoint rows of `tables` (written in the
 * same transaction as every batch it commits) and the newest quote time. Other writes to the cache
 * (sync status, settings, the app's own outputs) leave it alone, so they do not force a rebuild.
 * A cache the sync never wrote (no checkpoints) falls back to `PRAGMA data_version`. */
export function tablesSignature(db: Cache, tables: readonly string[]): string {
  const hasState = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'").get() !== undefined;
  const rows = hasState
    ? (db
        .prepare(
          `SELECT table_name || '@' || COALESCE(updated_at, '') AS s FROM sync_state WHERE table_name IN (${tables.map(() => '?').join(', ')}) ORDER BY table_name`,
        )
        .pluck()
        .all(...tables) as string[])
    : [];
  return rows.length ? rows.join(',') : `data_version:${dataVersion(db)}`;
}

/** Memo of one value per key, rebuilt when the signature of what it read moves. */
export class VersionedMemo<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();
  constructor(
    private readonly signature: (db: Cache) => string,
    private readonly max = 16,
  ) {}
  get(db: Cache, key: string, build: () => T): { value: T; fresh: boolean } {
    const version = this.signature(db);
    const e = this.entries.get(key);
    if (e && e.version === version) return { value: e.value, fresh: false };
    const value = build();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return { value, fresh: true };
  }
}
