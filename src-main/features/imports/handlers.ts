import path from 'node:path';
import type { ImportReport } from '../../../src-shared/contract/imports';
import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { JobHost } from '../../platform/jobs/host';
import { allowedCsvFiles, importsDirOf } from '../agents/backtest';
import { importFootballDataJob } from '../../ingest/football-data';
import { listImports } from './list';
import { safeImportName } from './names';

/** The importer's report with each file named as it is in the folder (the data dir's path stays in main). */
export const namedByFile = (r: ImportReport): ImportReport => ({
  ...r,
  files: r.files.map((f) => ({ ...f, file: path.basename(f.file) })),
});

export function importsHandlers(s: { jobs: JobHost; config: { dataDir: string } }): PartialHandlers {
  const dir = () => importsDirOf(s.config.dataDir);
  return {
    'imports.list': async () => listImports(dir()),
    'imports.football-data': async (input) => {
      // the same checks as a backtest over the contract: regular files inside the folder only
      const paths = allowedCsvFiles(
        input.files.map((n) => path.join(dir(), safeImportName(n))),
        [dir()],
      );
      return namedByFile(await s.jobs.run(importFootballDataJob, { paths }).done);
    },
  };
}
