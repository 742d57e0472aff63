// A desk's name for the team (issue 18): renamed in Settings (app.renameDesk's job), published to the
// source's `desks` table through the outbox, and read by the other desk after its sync, where Historique's
// rows of the first desk carry its name. A refused name changes nothing, here or in the source.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDesk, renameDeskJob } from '../../../src-main/app/desk-jobs';
import { listPicks } from '../../../src-main/features/picks/queries';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { deskFileIn, deskNames, ensureDesk, type Desk } from '../../../src-main/platform/desk';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { runSync } from '../../../src-main/sync/run';
import { runJob } from '../../support/jobs';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { jobContext, withClient } from './fixtures';

let src: TestDatabase;
let root: string;
const desks: { dir: string; file: string; desk: Desk }[] = [];

const withCache = <T>(file: string, f: (db: Cache) => T): T => {
  const db = openCache(file);
  try {
    return f(db);
  } finally {
    db.close();
  }
};
const sync = (i: number) => runSync({}, jobContext(desks[i].file, src.url));
const sourceDesks = () =>
  withClient(
    src.url,
    async (c) => (await c.query<{ desk_id: string; name: string }>('SELECT desk_id, name FROM desks ORDER BY name')).rows,
  );

beforeAll(async () => {
  src = await createTestDatabase('monps_desk_names');
  await migrateSource(src.url);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-desk-names-'));
  for (const label of ['A', 'B']) {
    const dir = path.join(root, label);
    const file = path.join(dir, 'cache.sqlite');
    desks.push({ dir, file, desk: withCache(file, (db) => ensureDesk(dir, db)) });
  }
  await sync(0);
  await sync(1);
}, 300_000);

afterAll(async () => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  await src?.drop();
});

describe("a desk's name for the team", () => {
  it('is queued once the desks table is mirrored, and reaches the source with the next sync', async () => {
    expect(withCache(desks[0].file, (db) => publishDesk(db))).toBe('queued for the source (sent with the next sync)');
    await sync(0);
    expect(await sourceDesks()).toEqual([{ desk_id: desks[0].desk.deskId, name: desks[0].desk.name }]);
    // published as it is: nothing queued again
    expect(withCache(desks[0].file, (db) => publishDesk(db))).toBe('published');
  });

  it("a rename is published; the other desk names the first desk's rows with it after its sync", async () => {
    const [a, b] = desks;
    const renamed = await runJob(renameDeskJob, { name: '  Trader North  ', dataDir: a.dir }, jobContext(a.file, src.url));
    expect(renamed).toMatchObject({
      deskId: a.desk.deskId,
      name: 'Trader North',
      publication: 'queued for the source (sent with the next sync)',
    });
    expect(JSON.parse(fs.readFileSync(deskFileIn(a.dir), 'utf8')).name).toBe('Trader North');
    await sync(0);
    await sync(1);
    const names = withCache(b.file, (db) => deskNames(db));
    expect(names.get(a.desk.deskId)).toBe('Trader North');
    expect(names.get(b.desk.deskId)).toBe(b.desk.name);
    // a row of desk A in desk B's cache carries A's name; a row from before desks carries none
    const rows = withCache(b.file, (db) => {
      for (const [id, desk] of [
        ['p-a', a.desk.deskId],
        ['p-old', null],
      ])
        db.prepare(
          `INSERT INTO tracking_clv_picks (pick_id, desk_id, kind, match_id, market, selection, bookmaker, odds_taken, stake, source, picked_at)
           VALUES (?, ?, 'pick', 1, '1x2', 'home', 'PS', 2, 1, 'conseil', '2026-12-01T10:00:00Z')`,
        ).run(id, desk);
      return listPicks(db, { kind: 'all', state: 'all', desk: 'team' }, 10).rows;
    });
    expect(rows.map((r) => [r.pickId, r.deskName]).sort()).toEqual([
      ['p-a', 'Trader North'],
      ['p-old', null],
    ]);
  });

  it('a refused name (empty, over 60 characters, a NUL) changes nothing', async () => {
    const a = desks[0];
    const before = fs.readFileSync(deskFileIn(a.dir), 'utf8');
    for (const [name, why] of [
      ['   ', /empty/],
      ['x'.repeat(61), /longer than 60/],
      ['Trader\u0000', /NUL/],
    ] as const)
      await expect(runJob(renameDeskJob, { name, dataDir: a.dir }, jobContext(a.file, src.url))).rejects.toThrow(why);
    expect(fs.readFileSync(deskFileIn(a.dir), 'utf8')).toBe(before);
    await sync(0);
    expect((await sourceDesks()).find((d) => d.desk_id === a.desk.deskId)?.name).toBe('Trader North');
  });
});
