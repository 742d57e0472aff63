import { useMemo, useState } from 'react';
import type { SchedulerState, ScheduleSlot, SlotState } from '../../../src-shared/contract/scheduler';
import type { Settings } from '../../../src-shared/contract/settings';
import { call } from '../../api/client';
import { useJobs } from '../../app/store/jobs';
import { reportError } from '../../app/store/toasts';
import { formatWhen } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { within, type FieldErrors } from './errors';
import { SectionForm, useDraft } from './Field';
import { useSettings } from './store';

type Form = Record<ScheduleSlot, { cron: string; enabled: boolean }>;

const toForm = (s: Settings['schedule']): Form =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, { cron: v.cron ?? '', enabled: v.enabled }])) as Form;

const REASON: Record<string, string> = {
  start: 'at start',
  cron: 'cron',
  kickoff: 'kick-off',
  'catch-up': 'catch-up',
  reconnect: 'source back',
  retry: 'retry (backoff)',
  manual: 'by hand',
};

/** The scheduled slots: cron (blank = the default), on/off, the next run and the last run's outcome;
 * a slot runs now or is cancelled from here, its job's progress shown. */
export function ScheduleCard({ saved, state }: { saved: Settings['schedule']; state: SchedulerState }) {
  const save = useSettings((s) => s.save);
  const savedForm = useMemo(() => toForm(saved), [saved]);
  const [form, setForm, dirty, reset] = useDraft(savedForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const e = within(errors, 'schedule');
  return (
    <SectionForm
      id="schedule"
      title="Schedule"
      hint={state.sourceOnline ? 'cron expressions in local time' : 'the source is down: runs that need it wait for it'}
      dirty={dirty}
      errors={e}
      onReset={() => (setErrors({}), reset())}
      onSave={async () => {
        const schedule = Object.fromEntries(
          Object.entries(form).map(([k, v]) => [k, { cron: v.cron.trim() || null, enabled: v.enabled }]),
        ) as Settings['schedule'];
        const errs = await save({ schedule });
        setErrors(errs);
        return Object.keys(errs).length === 0;
      }}
    >
      <table className="schedule" aria-label="Scheduled slots">
        <thead>
          <tr>
            <th scope="col">Slot</th>
            <th scope="col">Cron</th>
            <th scope="col">On</th>
            <th scope="col">Next run</th>
            <th scope="col">Last run</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {state.slots.map((slot) => (
            <SlotRow
              key={slot.slot}
              slot={slot}
              value={form[slot.slot]}
              error={e[`${slot.slot}.cron`]}
              onChange={(v) => setForm({ ...form, [slot.slot]: v })}
            />
          ))}
        </tbody>
      </table>
    </SectionForm>
  );
}

function SlotRow(props: {
  slot: SlotState;
  value: { cron: string; enabled: boolean };
  error?: string;
  onChange: (v: { cron: string; enabled: boolean }) => void;
}) {
  const { slot, value, error } = props;
  const job = useJobs((s) => (slot.running?.jobId ? s.jobs[slot.running.jobId] : undefined));
  const id = `cron-${slot.slot}`;
  const run = () =>
    call('scheduler.run', { slot: slot.slot }).then(
      (s) => useSettings.getState().setSlot(s),
      (err) => reportError(err, `${slot.title} did not start`),
    );
  const cancel = () => call('scheduler.cancel', { slot: slot.slot }).catch((err) => reportError(err, 'Cancel failed'));
  return (
    <tr data-slot={slot.slot} data-running={slot.running ? 'true' : 'false'}>
      <th scope="row" className="schedule__slot">
        <span className="schedule__title">{slot.title}</span>
        <span className="schedule__desc">{slot.description}</span>
      </th>
      <td className="schedule__cron">
        <input
          id={id}
          className="input input--cron"
          aria-label={`Cron of ${slot.title}`}
          placeholder={slot.defaultCron}
          value={value.cron}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(ev) => props.onChange({ ...value, cron: ev.target.value })}
        />
        {error ? (
          <p id={`${id}-error`} className="sfield__error" role="alert">
            {error}
          </p>
        ) : (
          <span className="schedule__note">
            {value.cron.trim() ? 'custom' : `default${slot.triggers.length ? ` + ${slot.triggers.join(', ')}` : ''}`}
          </span>
        )}
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`${slot.title} on`}
          checked={value.enabled}
          onChange={(ev) => props.onChange({ ...value, enabled: ev.target.checked })}
        />
      </td>
      <td className="schedule__next" data-testid={`next-${slot.slot}`}>
        {slot.pending ? (
          <span className="muted" title={slot.pending}>
            not installed yet
          </span>
        ) : slot.nextRunAt ? (
          <>
            {formatWhen(slot.nextRunAt)}
            {slot.nextReason && slot.nextReason !== 'cron' && <span className="schedule__reason">{REASON[slot.nextReason]}</span>}
          </>
        ) : (
          <span className="muted">{slot.enabled ? '—' : 'off'}</span>
        )}
        {slot.held && <span className="pill pill--under-used">held: source down</span>}
      </td>
      <td className="schedule__last" data-testid={`last-${slot.slot}`}>
        {slot.running ? (
          <span className="schedule__running">
            <ProgressBar fraction={job?.fraction ?? null} label={`${slot.title} progress`} />
            <span className="muted">{job?.message ?? slot.running.step ?? 'running'}</span>
          </span>
        ) : slot.lastRun ? (
          <span title={slot.lastRun.message}>
            <span className={`pill pill--run-${slot.lastRun.status}`}>{slot.lastRun.status}</span> {formatWhen(slot.lastRun.finishedAt)}
            <span className="schedule__msg">{slot.lastRun.message}</span>
          </span>
        ) : (
          <span className="muted">never</span>
        )}
      </td>
      <td className="schedule__actions">
        {slot.running ? (
          <button type="button" className="btn" onClick={() => void cancel()}>
            Cancel
          </button>
        ) : (
          <button type="button" className="btn" disabled={!!slot.pending} onClick={() => void run()} aria-label={`Run ${slot.title} now`}>
            Run now
          </button>
        )}
      </td>
    </tr>
  );
}
