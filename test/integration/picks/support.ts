// Shared by the pick-tracking tests: the contract's picks.* methods served in this thread (the jobs
// run as the worker runs them, through the same dispatch that validates inputs), and an independent
// settlement of a bet written from the rules, not from quant.
import { dispatch, joinHandlers, type Handlers } from '../../../src-main/platform/contract/dispatch';
import type { JobHost } from '../../../src-main/platform/jobs/host';
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

/** The picks.* methods through dispatch: input validated by the contract, output checked too. */
export function picksContract(cacheFile: string) {
  const handlers = picksHandlers({ jobs: inThreadJobs(cacheFile) }) as Handlers;
  return {
    raw: (name: MethodName, input: unknown): Promise<RpcResponse> => dispatch(handlers, name, input),
    async call<M extends MethodName>(name: M, input: unknown): Promise<MethodOutput<M>> {
      const r = await dispatch(handlers, name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as MethodOutput<M>;
    },
  };
}
export { joinHandlers };

/** Profit per unit of a bet, from the rules: a quarter line is two half-stakes on the neighbouring
 * half/whole lines; each part wins (odds − 1), pushes (0) or loses (−1) on the goal margin. */
export function expectedUnit(market: string, line: number | null, selection: string, odds: number, h: number, a: number): number {
  if (market === '1x2') return selection === (h > a ? 'home' : h < a ? 'away' : 'draw') ? odds - 1 : -1;
  const L = line as number;
  const parts = Number.isInteger(L * 2) ? [L] : [L - 0.25, L + 0.25];
  const part = (l: number): number => {
    let m: number;
    if (market === 'totals') m = selection === 'over' ? h + a - l : l - (h + a);
    else m = selection === 'home' ? h - a + l : a - h - l; // l is the home team's handicap
    return m > 0 ? odds - 1 : m < 0 ? -1 : 0;
  };
  return parts.reduce((s, l) => s + part(l), 0) / parts.length;
}

export function resultOfUnit(unit: number, odds: number): string {
  const near = (x: number) => Math.abs(unit - x) < 1e-12;
  if (near(odds - 1)) return 'won';
  if (near((odds - 1) / 2)) return 'half_won';
  if (near(0)) return 'void';
  if (near(-0.5)) return 'half_lost';
  if (near(-1)) return 'lost';
  throw new Error(`unit ${unit} at odds ${odds} is no settlement`);
}
