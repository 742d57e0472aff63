import { throwIfCancelled, type JobContext } from '../../jobs/types';
import { importFootballData, type ImportReport } from './import';

export interface ImportFootballDataParams {
  /** CSV files or folders (searched recursively for *.csv). */
  paths: string[];
}

/** The importer as a worker job: progress per file, cancellable between files. */
export async function importFootballDataJob(params: ImportFootballDataParams, ctx: JobContext): Promise<ImportReport> {
  if (!ctx.sourceUrl) throw new Error('football-data import: no PostgreSQL source is configured');
  throwIfCancelled(ctx.signal);
  return importFootballData(ctx.sourceUrl, params.paths, {
    signal: ctx.signal,
    progress: (p) => ctx.progress({ fraction: p.done / p.total, done: p.done, total: p.total, message: `importing ${p.file}` }),
  });
}
