import { z } from 'zod';

/** Typed errors at the boundary: the UI shows `message`, and `details` says where (e.g. which field). */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  'UNAVAILABLE',
  'CONFLICT',
  'CANCELLED',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const contractErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ContractErrorData = z.infer<typeof contractErrorSchema>;

export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.details = details;
  }
  toJSON(): ContractErrorData {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

/** What every transport carries back: a value or a typed error, never a thrown stack trace. */
export type RpcResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: ContractErrorData };

/** zod issues → a readable "field: problem" list. */
export function validationError(issues: z.core.$ZodIssue[], where: string): ContractError {
  const lines = issues.map((i) => `${i.path.length ? i.path.join('.') : '(input)'}: ${i.message}`);
  return new ContractError('VALIDATION', `invalid ${where}: ${lines.join('; ')}`, {
    issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}
