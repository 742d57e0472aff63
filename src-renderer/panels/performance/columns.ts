import type { ColDef } from 'ag-grid-community';
import type { BreakdownRow } from '../../../src-shared/contract/picks';
import { formatSigned, formatSignedPct } from '../../ui/format';

const NUM = ['ag-right-aligned-cell', 'cell--num'];
const signed = (v: number | null | undefined): string[] =>
  v === null || v === undefined ? [] : v > 0 ? ['text--active'] : v < 0 ? ['text--empty'] : [];
const pctCol = (field: keyof BreakdownRow, headerName: string, width = 92): ColDef<BreakdownRow> => ({
  field,
  headerName,
  width,
  type: 'rightAligned',
  filter: 'agNumberColumnFilter',
  valueFormatter: (p) => formatSignedPct(p.value as number | null),
  cellClass: (p) => [...NUM, ...signed(p.value as number | null)],
});

export const breakdownColumns: ColDef<BreakdownRow>[] = [
  { field: 'key', headerName: 'Group', width: 150, pinned: 'left' },
  { field: 'bets', headerName: 'Bets', width: 76, type: 'rightAligned', filter: 'agNumberColumnFilter', cellClass: NUM },
  { field: 'settled', headerName: 'Settled', width: 84, type: 'rightAligned', filter: 'agNumberColumnFilter', cellClass: NUM },
  {
    field: 'staked',
    headerName: 'Staked',
    width: 90,
    type: 'rightAligned',
    valueFormatter: (p) => (p.value as number).toFixed(2),
    cellClass: NUM,
  },
  {
    field: 'profit',
    headerName: 'Profit',
    width: 92,
    type: 'rightAligned',
    valueFormatter: (p) => formatSigned(p.value as number),
    cellClass: (p) => [...NUM, ...signed(p.value as number)],
  },
  pctCol('roi', 'ROI'),
  {
    colId: 'roiInterval',
    headerName: 'ROI 95% (t)',
    width: 140,
    type: 'rightAligned',
    valueGetter: (p) =>
      p.data && p.data.roiLower !== null && p.data.roiUpper !== null
        ? `${formatSignedPct(p.data.roiLower, 1)} … ${formatSignedPct(p.data.roiUpper, 1)}`
        : '—',
    cellClass: NUM,
    headerTooltip: 'Delta-method interval with the Student t quantile; under 2 settled bets there is none',
  },
  {
    field: 'hitRate',
    headerName: 'Hit rate',
    width: 84,
    type: 'rightAligned',
    valueFormatter: (p) => (p.value === null ? '—' : `${((p.value as number) * 100).toFixed(1)}%`),
    cellClass: NUM,
  },
  pctCol('meanClv', 'Mean CLV'),
  { field: 'clvBets', headerName: 'With CLV', width: 86, type: 'rightAligned', cellClass: NUM },
  {
    field: 'beatClose',
    headerName: 'Beat close',
    width: 92,
    type: 'rightAligned',
    valueFormatter: (p) => (p.value === null ? '—' : `${((p.value as number) * 100).toFixed(0)}%`),
    cellClass: NUM,
    headerTooltip: 'Share of the bets with a closing line that beat it (CLV > 0)',
  },
];
