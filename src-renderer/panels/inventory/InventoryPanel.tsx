import { useEffect, useMemo, useState } from 'react';
import type { Inventory, InventoryTable } from '../../../src-shared/contract/inventory';
import { categoryOrder } from '../../../src-shared/domain/table-categories';
import { Chart } from '../../ui/Chart';
import { formatWhen } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { ProgressBar } from '../../ui/ProgressBar';
import { SyncStatus } from '../../ui/SyncStatus';
import { subscribe } from '../../api/client';
import { useInventory } from '../../app/store/inventory';
import { runningJobs, useJobs } from '../../app/store/jobs';
import { categoryChartOption, needsLogScale } from './chart';
import { inventoryColumns } from './columns';
import { Kpis } from './Kpis';
import './inventory.css';

type StoreFilter = 'all' | 'source' | 'cache';

const rank = (c: string): number => {
  const i = (categoryOrder as readonly string[]).indexOf(c);
  return i < 0 ? categoryOrder.length : i;
};
const byStoreCategoryName = (a: InventoryTable, b: InventoryTable): number =>
  a.store.localeCompare(b.store) * -1 || rank(a.category) - rank(b.category) || a.name.localeCompare(b.name);
const rowId = (t: InventoryTable): string => `${t.store}:${t.name}`;

/** Rows per category (source against cache) and what each status means. */
function InventorySide({ data }: { data: Inventory | null }) {
  const chartOption = useMemo(() => (data ? categoryChartOption(data.categories) : null), [data]);
  const logScale = useMemo(() => needsLogScale((data?.categories ?? []).flatMap((c) => [c.sourceRows, c.cacheRows])), [data]);
  return (
    <aside className="inventory__side">
      <div className="card card--chart">
        <h2 className="card__title">Rows per category{logScale && <span className="card__hint"> · log scale</span>}</h2>
        {chartOption ? (
          <Chart option={chartOption} label="Rows per category, source against cache" className="chart--categories" />
        ) : (
          <div className="chart chart--categories" />
        )}
      </div>
      <div className="card">
        <h2 className="card__title">Status</h2>
        <dl className="legend">
          <dt>
            <span className="pill pill--active">active</span>
          </dt>
          <dd>rows, used, written in the last 30 days</dd>
          <dt>
            <span className="pill pill--under-used">under-used</span>
          </dt>
          <dd>not synced, or no write for 30 days</dd>
          <dt>
            <span className="pill pill--empty">empty</span>
          </dt>
          <dd>no rows</dd>
        </dl>
      </div>
    </aside>
  );
}

/** SPEC 3.2 "Data inventory": every table of the source and the cache, graded like the seed's. */
export default function InventoryPanel() {
  const { data, loading, error, refresh, load } = useInventory();
  const job = useJobs((s) => runningJobs(s.jobs).find((j) => j.kind === 'inventory'));
  const [store, setStore] = useState<StoreFilter>('all');
  const [category, setCategory] = useState('');
  const [search, setSearch] = useState('');

  useEffect(() => {
    void load();
  }, [load]);
  // A finished sync changes rows, freshness and sync phases: count again.
  useEffect(
    () =>
      subscribe('job.progress', (j) => {
        if (j.kind === 'sync' && j.state === 'done') void refresh();
      }),
    [refresh],
  );

  const tables = useMemo(() => [...(data?.tables ?? [])].sort(byStoreCategoryName), [data]);
  const shown = useMemo(
    () => tables.filter((t) => (store === 'all' || t.store === store) && (!category || t.category === category)),
    [tables, store, category],
  );
  const categories = useMemo(() => [...new Set(tables.map((t) => t.category))].sort((a, b) => rank(a) - rank(b)), [tables]);
  const ready = data !== null && !loading;

  return (
    <section
      className="panel panel--inventory"
      data-panel="inventory"
      data-ready={ready ? 'true' : 'false'}
      data-generated-at={data?.generatedAt}
      aria-labelledby="panel-title"
      aria-busy={loading}
    >
      <header className="panel__header">
        <h1 id="panel-title" className="panel__title">
          Data inventory
        </h1>
        <span className="panel__subtitle">{data ? `counted ${formatWhen(data.generatedAt)}` : loading ? 'counting every table…' : ''}</span>
        <span className="panel__spacer" />
        {loading && (
          <span className="panel__progress">
            <ProgressBar fraction={job?.fraction ?? null} label="Inventory progress" />
            <span className="muted">{job?.message ?? 'starting'}</span>
          </span>
        )}
        <SyncStatus now={Date.now()} enabled={ready} />
        <button type="button" className="btn" onClick={() => void refresh()} disabled={loading}>
          {loading ? 'Counting…' : 'Refresh'}
        </button>
      </header>

      {data && !data.source.reachable && (
        <div className="banner banner--bad" role="alert" data-testid="source-unreachable">
          <strong>Source unreachable.</strong> {data.source.error ?? `${data.source.label} did not answer.`} The tables below are the local
          cache only; the app keeps working on it.
        </div>
      )}
      {!data && error && (
        <div className="banner banner--bad" role="alert">
          <strong>The inventory could not be read.</strong> {error}
        </div>
      )}

      {data && <Kpis inventory={data} />}

      <div className="inventory__body">
        <Grid<InventoryTable>
          id="inventory"
          rows={shown}
          columns={inventoryColumns}
          rowId={rowId}
          quickFilter={search}
          emptyText={data ? 'No table matches these filters' : 'Counting tables…'}
          toolbar={
            <>
              <div className="segmented" role="group" aria-label="Store">
                {(['all', 'source', 'cache'] as const).map((s) => (
                  <button key={s} type="button" className="segmented__item" aria-pressed={store === s} onClick={() => setStore(s)}>
                    {s === 'all' ? 'All stores' : s === 'source' ? 'Source' : 'Cache'}
                  </button>
                ))}
              </div>
              <select className="select" aria-label="Category" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">All categories</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              <input
                className="input"
                type="search"
                placeholder="Search…"
                aria-label="Search tables"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <span className="muted" data-testid="row-count">
                {shown.length} of {tables.length} tables
              </span>
            </>
          }
        />
        <InventorySide data={data} />
      </div>
    </section>
  );
}
