import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../../src-main/platform/pg/embedded';
import { LEGACY_PASSWORD, passwordFileOf } from '../../../src-main/platform/pg/embedded-password';

// Issue 17, item 4: the embedded PostgreSQL had a fixed password known from the source. Now each data
// folder's cluster gets its own, kept 0600 beside the cluster; a cluster made with the old password is
// migrated at its next start.
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-embedded-pw-'));
fs.chmodSync(base, 0o755); // as root the server runs as 'postgres', which must enter the folder
const clusterDir = path.join(base, 'pg');
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const withPassword = (url: string, password: string): string => {
  const u = new URL(url);
  u.password = password;
  return u.toString();
};

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
  try {
    await c.connect();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === '28P01') return false; // password authentication failed
    throw err;
  } finally {
    await c.end().catch(() => undefined);
  }
}

describe('the embedded PostgreSQL password', () => {
  it('is generated per cluster, kept 0600 beside it, and the old fixed one is refused', async () => {
    const first = await startEmbeddedPostgres({ dataDir: clusterDir });
    try {
      const file = passwordFileOf(first.dataDir);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const password = fs.readFileSync(file, 'utf8').trim();
      expect(password).toMatch(/^[0-9a-f]{48}$/);
      expect(new URL(first.url).password).toBe(password);
      expect(await canConnect(first.url)).toBe(true);
      expect(await canConnect(withPassword(first.url, LEGACY_PASSWORD))).toBe(false);
    } finally {
      await first.stop();
    }
    // A second data folder gets another password.
    const other = await startEmbeddedPostgres({ dataDir: path.join(base, 'other'), persistent: false });
    try {
      expect(new URL(other.url).password).not.toBe(fs.readFileSync(passwordFileOf(clusterDir), 'utf8').trim());
    } finally {
      await other.stop();
    }
    expect(fs.existsSync(passwordFileOf(other.dataDir))).toBe(false); // removed with its throw-away cluster
  });

  it('a cluster made with the old fixed password is migrated to its own at the next start', async () => {
    // Make the cluster of the first test look like one of an older version: the fixed password, no file.
    const again = await startEmbeddedPostgres({ dataDir: clusterDir });
    const c = new pg.Client({ connectionString: again.url });
    await c.connect();
    await c.query(`ALTER USER postgres PASSWORD '${LEGACY_PASSWORD}'`);
    await c.end();
    await again.stop();
    fs.rmSync(passwordFileOf(again.dataDir));

    const lines: string[] = [];
    const migrated = await startEmbeddedPostgres({ dataDir: clusterDir, log: (l) => lines.push(l) });
    try {
      const password = fs.readFileSync(passwordFileOf(migrated.dataDir), 'utf8').trim();
      expect(password).toMatch(/^[0-9a-f]{48}$/);
      expect(fs.statSync(passwordFileOf(migrated.dataDir)).mode & 0o777).toBe(0o600);
      expect(await canConnect(migrated.url)).toBe(true);
      expect(await canConnect(withPassword(migrated.url, LEGACY_PASSWORD))).toBe(false);
      expect(lines.join('\n')).toMatch(/fixed password of older versions was replaced/);
    } finally {
      await migrated.stop();
    }
  });
});
