import { ContractError } from '../../../src-shared/contract/errors';
import type { SyncResult } from '../../../src-shared/contract/sync';
import { SyncService } from '../../data/sync/service';
import { SourceError } from '../../data/sync/source';
import type { PartialHandlers } from '../dispatch';
import type { Services } from '../services';

/** sync.* methods: the sync itself runs as the worker job 'sync' (runSync); the small reads and the
 * manifest edit go straight to the cache. */
export function syncHandlers(s: Services): PartialHandlers {
  const service = (): SyncService => new SyncService({ cacheFile: s.config.cacheFile, sourceUrl: s.source.url });
  let running: string | null = null;
  const typed = async <T>(fn: () => Promise<T> | T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof SourceError) throw new ContractError(err.code === 'UNAVAILABLE' ? 'UNAVAILABLE' : 'VALIDATION', err.message);
      if (err instanceof ContractError) throw err;
      throw new ContractError('VALIDATION', (err as Error).message);
    }
  };
  return {
    'sync.status': async () => service().status(),
    'sync.start': async (input) => {
      if (running) throw new ContractError('CONFLICT', 'a sync is already running');
      const { jobId, done } = s.jobs.run<SyncResult>('sync', input);
      running = jobId;
      try {
        return await done;
      } finally {
        if (running === jobId) running = null;
      }
    },
    'sync.cancel': async () => ({ cancelled: running ? s.jobs.cancel(running) : false }),
    'sync.manifest.get': async () => ({ entries: service().getManifest() }),
    'sync.manifest.set': async ({ entries }) => typed(async () => ({ entries: await service().setManifest(entries) })),
    'sync.introspect': async () => typed(() => service().introspect()),
    'sync.quarantine.list': async (input) => service().quarantine(input),
  };
}
