import type { ColDef, ITooltipParams, ValueFormatterParams } from 'ag-grid-community';
import { formatNetPrice } from '../../ui/format';
import type { PreviewRow } from '../../../src-shared/contract/analysis';
import { lineLabel, marketLabel, sideLine } from '../../ui/market-labels';

export type ModelRow = PreviewRow & { id: string };

const odds = (p: ValueFormatterParams<ModelRow, number | null>): string => (p.value == null ? '—' : p.value.toFixed(2));
const pct = (p: ValueFormatterParams<ModelRow, number | null>): string => (p.value == null ? '—' : `${(p.value * 100).toFixed(1)}%`);
const signed = (p: ValueFormatterParams<ModelRow, number | null>): string =>
  p.value == null ? '—' : `${p.value > 0 ? '+' : ''}${(p.value * 100).toFixed(1)}%`;
const num = 'cell--num cell--mono';

/** "5.20 at BFE, 4.99 net of 5%": the best price as quoted and net of its book's commission. */
const bestTip = (p: ITooltipParams<ModelRow>): string => {
  const r = p.data;
  if (!r || r.bestOdds === null || r.bestQuoted === null || r.bestBook === null) return '';
  const c = r.bestCommission ?? 0;
  const price = formatNetPrice({ quoted: r.bestQuoted, net: r.bestOdds, commission: c, bookmaker: r.bestBook });
  return c > 0 ? `${price}: the best price net of commission (the edge uses it)` : price;
};

export const modelColumns: ColDef<ModelRow>[] = [
  {
    colId: 'market',
    field: 'market',
    headerName: 'Market',
    minWidth: 66,
    flex: 1,
    valueFormatter: (p) => (p.value ? marketLabel(p.value) : ''),
  },
  {
    colId: 'line',
    field: 'line',
    headerName: 'Line',
    minWidth: 56,
    flex: 1,
    valueGetter: (p) => (p.data ? sideLine(p.data.market, p.data.line, p.data.selection) : null),
    valueFormatter: (p) => (p.data ? lineLabel(p.data.market, p.data.line, p.data.selection) : ''),
    cellClass: num,
  },
  { colId: 'selection', field: 'selection', headerName: 'Sel', width: 58 },
  {
    colId: 'modelProb',
    field: 'modelProb',
    headerName: 'Model',
    headerTooltip: 'Dixon-Coles: 1 / fair odds (pushes of whole and quarter lines counted)',
    minWidth: 66,
    flex: 1,
    valueFormatter: pct,
    cellClass: `${num} da-model`,
  },
  { colId: 'modelFairOdds', field: 'modelFairOdds', headerName: 'Model odds', minWidth: 84, flex: 1, valueFormatter: odds, cellClass: num },
  {
    colId: 'marketProb',
    field: 'marketProb',
    headerName: 'Market',
    headerTooltip: 'Median of the de-vigged bookmakers now',
    minWidth: 66,
    flex: 1,
    valueFormatter: pct,
    cellClass: num,
  },
  {
    colId: 'marketFairOdds',
    field: 'marketFairOdds',
    headerName: 'Market odds',
    minWidth: 76,
    flex: 1,
    valueFormatter: odds,
    cellClass: num,
  },
  {
    colId: 'bestOdds',
    field: 'bestOdds',
    headerName: 'Best',
    headerTooltip: "Best price for the bettor: the highest net of each book's commission on winnings (an exchange's 5%)",
    minWidth: 60,
    flex: 1,
    valueFormatter: odds,
    tooltipValueGetter: bestTip,
    cellClass: `${num} cell--best`,
    cellClassRules: { 'cell--net': (p) => (p.data?.bestCommission ?? 0) > 0 },
  },
  { colId: 'bestBook', field: 'bestBook', headerName: 'Book', width: 60, tooltipValueGetter: bestTip },
  {
    colId: 'edge',
    field: 'edge',
    headerName: 'Edge',
    headerTooltip: "Expected profit per unit at the best net price (net of its book's commission), under the model",
    tooltipValueGetter: bestTip,
    minWidth: 66,
    flex: 1,
    valueFormatter: signed,
    cellClass: num,
    cellClassRules: { 'cell--value': (p) => (p.value ?? -1) > 0, 'cell--muted': (p) => p.value == null },
    sort: null,
  },
];
