import { errorCodes, type ContractErrorData, type ErrorCode } from '../../src-shared/contract/errors';

/** A job's failure as a typed error: contract codes pass through (NOT_FOUND, VALIDATION, …); a
 * source that cannot be reached is UNAVAILABLE (the sync retries those), a source refused for its
 * address or credentials is VALIDATION; anything else is INTERNAL. */
export function jobError(err: unknown): ContractErrorData {
  const e = err as { code?: string; message?: string; details?: unknown; offline?: boolean; name?: string };
  const message = e?.message ?? String(err);
  if (e?.code && (errorCodes as readonly string[]).includes(e.code)) {
    return { code: e.code as ErrorCode, message, ...(e.details === undefined ? {} : { details: e.details }) };
  }
  if (e?.name === 'SourceError') return { code: e.offline ? 'UNAVAILABLE' : 'VALIDATION', message };
  return { code: 'INTERNAL', message };
}
