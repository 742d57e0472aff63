import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { describeTables } from '../../../src-main/sync/introspect';
import { parseManifest } from '../../../src-main/sync/manifest';
import { planTable } from '../../../src-main/sync/mirror';
import { openSyncCache } from '../../../src-main/sync/run';
import { connectSource } from '../../../src-main/sync/source';
import { syncTable } from '../../../src-main/sync/table-sync';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { withClient } from './fixtures';

// A table's sync failing in the middle of a full pass's COPY (here: the SQLite side throws after the
// first batch) must end that table with its error and leave the connection usable for the next table,
// not wait forever on a ROLLBACK queued behind the abandoned COPY.
describe('an error in the middle of a COPY', () => {
  let db: TestDatabase;
  let dir: string;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase('monps_sync_copyerr');
    await withClient(db.url, async (c) => {
      await c.query('CREATE TABLE big (id integer PRIMARY KEY, pad text)');
      await c.query("INSERT INTO big SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g");
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-copyerr-'));
    client = await connectSource(db.url);
  });
  afterAll(async () => {
    await client?.end().catch(() => {});
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects with the error, rolls back, and the client answers the next query', async () => {
    const cache = openSyncCache(path.join(dir, 'cache.sqlite'));
    try {
      const [entry] = parseManifest([{ table: 'big', primaryKey: ['id'], watermark: null }]);
      const plan = planTable(entry, (await describeTables(client, ['big']))[0]);
      const run = syncTable(cache, client, plan, {
        batchSize: 1000,
        pageSize: 1_000_000,
        overlapMs: 0,
        nowMs: Date.now(),
        full: true,
        reconcile: 'never',
        signal: new AbortController().signal,
        onRows: () => {},
        afterCommit: () => {
          throw new Error('disk full');
        },
      });
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 15_000).unref());
      expect(
        await Promise.race([
          run.then(
            () => 'resolved',
            (e: Error) => e.message,
          ),
          timeout,
        ]),
      ).toBe('disk full');
      const next = await Promise.race([
        client.query<{ one: number; tx: string }>("SELECT 1 AS one, current_setting('transaction_isolation') AS tx").then((r) => r.rows[0]),
        timeout,
      ]);
      expect(next).toEqual({ one: 1, tx: 'read committed' }); // out of the sync's snapshot transaction
    } finally {
      cache.close();
    }
  });
});
