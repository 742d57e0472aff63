import { useEffect, useState } from 'react';
import type { SyncStatus as SyncStatusData } from '../../src-shared/contract/sync';
import { call, subscribe } from '../api/client';
import { ago } from './format';
import { ProgressBar } from './ProgressBar';
import { runningJobs, useJobs } from '../app/store/jobs';
import { reportError } from '../app/store/toasts';
import './SyncStatus.css';

const stateLabel: Record<SyncStatusData['state'], string> = {
  never: 'Never synced',
  running: 'Syncing',
  ok: 'Synced',
  offline: 'Source offline',
  error: 'Sync failed',
};

/** Data freshness, "Sync now" and the running sync's progress bar (Command Center, Data inventory).
 * `enabled` lets a panel hold the status read back until its own first data has arrived; `stale`
 * is the panel's own judgement that the data is old although the last sync succeeded. */
export function SyncStatus({ now, enabled, stale = false }: { now: number; enabled: boolean; stale?: boolean }) {
  const [status, setStatus] = useState<SyncStatusData | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useJobs((s) => runningJobs(s.jobs).find((j) => j.kind === 'sync'));

  useEffect(() => {
    if (!enabled) return;
    const load = () => void call('sync.status', {}).then(setStatus, () => setStatus(null));
    load();
    const stop = subscribe('job.progress', (j) => {
      if (j.kind === 'sync' && j.state !== 'running') load();
    });
    return stop;
  }, [enabled]);

  const running = !!job || starting;
  const syncNow = async () => {
    setStarting(true);
    try {
      await call('sync.start', {});
    } catch (e) {
      reportError(e);
    } finally {
      setStarting(false);
    }
  };
  const state = running ? 'running' : (status?.state ?? 'never');
  const dot = state === 'ok' && !stale ? 'statusbar__dot--ok' : state === 'offline' || state === 'error' ? 'statusbar__dot--bad' : '';
  return (
    <span className="sync-status" data-testid="sync-status" data-sync-state={state}>
      <span className={`statusbar__dot ${dot}`} />
      <span title={status?.lastError ?? undefined}>
        {stateLabel[state]}
        {status?.lastSuccessAt ? ` · data as of ${ago(now - Date.parse(status.lastSuccessAt))}` : ''}
        {stale && state === 'ok' ? ' (stale)' : ''}
      </span>
      {running && (
        <span className="sync-status__progress">
          <ProgressBar fraction={job?.fraction ?? null} label="Sync progress" />
          <span className="muted">{job?.message ?? 'starting'}</span>
        </span>
      )}
      <button type="button" className="btn btn--primary" onClick={() => void syncNow()} disabled={running}>
        {running ? 'Syncing…' : 'Sync now'}
      </button>
    </span>
  );
}
