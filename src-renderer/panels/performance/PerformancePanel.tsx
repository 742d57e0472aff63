import { useEffect, useMemo, useState } from 'react';
import type { BreakdownRow, Performance } from '../../../src-shared/contract/picks';
import { subscribe } from '../../api/client';
import { Chart } from '../../ui/Chart';
import { formatWhen } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { useInventory } from '../../app/store/inventory';
import { agentsOption, bandOption, calibrationOption, chartLabels, clvHistogramOption, clvOverTimeOption, profitOption } from './charts';
import { breakdownColumns } from './columns';
import { SeedKpis, Summary } from './Kpis';
import { usePerformance } from './store';
import './performance.css';
import { FilterBar } from '../../ui/FilterBar';
import { usePickOptions } from '../../app/store/pick-options';

const BREAKDOWNS: { id: keyof Performance['by']; label: string }[] = [
  { id: 'agent', label: 'Agent' },
  { id: 'league', label: 'League' },
  { id: 'market', label: 'Market' },
  { id: 'bookmaker', label: 'Book' },
  { id: 'oddsBand', label: 'Odds band' },
  { id: 'timeToKickoff', label: 'Time to kick-off' },
];
const TRACKING_TABLES = ['tracking_clv_picks', 'matches', 'market_traps'];
const rowId = (r: BreakdownRow) => r.key;

/** SPEC 7.3: profit and ROI, CLV analysis, realised against expected, calibration, agent comparison, the seed's KPIs. */
export default function PerformancePanel() {
  const st = usePerformance();
  const inventory = useInventory((s) => s.data);
  const [by, setBy] = useState<keyof Performance['by']>('agent');
  const p = st.data;

  useEffect(() => {
    const s = usePerformance.getState();
    void usePickOptions.getState().load();
    void s.refresh();
    void useInventory.getState().load();
    return subscribe('cache.changed', (e) => {
      if (e.tables.some((t) => TRACKING_TABLES.includes(t))) void usePerformance.getState().refresh();
    });
  }, []);

  const options = useMemo(
    () =>
      p && {
        profit: profitOption(p),
        band: bandOption(p),
        histogram: clvHistogramOption(p),
        overTime: clvOverTimeOption(p),
        calibration: calibrationOption(p),
        agents: agentsOption(p.by.agent),
        labels: chartLabels(p),
      },
    [p],
  );
  const f = st.filters;
  const opts = usePickOptions((o) => o.options);
  const ready = p !== null && !st.loading;

  return (
    <section
      className="panel panel--performance"
      data-panel="performance"
      data-ready={ready ? 'true' : 'false'}
      aria-labelledby="panel-title"
      aria-busy={st.loading}
    >
      <header className="panel__header perf__header">
        <h1 id="panel-title" className="panel__title">
          Performance
        </h1>
        <span className="panel__subtitle">{p ? `computed ${formatWhen(p.generatedAt)}` : st.loading ? 'reading the picks…' : ''}</span>
        <span className="panel__spacer" />
        {st.lastSettle && (
          <span className="muted" data-testid="last-settle">
            settled {st.lastSettle.results.settled + st.lastSettle.results.resettled} · closing lines{' '}
            {st.lastSettle.closing.captured + st.lastSettle.closing.lastQuote}
          </span>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => void st.settleNow()}
          disabled={st.settling}
          title="Capture closing lines and settle from the results in the cache now"
        >
          {st.settling ? 'Settling…' : 'Settle now'}
        </button>
        <button type="button" className="btn" onClick={() => void st.refresh()} disabled={st.loading}>
          Refresh
        </button>
      </header>

      <div className="perf__filters">
        <div className="segmented" role="group" aria-label="Kind">
          {(['all', 'pick', 'bet'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className="segmented__item"
              aria-pressed={f.kind === k}
              onClick={() => st.setFilters({ kind: k })}
            >
              {k === 'all' ? 'Picks and bets' : k === 'pick' ? 'Picks' : 'My bets'}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="Staking">
          {(['staked', 'flat'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className="segmented__item"
              aria-pressed={f.staking === k}
              onClick={() => st.setFilters({ staking: k })}
              title={k === 'staked' ? 'the recorded stakes (stake-0 picks left out)' : 'one unit on every pick'}
            >
              {k === 'staked' ? 'Staked' : 'Flat 1 unit'}
            </button>
          ))}
        </div>
        <FilterBar
          value={f}
          options={opts}
          errors={st.filterErrors}
          // Performance counts open and settled bets apart by construction: no state to choose
          onChange={({ state: _state, ...patch }) => st.setFilters(patch)}
        />
      </div>

      {st.error && (
        <div className="banner banner--bad" role="alert">
          <strong>Performance could not be computed.</strong> {st.error}
        </div>
      )}

      {p && options && (
        <div className="perf__body">
          <SeedKpis perf={p} inventory={inventory} />
          <Summary perf={p} />
          {p.counts.bets === 0 && (
            <p className="banner perf__empty" data-testid="no-picks">
              No pick or bet in this filter yet. Picks arrive from CONSEIL ULTIM and the agents; your own bets are recorded in Historique.
            </p>
          )}
          <div className="perf__charts">
            <div className="card perf-chart">
              <h2 className="card__title">
                Profit and ROI <span className="card__hint">· settled bets in kick-off order</span>
              </h2>
              <Chart option={options.profit} label={options.labels.profit} className="chart--perf" />
            </div>
            <div className="card perf-chart">
              <h2 className="card__title">
                Realised against expected <span className="card__hint">· model probabilities, bets taken as independent</span>
              </h2>
              <Chart option={options.band} label={options.labels.band} className="chart--perf" />
            </div>
            <div className="card perf-chart">
              <h2 className="card__title">
                CLV distribution <span className="card__hint">· against the de-vigged reference close</span>
              </h2>
              <Chart option={options.histogram} label={options.labels.histogram} className="chart--perf" />
            </div>
            <div className="card perf-chart">
              <h2 className="card__title">
                Mean CLV over time <span className="card__hint">· by week of kick-off</span>
              </h2>
              <Chart option={options.overTime} label={options.labels.overTime} className="chart--perf" />
            </div>
            <div className="card perf-chart">
              <h2 className="card__title">
                Calibration <span className="card__hint">· probability used against how often it won</span>
              </h2>
              <Chart option={options.calibration} label={options.labels.calibration} className="chart--perf" />
            </div>
            <div className="card perf-chart">
              <h2 className="card__title">Agent comparison</h2>
              <Chart option={options.agents} label={options.labels.agents} className="chart--perf" />
            </div>
          </div>
          <div className="card perf-breakdown">
            <Grid<BreakdownRow>
              id={`performance-by-${by}`}
              rows={p.by[by]}
              columns={breakdownColumns}
              rowId={rowId}
              emptyText="No bets in this filter"
              toolbar={
                <>
                  <h2 className="card__title perf-breakdown__title">Breakdown by</h2>
                  <div className="segmented" role="group" aria-label="Breakdown">
                    {BREAKDOWNS.map((b) => (
                      <button key={b.id} type="button" className="segmented__item" aria-pressed={by === b.id} onClick={() => setBy(b.id)}>
                        {b.label}
                      </button>
                    ))}
                  </div>
                  <span className="muted small-note">
                    Ranking groups by ROI finds lucky ones: read the interval and the CLV, not the top line.
                  </span>
                </>
              }
            />
          </div>
        </div>
      )}
    </section>
  );
}
