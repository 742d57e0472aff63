import { useEffect } from 'react';
import { subscribe } from '../../api/client';
import { useInventory } from '../../app/store/inventory';
import { usePickOptions } from '../../app/store/pick-options';
import { Body, Filters, Header } from './parts';
import { usePerformance } from './store';
import './performance.css';

// a combo recorded or settled (fg_combo_tracking) counts in Performance too
const TRACKING_TABLES = ['tracking_clv_picks', 'fg_combo_tracking', 'matches', 'market_traps'];

/** SPEC 7.3: profit and ROI, CLV analysis, realised against expected, calibration, agent comparison, the seed's KPIs. */
export default function PerformancePanel() {
  const st = usePerformance();
  const inventory = useInventory((s) => s.data);
  const p = st.data;

  useEffect(() => {
    void usePickOptions.getState().load();
    void usePerformance.getState().refresh();
    void useInventory.getState().load();
    return subscribe('cache.changed', (e) => {
      if (e.tables.some((t) => TRACKING_TABLES.includes(t))) void usePerformance.getState().refresh();
    });
  }, []);

  const ready = p !== null && !st.loading;
  return (
    <section
      className="panel panel--performance"
      data-panel="performance"
      data-ready={ready ? 'true' : 'false'}
      aria-labelledby="panel-title"
      aria-busy={st.loading}
    >
      <Header />
      <Filters />
      {st.error && (
        <div className="banner banner--bad" role="alert">
          <strong>Performance could not be computed.</strong> {st.error}
        </div>
      )}
      {p && <Body perf={p} inventory={inventory} />}
    </section>
  );
}
