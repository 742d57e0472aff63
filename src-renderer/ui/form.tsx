// The form kit of the bet forms (Historique's BetForm, Picks du Jour's PlaceForm): decimal parsing, the
// contract's refusals mapped to their fields, and a labelled field that shows its refusal beside it.
import type { ReactNode } from 'react';
import { ContractCallError } from '../api/client';

/** Refusals by field name ('form' for one that names no field). */
export type FieldErrors = Record<string, string>;

/** A typed number: '' is absent, a decimal comma reads as a point ("2,5" = 2.5); anything else is
 * Number's reading (NaN for text), which the contract's schema then refuses beside the field. */
export const parseDecimal = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** Issues ({path, message}) → the first message of each top-level field. */
export function errorsByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const k = i.path.length ? String(i.path[0]) : 'form';
    out[k] ??= i.message;
  }
  return out;
}

/** A failed call → its refusals: the contract's issues by field, else its message under the form. */
export function errorsOfCall(err: unknown): FieldErrors {
  if (err instanceof ContractCallError) {
    const issues = (err.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues;
    return issues?.length ? errorsByField(issues) : { form: err.message };
  }
  return { form: err instanceof Error ? err.message : String(err) };
}

/** The class names of a field: a full-width row (Historique), an inline field (Picks du Jour) or the combo slip's. */
const LOOK = {
  row: { field: 'form__row', label: 'form__label', error: 'form__error' },
  inline: { field: 'place-form__field', label: 'place-form__label', error: 'place-form__error' },
  slip: { field: 'combo-slip__field', label: 'combo-slip__label', error: 'combo-slip__error' },
} as const;

/** A labelled control (its id is `${uid}-${name}`) and, when refused, the refusal beside it. */
export function Field(p: { uid: string; name: string; label: string; error?: string; look: keyof typeof LOOK; children: ReactNode }) {
  const c = LOOK[p.look];
  return (
    <div className={`${c.field}${p.error ? ` ${c.field}--bad` : ''}`}>
      <label className={c.label} htmlFor={`${p.uid}-${p.name}`}>
        {p.label}
      </label>
      {p.children}
      {p.error && (
        <span className={c.error} role="alert" data-field={p.name}>
          {p.error}
        </span>
      )}
    </div>
  );
}
