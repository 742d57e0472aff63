// agents.run on the writer lane: it writes the cache (agent_analyses, market_traps, ...).
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define';
import { runAgents } from './run';

export const agentsRunParams = z
  .object({
    full: z.boolean().default(false),
    /** Raise alert.raised for new traps and strong steams (the running app). */
    alerts: z.boolean().default(false),
    asOf: z.iso.datetime({ offset: true }).optional(),
    /** The sync deleted quotes or re-read an odds table whole: rebuild what the worker keeps. */
    resync: z.boolean().default(false),
  })
  .strict();

export const agentsRunJob = defineJob({
  kind: 'agents.run',
  lane: 'writer',
  params: agentsRunParams,
  // the writer worker lives as long as the app: it keeps the series for the next incremental run
  run: (p, ctx) => runAgents({ ...p, keep: true }, ctx),
});

export const runnerJobs = [agentsRunJob];
