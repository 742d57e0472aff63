import { z } from 'zod';
import { defineJob, throwIfCancelled } from '../../platform/jobs/define';
import { importFootballData } from './import';

/** The importer as a worker job: progress per file, cancellable between files. */
export const importFootballDataJob = defineJob({
  kind: 'import.football-data',
  lane: 'writer',
  /** CSV files or folders (searched recursively for *.csv). */
  params: z.object({ paths: z.array(z.string().min(1)).min(1) }).strict(),
  run: async ({ paths }, ctx) => {
    if (!ctx.sourceUrl) throw new Error('football-data import: no PostgreSQL source is configured');
    throwIfCancelled(ctx.signal);
    return importFootballData(ctx.sourceUrl, paths, {
      signal: ctx.signal,
      progress: (p) => ctx.progress({ fraction: p.done / p.total, done: p.done, total: p.total, message: `importing ${p.file}` }),
    });
  },
});
