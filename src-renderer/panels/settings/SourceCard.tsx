import { useState, type FormEvent } from 'react';
import type { ConnectionFailure, ConnectionTest, SourceState } from '../../../src-shared/contract/settings';
import { call, ContractCallError } from '../../api/client';
import { useJobs } from '../../app/store/jobs';
import { ProgressBar } from '../../ui/ProgressBar';
import { fieldErrors, type FieldErrors } from './errors';
import { Field } from './Field';
import { useSettings } from './store';

export const FAILURE_LABEL: Record<ConnectionFailure, string> = {
  'bad-url': 'Bad connection URL',
  'host-not-found': 'Host not found',
  unreachable: 'Host unreachable',
  refused: 'Connection refused',
  timeout: 'No answer',
  tls: 'TLS problem',
  'not-postgres': 'Not PostgreSQL',
  auth: 'Authentication failed',
  'no-database': 'Database missing',
  schema: 'Schema not recognised',
};

const ORIGIN: Record<SourceState['current']['origin'], string> = {
  flag: 'the --source option',
  env: 'MONPS_SOURCE_URL',
  settings: 'the saved settings',
  embedded: 'the embedded default',
};

type Result = Pick<ConnectionTest, 'ok' | 'failure' | 'message'>;

/** The connection test's answer: connected, or the failure named. */
function ConnResult({ result }: { result: Result }) {
  return (
    <div
      className={`conn-result conn-result--${result.ok ? 'ok' : 'bad'}`}
      role="status"
      data-testid="connection-result"
      data-failure={result.failure ?? 'none'}
    >
      <strong>{result.ok ? 'Connected' : FAILURE_LABEL[result.failure as ConnectionFailure]}</strong> {result.message}
    </div>
  );
}

/** A switch to a new source under way (its sync's progress), done or failed. */
function SwitchState({ source }: { source: SourceState }) {
  const sw = source.switch;
  const job = useJobs((s) => (sw.jobId ? s.jobs[sw.jobId] : undefined));
  return (
    <div
      className={`conn-result conn-result--${sw.state === 'failed' ? 'bad' : sw.state === 'done' ? 'ok' : 'busy'}`}
      data-testid="switch-state"
      data-state={sw.state}
    >
      {sw.state === 'syncing' && <ProgressBar fraction={job?.fraction ?? null} label="Switch progress" />}
      <span>{sw.state === 'syncing' && job?.message ? `${sw.message} — ${job.message}` : sw.message}</span>
    </div>
  );
}

/** The source connection: test a URL (the failure named), save and switch to it (encrypted; the
 * current cache stays in use until the new source has synced), or go back to the embedded demo. */
export function SourceCard({ source }: { source: SourceState }) {
  const [url, setUrl] = useState(source.editUrl);
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const savedPassword = /:\*\*\*@/.test(url);

  const attempt = async (what: 'test' | 'save', target: string | null) => {
    setBusy(what);
    setErrors({});
    setResult(null);
    try {
      if (what === 'test') setResult(await call('settings.source.test', { url: target ?? '', password: password || undefined }));
      else {
        useSettings
          .getState()
          .setSource(await call('settings.source.save', { url: target, password: target && password ? password : undefined }));
        setPassword('');
      }
    } catch (err) {
      const failure = err instanceof ContractCallError ? (err.details as { failure?: ConnectionFailure } | undefined)?.failure : undefined;
      if (failure && err instanceof Error) setResult({ ok: false, failure, message: err.message });
      else setErrors(fieldErrors(err));
    } finally {
      setBusy(null);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void attempt('test', url);
  };
  const sw = source.switch;

  return (
    <form className="card settings-card" aria-labelledby="source-title" data-section="source" onSubmit={submit} noValidate>
      <h2 id="source-title" className="card__title">
        Source connection
      </h2>
      <p className="settings-current" data-testid="source-current">
        <span className={`tag tag--source`}>{source.current.kind}</span> {source.current.label}
        <span className="muted"> · from {ORIGIN[source.current.origin]}</span>
      </p>
      {source.current.error && <p className="sfield__error">{source.current.error}</p>}
      {(source.current.origin === 'flag' || source.current.origin === 'env') && (
        <p className="muted small">
          This instance was started with {ORIGIN[source.current.origin]}, which comes before the saved source at the next start.
        </p>
      )}
      <div className="sgrid sgrid--one">
        <Field id="source-url" label="PostgreSQL URL" error={errors.url} hint="postgres://user@host:5432/database?sslmode=require" wide>
          <input
            className="input input--wide"
            value={url}
            spellCheck={false}
            autoComplete="off"
            placeholder="postgres://user@host:5432/database"
            onChange={(e) => (setUrl(e.target.value), setResult(null))}
          />
        </Field>
        <Field
          id="source-password"
          label="Password"
          error={errors.password}
          hint={savedPassword ? 'saved, never shown: leave empty to keep it' : 'kept encrypted, never shown again'}
        >
          <input
            className="input"
            type="password"
            value={password}
            autoComplete="new-password"
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
      </div>
      {errors._form && (
        <p className="sfield__error" role="alert">
          {errors._form}
        </p>
      )}
      {result && <ConnResult result={result} />}
      {sw.state !== 'idle' && <SwitchState source={source} />}
      <div className="settings-card__actions">
        <button type="submit" className="btn" disabled={busy !== null || !url.trim()}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy !== null || !url.trim() || sw.state === 'syncing'}
          onClick={() => void attempt('save', url)}
        >
          {busy === 'save' ? 'Checking…' : 'Save and switch'}
        </button>
        <span className="panel__spacer" />
        {source.current.kind !== 'embedded' && (
          <button
            type="button"
            className="btn btn--ghost"
            disabled={busy !== null || sw.state === 'syncing'}
            onClick={() => void attempt('save', null)}
          >
            Use the embedded demo
          </button>
        )}
      </div>
    </form>
  );
}
