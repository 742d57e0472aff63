import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { openCache } from '../../../src-main/platform/cache/open';
import { runSync } from '../../../src-main/sync/run';
import { publishOutbox, writeOwnOutput, outboxPendingCount } from '../../../src-main/sync/outbox';
import { connectSource } from '../../../src-main/sync/source';
import { adminUrl, createTestDatabase, type TestDatabase } from '../../support/pg';
import { compareAll, jobContext, mismatches, seedSource, withClient } from './fixtures';

describe("write-back: the app's own outputs go to the cache and an outbox, then to the source", () => {
  let db: TestDatabase;
  let dir: string;
  let cacheFile: string;
  let readerUrl: string;
  const role = `monps_reader_${randomBytes(4).toString('hex')}`;
  const now = new Date();
  let matchId = 0;
  beforeAll(async () => {
    db = await createTestDatabase('monps_sync_outbox');
    await migrateSource(db.url);
    await seedSource(db.url, { matches: 20, quotes: 2, now });
    await withClient(db.url, async (c) => {
      await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'reader'`);
      await c.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
      matchId = Number((await c.query('SELECT min(match_id) AS m FROM matches')).rows[0].m);
    });
    const u = new URL(db.url);
    u.username = role;
    u.password = 'reader';
    readerUrl = u.toString();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-outbox-'));
    cacheFile = path.join(dir, 'cache.sqlite');
    await runSync({ now: now.toISOString() }, jobContext(cacheFile, db.url));
  });
  afterAll(async () => {
    await db?.drop();
    await withClient(adminUrl(), (c) => c.query(`DROP ROLE IF EXISTS ${role}`));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const trap = (id: string, score: number) => ({
    trap_id: id,
    match_id: matchId,
    market: '1x2',
    selection: 'home',
    kind: 'inflated_favourite',
    severity: 'high',
    score,
    explanation: 'favourite shortened against the sharp book',
    evidence: { books: ['B365'], move: -0.12 },
    detected_at: now,
  });

  it('writes rows and outbox entries in one transaction, and checks what it is given', () => {
    const cache = openCache(cacheFile);
    try {
      expect(writeOwnOutput(cache, 'market_traps', [trap('t1', 80), trap('t2', 65)])).toBe(2);
      expect(outboxPendingCount(cache)).toBe(2);
      const row = cache.prepare("SELECT evidence, detected_at, updated_at FROM market_traps WHERE trap_id = 't1'").get() as Record<
        string,
        string
      >;
      expect(JSON.parse(row.evidence)).toEqual({ books: ['B365'], move: -0.12 });
      expect(row.detected_at).toBe(now.toISOString());
      expect(() => writeOwnOutput(cache, 'market_traps', [{ ...trap('t3', 1), colour: 'red' }])).toThrow(/row 0: unknown column 'colour'/);
      expect(() => writeOwnOutput(cache, 'market_traps', [{ score: 1 }])).toThrow(/primary key column 'trap_id' is missing/);
      expect(() => writeOwnOutput(cache, 'odds_history', [{}])).toThrow(/the app does not write it/);
      expect(() => writeOwnOutput(cache, 'market_traps', [trap('t4', 1), { ...trap('t5', 1), score: 'high' }])).toThrow(
        /row 1 column score/,
      );
      // nothing of a failed call was kept
      expect(cache.prepare("SELECT count(*) AS n FROM market_traps WHERE trap_id IN ('t3', 't4', 't5')").get()).toEqual({ n: 0 });
      expect(outboxPendingCount(cache)).toBe(2);
    } finally {
      cache.close();
    }
  });

  it('a read-only connection keeps them pending, and a sync from the source does not overwrite or delete them', async () => {
    const r = await runSync({ now: now.toISOString(), reconcile: 'always' }, jobContext(cacheFile, readerUrl));
    expect(r.published).toBe(0);
    expect(r.outboxPending).toBe(2);
    expect(r.publishNote).toMatch(/market_traps: the source connection may not write it/);
    const cache = openCache(cacheFile);
    try {
      expect(cache.prepare("SELECT count(*) AS n FROM market_traps WHERE trap_id IN ('t1', 't2')").get()).toEqual({ n: 2 });
    } finally {
      cache.close();
    }
  });

  it('publishes with idempotent upserts when it may write; a row rewritten during the publish stays pending', async () => {
    const cache = openCache(cacheFile);
    const client = await connectSource(db.url);
    try {
      // the guard: t1 is written again while its publish is under way
      const racing = new Proxy(client, {
        get(target, prop, receiver) {
          if (prop !== 'query') return Reflect.get(target, prop, receiver);
          return (...args: unknown[]) => {
            if (typeof args[0] === 'string' && args[0].startsWith('INSERT INTO "market_traps"'))
              writeOwnOutput(cache, 'market_traps', [{ trap_id: 't1', score: 99 }]);
            return (target.query as (...a: unknown[]) => unknown)(...args);
          };
        },
      }) as pg.Client;
      const first = await publishOutbox(cache, racing);
      expect(first.note).toBeNull();
      expect(first.published).toBe(1); // t2
      expect(first.pending).toBe(1); // t1 changed after its publish began
      const onSource = async () => (await client.query('SELECT trap_id, score, evidence FROM market_traps ORDER BY trap_id')).rows;
      expect((await onSource()).map((r) => [r.trap_id, r.score])).toEqual([
        ['t1', 80],
        ['t2', 65],
      ]);
      const second = await publishOutbox(cache, client);
      expect(second).toMatchObject({ published: 1, pending: 0, note: null });
      expect((await onSource()).map((r) => [r.trap_id, r.score])).toEqual([
        ['t1', 99],
        ['t2', 65],
      ]);
      expect((await onSource())[0].evidence).toEqual({ books: ['B365'], move: -0.12 });
      // idempotent: publishing the same generation again changes nothing
      cache.prepare('UPDATE outbox SET published_generation = 0').run();
      expect((await publishOutbox(cache, client)).published).toBe(2);
      expect((await client.query('SELECT count(*)::int AS n FROM market_traps')).rows[0].n).toBe(2);
    } finally {
      await client.end();
      cache.close();
    }
    // the next sync reads them back from the source: cache and source agree
    await runSync({ now: now.toISOString(), reconcile: 'always' }, jobContext(cacheFile, db.url));
    expect(mismatches(await compareAll(db.url, cacheFile, now))).toEqual([]);
  });
});
