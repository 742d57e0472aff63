import type { Alert } from '../../../src-shared/contract/market';
import { ago } from '../../components/format';

/** Data freshness from the feed's sync_state alert. */
export function SyncStatus({ alerts, now }: { alerts: Alert[]; now: number }) {
  const s = alerts.find((a): a is Extract<Alert, { kind: 'sync_state' }> => a.kind === 'sync_state');
  return (
    <span className="cc-sync" data-testid="sync-status" data-sync-state={s?.state ?? 'unknown'}>
      <span className={`statusbar__dot ${s?.state === 'fresh' ? 'statusbar__dot--ok' : s?.state === 'failed' ? 'statusbar__dot--bad' : ''}`} />
      <span>{s ? `${s.title}${s.lastSyncAt ? ` · ${ago(now - Date.parse(s.lastSyncAt))}` : ''}` : 'Sync state unknown'}</span>
    </span>
  );
}
