import { useId, useState, type FormEvent } from 'react';
import { deskName } from '../../../src-shared/contract/app';
import { call } from '../../api/client';
import { useAppInfo } from '../../app/store/app-info';
import { errorsByField, errorsOfCall, Field, type FieldErrors } from '../../ui/form';

/** Renames this desk (its id never changes): checked with the contract's schema (trimmed, 1-60
 * characters, no NUL) before the call; the name is then published so the team's desks show it. */
export function DeskName({ current }: { current: string }) {
  const uid = useId();
  const [name, setName] = useState(current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNote(null);
    const checked = deskName.safeParse(name);
    if (!checked.success) {
      setErrors({ name: errorsByField(checked.error.issues).form });
      return;
    }
    setBusy(true);
    try {
      const { publication, ...desk } = await call('app.renameDesk', { name: checked.data });
      const info = useAppInfo.getState().info;
      if (info) useAppInfo.setState({ info: { ...info, desk } });
      setErrors({});
      setName(desk.name);
      setNote(`Renamed to ${desk.name}: ${publication}.`);
    } catch (err) {
      const byField = errorsOfCall(err);
      setErrors({ name: byField.name ?? byField.form ?? Object.values(byField)[0] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="desk-name" aria-label="Rename this desk" onSubmit={(e) => void submit(e)} noValidate>
      <Field uid={uid} name="name" label="Desk name" error={errors.name} look="inline">
        <input id={`${uid}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      <button type="submit" className="btn" disabled={busy || name === current}>
        {busy ? 'Renaming…' : 'Rename'}
      </button>
      {note && (
        <span className="muted" role="status" data-testid="desk-rename-note">
          {note}
        </span>
      )}
    </form>
  );
}
