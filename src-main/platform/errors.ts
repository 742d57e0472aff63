import { ContractError, errorCodes, type ErrorCode } from '../../src-shared/contract/errors';

/** The one translation of a failure into the contract's typed error, used by the worker (a job's
 * failure) and by dispatch (a handler's): contract errors pass through with their details; a
 * cancel is CANCELLED; a source that cannot be reached is UNAVAILABLE (the sync retries those) and
 * one refused for its address or credentials VALIDATION; bad input to the math (QuantError) is
 * VALIDATION; a cache table that does not exist yet (before the first sync) UNAVAILABLE; anything else
 * is INTERNAL with its message. */
export function toContractError(err: unknown): ContractError {
  if (err instanceof ContractError) return err;
  const e = err as { name?: string; message?: string; code?: unknown; details?: unknown; offline?: boolean };
  const message = e?.message ?? String(err);
  if (e?.name === 'JobCancelled') return new ContractError('CANCELLED', 'cancelled');
  if (e?.name === 'SourceError') return new ContractError(e.offline ? 'UNAVAILABLE' : 'VALIDATION', message);
  const missingTable = e?.name === 'SqliteError' ? /^no such table: (?:main\.)?(\w+)$/.exec(message) : null;
  if (missingTable) return new ContractError('UNAVAILABLE', `the cache has no ${missingTable[1]} yet: sync the source first`);
  if (e?.name === 'QuantError') return new ContractError('VALIDATION', message, e.details);
  if (e?.name === 'ContractError' && typeof e.code === 'string' && (errorCodes as readonly string[]).includes(e.code)) {
    return new ContractError(e.code as ErrorCode, message, e.details);
  }
  return new ContractError('INTERNAL', message);
}
