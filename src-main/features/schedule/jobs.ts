import { z } from 'zod';
import { tableExists } from '../../platform/cache/tables';
import { cacheReader } from '../../platform/cache/reader';
import { defineJob } from '../../platform/jobs/define';

/** Kick-off times of the scheduled matches in the cache, from `from` for `hours` (distinct, in order):
 * the closing-line capture runs at each of them. */
export const kickoffsJob = defineJob({
  kind: 'schedule.kickoffs',
  lane: 'reader',
  params: z
    .object({
      from: z.iso.datetime({ offset: true }),
      hours: z
        .number()
        .positive()
        .max(24 * 14)
        .default(48),
    })
    .strict(),
  run: ({ from, hours }, ctx): string[] => {
    const db = cacheReader(ctx.cacheFile);
    if (!tableExists(db, 'matches')) return [];
    const start = new Date(from);
    const end = new Date(start.getTime() + hours * 3_600_000);
    return db
      .prepare(
        "SELECT DISTINCT kickoff FROM matches WHERE status = 'scheduled' AND kickoff > ? AND kickoff <= ? ORDER BY kickoff LIMIT 2000",
      )
      .pluck()
      .all(start.toISOString(), end.toISOString()) as string[];
  },
});

export const scheduleJobs = [kickoffsJob];
