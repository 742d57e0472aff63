import type { ColDef } from 'ag-grid-community';
import { formatSignedPct } from '../../../ui/format';
import type { BreakdownRow } from './results';

const NUM = ['ag-right-aligned-cell', 'cell--num'];
const ci = (c: [number, number] | null, digits: number): string =>
  c ? `${formatSignedPct(c[0], digits)} … ${formatSignedPct(c[1], digits)}` : '—';
const num = (field: keyof BreakdownRow, headerName: string, width: number, fmt: (v: number) => string): ColDef<BreakdownRow> => ({
  field,
  headerName,
  width,
  type: 'rightAligned',
  filter: 'agNumberColumnFilter',
  cellClass: NUM,
  valueFormatter: (p) => (p.value === null || p.value === undefined ? '—' : fmt(p.value as number)),
});

/** The summary per league, season and market with the intervals the backtester computed (95%). */
export const breakdownColumns: ColDef<BreakdownRow>[] = [
  { field: 'by', headerName: 'By', width: 76, pinned: 'left' },
  { field: 'key', headerName: 'Group', width: 100, pinned: 'left' },
  num('bets', 'Bets', 70, (v) => v.toLocaleString('en-GB')),
  num('staked', 'Staked', 76, (v) => v.toFixed(1)),
  num('profit', 'Profit', 84, (v) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`),
  num('roi', 'ROI', 76, (v) => formatSignedPct(v, 1)),
  {
    colId: 'roiCi95',
    headerName: 'ROI 95%',
    width: 140,
    cellClass: 'cell--num',
    valueGetter: (p) => (p.data ? ci(p.data.roiCi95, 1) : ''),
  },
  num('roiPValue', 'p', 60, (v) => (v < 0.001 ? '<0.001' : v.toFixed(3))),
  num('hitRate', 'Hit rate', 80, (v) => `${(v * 100).toFixed(1)}%`),
  num('meanClv', 'CLV', 76, (v) => formatSignedPct(v, 2)),
  {
    colId: 'clvCi95',
    headerName: 'CLV 95%',
    width: 140,
    cellClass: 'cell--num',
    valueGetter: (p) => (p.data ? ci(p.data.clvCi95, 2) : ''),
  },
  num('maxDrawdown', 'Max DD', 80, (v) => v.toFixed(2)),
  num('averageOdds', 'Avg odds', 80, (v) => v.toFixed(2)),
];
