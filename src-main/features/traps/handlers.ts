import type { FerrariHealth } from '../../../src-shared/contract/intel';
import type { JobHost } from '../../platform/jobs/host';
import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { SourceInfo } from '../../platform/source-info';
import { ferrariScorersJob, healthJob, matchTrapsJob, trapDetailJob, trapsActiveJob, trapsByTeamsJob } from './jobs';

/** A cache synced within this long is fresh; older, the health says stale. */
export const FRESH_CACHE_SECONDS = 3600;

export function trapsHandlers(s: { jobs: JobHost; source: SourceInfo }): PartialHandlers {
  return {
    'ferrari.trapsActive': (input) => s.jobs.run(trapsActiveJob, input).done,
    'ferrari.matchTraps': (input) => s.jobs.run(matchTrapsJob, input).done,
    'ferrari.traps': (input) => s.jobs.run(trapsByTeamsJob, input).done,
    'ferrari.trap': (input) => s.jobs.run(trapDetailJob, input).done,
    'analysis.ferrariScorers': (input) => s.jobs.run(ferrariScorersJob, input).done,
    'ferrari.health': async (): Promise<FerrariHealth> => {
      const h = await s.jobs.run(healthJob, {}).done;
      const age = h.cache.ageSeconds;
      return {
        status: age === null ? 'no-data' : age > FRESH_CACHE_SECONDS ? 'stale' : 'ok',
        source: { kind: s.source.kind, label: s.source.label, reachable: s.source.error === null },
        ...h,
      };
    },
  };
}
