import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syncCommand } from '../../../src-main/cli/commands/sync';
import { UsageError, type CommandIO } from '../../../src-main/cli/command';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { seedSource, withClient } from './fixtures';

function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('monps sync', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase('monps_sync_cli');
    await migrateSource(db.url);
    await seedSource(db.url, { matches: 30, quotes: 2, now: new Date() });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-sync-cli-'));
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints rows per table, quarantined, deleted and seconds; --json gives the whole result', async () => {
    const cache = path.join(dir, 'c.sqlite');
    const io = capture();
    expect(await syncCommand.run(['--source', db.url, '--cache', cache], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/^table\s+mode\s+read\s+upserted\s+quarant\.\s+deleted\s+seconds$/m);
    expect(text).toMatch(/^odds_history\s+full\s+\d+\s+\d+\s+0\s+0\s+\d+\.\d\d$/m);
    expect(text).toMatch(/^total: \d+ rows read, \d+ upserted, 0 newly quarantined, 0 deleted, [\d.]+ s/m);

    await withClient(db.url, (c) =>
      c.query(
        "INSERT INTO odds_history (match_id, bookmaker, selection, odds, observed_at) SELECT max(match_id), 'ZZ', 'home', 0.9, now() FROM matches",
      ),
    );
    await withClient(db.url, (c) => c.query('DELETE FROM players WHERE player_id <= 5'));
    const j = capture();
    expect(await syncCommand.run(['--source', db.url, '--cache', cache, '--json'], j)).toBe(0);
    const r = JSON.parse(j.stdout.join('\n')) as {
      cacheFile: string;
      quarantined: number;
      deleted: number;
      tables: { table: string; mode: string }[];
    };
    expect(r.cacheFile).toBe(cache);
    expect(r.quarantined).toBe(1);
    expect(r.deleted).toBe(5);
    expect(r.tables.find((t) => t.table === 'odds_history')?.mode).toBe('incremental');

    const full = capture();
    expect(await syncCommand.run(['--source', db.url, '--cache', cache, '--full', '--tables', 'teams,players', '--json'], full)).toBe(0);
    expect(
      (JSON.parse(full.stdout.join('\n')) as { tables: { table: string; mode: string }[] }).tables.map((t) => `${t.table}:${t.mode}`),
    ).toEqual(['teams:full', 'players:full']);
  });

  it('says which source is wrong and why', async () => {
    const cache = path.join(dir, 'bad.sqlite');
    await expect(syncCommand.run(['--source', 'mysql://x@h/db', '--cache', cache], capture())).rejects.toThrow(/scheme 'mysql'/);
    await expect(syncCommand.run(['--source', 'postgres://u:p@127.0.0.1:1/db', '--cache', cache], capture())).rejects.toThrow(
      /127\.0\.0\.1:1\/db refused the connection/,
    );
    const u = new URL(db.url);
    u.password = 'wrong';
    await expect(syncCommand.run(['--source', u.toString(), '--cache', cache], capture())).rejects.toThrow(
      /refused the credentials|password authentication/,
    );
    await expect(syncCommand.run(['--cache', cache, '--reconcile', 'sometimes', '--source', db.url], capture())).rejects.toThrow(
      UsageError,
    );
  });
});
