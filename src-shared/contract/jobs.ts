import { z } from 'zod';
import { event, method } from './define';
import { contractErrorSchema } from './errors';

export const jobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const jobInfo = z.object({
  jobId: z.string(),
  kind: z.string(),
  state: jobState,
  fraction: z.number().min(0).max(1).nullable(),
  message: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  error: contractErrorSchema.nullable(),
});
export type JobInfo = z.infer<typeof jobInfo>;

export const jobMethods = {
  'jobs.list': method({ summary: 'Jobs of this session, newest first', input: z.object({}).strict(), output: z.array(jobInfo) }),
  'jobs.cancel': method({
    summary: 'Cancel a running job',
    input: z.object({ jobId: z.string().min(1) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
};

export const jobEvents = {
  'job.progress': event({ summary: 'A job started, moved, finished, failed or was cancelled', payload: jobInfo }),
};
