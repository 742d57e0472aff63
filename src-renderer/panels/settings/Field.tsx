import { cloneElement, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import type { FieldErrors } from './errors';

/** A labelled control with its hint, or its error right below it (announced, and tied to the
 * control with aria-describedby). */
export function Field(props: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  /** Shown after the control (a unit: %, EUR). */
  suffix?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
  wide?: boolean;
}) {
  const { id, label, error, hint, suffix, children, wide } = props;
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`sfield${wide ? ' sfield--wide' : ''}${error ? ' sfield--invalid' : ''}`} data-field={id}>
      <label htmlFor={id} className="sfield__label">
        {label}
      </label>
      <div className="sfield__control">
        {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
        {suffix && <span className="sfield__suffix">{suffix}</span>}
      </div>
      {error ? (
        <p id={`${id}-error`} className="sfield__error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="sfield__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** One section of the settings as a form: its own Save (the whole section is validated by the main
 * process; nothing is saved when a field is wrong) and Reset to what is saved. */
export function SectionForm(props: {
  id: string;
  title: string;
  hint?: ReactNode;
  dirty: boolean;
  errors: FieldErrors;
  onSave: () => Promise<boolean>;
  onReset: () => void;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaved(false);
    const ok = await props.onSave();
    setSaving(false);
    setSaved(ok);
  };
  return (
    <form
      className="card settings-card"
      aria-labelledby={`${props.id}-title`}
      data-section={props.id}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id={`${props.id}-title`} className="card__title">
        {props.title}
        {props.hint && <span className="card__hint"> · {props.hint}</span>}
      </h2>
      {props.children}
      {props.errors._form && (
        <p className="sfield__error" role="alert">
          {props.errors._form}
        </p>
      )}
      <div className="settings-card__actions">
        <button type="submit" className="btn btn--primary" disabled={!props.dirty || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          disabled={!props.dirty || saving}
          onClick={() => (setSaved(false), props.onReset())}
        >
          Reset
        </button>
        {saved && !props.dirty && (
          <span className="settings-card__saved" role="status">
            Saved
          </span>
        )}
        <span className="panel__spacer" />
        {props.extra}
      </div>
    </form>
  );
}

/** A draft of a section: edited locally, compared with what is saved, replaced when the saved value changes. */
export function useDraft<T>(saved: T): [T, (next: T) => void, boolean, () => void] {
  const [draft, setDraft] = useState<{ base: T; value: T }>({ base: saved, value: saved });
  if (draft.base !== saved) {
    // the saved value changed (saved here, or elsewhere): start again from it
    setDraft({ base: saved, value: saved });
  }
  const value = draft.base === saved ? draft.value : saved;
  const dirty = JSON.stringify(value) !== JSON.stringify(saved);
  return [value, (next) => setDraft({ base: saved, value: next }), dirty, () => setDraft({ base: saved, value: saved })];
}

/** A number field's text → the number sent (empty or not a number: NaN, which the contract refuses with a message). */
export const toNumber = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
export const toShare = (s: string): number => toNumber(s) / 100;
export const percent = (x: number): string => String(+(x * 100).toFixed(4));
