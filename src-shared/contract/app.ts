import { z } from 'zod';
import { method } from './define';
import { NUL_MESSAGE } from './storable';

export const MAX_DESK_NAME = 60;

/** A desk's name as the team reads it (Historique's Desk column, the reports): trimmed, 1 to 60
 * characters, storable in PostgreSQL (no NUL). */
export const deskName = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, { error: 'the desk name is empty' })
  .max(MAX_DESK_NAME, { error: `the desk name is longer than ${MAX_DESK_NAME} characters` })
  .refine((s) => !s.includes('\u0000'), { error: `the desk name ${NUL_MESSAGE}` });

const desk = z.object({ deskId: z.string(), name: z.string(), createdAt: z.string() });

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['ipc', 'http']),
  source: z.object({ kind: z.enum(['embedded', 'configured', 'none']), label: z.string() }),
  cacheFile: z.string(),
  startedAt: z.string(),
  /** This desk (issue 18): its id, in the keys of its picks, bets, combos and feedback, and its name. */
  desk,
});

export const appMethods = {
  'app.info': method({ summary: 'Version, source and cache of this running instance', input: z.object({}).strict(), output: appInfo }),
  'app.renameDesk': method({
    summary: "Renames this desk (its id never changes); the name is published to the source, where the team's desks read it",
    input: z.object({ name: deskName }).strict(),
    /** The desk as renamed, and what became of its publication (queued for the source, or why not yet). */
    output: desk.extend({ publication: z.string() }),
  }),
};
