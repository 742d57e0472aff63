import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from '../../../src-shared/contract/settings';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { call, setTransport } from '../../../src-renderer/api/client';
import { httpTransport } from '../../../src-renderer/api/http';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

// Switching the source from Settings: the current cache stays in use until the new source has synced
// whole, then the app runs on the new one (real PostgreSQL databases, real SQLite files).
let a: TestDatabase;
let b: TestDatabase;
let app: Headless;
const logs: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-switch-'));

async function sql(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Resolves with the first source.changed state that satisfies `ok`. */
function switchState(ok: (s: SourceState) => boolean, timeoutMs = 120_000): Promise<SourceState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such switch state in time')), timeoutMs);
    const stop = app.services.bus.onAny((name, payload) => {
      if (name !== 'source.changed' || !ok(payload as SourceState)) return;
      clearTimeout(timer);
      stop();
      resolve(payload as SourceState);
    });
  });
}

/** Waits until the new source's sync is blocked on the lock the test holds (a condition, not a sleep). */
async function syncWaitingOnLock(admin: string, database: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    for (const until = Date.now() + 90_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      const r = await c.query(
        "SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND application_name = 'monps-sync' AND wait_event_type = 'Lock'",
        [database],
      );
      if (r.rowCount) return;
    }
    throw new Error('the sync never reached the locked table');
  } finally {
    await c.end();
  }
}

const leagues = async () => (await call('settings.options', {})).leagues.map((l) => l.code);

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase('monps_switch_a'), createTestDatabase('monps_switch_b')]);
  for (const [db, code] of [
    [a, 'AAA'],
    [b, 'BBB'],
  ] as const) {
    await migrateSource(db.url);
    await sql(db.url, `INSERT INTO leagues (league_code, name) VALUES ('${code}', 'League ${code}')`);
  }
  app = await startHeadless({ port: 0, source: a.url, dataDir, schedule: false, log: (l) => logs.push(l) });
  setTransport(httpTransport(app.server.url.replace(/\/$/, '')));
  await app.services.scheduler.idle(); // the start-up sync of A
});

afterAll(async () => {
  await app?.close();
  await Promise.all([a?.drop(), b?.drop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('switching the source', () => {
  it('keeps serving the old cache while the new source syncs, then swaps caches and saves the source (0600, no password shown)', async () => {
    expect(await leagues()).toEqual(['AAA']);
    // hold the new source's leagues table so its sync waits there while we look at the app
    const lock = new pg.Client({ connectionString: b.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE leagues IN ACCESS EXCLUSIVE MODE');
    const syncing = switchState((s) => s.switch.jobId !== null);
    const started = await call('settings.source.save', {
      url: b.url.replace(/:[^:@/]+@/, ':@'),
      password: decodeURIComponent(new URL(b.url).password),
    });
    expect(started.switch).toMatchObject({ state: 'syncing' });
    expect(started.current.label).toContain(a.name);
    await syncing;
    expect(await leagues()).toEqual(['AAA']); // still the old cache
    expect((await call('app.info', {})).source.label).toContain(a.name);
    const done = switchState((s) => s.switch.state !== 'syncing');
    await lock.query('COMMIT');
    await lock.end();
    const end = await done;
    expect(end.switch.state).toBe('done');
    expect(end.switch.message).toMatch(
      /^now using postgres:\/\/.*:\*\*\*@127\.0\.0\.1:\d+\/monps_switch_b_\w+ \(\d+ rows synced; the previous cache is kept as cache\.previous\.sqlite\)$/,
    );
    expect(end.current).toMatchObject({ kind: 'configured', origin: 'settings' });
    expect(await leagues()).toEqual(['BBB']);
    expect((await call('app.info', {})).source.label).toContain(b.name);
    expect(fs.existsSync(path.join(dataDir, 'cache.previous.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'cache.next.sqlite'))).toBe(false);
    const file = path.join(dataDir, 'settings.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).sourceUrl).toBe(b.url);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const state = await call('settings.source.get', {});
    expect(state.saved).toBe(state.editUrl);
    expect(state.saved).toContain(':***@');
    // a sync now reads the new source
    await sql(b.url, "INSERT INTO leagues (league_code, name) VALUES ('BB2', 'League BB2')");
    await call('sync.start', {});
    expect(await leagues()).toEqual(['BB2', 'BBB']); // by name: League BB2, League BBB
    const password = decodeURIComponent(new URL(b.url).password);
    expect(logs.join('\n')).not.toContain(password);
  });

  it('a switch whose sync fails leaves the app on its source and cache', async () => {
    const lock = new pg.Client({ connectionString: a.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE leagues IN ACCESS EXCLUSIVE MODE');
    const syncing = switchState((s) => s.switch.jobId !== null);
    await call('settings.source.save', { url: a.url });
    await syncing;
    await syncWaitingOnLock(b.url, a.name);
    const ended = switchState((s) => s.switch.state !== 'syncing');
    // the new source goes away in the middle of its sync
    await sql(
      b.url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${a.name}' AND application_name = 'monps-sync'`,
    );
    await lock.query('ROLLBACK');
    await lock.end();
    const end = await ended;
    expect(end.switch.state).toBe('failed');
    expect(end.switch.message).toMatch(/^the switch to .*monps_switch_a_\w+ failed, the app stays on .*monps_switch_b_\w+: /);
    expect(await leagues()).toEqual(['BB2', 'BBB']);
    expect(fs.existsSync(path.join(dataDir, 'cache.next.sqlite'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).sourceUrl).toBe(b.url);
  });
});
