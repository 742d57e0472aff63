import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from '../../../src-shared/contract/settings';
import { carryProblem, carryUnpublished, switchFiles, recoverSwitch, writeMarker } from '../../../src-main/app/switch-files';
import { openCache } from '../../../src-main/platform/cache/open';
import { projectRoot } from '../../../src-main/platform/paths';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { writeOwnOutput } from '../../../src-main/sync/outbox';
import { call, setTransport } from '../../../src-renderer/api/client';
import { httpTransport } from '../../../src-renderer/api/http';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { seedSource, withClient } from '../sync/fixtures';

// A source switch never loses the analyst's unpublished rows: they move to the new cache's outbox (and
// are published from there), a cache.previous.sqlite still holding rows found nowhere else is kept, and a
// switch killed halfway is rolled back (or resumed) at the next start, which says so (real PostgreSQL,
// real SQLite files, a real process killed with -9).
let a: TestDatabase;
let b: TestDatabase;
let matchId = 0;
const now = new Date();
const dirs: string[] = [];
const tmp = (p: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), p));
  dirs.push(d);
  return d;
};

const trap = (id: string) => ({
  trap_id: id,
  match_id: matchId,
  market: '1x2',
  selection: 'home',
  kind: 'inflated_favourite',
  severity: 'high',
  score: 70,
  explanation: 'the analyst kept this one',
  evidence: {},
  detected_at: now,
});
const pendingIn = (file: string): string[] => {
  const db = openCache(file, { readonly: true, migrate: false });
  try {
    return (
      db
        .prepare(
          "SELECT o.key FROM outbox o JOIN market_traps t ON o.key = json_object('trap_id', t.trap_id) WHERE o.generation > o.published_generation AND t.explanation = 'the analyst kept this one' ORDER BY o.key",
        )
        .all() as { key: string }[]
    ).map((r) => (JSON.parse(r.key) as { trap_id: string }).trap_id);
  } finally {
    db.close();
  }
};
const pendingKeys = (file: string): string[] => {
  const db = openCache(file, { readonly: true, migrate: false });
  try {
    return (
      db.prepare('SELECT table_name, key FROM outbox WHERE generation > published_generation ORDER BY 1, 2').all() as {
        table_name: string;
        key: string;
      }[]
    ).map((r) => `${r.table_name} ${r.key}`);
  } finally {
    db.close();
  }
};
const onSource = (db: TestDatabase) =>
  withClient(db.url, async (c) =>
    (await c.query("SELECT trap_id FROM market_traps WHERE explanation = 'the analyst kept this one' ORDER BY trap_id")).rows.map(
      (r) => r.trap_id as string,
    ),
  );

function switchEnd(app: Headless): Promise<SourceState> {
  return new Promise((resolve) => {
    const stop = app.services.bus.onAny((name, payload) => {
      const s = payload as SourceState;
      if (name !== 'source.changed' || s.switch.state === 'syncing') return;
      stop();
      resolve(s);
    });
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase('monps_carry_a'), createTestDatabase('monps_carry_b')]);
  for (const db of [a, b]) {
    await migrateSource(db.url);
    await seedSource(db.url, { matches: 6, quotes: 1, now });
  }
  const ids = await Promise.all(
    [a, b].map((db) => withClient(db.url, async (c) => Number((await c.query('SELECT min(match_id) AS m FROM matches')).rows[0].m))),
  );
  expect(ids[0]).toBe(ids[1]);
  matchId = ids[0];
});
afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('a source switch and the unpublished rows', () => {
  it("moves them to the new cache's outbox, publishes them there, and keeps a previous cache holding rows found nowhere else", async () => {
    const dataDir = tmp('monps-carry-');
    const app = await startHeadless({ port: 0, source: a.url, dataDir, schedule: false });
    try {
      setTransport(httpTransport(app.server.url.replace(/\/$/, '')));
      await app.services.scheduler.idle();
      const files = switchFiles(app.services.config.cacheFile);
      // three rows written, not yet published (no sync ran since)
      const w = openCache(files.cache);
      writeOwnOutput(w, 'market_traps', [trap('k1'), trap('k2'), trap('k3')]);
      w.close();
      let done = switchEnd(app);
      await call('settings.source.save', { url: b.url });
      let end = await done;
      expect(end.switch.state).toBe('done');
      // with what the agents wrote after the start-up sync's publish: every pending row of the old cache is pending in the new one
      const moved = Number(/; (\d+) unpublished rows moved to the new cache's outbox/.exec(end.switch.message)?.[1]);
      const before = pendingKeys(files.previous);
      expect(moved).toBe(before.length);
      expect(moved).toBeGreaterThanOrEqual(3);
      expect(pendingKeys(files.cache)).toEqual(before);
      expect(pendingIn(files.cache)).toEqual(['k1', 'k2', 'k3']);
      expect(await onSource(b)).toEqual([]);
      await call('sync.start', {});
      expect(pendingIn(files.cache)).toEqual([]);
      expect(await onSource(b)).toEqual(['k1', 'k2', 'k3']);

      // a previous cache left by an older switch, holding a row that is in no other file
      const prev = openCache(files.previous);
      writeOwnOutput(prev, 'market_traps', [trap('lost-before')]);
      prev.close();
      done = switchEnd(app);
      await call('settings.source.save', { url: a.url });
      end = await done;
      expect(end.switch.state).toBe('done');
      const kept = /kept as (cache\.previous\.[\dTZ-]+\.sqlite)/.exec(end.switch.message)?.[1];
      expect(kept).toBeDefined();
      expect(pendingIn(path.join(dataDir, kept!))).toEqual(['k1', 'k2', 'k3', 'lost-before']);
      // the third switch: the previous cache's rows are all in the current one, so it is replaced
      done = switchEnd(app);
      await call('settings.source.save', { url: b.url });
      end = await done;
      expect(end.switch.message).not.toContain('still held unpublished rows');
      expect(
        fs
          .readdirSync(dataDir)
          .filter((f) => f.startsWith('cache.previous') && f.endsWith('.sqlite'))
          .sort(),
      ).toEqual(['cache.previous.sqlite', kept!].sort());
      expect(fs.existsSync(path.join(dataDir, kept!))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('a switch killed with -9 during its sync is rolled back at the next start, which says so (log and status)', async () => {
    const dataDir = tmp('monps-switch-kill-');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'serve', '--port', '0', '--source', a.url, '--data-dir', dataDir],
      {
        cwd: projectRoot(),
        env: { ...process.env, MONPS_SOURCE_URL: '' },
      },
    );
    const exited = new Promise((r) => child.on('exit', r));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    setTransport(httpTransport(url));
    await expect.poll(async () => (await call('sync.status', {})).state, { interval: 200 }).not.toBe('running');
    // the new source's leagues are held: its sync waits there while the process is killed
    const lock = new pg.Client({ connectionString: b.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE leagues IN ACCESS EXCLUSIVE MODE');
    try {
      await call('settings.source.save', { url: b.url });
      const files = switchFiles(path.join(dataDir, 'cache.sqlite'));
      await expect.poll(() => fs.existsSync(files.staging) && fs.existsSync(files.marker), { interval: 100 }).toBe(true);
      child.kill('SIGKILL');
      await exited;
    } finally {
      await lock.query('ROLLBACK');
      await lock.end();
    }
    const logs: string[] = [];
    const app = await startHeadless({ port: 0, source: a.url, dataDir, schedule: false, log: (l) => logs.push(l) });
    try {
      const files = switchFiles(app.services.config.cacheFile);
      expect(fs.existsSync(files.staging)).toBe(false);
      expect(fs.existsSync(files.marker)).toBe(false);
      const said =
        /^source switch rolled back: the switch to postgres:\/\/.*monps_carry_b_\w+ was interrupted while the new source synced: rolled back, the app stays on postgres:\/\/.*monps_carry_a_\w+ and its cache$/;
      expect(logs.some((l) => said.test(l))).toBe(true);
      const state = app.services.sourceSwitch.state();
      expect(state.switch.state).toBe('failed');
      expect(`source switch rolled back: ${state.switch.message}`).toMatch(said);
      expect(state.current.label).toContain(a.name);
    } finally {
      await app.close();
    }
  });

  it('killed between or after the file moves: rolled back onto the old cache, or resumed when the app starts on the target', () => {
    const dir = tmp('monps-switch-files-');
    const files = switchFiles(path.join(dir, 'cache.sqlite'));
    const make = (file: string, id: string) => {
      const db = openCache(file);
      db.exec(`CREATE TABLE IF NOT EXISTS mark (id TEXT); DELETE FROM mark; INSERT INTO mark VALUES ('${id}')`);
      db.close();
    };
    const mark = (file: string) => {
      const db = openCache(file, { readonly: true, migrate: false });
      try {
        return (db.prepare('SELECT id FROM mark').get() as { id: string }).id;
      } finally {
        db.close();
      }
    };
    // between the two moves: the current cache had become cache.previous, cache.next not yet moved in
    make(files.previous, 'old');
    make(files.staging, 'new');
    writeMarker(files, { phase: 'ready', target: 'postgres://u:***@h/b', from: 'embedded', startedAt: now.toISOString() });
    expect(recoverSwitch(files, 'embedded')).toMatchObject({ action: 'rolled back' });
    expect(mark(files.cache)).toBe('old');
    expect(fs.existsSync(files.staging) || fs.existsSync(files.marker)).toBe(false);
    // swapped, and the app starts on the target (the source was saved): resumed, the swap stays
    make(files.previous, 'old');
    make(files.cache, 'new');
    writeMarker(files, { phase: 'swapped', target: 'postgres://u:***@h/b', from: 'embedded', startedAt: now.toISOString() });
    expect(recoverSwitch(files, 'postgres://u:***@h/b')).toMatchObject({ action: 'resumed' });
    expect(mark(files.cache)).toBe('new');
    // swapped, but the app starts on the old source (the source was never saved): the old cache goes back
    writeMarker(files, { phase: 'swapped', target: 'postgres://u:***@h/b', from: 'embedded', startedAt: now.toISOString() });
    expect(recoverSwitch(files, 'embedded')).toMatchObject({ action: 'rolled back' });
    expect(mark(files.cache)).toBe('old');
    expect(recoverSwitch(files, 'embedded')).toBeNull();
    // a switch under way in another live process (the desk, seen from a CLI command): left alone
    make(files.staging, 'new');
    writeMarker(files, { phase: 'syncing', target: 'b', from: 'embedded', startedAt: now.toISOString(), pid: process.ppid });
    expect(recoverSwitch(files, 'embedded')).toBeNull();
    expect(fs.existsSync(files.staging)).toBe(true);
  });

  it('refuses a switch whose new cache lacks a table of the unpublished rows, naming it', () => {
    const dir = tmp('monps-switch-refuse-');
    const from = openCache(path.join(dir, 'from.sqlite'));
    from.exec(`CREATE TABLE my_notes (id TEXT PRIMARY KEY, note TEXT);
      INSERT INTO my_notes VALUES ('n1', 'keep');
      INSERT INTO outbox (table_name, key, generation, written_at) VALUES ('my_notes', '{"id":"n1"}', 1, '2026-01-01T00:00:00Z')`);
    from.close();
    openCache(path.join(dir, 'to.sqlite')).close();
    expect(carryProblem(path.join(dir, 'from.sqlite'), path.join(dir, 'to.sqlite'))).toBe('the new source has no table my_notes');
    expect(() => carryUnpublished(path.join(dir, 'from.sqlite'), path.join(dir, 'to.sqlite'))).toThrow(
      'the unpublished rows cannot move to the new cache: the new source has no table my_notes',
    );
  });
});
