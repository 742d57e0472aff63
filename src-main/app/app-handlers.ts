import type { PartialHandlers } from '../platform/contract/dispatch';
import type { Services } from './services';

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
    'jobs.list': async () => s.jobs.list(),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
  };
}
