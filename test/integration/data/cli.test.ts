import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCommand } from '../../../src-main/cli/commands/seed';
import { importCommand } from '../../../src-main/cli/commands/import';
import { UsageError, type CommandIO } from '../../../src-main/cli/command';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import path from 'node:path';
import { footballDataDir } from '../../support/shared-data';

function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('monps seed and monps import football-data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('seeds, prints rows and seconds, then refuses to seed again without --force', async () => {
    const io = capture();
    expect(await seedCommand.run(['--source', db.url, '--seed', '4', '--scale', '0.2', '--anchor', '2026-01-10', '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout.join('')) as { seed: number; anchor: string; rows: Record<string, number>; seconds: number };
    expect(report).toMatchObject({ seed: 4, anchor: '2026-01-10' });
    expect(report.rows.matches).toBeGreaterThan(6000);
    const again = capture();
    expect(await seedCommand.run(['--source', db.url], again)).toBe(1);
    expect(again.stderr.join('\n')).toMatch(/refusing to seed.*--force/);
    await expect(seedCommand.run(['--source', db.url, '--scale', 'big'], capture())).rejects.toThrow(UsageError);
    await expect(seedCommand.run(['--source', db.url, '--anchor', '10/01/2026'], capture())).rejects.toThrow(UsageError);
  }, 300_000);

  it('imports files and prints matches, quotes, problems and seconds per file', async () => {
    const io = capture();
    const code = await importCommand.run(['--source', db.url, path.join(footballDataDir(), 'F1_2024-25.csv')], io);
    expect(code).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/F1_2024-25\.csv\s+306\s+306\s+\d+\s+\d+\s+7\s+\d+\.\d\d/);
    expect(text).toMatch(/line 303 \[1XBH\]: odds 0 below 1\.01/);
    expect(text).toMatch(/total: 1 files, 306 matches, \d+ quotes, 7 problems, 0 refused/);
    await expect(importCommand.run(['--source', db.url], capture())).rejects.toThrow(UsageError);
  }, 300_000);
});
