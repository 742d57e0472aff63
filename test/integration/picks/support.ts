// Shared by the pick-tracking tests: the contract's picks.* methods served in this thread (the jobs
// run as the worker runs them, through the same dispatch that validates inputs).
export { expectedUnit, resultOfUnit } from '../../support/settle-rules';
import { dispatch, joinHandlers, type Handlers } from '../../../src-main/platform/contract/dispatch';
import type { JobHost } from '../../../src-main/platform/jobs/host';
import { EventBus } from '../../../src-main/platform/events';
import { picksHandlers } from '../../../src-main/features/picks';
import type { MethodName, MethodOutput, RpcResponse } from '../../../src-shared/contract';
import { runJob, jobContext } from '../../support/jobs';
import type { JobDef } from '../../../src-main/platform/jobs/define';

/** A JobHost stand-in that runs each job in this thread (the real host posts it to a worker). */
export function inThreadJobs(cacheFile: string, sourceUrl?: string): JobHost {
  return {
    run<P, R>(job: JobDef<P, R>, params: P) {
      return { jobId: 'in-thread', done: runJob(job, params, jobContext(cacheFile, sourceUrl)) };
    },
  } as unknown as JobHost;
}

/** The picks.* methods through dispatch: input validated by the contract, output checked too; `events`
 * holds the cache.changed tables the calls announced. */
export function picksContract(cacheFile: string) {
  const bus = new EventBus();
  const events: string[][] = [];
  bus.onAny((name, payload) => {
    if (name === 'cache.changed') events.push((payload as { tables: string[] }).tables);
  });
  const handlers = picksHandlers({ jobs: inThreadJobs(cacheFile), bus }) as Handlers;
  return {
    events,
    raw: (name: MethodName, input: unknown): Promise<RpcResponse> => dispatch(handlers, name, input),
    async call<M extends MethodName>(name: M, input: unknown): Promise<MethodOutput<M>> {
      const r = await dispatch(handlers, name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as MethodOutput<M>;
    },
  };
}
export { joinHandlers };
