// The Performance panel's parts: its header (settle, refresh), its filters, and its body (KPIs, charts,
// breakdown), each reading the panel's store.
import { useMemo, useState } from 'react';
import type { BreakdownRow, Performance } from '../../../src-shared/contract/picks';
import type { Inventory } from '../../../src-shared/contract/inventory';
import { usePickOptions } from '../../app/store/pick-options';
import { Chart, type ChartOption } from '../../ui/Chart';
import { FilterBar } from '../../ui/FilterBar';
import { formatWhen } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { agentsOption, bandOption, calibrationOption, chartLabels, clvHistogramOption, clvOverTimeOption, profitOption } from './charts';
import { breakdownColumns } from './columns';
import { SeedKpis, Summary } from './Kpis';
import { usePerformance } from './store';

const BREAKDOWNS: { id: keyof Performance['by']; label: string }[] = [
  { id: 'agent', label: 'Agent' },
  { id: 'league', label: 'League' },
  { id: 'market', label: 'Market' },
  { id: 'bookmaker', label: 'Book' },
  { id: 'oddsBand', label: 'Odds band' },
  { id: 'timeToKickoff', label: 'Time to kick-off' },
];
const rowId = (r: BreakdownRow) => r.key;

export function Header() {
  const st = usePerformance();
  const p = st.data;
  return (
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
  );
}

/** Kind and staking (Performance's own), then the filter bar shared with Historique. */
export function Filters() {
  const st = usePerformance();
  const options = usePickOptions((o) => o.options);
  const f = st.filters;
  return (
    <div className="perf__filters">
      <div className="segmented" role="group" aria-label="Kind">
        {(['all', 'pick', 'bet'] as const).map((k) => (
          <button key={k} type="button" className="segmented__item" aria-pressed={f.kind === k} onClick={() => st.setFilters({ kind: k })}>
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
        options={options}
        errors={st.filterErrors}
        withCombos
        // Performance counts open and settled bets apart by construction: no state to choose
        onChange={({ state: _state, ...patch }) => st.setFilters(patch)}
      />
    </div>
  );
}

function Charts({ perf }: { perf: Performance }) {
  const o = useMemo(
    () => ({
      profit: profitOption(perf),
      band: bandOption(perf),
      histogram: clvHistogramOption(perf),
      overTime: clvOverTimeOption(perf),
      calibration: calibrationOption(perf),
      agents: agentsOption(perf.by.agent),
      labels: chartLabels(perf),
    }),
    [perf],
  );
  const cards: { title: string; hint?: string; option: ChartOption; label: string }[] = [
    { title: 'Profit and ROI', hint: 'settled bets in kick-off order', option: o.profit, label: o.labels.profit },
    { title: 'Realised against expected', hint: 'model probabilities, bets taken as independent', option: o.band, label: o.labels.band },
    { title: 'CLV distribution', hint: 'against the de-vigged reference close', option: o.histogram, label: o.labels.histogram },
    { title: 'Mean CLV over time', hint: 'by week of kick-off', option: o.overTime, label: o.labels.overTime },
    { title: 'Calibration', hint: 'probability used against how often it won', option: o.calibration, label: o.labels.calibration },
    { title: 'Agent comparison', option: o.agents, label: o.labels.agents },
  ];
  return (
    <div className="perf__charts">
      {cards.map((c) => (
        <div key={c.title} className="card perf-chart">
          <h2 className="card__title">
            {c.title}
            {c.hint && <span className="card__hint"> · {c.hint}</span>}
          </h2>
          <Chart option={c.option} label={c.label} className="chart--perf" />
        </div>
      ))}
    </div>
  );
}

function Breakdown({ perf }: { perf: Performance }) {
  const [by, setBy] = useState<keyof Performance['by']>('agent');
  return (
    <div className="card perf-breakdown">
      <Grid<BreakdownRow>
        id={`performance-by-${by}`}
        rows={perf.by[by]}
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
  );
}

/** KPIs, summary, the six charts and the breakdown of one computed Performance. */
export function Body({ perf, inventory }: { perf: Performance; inventory: Inventory | null }) {
  return (
    <div className="perf__body">
      <SeedKpis perf={perf} inventory={inventory} />
      <Summary perf={perf} />
      {perf.counts.bets === 0 && (
        <p className="banner perf__empty" data-testid="no-picks">
          No pick or bet in this filter yet. Picks arrive from CONSEIL ULTIM and the agents; your own bets are recorded in Historique.
        </p>
      )}
      <Charts perf={perf} />
      <Breakdown perf={perf} />
    </div>
  );
}
