import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { openCache } from '../../../src-main/platform/cache/open';
import { syncService } from './fixtures';
import { describeTables, listSourceTables } from '../../../src-main/sync/introspect';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { compareAll, mismatches, withClient } from './fixtures';

describe('sync of tables a user adds after introspection', () => {
  let db: TestDatabase;
  let dir: string;
  let service: ReturnType<typeof syncService>;
  const now = new Date();
  beforeAll(async () => {
    db = await createTestDatabase('monps_sync_user');
    await migrateSource(db.url);
    await withClient(db.url, async (c) => {
      await c.query(`CREATE TABLE weather (station text, at timestamptz, temp double precision, wet boolean, day date, raw jsonb, kind text,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (station, at))`);
      await c.query(`INSERT INTO weather (station, at, temp, wet, day, raw, kind)
        SELECT 'S' || (g % 7), timestamptz '2026-01-01' + g * interval '1 hour 0.000321 seconds', g / 7.0, g % 2 = 0, date '2026-01-01' + g / 24, jsonb_build_object('g', g), NULL
          FROM generate_series(1, 3000) g`);
      await c.query('CREATE TABLE audit_log (msg text, at timestamptz)');
      await c.query('CREATE TABLE ratings (id integer PRIMARY KEY, v numeric(8,3), tags text[])');
      await c.query("INSERT INTO ratings SELECT g, g * 1.125, ARRAY['a', 'b' || g] FROM generate_series(1, 50) g");
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-user-'));
    service = syncService(path.join(dir, 'cache.sqlite'), db.url);
    // only the user's tables, to keep the test about them
    await service.setManifest([]);
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('introspection lists every source table with columns and key; a table without a key cannot be added', async () => {
    const tables = await service.introspect();
    const weather = tables.find((t) => t.table === 'weather');
    expect(weather?.primaryKey).toEqual(['station', 'at']);
    expect(weather?.columns.map((c) => c.name)).toEqual(['station', 'at', 'temp', 'wet', 'day', 'raw', 'kind', 'updated_at']);
    expect(weather?.hasWatermark).toBe(true);
    expect(tables.find((t) => t.table === 'audit_log')?.problem).toMatch(/no primary key/);
    expect(tables.find((t) => t.table === 'odds_history')?.inManifest).toBe(false);
    await expect(service.addTable('audit_log')).rejects.toThrow(/audit_log has no primary key: it cannot be synced/);
    await expect(service.addTable('nope')).rejects.toThrow(/nope does not exist in the source/);
    await expect(service.setManifest([{ table: 'audit_log', primaryKey: ['msg'] }])).rejects.toThrow(/no primary key/);
  });

  it('an added table gets a mirror with the same name, columns and key, synced like the core ones', async () => {
    const w = await service.addTable('weather', { indexes: [['day']] });
    expect(w).toMatchObject({ table: 'weather', primaryKey: ['station', 'at'], watermark: 'updated_at' });
    const r = await service.addTable('ratings');
    expect(r.watermark).toBeNull(); // no updated_at: re-read whole every sync
    const res = await service.start({ now: now.toISOString() });
    expect(res.tables.map((t) => [t.table, t.error, t.upserted])).toEqual([
      ['weather', null, 3000],
      ['ratings', null, 50],
    ]);
    expect(mismatches(await compareAll(db.url, path.join(dir, 'cache.sqlite'), now))).toEqual([]);
    const cache = openCache(path.join(dir, 'cache.sqlite'));
    try {
      const cols = cache.prepare('PRAGMA table_info(weather)').all() as { name: string; type: string; pk: number }[];
      expect(cols.map((c) => `${c.name}:${c.type}:${c.pk}`)).toEqual([
        'station:TEXT:1',
        'at:TEXT:2',
        'temp:REAL:0',
        'wet:INTEGER:0',
        'day:TEXT:0',
        'raw:TEXT:0',
        'kind:TEXT:0',
        'updated_at:TEXT:0',
      ]);
      expect(cache.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'weather__day'").get()).toBeTruthy();
      expect(cache.prepare('SELECT v, tags FROM ratings WHERE id = 3').get()).toEqual({ v: 3.375, tags: '{a,b3}' });
    } finally {
      cache.close();
    }
  });

  it('follows the source schema: a new column is added to the mirror and filled', async () => {
    await withClient(db.url, async (c) => {
      await c.query('ALTER TABLE weather ADD COLUMN wind double precision');
      await c.query('UPDATE weather SET wind = temp * 2 WHERE temp > 100');
      await c.query('UPDATE ratings SET v = v + 1 WHERE id < 10');
      await c.query("DELETE FROM weather WHERE station = 'S3'");
    });
    const res = await service.start({ now: now.toISOString() });
    expect(res.tables.find((t) => t.table === 'weather')?.mode).toBe('full');
    expect(mismatches(await compareAll(db.url, path.join(dir, 'cache.sqlite'), now))).toEqual([]);
  });
});

describe('introspection: pg_catalog (each sync) and information_schema (the user) agree', () => {
  it('same columns, kinds, casts, defaults and keys for every table of the schema', async () => {
    const db = await createTestDatabase('monps_sync_intro');
    try {
      await migrateSource(db.url);
      await withClient(db.url, async (c) => {
        await c.query(
          `CREATE TABLE odd (b int, "A b" text DEFAULT 'x''y', n numeric(6,2) DEFAULT 1.5, e int[], v varchar(5), PRIMARY KEY (v, b))`,
        );
        await c.query('ALTER TABLE odd DROP COLUMN e');
      });
      await withClient(db.url, async (c) => {
        const info = await listSourceTables(c);
        const cat = await describeTables(
          c,
          info.map((t) => t.table),
        );
        const strip = (ts: typeof info) =>
          ts
            .map((t) => ({ ...t, columns: t.columns.map(({ dataType: _d, ...rest }) => rest) }))
            .sort((a, b) => a.table.localeCompare(b.table));
        expect(strip(cat)).toEqual(strip(info));
        expect(info.find((t) => t.table === 'odd')?.primaryKey).toEqual(['v', 'b']);
      });
    } finally {
      await db.drop();
    }
  });
});
