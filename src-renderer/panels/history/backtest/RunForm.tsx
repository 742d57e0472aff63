import { useId } from 'react';
import { useJobs } from '../../../app/store/jobs';
import { Field } from '../../../ui/form';
import { ProgressBar } from '../../../ui/ProgressBar';
import { choicesOf } from './params';
import { useBacktest } from './store';

/** One parameter: a select for a closed choice, else a text field (numbers, lists, book rates). */
function ParamField({ uid, name, type, description }: { uid: string; name: string; type: string; description: string }) {
  const value = useBacktest((s) => s.values[name] ?? '');
  const choices = choicesOf({ name, type, description, default: undefined });
  const change = (v: string) => useBacktest.getState().set({ values: { ...useBacktest.getState().values, [name]: v } });
  return (
    <Field uid={uid} name={name} label={name} look="row">
      {choices ? (
        <select id={`${uid}-${name}`} className="select" value={value} title={description} onChange={(e) => change(e.target.value)}>
          {choices.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ) : (
        <input
          id={`${uid}-${name}`}
          className="input"
          value={value}
          title={`${type}: ${description}`}
          onChange={(e) => change(e.target.value)}
        />
      )}
      <span className="backtest__hint">{description}</span>
    </Field>
  );
}

/** The imported files a run may read (the source "files"). */
function FileChoice() {
  const files = useBacktest((s) => s.files);
  const chosen = useBacktest((s) => s.chosenFiles);
  if (files.length === 0) return <p className="muted">No file imported yet: import football-data files above.</p>;
  const toggle = (name: string, on: boolean) =>
    useBacktest.getState().set({ chosenFiles: on ? [...chosen, name] : chosen.filter((n) => n !== name) });
  return (
    <ul className="backtest__files" aria-label="Imported files">
      {files.map((f) => (
        <li key={f.name}>
          <label>
            <input type="checkbox" checked={chosen.includes(f.name)} onChange={(e) => toggle(f.name, e.target.checked)} /> {f.name}{' '}
            <span className="muted">{(f.bytes / 1024).toFixed(0)} KB</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/** Progress of the running backtest job and its Cancel button (jobs.cancel). */
function RunProgress() {
  const job = useJobs((s) =>
    Object.values(s.jobs).find((j) => j.kind === 'backtest.run' && (j.state === 'running' || j.state === 'queued')),
  );
  return (
    <div className="backtest__progress" data-testid="backtest-progress">
      <ProgressBar fraction={job?.fraction ?? null} label="Backtest progress" />
      <span className="muted">{job?.message || 'starting'}</span>
      <button type="button" className="btn" disabled={!job} onClick={() => job && void useJobs.getState().cancel(job.jobId)}>
        Cancel
      </button>
    </div>
  );
}

/** Strategy, its parameters, the source and the dates; Run starts backtest.run as a job. */
export function RunForm() {
  const uid = useId();
  const s = useBacktest();
  const info = s.strategies?.find((x) => x.name === s.strategy);
  return (
    <form
      className="backtest__form card"
      aria-label="Backtest"
      onSubmit={(e) => {
        e.preventDefault();
        void s.run();
      }}
    >
      <h2 className="card__title">Backtest</h2>
      <Field uid={uid} name="strategy" label="Strategy" look="row" error={s.errors.strategy}>
        <select id={`${uid}-strategy`} className="select" value={s.strategy} onChange={(e) => s.choose(e.target.value)}>
          {(s.strategies ?? []).map((x) => (
            <option key={x.name}>{x.name}</option>
          ))}
        </select>
        {info && <span className="backtest__hint">{info.summary}</span>}
      </Field>
      <Field uid={uid} name="source" label="Source" look="row" error={s.errors.source}>
        <select
          id={`${uid}-source`}
          className="select"
          value={s.source}
          onChange={(e) => s.set({ source: e.target.value as 'cache' | 'files' })}
        >
          <option value="cache">The cache (synced matches)</option>
          <option value="files">Imported football-data files</option>
        </select>
      </Field>
      {s.source === 'files' && <FileChoice />}
      <Field uid={uid} name="from" label="From" look="row" error={s.errors.from}>
        <input id={`${uid}-from`} className="input" type="date" value={s.from} onChange={(e) => s.set({ from: e.target.value })} />
      </Field>
      <Field uid={uid} name="to" label="To" look="row" error={s.errors.to}>
        <input id={`${uid}-to`} className="input" type="date" value={s.to} onChange={(e) => s.set({ to: e.target.value })} />
      </Field>
      {s.errors.form && (
        <div className="banner banner--bad" role="alert" data-testid="backtest-error">
          {s.errors.form}
        </div>
      )}
      {s.cancelled && (
        <p className="muted" data-testid="backtest-cancelled">
          The run was cancelled.
        </p>
      )}
      {s.running ? (
        <RunProgress />
      ) : (
        <button type="submit" className="btn btn--primary" disabled={!info}>
          Run backtest
        </button>
      )}
      <details className="backtest__params" open>
        <summary>Parameters{s.errors.params ? ' (refused)' : ''}</summary>
        {s.errors.params && (
          <span className="form__error" role="alert">
            {s.errors.params}
          </span>
        )}
        {info?.params.map((p) => (
          <ParamField key={`${s.strategy}:${p.name}`} uid={uid} {...p} />
        ))}
      </details>
    </form>
  );
}
