// This desk's identity (issue 18: a team on one database). Made once per data folder: a random id and a
// name (user@host by default), kept in desk.json beside settings.json and copied into the cache's `desk`
// table, where the writers of personal rows (picks, bets, combos, feedback) read it. The file is the
// truth: a cache rebuilt from the source gets the same id back, so the desk's rows stay its own.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deskName, MAX_DESK_NAME } from '../../src-shared/contract/app';
import { ContractError } from '../../src-shared/contract/errors';
import type { Cache } from './cache/open';

export interface Desk {
  deskId: string;
  name: string;
  createdAt: string;
}

export const deskFileIn = (dataDir: string): string => path.join(dataDir, 'desk.json');

/** The default name: who runs the desk, and where. */
export function defaultDeskName(): string {
  let user = 'analyst';
  try {
    user = os.userInfo().username || user;
  } catch {
    // no passwd entry (a container): the generic name, said in the id's name
  }
  return `${user}@${os.hostname()}`.slice(0, MAX_DESK_NAME);
}

/** 12 hex digits: 48 random bits, unique enough for the desks of one team, short enough to read in a key. */
export function newDesk(name = defaultDeskName(), now = new Date()): Desk {
  return { deskId: randomBytes(6).toString('hex'), name, createdAt: now.toISOString() };
}

const ID = /^[0-9a-z-]{4,40}$/;

function parseDesk(raw: unknown, where: string): Desk {
  const d = raw as Partial<Desk> | null;
  if (!d || typeof d.deskId !== 'string' || !ID.test(d.deskId) || typeof d.name !== 'string' || typeof d.createdAt !== 'string')
    throw new ContractError('CONFLICT', `${where} is not a desk identity ({deskId: 4-40 of [0-9a-z-], name, createdAt}): fix or remove it`);
  return { deskId: d.deskId, name: d.name, createdAt: d.createdAt };
}

function readDeskFile(file: string): Desk | null {
  if (!fs.existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContractError('CONFLICT', `${file} is not JSON (${(err as Error).message}): fix or remove it`);
  }
  return parseDesk(raw, file);
}

export function cacheDesk(db: Cache): Desk | null {
  const r = db.prepare('SELECT desk_id, name, created_at FROM desk WHERE one = 1').get() as
    { desk_id: string; name: string; created_at: string } | undefined;
  return r ? { deskId: r.desk_id, name: r.name, createdAt: r.created_at } : null;
}

function saveCacheDesk(db: Cache, d: Desk): void {
  db.prepare(
    `INSERT INTO desk (one, desk_id, name, created_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (one) DO UPDATE SET desk_id = excluded.desk_id, name = excluded.name, created_at = excluded.created_at`,
  ).run(d.deskId, d.name, d.createdAt);
}

/** At start-up: the data folder's identity (its file, else the cache's, else a new one), written to both. */
export function ensureDesk(dataDir: string, db: Cache): Desk {
  const file = deskFileIn(dataDir);
  const desk = readDeskFile(file) ?? cacheDesk(db) ?? newDesk();
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, `${JSON.stringify(desk, null, 2)}\n`);
    fs.renameSync(tmp, file);
  }
  const inCache = cacheDesk(db);
  if (!inCache || inCache.deskId !== desk.deskId || inCache.name !== desk.name) saveCacheDesk(db, desk);
  return desk;
}

/** Renames the desk (Settings): the id never changes. The name as the contract checks it (trimmed,
 * 1-60 characters, no NUL); a refused one changes nothing. */
export function renameDesk(dataDir: string, db: Cache, name: string): Desk {
  const checked = deskName.safeParse(name);
  if (!checked.success) throw new ContractError('VALIDATION', checked.error.issues[0].message);
  const desk = { ...ensureDesk(dataDir, db), name: checked.data };
  const file = deskFileIn(dataDir);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(desk, null, 2)}\n`);
  fs.renameSync(tmp, file);
  saveCacheDesk(db, desk);
  return desk;
}

/** The desk a cache writes as. A cache opened without its data folder (a test, `--cache`) that has no
 * identity yet gets one, made here once and kept in the cache. */
export function deskOf(db: Cache): Desk {
  const d = cacheDesk(db);
  if (d) return d;
  const made = newDesk();
  saveCacheDesk(db, made);
  return made;
}

/** The desk a cache reads as, without making one (a read-only cache): null when it has none yet. */
export function currentDeskId(db: Cache): string | null {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'desk'").get();
  return hasTable ? (cacheDesk(db)?.deskId ?? null) : null;
}

const hasDeskColumn = (db: Cache, table: string): boolean =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).some((c) => c.name === 'desk_id');

/** SQL condition on `table` (as `alias`): the rows this desk looks after (captures, settles, learns
 * from, counts in its exposure): its own, and those written before desks had identities (desk_id NULL,
 * which any desk may have written: counted rather than forgotten, so a desk never stakes past its limits
 * on the day it is upgraded). A mirror without the column holds only such rows. The id is checked
 * against ID, so it is safe inline. */
export function ownRowsSql(db: Cache, table: string, alias = table): string {
  if (!hasDeskColumn(db, table)) return '1 = 1';
  // a cache without an identity yet has written no row of its own (and a read makes none)
  const id = currentDeskId(db);
  if (id === null) return `${alias}.desk_id IS NULL`;
  if (!ID.test(id)) throw new Error(`desk id ${id} is malformed`);
  return `(${alias}.desk_id = '${id}' OR ${alias}.desk_id IS NULL)`;
}

/** The cache's mirror of `table` must carry desk_id before a personal row is written to it. */
export function requireDeskColumn(db: Cache, table: string): void {
  if (!hasDeskColumn(db, table))
    throw new ContractError(
      'UNAVAILABLE',
      `the cache's ${table} has no desk_id column: migrate the source (migrations/source/015_desk.sql) and sync, so this desk's rows do not overwrite another desk's`,
    );
}

/** Desk names by id: the team's as published to the source (the `desks` mirror, when the source has
 * it), this desk's own from its identity (newest, even before it is published). */
export function deskNames(db: Cache): Map<string, string> {
  const names = new Map<string, string>();
  const has = (t: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
  if (has('desks'))
    for (const r of db.prepare('SELECT desk_id, name FROM desks').all() as { desk_id: string; name: string }[])
      names.set(r.desk_id, r.name);
  const own = has('desk') ? cacheDesk(db) : null;
  if (own) names.set(own.deskId, own.name);
  return names;
}
