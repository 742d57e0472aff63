import type { PartialHandlers } from '../../../platform/contract/dispatch';
import type { JobHost } from '../../../platform/jobs/host';
import { backtestRunJob, calibrateJob } from './jobs';
import { STRATEGIES } from './strategies';
import { paramDocs } from './strategy';

export function backtestHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'backtest.strategies': async () => STRATEGIES.map((x) => ({ name: x.name, summary: x.summary, params: paramDocs(x) })),
    'backtest.run': (input) => s.jobs.run(backtestRunJob, input).done,
    'value.calibrate': (input) => s.jobs.run(calibrateJob, input).done,
  };
}
