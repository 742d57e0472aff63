import type { PartialHandlers } from '../platform/contract/dispatch';
import type { JobHost } from '../platform/jobs/host';
import { introspectJob, manifestAddJob, manifestGetJob, manifestSetJob, quarantineJob, syncStatusJob } from './jobs';
import type { SyncRunner } from './runner';

/** sync.* methods: the sync itself through the runner (never two at once), the rest as writer-lane jobs. */
export function syncHandlers(s: { jobs: JobHost; sync: SyncRunner }): PartialHandlers {
  return {
    'sync.status': async () => ({
      ...(await s.jobs.run(syncStatusJob, {}).done),
      ...(s.sync.nextRetryAt ? { nextRetryAt: s.sync.nextRetryAt } : {}),
    }),
    'sync.start': (input) => s.sync.run(input),
    'sync.cancel': async () => ({ cancelled: s.sync.cancel() }),
    'sync.manifest.get': () => s.jobs.run(manifestGetJob, {}).done,
    'sync.manifest.set': (input) => s.jobs.run(manifestSetJob, input).done,
    'sync.manifest.add': (input) => s.jobs.run(manifestAddJob, input).done,
    'sync.introspect': () => s.jobs.run(introspectJob, {}).done,
    'sync.quarantine.list': (input) => s.jobs.run(quarantineJob, input).done,
  };
}
