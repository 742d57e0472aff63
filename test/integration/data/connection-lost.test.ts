import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFootballData } from '../../../src-main/ingest/football-data/import';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { withClient } from '../../../src-main/platform/pg/client';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import path from 'node:path';
import { footballDataDir } from '../../support/shared-data';

// The source going away in the middle of a query (server restart, admin kill) must fail the import
// with an error, not crash the process: pg emits 'error' on the client, fatal without a listener.
describe('connection lost during a football-data import', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('monps_connlost');
    await migrateSource(db.url);
    // holds the importer inside a statement long enough to terminate its backend there
    await withClient(db.url, async (c) => {
      await c.query(`CREATE FUNCTION slow_league() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(5); RETURN NEW; END $$ LANGUAGE plpgsql`);
      await c.query('CREATE TRIGGER slow_league BEFORE INSERT ON leagues FOR EACH ROW EXECUTE FUNCTION slow_league()');
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('rejects with the connection error', async () => {
    const run = importFootballData(db.url, [path.join(footballDataDir(), 'E0_2024-25.csv')]).then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    await withClient(db.url, async (c) => {
      // polls until the importer's INSERT is running (it waits 5 s in the trigger), against a deadline
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await c.query(
          "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO leagues%' AND state = 'active'",
        );
        if (r.rows.length) break;
        if (Date.now() > deadline) throw new Error('the importer never reached its INSERT INTO leagues');
        await c.query('SELECT pg_sleep(0.025)');
      }
    });
    expect(await run).toMatch(/terminat/i);
  });
});
