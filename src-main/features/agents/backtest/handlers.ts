import type { PartialHandlers } from '../../../platform/contract/dispatch';
import type { JobHost } from '../../../platform/jobs/host';
import { backtestRunJob, calibrateJob } from './jobs';
import { allowedCsvFiles, importsDirOf } from './sources/csv-files';
import { STRATEGIES } from './strategies';
import { paramDocs } from './strategy';

/** Over the contract a backtest reads only CSV files under the desk's imports folder (see csv-files.ts). */
export function backtestHandlers(s: { jobs: JobHost; config: { dataDir: string } }): PartialHandlers {
  return {
    'backtest.strategies': async () => STRATEGIES.map((x) => ({ name: x.name, summary: x.summary, params: paramDocs(x) })),
    'backtest.run': async (input) => {
      const source =
        input.source.kind === 'csv'
          ? { kind: 'csv' as const, files: allowedCsvFiles(input.source.files, [importsDirOf(s.config.dataDir)]) }
          : input.source;
      return s.jobs.run(backtestRunJob, { ...input, source }).done;
    },
    'value.calibrate': (input) => s.jobs.run(calibrateJob, input).done,
  };
}
