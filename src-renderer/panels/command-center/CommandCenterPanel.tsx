import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellFocusedEvent, GridApi, IRowNode, RowClickedEvent } from 'ag-grid-community';
import type { MarketKind } from '../../../src-shared/contract/market';
import { subscribe } from '../../api/client';
import { formatInt, formatWhen } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { reportError } from '../../app/store/toasts';
import { boardColumns } from './columns';
import { movesTitle } from './moves-title';
import { diffRows, type GridRow, type RowDiff } from './rows';
import { AlertsFeed, TopMovesList } from './SidePanels';
import { useCommandCenter } from './store';
import { SyncStatus } from '../../ui/SyncStatus';
import { ValueBadge } from './ValueBadge';
import './command-center.css';

type MarketFilter = 'all' | MarketKind;
const MARKET_FILTERS: [MarketFilter, string][] = [
  ['all', 'All'],
  ['1x2', '1X2'],
  ['totals', 'O/U'],
  ['spreads', 'AH'],
];
const rowId = (r: GridRow): string => r.id;

/** The grid of the mounted panel, if any: refreshes reach it as transactions of the changed rows. */
let mountedGrid: GridApi<GridRow> | null = null;
const applyDiff = (d: RowDiff): void => {
  mountedGrid?.applyTransactionAsync({ add: d.add, update: d.update, remove: d.remove });
};
useCommandCenter.getState().setGridApply(applyDiff);
// ECharts is large: the grid must not wait for it to load.
const MovesChart = lazy(() => import('./MovesChart'));

// The board is asked for as soon as this module is loaded, before React mounts the grid.
if (useCommandCenter.getState().version === null && !useCommandCenter.getState().loading) void useCommandCenter.getState().load();

/** The board's market choice and its text filter. */
function BoardToolbar(p: { market: MarketFilter; onMarket(m: MarketFilter): void; search: string; onSearch(s: string): void }) {
  const { market, onMarket, search, onSearch } = p;
  return (
    <>
      <div className="segmented" role="group" aria-label="Market">
        {MARKET_FILTERS.map(([m, label]) => (
          <button key={m} type="button" className="segmented__item" aria-pressed={market === m} onClick={() => onMarket(m)}>
            {label}
          </button>
        ))}
      </div>
      <input
        className="input"
        type="search"
        placeholder="Filter: team, league, book…"
        aria-label="Filter the board"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
    </>
  );
}

/** The moves chart of the selected price, the largest moves and the alerts. */
function SideRail({ now }: { now: number }) {
  const cc = useCommandCenter();
  return (
    <aside className="cc__side">
      <div className="card cc__chart-card" data-toast-avoid data-testid="moves-chart-card">
        <h2 className="card__title" data-testid="moves-title">
          {cc.moves ? movesTitle(cc.moves) : 'Market moves'}
        </h2>
        {cc.moves ? (
          <Suspense fallback={<div className="chart chart--moves" />}>
            <MovesChart moves={cc.moves} />
          </Suspense>
        ) : (
          <p className="muted">{cc.movesError ?? 'Select a price in the grid (click, or arrows) to see every bookmaker over time.'}</p>
        )}
      </div>
      <div className="card cc__list-card">
        <h2 className="card__title" title="The 12 hours before the newest quote in the cache">
          Largest moves · last 12 h of quotes
        </h2>
        <TopMovesList moves={cc.topMoves} selected={cc.selected} onPick={(s) => void cc.select(s)} />
      </div>
      <div className="card cc__list-card">
        <h2 className="card__title">Alerts</h2>
        <AlertsFeed alerts={cc.alerts} now={now} />
      </div>
    </aside>
  );
}

/** Title, the board's size and age, Agent B's badge and the sync status. */
function BoardHeader({ now, matches }: { now: number; matches: number }) {
  const cc = useCommandCenter();
  const loaded = cc.version !== null;
  return (
    <header className="panel__header">
      <h1 id="panel-title" className="panel__title">
        Command Center
      </h1>
      <span className="panel__subtitle" data-testid="board-summary">
        {loaded
          ? `${formatInt(cc.byId.size)} prices · ${formatInt(matches)} matches · board ${formatWhen(cc.generatedAt, now)}`
          : cc.loading
            ? 'reading the board…'
            : ''}
      </span>
      {loaded && <ValueBadge blend={cc.blend} warnings={cc.valueWarnings} models={cc.valueModels} error={cc.valueError} />}
      <span className="panel__spacer" />
      <SyncStatus now={now} enabled={loaded} stale={cc.alerts.some((a) => a.kind === 'sync_state' && a.state === 'stale')} />
    </header>
  );
}

/** SPEC 7.1: live odds grid (changes flash in place), market moves, alerts feed, sync status. */
export default function CommandCenterPanel() {
  const cc = useCommandCenter();
  const loaded = cc.version !== null;
  // The grid gets its rows once per mount; later syncs reach it as transactions of the changed rows only.
  const rows = useMemo(() => (loaded ? [...useCommandCenter.getState().byId.values()] : []), [loaded]);
  const api = useRef<GridApi<GridRow> | null>(null);
  const [search, setSearch] = useState('');
  const [market, setMarket] = useState<MarketFilter>('all');
  const marketRef = useRef<MarketFilter>('all');
  const [now, setNow] = useState(() => Date.now());
  const nowRef = useRef(now);
  const columns = useMemo(() => boardColumns(() => nowRef.current), []);

  const selectNode = useCallback((node: IRowNode<GridRow> | null | undefined) => {
    const r = node?.data;
    if (!r) return;
    const cur = useCommandCenter.getState().selected;
    if (cur && cur.matchId === r.matchId && cur.market === r.market && cur.line === r.line && cur.selection === r.selection) return;
    void useCommandCenter.getState().select({ matchId: r.matchId, market: r.market, line: r.line, selection: r.selection });
  }, []);

  useEffect(() => {
    const s = useCommandCenter.getState();
    if (s.version === null && !s.loading) void s.load();
    void s.loadSide().then(() => {
      const st = useCommandCenter.getState();
      const first = st.topMoves[0];
      if (st.selected) return;
      if (first) void st.select({ matchId: first.match.matchId, market: first.market, line: first.line, selection: first.selection });
      else selectNode(api.current?.getDisplayedRowAtIndex(0));
    }, reportError);
    const stop = subscribe('cache.changed', () => {
      void useCommandCenter.getState().refresh(applyDiff).catch(reportError);
      void useCommandCenter.getState().loadSide().catch(reportError);
    });
    // time to kick-off ticks without touching the data
    const tick = setInterval(() => {
      nowRef.current = Date.now();
      setNow(nowRef.current);
      api.current?.refreshCells({ columns: ['ttk'] });
    }, 30_000);
    return () => {
      stop();
      clearInterval(tick);
      if (mountedGrid === api.current) mountedGrid = null;
    };
  }, [selectNode]);

  const onReady = useCallback(
    (a: GridApi<GridRow>) => {
      api.current = a;
      mountedGrid = a;
      // value columns that arrived between the first render and now: hand them over
      const late = diffRows(new Map(rows.map((r) => [r.id, r])), [...useCommandCenter.getState().byId.values()]);
      if (late.add.length + late.update.length + late.remove.length) applyDiff(late);
      // syncs while the panel was closed: bring the rows the grid was given up to date
      if (useCommandCenter.getState().version !== null) void useCommandCenter.getState().refresh(applyDiff).catch(reportError);
      a.setGridOption('isExternalFilterPresent', () => marketRef.current !== 'all');
      a.setGridOption('doesExternalFilterPass', (n) => n.data?.market === marketRef.current);
      a.setGridOption('rowSelection', { mode: 'singleRow', checkboxes: false, enableClickSelection: true });
      let timer: ReturnType<typeof setTimeout> | undefined;
      // arrows move the focused cell: the chart follows the focused row (debounced while key-repeating)
      a.addEventListener('cellFocused', (e: CellFocusedEvent<GridRow>) => {
        if (e.rowIndex == null || e.rowPinned) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const node = a.getDisplayedRowAtIndex(e.rowIndex!);
          node?.setSelected(true, true);
          selectNode(node);
        }, 120);
      });
      a.addEventListener('rowClicked', (e: RowClickedEvent<GridRow>) => selectNode(e.node));
    },
    [selectNode, rows],
  );

  const pickMarket = (m: MarketFilter) => {
    marketRef.current = m;
    setMarket(m);
    api.current?.onFilterChanged();
  };

  const matches = useMemo(() => new Set(rows.map((r) => r.matchId)).size, [rows]);
  const ready = loaded && !cc.loading;

  return (
    <section
      className="panel panel--command-center"
      data-panel="command-center"
      data-ready={ready ? 'true' : 'false'}
      data-board-version={cc.version ?? ''}
      data-board-as-of={cc.asOf ?? ''}
      aria-labelledby="panel-title"
      aria-busy={cc.loading}
    >
      <BoardHeader now={Math.max(now, Date.now())} matches={matches} />
      {cc.error && (
        <div className="banner banner--bad" role="alert">
          <strong>The odds board could not be read.</strong> {cc.error}
        </div>
      )}
      <div className="cc__body">
        <Grid<GridRow>
          id="odds-board"
          rows={rows}
          columns={columns}
          rowId={rowId}
          quickFilter={search}
          onReady={onReady}
          emptyText={loaded ? 'No upcoming match with prices' : 'Reading the board…'}
          toolbar={<BoardToolbar market={market} onMarket={pickMarket} search={search} onSearch={setSearch} />}
        />
        <SideRail now={Math.max(now, Date.now())} />
      </div>
    </section>
  );
}
