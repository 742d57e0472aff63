// Every sync.* call runs on the writer lane, beside the cache's one writer (the sync itself).
import { z } from 'zod';
import { contract } from '../../src-shared/contract';
import { defineJob } from '../platform/jobs/define';
import { runSync } from './run';
import { addTable, getManifest, introspect, quarantinePage, setManifest, syncStatus } from './service';

const none = z.object({}).strict();

export const syncJob = defineJob({ kind: 'sync', lane: 'writer', params: contract['sync.start'].input, run: runSync });

export const syncStatusJob = defineJob({ kind: 'sync.status', lane: 'writer', params: none, run: (_p, ctx) => syncStatus(ctx.cacheFile) });

export const manifestGetJob = defineJob({
  kind: 'sync.manifest.get',
  lane: 'writer',
  params: none,
  run: (_p, ctx) => ({ entries: getManifest(ctx.cacheFile) }),
});

export const manifestSetJob = defineJob({
  kind: 'sync.manifest.set',
  lane: 'writer',
  params: contract['sync.manifest.set'].input,
  run: async ({ entries }, ctx) => ({ entries: await setManifest(ctx.cacheFile, ctx.sourceUrl, entries) }),
});

export const manifestAddJob = defineJob({
  kind: 'sync.manifest.add',
  lane: 'writer',
  params: contract['sync.manifest.add'].input,
  run: ({ table, indexes }, ctx) => addTable(ctx.cacheFile, ctx.sourceUrl, table, indexes ? { indexes } : {}),
});

export const introspectJob = defineJob({
  kind: 'sync.introspect',
  lane: 'writer',
  params: none,
  run: (_p, ctx) => introspect(ctx.cacheFile, ctx.sourceUrl),
});

export const quarantineJob = defineJob({
  kind: 'sync.quarantine.list',
  lane: 'writer',
  params: contract['sync.quarantine.list'].input,
  run: (p, ctx) => quarantinePage(ctx.cacheFile, p),
});

export const syncJobs = [syncJob, syncStatusJob, manifestGetJob, manifestSetJob, manifestAddJob, introspectJob, quarantineJob];
