import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyOut } from '../../../src-main/sync/copy-reader';
import { connectSource } from '../../../src-main/sync/source';
import { JobCancelled } from '../../../src-main/platform/jobs/define';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { withClient } from './fixtures';

// A cancel, or a connection lost, in the middle of a COPY must fail only the read in progress:
// nothing may escape as an uncaught exception (in the app that is a worker thread crashing).
describe('a COPY cancelled or cut off', () => {
  let db: TestDatabase;
  const escaped: unknown[] = [];
  const record = (err: unknown): void => {
    escaped.push(err);
  };
  beforeAll(async () => {
    db = await createTestDatabase('monps_copy_cancel');
    await withClient(db.url, async (c) => {
      await c.query('CREATE TABLE big (id integer PRIMARY KEY, pad text)');
      await c.query("INSERT INTO big SELECT g, repeat('x', 200) FROM generate_series(1, 300000) g");
    });
  });
  afterAll(async () => db?.drop());
  beforeEach(() => {
    escaped.length = 0;
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });

  /** Lets every pending callback run (pg reports a closed connection on the next ticks). */
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };

  it('cancelled while the consumer works: stops with JobCancelled; closing the connection then raises nothing', async () => {
    const client = await connectSource(db.url);
    const ac = new AbortController();
    let rows = 0;
    await client.query('BEGIN');
    const read = (async () => {
      for await (const batch of copyOut(client, 'SELECT * FROM big', {}, ac.signal)) {
        rows += batch.length;
        if (rows > 10_000) ac.abort();
        if (ac.signal.aborted) throw new JobCancelled();
      }
    })();
    await expect(read).rejects.toBeInstanceOf(JobCancelled);
    // the sync closes a connection whose COPY it abandoned
    await client.end();
    await settle();
    expect(rows).toBeLessThan(300_000);
    expect(escaped).toEqual([]);
  });

  it('cancelled while waiting for data: the wait ends with JobCancelled', async () => {
    const client = await connectSource(db.url);
    const ac = new AbortController();
    await client.query('BEGIN');
    // the first row comes after 30 s: the consumer is waiting on the socket when the cancel comes
    const read = (async () => {
      for await (const _ of copyOut(client, 'SELECT pg_sleep(30), 1', {}, ac.signal)) void _;
    })();
    setImmediate(() => ac.abort());
    await expect(read).rejects.toBeInstanceOf(JobCancelled);
    await client.end();
    await settle();
    expect(escaped).toEqual([]);
  });

  it('the server ends the connection mid-COPY: the read fails with the connection error, nothing escapes', async () => {
    const client = await connectSource(db.url);
    await client.query('BEGIN');
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    let rows = 0;
    const read = (async () => {
      for await (const batch of copyOut(client, 'SELECT * FROM big')) {
        rows += batch.length;
        if (rows > 10_000 && rows - batch.length <= 10_000)
          await withClient(db.url, (c) => c.query('SELECT pg_terminate_backend($1)', [pid]));
      }
    })();
    await expect(read).rejects.toThrow(/terminat/i);
    await client.end().catch(() => {});
    await settle();
    expect(escaped).toEqual([]);
  });
});
