import type { Inventory } from '../../../src-shared/contract/inventory';
import { formatInt } from '../../ui/format';

/** The seed's target for the whole team database: 60 of its 85 tables active. */
const SEED_TARGET = { active: 60, total: 85 };

export function Kpis({ inventory }: { inventory: Inventory }) {
  const { tables, kpi } = inventory;
  const of = (store: 'source' | 'cache') => tables.filter((t) => t.store === store);
  const rows = (ts: typeof tables) => ts.reduce((a, t) => a + t.rows, 0);
  const count = (status: string) => tables.filter((t) => t.status === status).length;
  const quarantined = tables.reduce((a, t) => a + t.quarantined, 0);
  const share = kpi.totalTables ? kpi.activeTables / kpi.totalTables : 0;
  const onSource = inventory.source.reachable && of('source').length > 0;
  const kpiBase = onSource ? 'source tables' : 'cache tables';
  return (
    <div className="kpis">
      <div
        className="kpi kpi--main"
        title={`Counted over the business ${kpiBase} (SYSTEM and DEMO TRUTH left out). The seed's target: ${SEED_TARGET.active} of ${SEED_TARGET.total} tables active.`}
      >
        <span className="kpi__label">Active tables</span>
        <span className="kpi__value" data-testid="kpi-active">
          {kpi.activeTables} <span className="kpi__of">/ {kpi.totalTables}</span>
        </span>
        <span className="kpi__note">
          {kpi.totalTables === 0
            ? onSource
              ? 'no business tables in the source yet'
              : 'nothing synced to the cache yet'
            : `${Math.round(share * 100)}% of ${kpiBase} · target ${SEED_TARGET.active}/${SEED_TARGET.total}`}
        </span>
      </div>
      <div className="kpi">
        <span className="kpi__label">Source</span>
        <span className="kpi__value kpi__value--small">{formatInt(rows(of('source')))}</span>
        <span className="kpi__note">
          rows · {of('source').length} tables · {inventory.source.kind === 'embedded' ? 'embedded' : inventory.source.kind}
          {inventory.source.timescale ? ' · TimescaleDB' : ''}
        </span>
      </div>
      <div className="kpi">
        <span className="kpi__label">Cache</span>
        <span className="kpi__value kpi__value--small">{formatInt(rows(of('cache')))}</span>
        <span className="kpi__note">rows · {of('cache').length} SQLite tables</span>
      </div>
      <div className="kpi">
        <span className="kpi__label">Status</span>
        <span className="kpi__value kpi__value--small kpi__statuses">
          <span className="text--active">{count('active')}</span>
          <span className="kpi__sep">·</span>
          <span className="text--under-used">{count('under-used')}</span>
          <span className="kpi__sep">·</span>
          <span className="text--empty">{count('empty')}</span>
        </span>
        <span className="kpi__note">active · under-used · empty</span>
      </div>
      <div className="kpi">
        <span className="kpi__label">Quarantined</span>
        <span className={`kpi__value kpi__value--small${quarantined ? ' text--empty' : ''}`}>{formatInt(quarantined)}</span>
        <span className="kpi__note">bad source rows held back</span>
      </div>
    </div>
  );
}
