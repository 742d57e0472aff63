import { ContractCallError } from '../../api/client';

/** Messages by field path ("staking.kellyFraction"), from a typed VALIDATION error's zod issues. */
export type FieldErrors = Record<string, string>;

/** A failed call as messages for the fields it names; anything else under `_form` (shown above the buttons). */
export function fieldErrors(err: unknown): FieldErrors {
  if (err instanceof ContractCallError && err.code === 'VALIDATION') {
    const issues = (err.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues;
    if (issues?.length) {
      const out: FieldErrors = {};
      for (const i of issues) out[i.path.join('.')] ??= i.message;
      return out;
    }
  }
  return { _form: err instanceof Error ? err.message : String(err) };
}

/** Errors under `prefix.` with the prefix taken off (a card's own fields). */
export function within(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    if (k === '_form') out._form = v;
    else if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  }
  return out;
}
