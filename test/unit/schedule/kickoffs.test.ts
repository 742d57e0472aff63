import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { kickoffsJob, slotDefinitions } from '../../../src-main/features/schedule';
import { SCHEDULE_SLOTS } from '../../../src-shared/contract/scheduler';
import { cronProblem } from '../../../src-shared/domain/cron';
import { jobContext, runJob } from '../../support/jobs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-kickoffs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kick-off times for the closing-line capture', () => {
  it("are the distinct kick-offs of the cache's scheduled matches in the window, in order", async () => {
    const file = path.join(dir, 'cache.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE matches (match_id INTEGER PRIMARY KEY, kickoff TEXT, status TEXT)');
    const insert = db.prepare('INSERT INTO matches VALUES (?, ?, ?)');
    insert.run(1, '2026-01-05T15:00:00.000Z', 'scheduled');
    insert.run(2, '2026-01-05T15:00:00.000Z', 'scheduled'); // same kick-off: one run
    insert.run(3, '2026-01-05T17:30:00.000Z', 'scheduled');
    insert.run(4, '2026-01-05T12:00:00.000Z', 'finished'); // past
    insert.run(5, '2026-01-05T19:00:00.000Z', 'postponed'); // not played then
    insert.run(6, '2026-01-09T20:00:00.000Z', 'scheduled'); // beyond 48 h
    db.close();
    const times = await runJob(kickoffsJob, { from: '2026-01-05T13:00:00.000Z', hours: 48 }, jobContext(file));
    expect(times).toEqual(['2026-01-05T15:00:00.000Z', '2026-01-05T17:30:00.000Z']);
  });

  it('are none before the first sync made a matches table', async () => {
    const file = path.join(dir, 'empty.sqlite');
    new Database(file).close();
    expect(await runJob(kickoffsJob, { from: '2026-01-05T13:00:00.000Z' }, jobContext(file))).toEqual([]);
  });

  it('every slot has a valid default cron; the sync runs at start and is the probe', () => {
    for (const embedded of [true, false]) {
      const defs = slotDefinitions(embedded);
      expect(Object.keys(defs)).toEqual([...SCHEDULE_SLOTS]);
      for (const d of Object.values(defs)) expect(cronProblem(d.defaultCron), d.slot).toBeNull();
      expect(defs.sync).toMatchObject({ probe: true, runAtStart: true, needsSource: true });
    }
  });
});
