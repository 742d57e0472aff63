import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define';
import { ensureDemo } from './ensure';
import { demoFeed } from './feed';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const isoTime = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'expected an ISO time');

/** The embedded default's demo world: generated when the source is empty or its fixtures are over. */
export const ensureDemoJob = defineJob({
  kind: 'demo.ensure',
  lane: 'writer',
  params: z.object({ anchor: isoDay.optional(), scale: z.number().positive().max(100).optional(), now: isoTime.optional() }).strict(),
  run: ensureDemo,
});

/** The live demo: releases the quotes and results that became due. */
export const demoFeedJob = defineJob({
  kind: 'demo.feed',
  lane: 'writer',
  params: z.object({ now: isoTime.optional() }).strict(),
  run: demoFeed,
});

export const demoJobs = [ensureDemoJob, demoFeedJob];
