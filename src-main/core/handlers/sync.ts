import { ContractError } from '../../../src-shared/contract/errors';
import { SyncService } from '../../data/sync/service';
import { SourceError } from '../../data/sync/source';
import type { PartialHandlers } from '../dispatch';
import type { Services } from '../services';

/** sync.* methods: the sync itself runs as the worker job 'sync' (runSync); the small reads and the
 * manifest edit go straight to the cache. */
export function syncHandlers(s: Services): PartialHandlers {
  const service = (): SyncService => new SyncService({ cacheFile: s.config.cacheFile, sourceUrl: s.source.url });
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
    'sync.start': async (input) => s.sync.run(input),
    'sync.cancel': async () => ({ cancelled: s.sync.cancel() }),
    'sync.manifest.get': async () => ({ entries: service().getManifest() }),
    'sync.manifest.set': async ({ entries }) => typed(async () => ({ entries: await service().setManifest(entries) })),
    'sync.introspect': async () => typed(() => service().introspect()),
    'sync.quarantine.list': async (input) => service().quarantine(input),
  };
}
