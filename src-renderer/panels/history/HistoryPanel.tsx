import { useEffect, useState } from 'react';
import { subscribe } from '../../api/client';
import { ComboSlip } from '../../ui/ComboSlip';
import { useHistory } from './store';
import { historyTabs } from './tabs';
import './history.css';

/** SPEC 7.6: every bet with its settlement; patterns and the learning log have their tabs ready. */
export default function HistoryPanel() {
  const [tab, setTab] = useState(historyTabs[0].id);
  const rows = useHistory((s) => s.rows);
  const loading = useHistory((s) => s.loading);
  const error = useHistory((s) => s.error);
  useEffect(
    () =>
      subscribe('cache.changed', (e) => {
        // picks and their matches; desk names (a rename, the team's desks synced) name the rows' desks
        if (e.tables.some((t) => ['tracking_clv_picks', 'matches', 'desk', 'desks'].includes(t))) void useHistory.getState().refresh();
        if (e.tables.includes('fg_combo_tracking')) void useHistory.getState().loadCombos();
      }),
    [],
  );
  const Active = historyTabs.find((t) => t.id === tab)?.component ?? historyTabs[0].component;
  const ready = rows !== null && !loading;
  return (
    <section
      className="panel panel--history"
      data-panel="history"
      data-ready={ready ? 'true' : 'false'}
      data-tab={tab}
      aria-labelledby="panel-title"
      aria-busy={loading}
    >
      <header className="panel__header">
        <h1 id="panel-title" className="panel__title">
          Historique
        </h1>
        <div className="tabs" role="tablist" aria-label="Historique">
          {historyTabs.map((t) => (
            <button key={t.id} type="button" role="tab" className="tabs__tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        <span className="panel__spacer" />
        <button type="button" className="btn" onClick={() => void useHistory.getState().refresh()} disabled={loading}>
          Refresh
        </button>
      </header>
      {error && (
        <div className="banner banner--bad" role="alert">
          <strong>The bets could not be read.</strong> {error}
        </div>
      )}
      {/* the combo slip, once a row is added to it (Bets: "Add to combo" on an open row) */}
      <ComboSlip />
      <div className="history__body" role="tabpanel">
        <Active />
      </div>
    </section>
  );
}
