import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrationsDir } from '../paths';
import { pendingMigrations, readMigrations, type AppliedMigration } from '../migrations';

export type Cache = Database.Database;

export interface OpenCacheOptions {
  readonly?: boolean;
  /** Apply migrations/cache (the writer does; readers only check). */
  migrate?: boolean;
  /** Full-file quick_check: once at app start (it reads the whole file, too slow for every open). */
  verify?: boolean;
  /** Page cache in KiB, larger for bulk writers. */
  cacheSizeKiB?: number;
}

/** Opens the SQLite cache: WAL, foreign keys, busy timeout, migrations applied.
 * With `verify`, a file that is not a sound SQLite database is moved aside (`.corrupt-<time>`) and
 * rebuilt empty, so the next sync refills it from the source. */
export function openCache(file: string, opts: OpenCacheOptions = {}): Cache {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Cache | undefined;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false });
    configure(db, opts.readonly ?? false);
    if (opts.verify && !opts.readonly) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    }
  } catch (err) {
    if (db?.open) db.close(); // release the handle before the file is moved or the error leaves
    if (opts.readonly || file === ':memory:' || !isCorruption(err)) throw err;
    const aside = `${file}.corrupt-${Date.now()}`;
    fs.renameSync(file, aside);
    for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
    db = configure(new Database(file), false);
  }
  if (opts.cacheSizeKiB) db.pragma(`cache_size = -${Math.round(opts.cacheSizeKiB)}`);
  if (opts.migrate ?? !opts.readonly) migrateCache(db);
  return db;
}

function configure(db: Cache, readonly: boolean): Cache {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

function isCorruption(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === 'SQLITE_NOTADB' || e.code === 'SQLITE_CORRUPT' || /quick_check|not a database|malformed/i.test(e.message ?? '');
}

export function migrateCache(db: Cache, dir = migrationsDir('cache')): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS monps_schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`);
  const applied = db.prepare('SELECT version, name, checksum FROM monps_schema_migrations ORDER BY version').all() as AppliedMigration[];
  const todo = pendingMigrations(readMigrations(dir), applied, 'cache database');
  const record = db.prepare('INSERT INTO monps_schema_migrations (version, name, checksum) VALUES (?, ?, ?)');
  for (const m of todo) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, m.checksum);
    })();
  }
  return todo.map((m) => m.name);
}

/** The cache as a writer job holds it: opened for the job, closed after, whatever happens. */
export function withWriter<R>(cacheFile: string, fn: (db: Cache) => R): R {
  const db = openCache(cacheFile);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
