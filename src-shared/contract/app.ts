import { z } from 'zod';
import { method } from './define';

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['ipc', 'http']),
  source: z.object({ kind: z.enum(['embedded', 'configured', 'none']), label: z.string() }),
  cacheFile: z.string(),
  startedAt: z.string(),
  /** This desk (issue 18): its id, in the keys of its picks, bets, combos and feedback, and its name. */
  desk: z.object({ deskId: z.string(), name: z.string(), createdAt: z.string() }),
});

export const appMethods = {
  'app.info': method({ summary: 'Version, source and cache of this running instance', input: z.object({}).strict(), output: appInfo }),
};
