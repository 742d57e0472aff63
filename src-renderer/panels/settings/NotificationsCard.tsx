import { useMemo, useState } from 'react';
import type { NotificationSettings } from '../../../src-shared/contract/settings';
import { currentTransport } from '../../api/client';
import { formatWhen } from '../../ui/format';
import { within, type FieldErrors } from './errors';
import { Field, SectionForm, toNumber, useDraft } from './Field';
import { useSettings } from './store';

type Form = Omit<NotificationSettings, 'maxPerMinute'> & { maxPerMinute: string };

const SEVERITY = [
  ['off', 'off'],
  ['medium', 'medium and high'],
  ['high', 'high only'],
] as const;

/** Which events notify, quiet hours, the channels; the browser's permission in the headless mode,
 * and the last deliveries (failures included: nothing is dropped silently). */
export function NotificationsCard({ saved }: { saved: NotificationSettings }) {
  const save = useSettings((s) => s.save);
  const savedForm = useMemo<Form>(() => ({ ...saved, maxPerMinute: String(saved.maxPerMinute) }), [saved]);
  const [form, setForm, dirty, reset] = useDraft(savedForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const e = within(errors, 'notifications');
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });
  const browser = currentTransport().kind === 'http';
  return (
    <SectionForm
      id="notifications"
      title="Notifications"
      dirty={dirty}
      errors={e}
      onReset={() => (setErrors({}), reset())}
      onSave={async () => {
        const errs = await save({ notifications: { ...form, maxPerMinute: toNumber(form.maxPerMinute) } });
        setErrors(errs);
        return Object.keys(errs).length === 0;
      }}
    >
      <div className="sgrid">
        <Field id="notify-traps" label="New traps" error={e.traps}>
          <select className="select" value={form.traps} onChange={(ev) => set('traps', ev.target.value as Form['traps'])}>
            {SEVERITY.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="notify-picks" label="Picks of tier" error={e.picks}>
          <select className="select" value={form.picks} onChange={(ev) => set('picks', ev.target.value as Form['picks'])}>
            {SEVERITY.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="checks">
        <label className="check">
          <input type="checkbox" checked={form.steam} onChange={(ev) => set('steam', ev.target.checked)} /> Strong steam moves
        </label>
        <label className="check">
          <input type="checkbox" checked={form.settlement} onChange={(ev) => set('settlement', ev.target.checked)} /> Settlement summary
        </label>
      </div>
      <h3 className="settings-sub">Quiet hours and channels</h3>
      <div className="sgrid">
        <label className="check">
          <input
            type="checkbox"
            checked={form.quietHours.enabled}
            onChange={(ev) => set('quietHours', { ...form.quietHours, enabled: ev.target.checked })}
          />{' '}
          Quiet hours
        </label>
        <Field id="quiet-from" label="From" error={e['quietHours.from']}>
          <input
            className="input input--time"
            type="time"
            value={form.quietHours.from}
            onChange={(ev) => set('quietHours', { ...form.quietHours, from: ev.target.value })}
          />
        </Field>
        <Field id="quiet-to" label="To" error={e['quietHours.to']}>
          <input
            className="input input--time"
            type="time"
            value={form.quietHours.to}
            onChange={(ev) => set('quietHours', { ...form.quietHours, to: ev.target.value })}
          />
        </Field>
      </div>
      <div className="sgrid">
        <Field id="notify-rate" label="At most" error={e.maxPerMinute} suffix="a minute, the rest summed up">
          <input
            className="input input--num"
            inputMode="numeric"
            value={form.maxPerMinute}
            onChange={(ev) => set('maxPerMinute', ev.target.value)}
          />
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.desktop} onChange={(ev) => set('desktop', ev.target.checked)} />{' '}
          {browser ? 'Browser' : 'Desktop'} notifications
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.telegram}
            onChange={(ev) => set('telegram', ev.target.checked)}
            aria-describedby={e.telegram ? 'notify-telegram-error' : undefined}
          />{' '}
          Telegram
        </label>
      </div>
      {e.telegram && (
        <p id="notify-telegram-error" className="sfield__error" role="alert">
          {e.telegram}
        </p>
      )}
      {browser && <BrowserPermission />}
      <LastDeliveries />
    </SectionForm>
  );
}

/** What the notifier sent lately, and what it could not send and why. */
function LastDeliveries() {
  const deliveries = useSettings((s) => s.deliveries);
  return (
    <>
      <h3 className="settings-sub">Last deliveries</h3>
      {deliveries.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="deliveries" aria-label="Last deliveries">
          {deliveries.map((d, i) => (
            <li key={`${d.at}-${d.id}-${d.channel}-${i}`} className={`deliveries__row deliveries__row--${d.status}`}>
              <span className="muted">{formatWhen(d.at)}</span> <span className="tag tag--cache">{d.channel}</span>{' '}
              <strong>{d.status}</strong> {d.title}
              {d.status !== 'sent' && <span className="deliveries__msg"> — {d.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The browser asks once, on a click; until it is allowed, alerts come as in-app toasts. */
function BrowserPermission() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'unsupported');
  return (
    <p className="muted small" data-testid="browser-permission" data-permission={permission}>
      Browser notifications:{' '}
      {permission === 'granted'
        ? 'allowed'
        : permission === 'denied'
          ? 'blocked by the browser (alerts show as in-app toasts)'
          : permission === 'unsupported'
            ? 'not supported here (alerts show as in-app toasts)'
            : 'not allowed yet (alerts show as in-app toasts)'}{' '}
      {permission === 'default' && (
        <button type="button" className="btn" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Allow browser notifications
        </button>
      )}
    </p>
  );
}
