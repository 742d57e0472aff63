import type { PartialHandlers } from '../platform/contract/dispatch';
import type { Services } from './services';
import { renameDeskJob } from './desk-jobs';

export function appHandlers(s: Services, transport: 'ipc' | 'http'): PartialHandlers {
  return {
    'app.info': async () => ({
      name: 'Mon_PS Desk',
      version: process.env.npm_package_version ?? '0.1.0',
      transport,
      source: { kind: s.source.kind, label: s.source.label },
      cacheFile: s.config.cacheFile,
      startedAt: s.startedAt,
      desk: s.desk,
    }),
    'app.renameDesk': async ({ name }) => {
      const renamed = await s.jobs.run(renameDeskJob, { name, dataDir: s.config.dataDir }).done;
      s.desk = { deskId: renamed.deskId, name: renamed.name, createdAt: renamed.createdAt };
      s.bus.emit('cache.changed', { tables: ['desk'], at: new Date().toISOString() });
      return renamed;
    },
    'jobs.list': async () => s.jobs.list(),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
  };
}
