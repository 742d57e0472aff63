// The cache files of a source switch: the new source is synced into cache.next.sqlite, the analyst's
// unpublished rows are carried into it, and the files are swapped (the current cache becomes
// cache.previous.sqlite). A marker (cache.next.json) records how far a switch went, so a switch
// killed halfway is rolled back, or resumed, at the next start instead of being forgotten.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openCache } from '../platform/cache/open';
import { q, qList } from '../sync';

const SIDE_FILES = ['', '-wal', '-shm'];

export interface SwitchFiles {
  cache: string;
  staging: string;
  previous: string;
  marker: string;
}

export function switchFiles(cacheFile: string): SwitchFiles {
  const dir = path.dirname(cacheFile);
  return {
    cache: cacheFile,
    staging: path.join(dir, 'cache.next.sqlite'),
    previous: path.join(dir, 'cache.previous.sqlite'),
    marker: path.join(dir, 'cache.next.json'),
  };
}

/** syncing: cache.next is being filled; ready: it is whole and holds the carried rows; swapped: the
 * files were swapped, the source not yet saved. */
export interface SwitchMarker {
  phase: 'syncing' | 'ready' | 'swapped';
  /** The target as shown (password hidden), or 'embedded'. */
  target: string;
  /** The source the app was on, as shown. */
  from: string;
  startedAt: string;
  /** The process doing the switch: while it lives, another process of the app (a CLI command beside
   * the desk) leaves the files alone. */
  pid?: number;
}

export function writeMarker(files: SwitchFiles, m: SwitchMarker): void {
  const tmp = `${files.marker}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(m), { mode: 0o600 });
  fs.renameSync(tmp, files.marker);
}

export function readMarker(files: SwitchFiles): SwitchMarker | null {
  try {
    return JSON.parse(fs.readFileSync(files.marker, 'utf8')) as SwitchMarker;
  } catch {
    return null;
  }
}

export function removeDb(file: string): void {
  for (const ext of SIDE_FILES) fs.rmSync(file + ext, { force: true });
}

export function moveDb(from: string, to: string): void {
  for (const ext of SIDE_FILES) if (fs.existsSync(from + ext)) fs.renameSync(from + ext, to + ext);
}

interface OutboxRow {
  table_name: string;
  key: string;
  written_at: string;
  attempts: number;
  last_error: string | null;
}

const PENDING = 'SELECT table_name, key, written_at, attempts, last_error FROM outbox WHERE generation > published_generation';

function columns(db: Database.Database, schema: string, table: string): string[] {
  return (db.prepare(`PRAGMA ${schema}.table_info(${q(table)})`).all() as { name: string }[]).map((c) => c.name);
}

/** Why the unpublished rows of `from` cannot all be carried into `to` (a table or columns the new
 * cache lacks), or null. */
export function carryProblem(from: string, to: string): string | null {
  return withAttached(to, from, (db) => {
    const problems: string[] = [];
    const tables = (
      db.prepare(`SELECT DISTINCT table_name AS t FROM prev.outbox WHERE generation > published_generation`).all() as { t: string }[]
    ).map((r) => r.t);
    for (const t of tables) {
      const have = new Set(columns(db, 'main', t));
      if (have.size === 0) {
        problems.push(`the new source has no table ${t}`);
        continue;
      }
      const missing = columns(db, 'prev', t).filter((c) => !have.has(c));
      if (missing.length) problems.push(`${t} lacks the column(s) ${missing.join(', ')} in the new source`);
    }
    return problems.length ? problems.join('; ') : null;
  });
}

/** Copies the unpublished own rows of `from` (row and outbox entry) into `to`, pending there; one
 * transaction. Answers how many, per table. Throws when a row could not be carried. */
export function carryUnpublished(from: string, to: string): { rows: number; tables: Record<string, number> } {
  const problem = carryProblem(from, to);
  if (problem) throw new Error(`the unpublished rows cannot move to the new cache: ${problem}`);
  return withAttached(to, from, (db) => {
    const pending = db.prepare(PENDING.replace('FROM outbox', 'FROM prev.outbox')).all() as OutboxRow[];
    const tables: Record<string, number> = {};
    const put = db.prepare(
      `INSERT OR REPLACE INTO main.outbox (table_name, key, generation, published_generation, written_at, attempts, last_error)
       VALUES (?, ?, 1, 0, ?, ?, ?)`,
    );
    db.transaction(() => {
      const copyOf = new Map<string, (key: unknown[]) => number>();
      for (const o of pending) {
        let copy = copyOf.get(o.table_name);
        if (!copy) {
          const t = o.table_name;
          const keyCols = Object.keys(JSON.parse(o.key) as object);
          const cols = columns(db, 'prev', t);
          const stmt = db.prepare(
            `INSERT OR REPLACE INTO main.${q(t)} (${qList(cols)}) SELECT ${qList(cols)} FROM prev.${q(t)} WHERE ${keyCols.map((c) => `${q(c)} = ?`).join(' AND ')}`,
          );
          copy = (key) => stmt.run(...key).changes;
          copyOf.set(t, copy);
        }
        if (copy(Object.values(JSON.parse(o.key) as Record<string, unknown>)) !== 1)
          throw new Error(`the unpublished row ${o.table_name} ${o.key} is in the outbox but not in its table`);
        put.run(o.table_name, o.key, o.written_at, o.attempts, o.last_error);
        tables[o.table_name] = (tables[o.table_name] ?? 0) + 1;
      }
    })();
    return { rows: pending.length, tables };
  });
}

/** Unpublished rows of `file` that `current` does not hold (in its outbox, pending or published):
 * what would be lost if `file` were deleted. A file that cannot be read counts as holding some. */
export function unsavedRows(file: string, current: string): number {
  if (!fs.existsSync(file)) return 0;
  try {
    return withAttached(current, file, (db) => {
      const r = db
        .prepare(
          `SELECT count(*) AS n FROM prev.outbox p WHERE p.generation > p.published_generation
             AND NOT EXISTS (SELECT 1 FROM main.outbox m WHERE m.table_name = p.table_name AND m.key = p.key)`,
        )
        .get() as { n: number };
      return r.n;
    });
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Makes room for a new cache.previous.sqlite: deleted when everything unpublished in it is also in
 * the current cache, else kept under a dated name (answered). */
export function retirePrevious(files: SwitchFiles, now = new Date()): string | null {
  if (!fs.existsSync(files.previous)) return null;
  const unsaved = unsavedRows(files.previous, files.cache);
  if (unsaved === 0) {
    removeDb(files.previous);
    return null;
  }
  const kept = files.previous.replace(/\.sqlite$/, `.${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  moveDb(files.previous, kept);
  return kept;
}

function withAttached<T>(mainFile: string, prevFile: string, fn: (db: Database.Database) => T): T {
  const db = openCache(mainFile, { migrate: false });
  try {
    db.prepare('ATTACH DATABASE ? AS prev').run(prevFile);
    try {
      return fn(db);
    } finally {
      db.prepare('DETACH DATABASE prev').run();
    }
  } finally {
    db.close();
  }
}

export interface Recovery {
  action: 'rolled back' | 'resumed';
  message: string;
}

/** At start: a switch the app did not finish (killed, crashed) is rolled back — the app stays on the
 * source and cache it had, nothing of the new cache is kept but copies — or, when the files were
 * already swapped and the app starts on the switch's target, resumed (the swap is kept). */
export function recoverSwitch(files: SwitchFiles, startingOn: string): Recovery | null {
  const marker = readMarker(files);
  const staging = fs.existsSync(files.staging);
  if (!marker && !staging) return null;
  if (marker?.pid && marker.pid !== process.pid && processAlive(marker.pid)) return null; // under way in another process
  const target = marker?.target ?? 'another source';
  if (marker?.phase === 'swapped' && marker.target === startingOn) {
    fs.rmSync(files.marker, { force: true });
    return {
      action: 'resumed',
      message: `the switch to ${target} was interrupted after its files were swapped: resumed, the app is on it`,
    };
  }
  if (marker?.phase === 'swapped') {
    // the new cache is in place but the app starts on the old source: the old cache goes back, with
    // what the app wrote on the new one meanwhile (kept aside under a dated name if it cannot be)
    try {
      carryUnpublished(files.cache, files.previous);
    } catch {
      moveDb(files.cache, files.cache.replace(/\.sqlite$/, `.next-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`));
    }
    removeDb(files.staging);
    moveDb(files.cache, files.staging);
    moveDb(files.previous, files.cache);
    removeDb(files.staging);
  } else if (!fs.existsSync(files.cache) && fs.existsSync(files.previous)) {
    // killed between the two moves: the current cache had become the previous one
    moveDb(files.previous, files.cache);
  }
  removeDb(files.staging);
  fs.rmSync(files.marker, { force: true });
  const when = marker?.phase === 'syncing' || !marker ? 'while the new source synced' : 'while its files were swapped';
  return {
    action: 'rolled back',
    message: `the switch to ${target} was interrupted ${when}: rolled back, the app stays on ${startingOn === 'embedded' ? 'the embedded PostgreSQL' : startingOn} and its cache`,
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
