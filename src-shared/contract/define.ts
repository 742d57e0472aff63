import { z } from 'zod';

/** A contract method: validated input and output, and optionally a REST route of the seed's API.
 * The types every side uses are inferred from these schemas (one source of truth). */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  /** A long-running method answers a job id at once; progress comes as `job.progress` events. */
  job?: boolean;
  rest?: RestRoute;
}

/** GET route: path params (`{home}`) are copied into the input object under the same name. */
export interface RestRoute {
  path: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  summary: string;
  payload: P;
}

export function event<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}
