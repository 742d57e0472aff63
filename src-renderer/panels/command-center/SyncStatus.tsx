import { useEffect, useState } from 'react';
import type { SyncStatus as SyncStatusData } from '../../../src-shared/contract/sync';
import type { Alert } from '../../../src-shared/contract/market';
import { call, subscribe } from '../../api/client';
import { ago } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { runningJobs, useJobs } from '../../store/jobs';
import { reportError } from '../../store/toasts';

const stateLabel: Record<SyncStatusData['state'], string> = { never: 'Never synced', running: 'Syncing', ok: 'Synced', offline: 'Source offline', error: 'Sync failed' };

/** Data freshness, "Sync now" and the running sync's progress bar. */
/** `enabled` waits for the board: the status read is not allowed to delay the first rows. */
export function SyncStatus({ alerts, now, enabled }: { alerts: Alert[]; now: number; enabled: boolean }) {
  const [status, setStatus] = useState<SyncStatusData | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useJobs((s) => runningJobs(s.jobs).find((j) => j.kind === 'sync'));
  const stale = alerts.find((a): a is Extract<Alert, { kind: 'sync_state' }> => a.kind === 'sync_state')?.state === 'stale';

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
    <span className="cc-sync" data-testid="sync-status" data-sync-state={state}>
      <span className={`statusbar__dot ${dot}`} />
      <span title={status?.lastError ?? undefined}>
        {stateLabel[state]}
        {status?.lastSuccessAt ? ` · data as of ${ago(now - Date.parse(status.lastSuccessAt))}` : ''}
        {stale && state === 'ok' ? ' (stale)' : ''}
      </span>
      {running && (
        <span className="cc-sync__progress">
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
