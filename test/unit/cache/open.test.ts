import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateCache, openCache } from '../../../src-main/platform/cache/open';

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-cache-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the SQLite cache file', () => {
  it('opens in WAL with foreign keys and a busy timeout, with the cache migrations applied once', () => {
    const file = path.join(tmp(), 'cache.sqlite');
    const db = openCache(file, { verify: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(migrateCache(db)).toEqual([]);
    const applied = db.prepare('SELECT name FROM monps_schema_migrations').all() as { name: string }[];
    expect(applied.map((r) => r.name)).toContain('001_app.sql');
    db.close();
  });

  it('moves a corrupt file aside and rebuilds it empty when verified at start', () => {
    const dir = tmp();
    const file = path.join(dir, 'cache.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 7)); // not a database
    const db = openCache(file, { verify: true });
    expect((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'app_settings'").get() as { n: number }).n).toBe(1);
    db.close();
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('cache.sqlite.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]))).toEqual(Buffer.alloc(8192, 7)); // nothing lost
    // and no handle is left open on the file moved aside
    const openFiles = fs.readdirSync('/proc/self/fd').map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    });
    expect(openFiles.filter((f) => f.includes('.corrupt-'))).toEqual([]);
  });

  it('refuses a cache whose applied migration differs from the known file', () => {
    const file = path.join(tmp(), 'cache.sqlite');
    const db = openCache(file);
    db.prepare("UPDATE monps_schema_migrations SET checksum = 'x' WHERE version = 1").run();
    expect(() => migrateCache(db)).toThrow(/001_app\.sql was changed after it was applied/);
    db.close();
  });
});
