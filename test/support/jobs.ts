import type { JobContext, JobDef } from '../../src-main/platform/jobs/define';

/** Runs a job in this thread as the worker would: parameters parsed by the job's schema first. */
export async function runJob<P, R>(job: JobDef<P, R>, params: unknown, ctx: JobContext): Promise<R> {
  return job.run(job.params.parse(params ?? {}), ctx);
}

export function jobContext(cacheFile: string, sourceUrl?: string, signal = new AbortController().signal): JobContext {
  return { cacheFile, sourceUrl, signal, progress: () => {} };
}
