// This desk's name for the team (issue 18): renamed in Settings, published to the source's `desks` table
// through the outbox like every row the app writes, so the other desks' Historique names its rows.
import { z } from 'zod';
import { deskName } from '../../src-shared/contract/app';
import { ContractError } from '../../src-shared/contract/errors';
import { withWriter, type Cache } from '../platform/cache/open';
import { cacheDesk, renameDesk, type Desk } from '../platform/desk';
import { defineJob } from '../platform/jobs/define';
import { writeOwnOutput } from '../sync';

/** Queues this desk's identity for the source unless the mirror already holds it as it is. Returns what
 * happened, said (a source without the `desks` table, an unsynced cache: published after a later sync). */
export function publishDesk(db: Cache, desk: Desk | null = cacheDesk(db)): string {
  if (!desk) return 'no desk identity yet';
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'desks'").get())
    return 'not published yet: the source has no desks table in the cache (sync first)';
  const row = db.prepare('SELECT name FROM desks WHERE desk_id = ?').get(desk.deskId) as { name: string } | undefined;
  if (row?.name === desk.name) return 'published';
  try {
    writeOwnOutput(db, 'desks', [{ desk_id: desk.deskId, name: desk.name, created_at: desk.createdAt }]);
  } catch (err) {
    if (err instanceof ContractError) return `not published: ${err.message}`;
    throw err;
  }
  return 'queued for the source (sent with the next sync)';
}

export const renameDeskJob = defineJob({
  kind: 'desk.rename',
  lane: 'writer',
  params: z.object({ name: deskName, dataDir: z.string().min(1) }),
  run: ({ name, dataDir }, ctx) =>
    withWriter(ctx.cacheFile, (db) => {
      const desk = renameDesk(dataDir, db, name);
      return { ...desk, publication: publishDesk(db, desk) };
    }),
});

/** After a sync: the desk's name reaches the source once the `desks` mirror exists (a new desk, a
 * source migrated since). */
export const publishDeskJob = defineJob({
  kind: 'desk.publish',
  lane: 'writer',
  params: z.object({}),
  run: (_p, ctx) => withWriter(ctx.cacheFile, (db) => ({ publication: publishDesk(db) })),
});

export const deskJobs = [renameDeskJob, publishDeskJob];
