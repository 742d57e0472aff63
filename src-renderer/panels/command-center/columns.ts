import type { ColDef, ITooltipParams, ValueFormatterParams } from 'ag-grid-community';
import { formatNetPrice } from '../../ui/format';
import { type GridRow } from './rows';
import { lineLabel, marketLabel, sideLine, timeToKickoff } from '../../ui/market-labels';
import { SelectionCell } from './TrapMarker';

const odds = (p: ValueFormatterParams<GridRow, number | null>): string => (p.value == null ? '—' : p.value.toFixed(2));
const pct =
  (digits: number) =>
  (p: ValueFormatterParams<GridRow, number | null>): string =>
    p.value == null ? '—' : `${(p.value * 100).toFixed(digits)}%`;
const signedPct = (p: ValueFormatterParams<GridRow, number | null>): string =>
  p.value == null ? '—' : `${p.value > 0 ? '+' : ''}${(p.value * 100).toFixed(1)}%`;

const num = 'cell--num cell--mono';

/** "5.20 at BFE, 4.99 net of 5%": the quoted and the net price of the best (net) price of the row. */
export function bestPriceNote(r: Pick<GridRow, 'bestOdds' | 'bestQuoted' | 'bestCommission' | 'bestBook'> | undefined): string {
  if (!r || r.bestOdds === null || r.bestQuoted === null || r.bestBook === null) return '';
  const c = r.bestCommission ?? 0;
  const price = formatNetPrice({ quoted: r.bestQuoted, net: r.bestOdds, commission: c, bookmaker: r.bestBook });
  return c > 0 ? `${price}: the best price net of commission (the edge uses it)` : price;
}
const bestTip = (p: ITooltipParams<GridRow>): string => bestPriceNote(p.data);
const flash = { enableCellChangeFlash: true } as const;

/** Kick-off as "14:30" today, else "Tue 14:30" (local time). */
function kickoffLabel(iso: string): string {
  const d = new Date(iso);
  const pad = (x: number) => String(x).padStart(2, '0');
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.toDateString() === new Date().toDateString() ? hm : `${d.toLocaleDateString('en-GB', { weekday: 'short' })} ${hm}`;
}

/** What is bet on: kick-off, match, market, line and selection (⚠ a trap on it). */
const lineColumns = (now: () => number): ColDef<GridRow>[] => [
  {
    colId: 'ttk',
    headerName: 'Kick-off · T−',
    headerTooltip: 'Kick-off (local time) and time to kick-off; sorts by kick-off',
    width: 128,
    field: 'kickoffMs',
    valueFormatter: (p) => (p.data ? `${kickoffLabel(p.data.kickoff)} · ${timeToKickoff(p.data.kickoff, now())}` : ''),
    tooltipValueGetter: (p) => (p.data ? new Date(p.data.kickoff).toLocaleString() : ''),
    filter: false,
    sort: 'asc',
    sortIndex: 0,
    cellClass: num,
  },
  {
    colId: 'fixture',
    field: 'fixture',
    headerName: 'Match',
    flex: 1,
    minWidth: 120,
    filter: 'agTextColumnFilter',
    sort: 'asc',
    sortIndex: 2,
    tooltipValueGetter: (p) => (p.data ? `${p.data.leagueName} · ${p.data.fixture}` : ''),
  },
  {
    colId: 'market',
    field: 'market',
    headerName: 'Mkt',
    width: 50,
    valueFormatter: (p) => (p.value ? marketLabel(p.value) : ''),
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'line',
    field: 'line',
    headerName: 'Line',
    width: 50,
    valueGetter: (p) => (p.data ? sideLine(p.data.market, p.data.line, p.data.selection) : null),
    valueFormatter: (p) => (p.data ? lineLabel(p.data.market, p.data.line, p.data.selection) : ''),
    filter: 'agNumberColumnFilter',
    cellClass: num,
  },
  // the selection, with ⚠ beside it when an active FERRARI trap is on this price (its severity's colour; kind
  // and severity in its tooltip and accessible name): no extra column, the deciding ones keep their room at 1280
  {
    colId: 'selection',
    field: 'selection',
    headerName: 'Sel',
    headerTooltip: 'Selection; ⚠ an active FERRARI trap on this price (colour: severity, hover for the kind)',
    width: 62,
    filter: 'agTextColumnFilter',
    cellRenderer: SelectionCell,
    cellClass: 'cell--sel',
  },
];

/** The best price for the bettor (net of commission) and its book. */
const priceColumns: ColDef<GridRow>[] = [
  {
    colId: 'bestOdds',
    field: 'bestOdds',
    headerName: 'Best',
    headerTooltip:
      "Best price for the bettor: the highest net of each book's commission on winnings (an exchange's 5%); hover a cell for the quoted and the net price",
    width: 60,
    valueFormatter: odds,
    tooltipValueGetter: bestTip,
    filter: 'agNumberColumnFilter',
    cellClass: `${num} cell--best`,
    cellClassRules: { 'cell--net': (p) => (p.data?.bestCommission ?? 0) > 0 },
    ...flash,
  },
  {
    colId: 'bestBook',
    field: 'bestBook',
    headerName: 'Book',
    width: 58,
    tooltipValueGetter: bestTip,
    filter: 'agTextColumnFilter',
    ...flash,
  },
];

/** Agent B's decision on that price. */
const decisionColumns: ColDef<GridRow>[] = [
  // Agent B's decision, next to the price it is about: blended fair odds, edge of the best fresh price, Kelly stake
  {
    colId: 'blendOdds',
    field: 'blendOdds',
    headerName: 'Blend',
    headerTooltip: "Agent B's fair odds: w·Dixon-Coles + (1 − w)·market (sharp book de-vigged, else the consensus); w chosen by backtest",
    width: 60,
    valueFormatter: odds,
    filter: 'agNumberColumnFilter',
    cellClass: num,
    ...flash,
  },
  {
    colId: 'valueEdge',
    field: 'valueEdge',
    headerName: 'Value',
    headerTooltip:
      "Edge of the best fresh price, net of its book's commission on winnings (an exchange's 5%: hover a cell for the quoted and the net price), against the blended fair probability (a price unchanged since the market moved is stale, not value)",
    width: 66,
    valueFormatter: signedPct,
    tooltipField: 'valueNote',
    filter: 'agNumberColumnFilter',
    cellClassRules: {
      'cell--value': (p) => p.data?.valueBet === true,
      'cell--stale': (p) => p.data?.stale === true && p.data?.valueBet !== true,
    },
    cellClass: num,
    ...flash,
  },
  {
    colId: 'stake',
    field: 'stake',
    headerName: 'Kelly',
    headerTooltip: 'Stake, share of the bankroll: fractional Kelly, capped, simultaneous over the 1X2 outcomes (empty: no bet)',
    width: 60,
    valueFormatter: pct(2),
    tooltipField: 'valueNote',
    filter: 'agNumberColumnFilter',
    cellClassRules: { 'cell--value': (p) => p.data?.valueBet === true },
    cellClass: num,
    ...flash,
  },
];

/** The market around it: league, consensus, sharp and model prices, margin, move, edge, books quoting. */
const marketColumns: ColDef<GridRow>[] = [
  {
    colId: 'league',
    field: 'leagueName',
    headerName: 'League',
    width: 120,
    filter: 'agTextColumnFilter',
    sort: 'asc',
    sortIndex: 1,
    tooltipField: 'leagueName',
  },
  {
    colId: 'fairOdds',
    field: 'fairOdds',
    headerName: 'Fair',
    headerTooltip: 'Consensus fair odds: median of the de-vigged books',
    width: 62,
    valueFormatter: odds,
    filter: 'agNumberColumnFilter',
    cellClass: num,
    ...flash,
  },
  {
    colId: 'sharpOdds',
    field: 'sharpOdds',
    headerName: 'Sharp',
    headerTooltip: "The sharp book's own de-vigged price",
    width: 64,
    valueFormatter: odds,
    filter: 'agNumberColumnFilter',
    cellClass: `${num} cell--muted`,
    ...flash,
  },
  {
    colId: 'modelOdds',
    field: 'modelOdds',
    headerName: 'Model',
    headerTooltip: 'Dixon-Coles fair odds (totals/AH: of winning given no push); empty when a team has too little history',
    width: 64,
    valueFormatter: odds,
    filter: 'agNumberColumnFilter',
    cellClass: `${num} cell--muted`,
    ...flash,
  },
  {
    colId: 'margin',
    field: 'margin',
    headerName: 'Margin',
    headerTooltip: 'Median overround of the books on this line',
    width: 64,
    valueFormatter: pct(1),
    filter: 'agNumberColumnFilter',
    cellClass: num,
    ...flash,
  },
  {
    colId: 'move',
    field: 'move',
    headerName: 'Move',
    headerTooltip: 'Consensus fair odds now against at opening (negative: shortened)',
    width: 64,
    valueFormatter: signedPct,
    filter: 'agNumberColumnFilter',
    cellClassRules: { 'cell--down': (p) => (p.value ?? 0) <= -0.02, 'cell--up': (p) => (p.value ?? 0) >= 0.02 },
    cellClass: num,
    ...flash,
  },
  {
    colId: 'edge',
    field: 'edge',
    headerName: 'Edge',
    headerTooltip: "Best net price against the consensus: fair probability × best price net of its book's commission − 1",
    width: 62,
    valueFormatter: signedPct,
    tooltipValueGetter: bestTip,
    filter: 'agNumberColumnFilter',
    cellClassRules: { 'cell--value': (p) => (p.value ?? -1) > 0 },
    cellClass: num,
    ...flash,
  },
  {
    colId: 'books',
    field: 'books',
    headerName: 'Bks',
    headerTooltip: 'Bookmakers quoting',
    width: 50,
    filter: 'agNumberColumnFilter',
    cellClass: num,
  },
];

/** ag-grid Community has no row grouping (Enterprise): the league is a column, filterable, second sort key after
 * the kick-off. The columns that decide a bet (match, selection, best price and book, Agent B's blended fair
 * odds, value and Kelly stake) come first, so they fit a 1280×720 screen beside the side rail. */
export function boardColumns(now: () => number): ColDef<GridRow>[] {
  return [...lineColumns(now), ...priceColumns, ...decisionColumns, ...marketColumns];
}
