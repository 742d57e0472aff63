import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { InventoryTable } from '../../../src-shared/contract/inventory';
import { ago, formatInt, formatWhen } from '../../ui/format';

function StatusCell({ data }: ICellRendererParams<InventoryTable>) {
  if (!data) return null;
  return <span className={`pill pill--${data.status}`}>{data.status}</span>;
}

function StoreCell({ data }: ICellRendererParams<InventoryTable>) {
  if (!data) return null;
  return <span className={`tag tag--${data.store}`}>{data.store}</span>;
}

const phaseLabel = { new: 'not yet', full: 'full pass…', incremental: 'catching up…', ready: 'synced' } as const;

/** Where the table's sync stands, and how old its data is. */
function SyncCell({ data }: ICellRendererParams<InventoryTable>) {
  if (!data?.sync) return <span className="cell--muted">—</span>;
  const { phase, lastSuccessAt, lastError } = data.sync;
  const cls = lastError ? 'pill pill--empty' : phase === 'ready' ? 'pill pill--active' : 'pill pill--under-used';
  return (
    <span className={cls} data-sync-phase={phase}>
      {lastError ? 'error' : phaseLabel[phase]}
      {!lastError && lastSuccessAt ? ` · ${ago(Date.now() - Date.parse(lastSuccessAt))}` : ''}
    </span>
  );
}

const int = (p: { value: unknown }): string => (typeof p.value === 'number' ? formatInt(p.value) : '');
// A column's own cellClass replaces the one of its `type`, so right alignment is spelled out.
const NUM = ['ag-right-aligned-cell', 'cell--num'];

export const inventoryColumns: ColDef<InventoryTable>[] = [
  { field: 'store', headerName: 'Store', width: 84, cellRenderer: StoreCell },
  { field: 'category', headerName: 'Category', width: 116 },
  { field: 'name', headerName: 'Table', width: 188, cellClass: 'cell--mono' },
  {
    field: 'rows',
    headerName: 'Rows',
    width: 96,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: int,
    cellClass: NUM,
  },
  {
    field: 'status',
    headerName: 'Status',
    width: 108,
    cellRenderer: StatusCell,
    tooltipValueGetter: (p) => (p.data ? `${p.data.status}: ${p.data.statusReason}` : undefined),
  },
  { field: 'columns', headerName: 'Cols', width: 72, type: 'rightAligned', filter: 'agNumberColumnFilter', cellClass: NUM },
  {
    field: 'lastUpdate',
    headerName: 'Last update',
    width: 112,
    valueFormatter: (p) => (typeof p.value === 'string' ? ago(Date.now() - Date.parse(p.value)) : '—'),
    tooltipValueGetter: (p) => (typeof p.value === 'string' ? formatWhen(p.value) : 'no time column, or no rows'),
    cellClass: 'cell--num',
  },
  {
    field: 'quarantined',
    headerName: 'Quarantined',
    width: 112,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: int,
    cellClass: NUM,
    cellClassRules: { 'cell--alert': (p) => typeof p.value === 'number' && p.value > 0 },
  },
  {
    colId: 'sync',
    headerName: 'Sync',
    width: 150,
    valueGetter: (p) => (p.data?.sync ? (p.data.sync.lastError ? 'error' : p.data.sync.phase) : ''),
    cellRenderer: SyncCell,
    tooltipValueGetter: (p) =>
      p.data?.sync
        ? (p.data.sync.lastError ?? (p.data.sync.lastSuccessAt ? `data as of ${formatWhen(p.data.sync.lastSuccessAt)}` : 'not synced yet'))
        : 'not in the sync manifest',
  },
  { field: 'statusReason', headerName: 'Why', flex: 1, minWidth: 140, cellClass: 'cell--muted', tooltipField: 'statusReason' },
];
