import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { currentDeskId, deskFileIn, deskOf, ensureDesk, ownRowsSql, renameDesk, requireDeskColumn } from '../../../src-main/platform/desk';
import { conseilPickId } from '../../../src-main/features/conseil';
import { pickFilter } from '../../../src-shared/contract/picks';

describe('desk identity: made once per data folder', () => {
  let dir: string;
  const caches: Cache[] = [];
  const open = (name: string) => {
    const db = openCache(path.join(dir, name));
    caches.push(db);
    return db;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-desk-'));
  });
  afterEach(() => {
    for (const c of caches.splice(0)) c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is made at the first start, kept in desk.json and the cache, the same at every later start', () => {
    const db = open('cache.sqlite');
    expect(currentDeskId(db)).toBeNull();
    const d = ensureDesk(dir, db);
    expect(d.deskId).toMatch(/^[0-9a-f]{12}$/);
    expect(d.name).toContain('@');
    expect(JSON.parse(fs.readFileSync(deskFileIn(dir), 'utf8'))).toEqual(d);
    expect(currentDeskId(db)).toBe(d.deskId);
    expect(ensureDesk(dir, db)).toEqual(d);
    // a cache rebuilt in the same folder writes as the same desk
    expect(ensureDesk(dir, open('rebuilt.sqlite'))).toEqual(d);
    expect(deskOf(open('rebuilt.sqlite'))).toEqual(d);
  });

  it('two data folders are two desks; a cache opened alone gets its own identity once', () => {
    const a = ensureDesk(path.join(dir, 'a'), open('a.sqlite'));
    const b = ensureDesk(path.join(dir, 'b'), open('b.sqlite'));
    expect(a.deskId).not.toBe(b.deskId);
    const lone = open('lone.sqlite');
    expect(deskOf(lone)).toEqual(deskOf(lone));
  });

  it('a cache that already has a desk gives it to a folder without desk.json; a rename keeps the id', () => {
    const db = open('cache.sqlite');
    const made = deskOf(db);
    expect(ensureDesk(dir, db).deskId).toBe(made.deskId);
    const renamed = renameDesk(dir, db, '  Trader 2  ');
    expect(renamed).toEqual({ ...made, name: 'Trader 2' });
    expect(deskOf(db).name).toBe('Trader 2');
    expect(() => renameDesk(dir, db, ' ')).toThrow(/empty/);
    expect(() => renameDesk(dir, db, 'x'.repeat(61))).toThrow(/longer than 60/);
    expect(() => renameDesk(dir, db, 'a\u0000b')).toThrow(/NUL/);
    // refused: the file and the cache keep the last good name
    expect(JSON.parse(fs.readFileSync(deskFileIn(dir), 'utf8')).name).toBe('Trader 2');
    expect(deskOf(db).name).toBe('Trader 2');
    expect(renameDesk(dir, db, 'x'.repeat(60)).name).toHaveLength(60);
  });

  it('a damaged desk.json is a typed error, never silently replaced by a new identity', () => {
    fs.writeFileSync(deskFileIn(dir), '{"deskId": "NO SPACES"}');
    expect(() => ensureDesk(dir, open('cache.sqlite'))).toThrow(/not a desk identity/);
    fs.writeFileSync(deskFileIn(dir), '{oops');
    expect(() => ensureDesk(dir, open('cache.sqlite'))).toThrow(/not JSON/);
  });

  it("own rows: this desk's and the pre-desk ones (desk_id NULL), never another desk's", () => {
    const db = open('cache.sqlite');
    const me = ensureDesk(dir, db).deskId;
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
    expect(ownRowsSql(db, 't')).toBe('1 = 1'); // no desk column: every row is from before desks
    expect(() => requireDeskColumn(db, 't')).toThrow(/015_desk/);
    db.exec('ALTER TABLE t ADD COLUMN desk_id TEXT');
    db.exec(`INSERT INTO t VALUES ('mine', '${me}'), ('other', 'abcdef123456'), ('old', NULL)`);
    const ids = db
      .prepare(`SELECT id FROM t WHERE ${ownRowsSql(db, 't')} ORDER BY id`)
      .pluck()
      .all();
    expect(ids).toEqual(['mine', 'old']);
  });

  it("CONSEIL's pick id carries the desk: the same line on two desks is two picks", () => {
    const c = { matchId: 6799, market: '1x2' as const, line: null, selection: 'away' };
    expect(conseilPickId('a1b2c3d4e5f6', '2026-12-07', c)).toBe('conseil:a1b2c3d4e5f6:2026-12-07:6799:1x2:na:away');
    expect(conseilPickId('a1b2c3d4e5f6', '2026-12-07', c)).not.toBe(conseilPickId('0f0f0f0f0f0f', '2026-12-07', c));
  });

  it("the picks filter takes desk 'mine' or 'team' (default team: nothing hidden)", () => {
    expect(pickFilter.parse({}).desk).toBe('team');
    expect(pickFilter.parse({ desk: 'mine' }).desk).toBe('mine');
    expect(pickFilter.safeParse({ desk: 'everyone' }).success).toBe(false);
  });
});
