// The worker turns every job failure but UNAVAILABLE into INTERNAL; a typed refusal (NOT_FOUND naming
// the unknown team, VALIDATION) must reach the caller as it is, so these jobs answer it as a value.
import { ContractError, type ContractErrorData } from '../../../src-shared/contract/errors';

export interface JobRefusal {
  refused: ContractErrorData;
}

/** In the job: a ContractError becomes a value; anything else still fails the job. */
export async function refusalAsValue<R>(fn: () => Promise<R> | R): Promise<R | JobRefusal> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ContractError) return { refused: err.toJSON() };
    throw err;
  }
}

/** In the handler: the refusal thrown again as the typed error it was. */
export function unwrapRefusal<R>(value: R | JobRefusal): R {
  if (value && typeof value === 'object' && 'refused' in value) {
    const e = (value as JobRefusal).refused;
    throw new ContractError(e.code, e.message, e.details);
  }
  return value as R;
}
