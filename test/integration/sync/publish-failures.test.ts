import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Handlers } from '../../../src-main/platform/contract/dispatch';
import { dispatch } from '../../../src-main/platform/contract/dispatch';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { runSync } from '../../../src-main/sync/run';
import { publishOutbox, writeOwnOutput, outboxPendingCount } from '../../../src-main/sync/outbox';
import { connectSource } from '../../../src-main/sync/source';
import { adminUrl, createTestDatabase, type TestDatabase } from '../../support/pg';
import { jobContext, seedSource, withClient } from './fixtures';

// Every way a publish can fail loses nothing: the rows stay in the cache and pending in the outbox with
// their error, and a row the source refuses alone (bad text, a constraint) is quarantined alone while the
// rest of its batch is published (real PostgreSQL, real SQLite).
let db: TestDatabase;
let dir: string;
let cache: Cache;
let matchId = 0;
const role = `monps_ro_${randomBytes(4).toString('hex')}`;
let readOnlyUrl: string;
const now = new Date();

const trap = (id: string, score = 70, explanation = 'favourite shortened against the sharp book') => ({
  trap_id: id,
  match_id: matchId,
  market: '1x2',
  selection: 'home',
  kind: 'inflated_favourite',
  severity: 'high',
  score,
  explanation,
  evidence: { books: ['B365'] },
  detected_at: now,
});
const onSource = async (ids: string[]) =>
  withClient(db.url, async (c) =>
    (await c.query('SELECT trap_id FROM market_traps WHERE trap_id = ANY($1) ORDER BY trap_id', [ids])).rows.map(
      (r) => r.trap_id as string,
    ),
  );
const outboxRow = (id: string) =>
  cache
    .prepare(
      "SELECT generation > published_generation AS pending, attempts, last_error FROM outbox WHERE table_name = 'market_traps' AND key = ?",
    )
    .get(JSON.stringify({ trap_id: id })) as { pending: number; attempts: number; last_error: string | null };
async function publish(url = db.url) {
  const client = await connectSource(url);
  try {
    return await publishOutbox(cache, client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase('monps_publish_fail');
  await migrateSource(db.url);
  await seedSource(db.url, { matches: 5, quotes: 1, now });
  await withClient(db.url, async (c) => {
    matchId = Number((await c.query('SELECT min(match_id) AS m FROM matches')).rows[0].m);
    // may write the table, but every transaction of the role is read-only: the INSERT itself fails
    await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'ro'`);
    await c.query(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await c.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
  });
  const u = new URL(db.url);
  u.username = role;
  u.password = 'ro';
  readOnlyUrl = u.toString();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-publish-fail-'));
  const cacheFile = path.join(dir, 'cache.sqlite');
  await runSync({ now: now.toISOString() }, jobContext(cacheFile, db.url));
  cache = openCache(cacheFile);
});
afterAll(async () => {
  cache?.close();
  await db?.drop();
  await withClient(adminUrl(), (c) => c.query(`DROP ROLE IF EXISTS ${role}`));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('publish failures lose nothing', () => {
  it('a NUL in text is refused at input (the contract names the field; writeOwnOutput too), nothing is stored', async () => {
    const handlers = new Proxy({} as Handlers, {
      get: () => () => Promise.reject(new Error('the handler must not run')),
    });
    const r = await dispatch(handlers, 'picks.place', {
      matchId: 1,
      market: '1x2',
      selection: 'home',
      bookmaker: 'B365',
      odds: 2.1,
      stake: 10,
      note: 'x\u0000y',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining('note: holds a NUL character (\\u0000), which PostgreSQL cannot store'),
      },
    });
    const before = outboxPendingCount(cache);
    expect(() => writeOwnOutput(cache, 'market_traps', [trap('n1'), trap('n2', 70, 'a\u0000b')])).toThrow(
      /row 1 column explanation: holds a NUL character/,
    );
    expect(() => writeOwnOutput(cache, 'market_traps', [{ ...trap('n3'), evidence: { note: 'a\u0000b' } }])).toThrow(/column evidence/);
    expect(outboxPendingCount(cache)).toBe(before);
    expect(cache.prepare("SELECT count(*) AS n FROM market_traps WHERE trap_id LIKE 'n%'").get()).toEqual({ n: 0 });
  });

  it('one row the source cannot store (a NUL left in an older cache) is quarantined alone; the other 999 of its batch publish', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `b${String(i).padStart(4, '0')}`);
    writeOwnOutput(
      cache,
      'market_traps',
      ids.map((id) => trap(id)),
    );
    // as a cache written before the input check could hold it
    cache.prepare("UPDATE market_traps SET explanation = 'x' || char(0) || 'y' WHERE trap_id = 'b0500'").run();
    const r = await publish();
    expect(r).toMatchObject({ published: 999, pending: 1, quarantined: 1 });
    expect(r.note).toMatch(/market_traps \{"trap_id":"b0500"\}: unsupported Unicode escape sequence .*quarantined in the outbox/);
    expect((await onSource(ids)).length).toBe(999);
    expect(outboxRow('b0500')).toMatchObject({ pending: 1, attempts: 1, last_error: expect.stringMatching(/unsupported Unicode/) });
    // kept whole in the cache; once its text is fixed it is published
    writeOwnOutput(cache, 'market_traps', [trap('b0500', 70, 'xy')]);
    expect(await publish()).toMatchObject({ published: 1, pending: 0, quarantined: 0, note: null });
    expect(await onSource(['b0500'])).toEqual(['b0500']);
  });

  it('a constraint violation: that row is quarantined, the others publish; it goes once the source accepts it', async () => {
    await withClient(db.url, (c) => c.query('ALTER TABLE market_traps ADD CONSTRAINT score_max CHECK (score <= 100)'));
    writeOwnOutput(cache, 'market_traps', [trap('c1'), trap('c2', 150), trap('c3')]);
    const r = await publish();
    expect(r).toMatchObject({ published: 2, pending: 1, quarantined: 1 });
    expect(r.note).toMatch(/\{"trap_id":"c2"\}: .*violates check constraint "score_max"/);
    expect(await onSource(['c1', 'c2', 'c3'])).toEqual(['c1', 'c3']);
    expect((cache.prepare("SELECT score FROM market_traps WHERE trap_id = 'c2'").get() as { score: number }).score).toBe(150);
    await withClient(db.url, (c) => c.query('ALTER TABLE market_traps DROP CONSTRAINT score_max'));
    expect(await publish()).toMatchObject({ published: 1, pending: 0 });
  });

  it('a read-only account (write privilege, read-only transactions): the whole batch stays pending with the error, no row split or lost', async () => {
    writeOwnOutput(
      cache,
      'market_traps',
      ['r1', 'r2', 'r3'].map((id) => trap(id)),
    );
    const r = await publish(readOnlyUrl);
    expect(r).toMatchObject({ published: 0, pending: 3, quarantined: 0 });
    expect(r.note).toMatch(/market_traps: cannot execute INSERT in a read-only transaction \(3 rows kept in the outbox\)/);
    expect(outboxRow('r2')).toMatchObject({ pending: 1, attempts: 1 });
    expect(await onSource(['r1', 'r2', 'r3'])).toEqual([]);
    expect(await publish()).toMatchObject({ published: 3, pending: 0 });
    expect(await onSource(['r1', 'r2', 'r3'])).toEqual(['r1', 'r2', 'r3']);
  });
});
