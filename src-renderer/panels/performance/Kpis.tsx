import type { Performance } from '../../../src-shared/contract/picks';
import type { Inventory } from '../../../src-shared/contract/inventory';
import { formatSigned, formatSignedPct } from '../../ui/format';

type Status = 'met' | 'below' | 'above' | 'none';

/** The seed's KPI table: actual against target, live. */
function Kpi({
  id,
  label,
  value,
  target,
  status,
  note,
}: {
  id: string;
  label: string;
  value: string;
  target: string;
  status: Status;
  note: string;
}) {
  return (
    <div className={`kpi perf-kpi perf-kpi--${status}`} data-testid={`kpi-${id}`} data-status={status}>
      <span className="kpi__label">{label}</span>
      <span className="kpi__value kpi__value--small">{value}</span>
      <span className="kpi__note">
        target {target} · {note}
      </span>
    </div>
  );
}

const band = (v: number | null, lo: number, hi = Infinity): Status => (v === null ? 'none' : v < lo ? 'below' : v > hi ? 'above' : 'met');

export function SeedKpis({ perf, inventory }: { perf: Performance; inventory: Inventory | null }) {
  const k = perf.kpis;
  const active = inventory ? inventory.kpi.activeTables : null;
  return (
    <div className="perf-kpis" role="group" aria-label="The seed's KPIs, actual against target">
      <Kpi
        id="active-tables"
        label="Active tables"
        value={active === null ? '…' : `${active} / ${inventory?.kpi.totalTables ?? 0}`}
        target="60 / 85"
        status={band(active, 60)}
        note="from the data inventory"
      />
      <Kpi
        id="mean-clv"
        label="Mean CLV"
        value={formatSignedPct(k.meanClv)}
        target="> 2%"
        status={band(k.meanClv, 0.02)}
        note="picks, last 30 days"
      />
      <Kpi
        id="monthly-roi"
        label="Monthly ROI"
        value={formatSignedPct(k.monthlyRoi)}
        target="> 5%"
        status={band(k.monthlyRoi, 0.05)}
        note="settled picks, last 30 days"
      />
      <Kpi
        id="picks-per-day"
        label="Picks / day"
        value={k.picksPerDay.toFixed(1)}
        target="20–30"
        status={band(k.picksPerDay, 20, 30)}
        note={`last ${k.days} days`}
      />
      <Kpi
        id="traps-per-day"
        label="Traps / day"
        value={k.trapsPerDay === null ? '—' : k.trapsPerDay.toFixed(1)}
        target="5–10"
        status={band(k.trapsPerDay, 5, 10)}
        note={k.trapsPerDay === null ? 'no market_traps in the cache' : `last ${k.days} days`}
      />
    </div>
  );
}

export function Summary({ perf }: { perf: Performance }) {
  const s = perf.summary;
  const c = perf.counts;
  const item = (id: string, label: string, value: string, title?: string) => (
    <div className="perf-stat" data-testid={`stat-${id}`} title={title}>
      <span className="perf-stat__label">{label}</span>
      <span className="perf-stat__value">{value}</span>
    </div>
  );
  return (
    <div className="perf-stats card" role="group" aria-label="Summary of the settled bets">
      {item(
        'bets',
        'Bets',
        `${c.settled} settled · ${c.open} open`,
        `${c.bets} in the filter; ${c.unstaked} settled with stake 0 left out of the staked ledger`,
      )}
      {item('profit', 'Profit', formatSigned(s?.profit ?? null))}
      {item('staked', 'Staked', s ? s.staked.toFixed(2) : '—')}
      {item('roi', 'ROI', formatSignedPct(s?.roi ?? null), 'profit over stakes')}
      {item(
        'roi-ci',
        'ROI 95% interval',
        s ? `${formatSignedPct(s.roiLower, 1)} … ${formatSignedPct(s.roiUpper, 1)}` : '—',
        'percentile bootstrap of the ratio of sums (1,000 resamples, seeded)',
      )}
      {item(
        'hit',
        'Hit rate',
        s?.hitRate === null || s?.hitRate === undefined ? '—' : `${(s.hitRate * 100).toFixed(1)}%`,
        'won and half won over won and lost; voids are neither',
      )}
      {item('clv', 'Mean CLV', formatSignedPct(s?.meanClv ?? null), 'every bet with a closing line in the filter')}
      {item('clv-n', 'Closing lines', `${c.withClv} · ${c.clvMissing} missing`, 'a missing closing price is missing, never 0')}
      {item('dd', 'Max drawdown', s ? s.maxDrawdown.toFixed(2) : '—')}
    </div>
  );
}
