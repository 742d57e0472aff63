import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { ComboRow, PickRow } from '../../../src-shared/contract/picks';
import { formatSigned, formatSignedPct } from '../../ui/format';
import { betLabel, kickoffText, MARKET_NAMES } from '../../ui/bet-labels';
import { deskLabel } from '../../ui/desk-labels';

const NUM = ['ag-right-aligned-cell', 'cell--num'];
const signed = (v: unknown): string[] => (typeof v !== 'number' ? [] : v > 0 ? ['text--active'] : v < 0 ? ['text--empty'] : []);
const RESULT_CLASS: Record<string, string> = {
  won: 'pill--active',
  half_won: 'pill--active',
  void: 'pill--neutral',
  half_lost: 'pill--empty',
  lost: 'pill--empty',
  open: 'pill--open',
};

export function ResultPill({ state }: { state: string }) {
  return <span className={`pill ${RESULT_CLASS[state] ?? ''}`}>{state.replace('_', ' ')}</span>;
}

function StateCell({ data }: ICellRendererParams<PickRow>) {
  return data ? <ResultPill state={data.state} /> : null;
}

function KindCell({ data }: ICellRendererParams<PickRow>) {
  if (!data) return null;
  return <span className={`tag tag--${data.kind}`}>{data.kind === 'bet' ? 'my bet' : 'pick'}</span>;
}

export const pickColumns: ColDef<PickRow>[] = [
  {
    field: 'kickoff',
    headerName: 'Kick-off',
    width: 118,
    sort: 'desc',
    valueFormatter: (p) => kickoffText(p.value as string | null),
    cellClass: 'cell--num',
  },
  { colId: 'match', headerName: 'Match', width: 160, valueGetter: (p) => (p.data ? `${p.data.home ?? '?'} – ${p.data.away ?? '?'}` : '') },
  {
    colId: 'bet',
    headerName: 'Bet',
    width: 100,
    valueGetter: (p) => (p.data ? betLabel(p.data.market, p.data.line, p.data.selection) : ''),
  },
  {
    field: 'odds',
    headerName: 'Odds',
    width: 72,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => (p.value as number).toFixed(2),
    cellClass: NUM,
  },
  { field: 'bookmaker', headerName: 'Book', width: 70, cellClass: 'cell--mono' },
  {
    field: 'clv',
    headerName: 'CLV',
    width: 84,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => formatSignedPct(p.value as number | null),
    cellClass: (p) => [...NUM, ...signed(p.value)],
  },
  { field: 'state', headerName: 'Result', width: 96, cellRenderer: StateCell },
  {
    field: 'profit',
    headerName: 'Profit',
    width: 84,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => formatSigned(p.value as number | null),
    cellClass: (p) => [...NUM, ...signed(p.value)],
  },
  {
    field: 'stake',
    headerName: 'Stake',
    width: 72,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => (p.value as number).toFixed(2),
    cellClass: NUM,
  },
  {
    field: 'closingOdds',
    headerName: 'Close',
    width: 72,
    type: 'rightAligned',
    valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(2) : '—'),
    cellClass: NUM,
    tooltipValueGetter: (p) =>
      p.data?.closingReference
        ? `${p.data.closingReference} (${p.data.closingStatus === 'closing' ? 'closing quote' : 'last quote before kick-off'})`
        : p.data?.closingStatus === 'missing'
          ? 'no reference quoted this market at kick-off'
          : undefined,
  },
  {
    field: 'closingReference',
    headerName: 'Reference',
    width: 110,
    valueFormatter: (p) => (p.value as string | null) ?? (p.data?.closingStatus === 'missing' ? 'missing' : '—'),
  },
  { field: 'kind', headerName: 'Kind', width: 82, cellRenderer: KindCell },
  { field: 'source', headerName: 'Agent', width: 92 },
  {
    colId: 'desk',
    headerName: 'Desk',
    width: 120,
    headerTooltip: 'The desk that wrote the row (its name as published to the team)',
    valueGetter: (p) => (p.data ? deskLabel(p.data) : ''),
    tooltipValueGetter: (p) => p.data?.deskId ?? 'written before desks had identities',
  },
  { field: 'league', headerName: 'League', width: 76 },
  { field: 'market', headerName: 'Market', width: 110, valueFormatter: (p) => MARKET_NAMES[p.value as string] ?? String(p.value) },
  {
    colId: 'score',
    headerName: 'Score',
    width: 70,
    valueGetter: (p) => (p.data && p.data.homeGoals !== null ? `${p.data.homeGoals}-${p.data.awayGoals}` : ''),
    cellClass: 'cell--num',
  },
  { field: 'settlementNote', headerName: 'Settlement note', width: 220, valueFormatter: (p) => (p.value as string | null) ?? '' },
];

export const comboColumns: ColDef<ComboRow>[] = [
  {
    field: 'pickedAt',
    headerName: 'Picked',
    width: 132,
    sort: 'desc',
    valueFormatter: (p) => kickoffText(p.value as string | null),
    cellClass: 'cell--num',
  },
  { field: 'kind', headerName: 'Kind', width: 130, valueFormatter: (p) => String(p.value).replace('_', ' ') },
  {
    colId: 'legs',
    headerName: 'Legs',
    flex: 1,
    minWidth: 300,
    valueGetter: (p) =>
      p.data?.legs
        .map(
          (l) =>
            `${l.market.endsWith('goalscorer') ? `${l.market === 'first_goalscorer' ? 'first' : 'anytime'}: ${l.label}` : `${l.label} ${betLabel(l.market, l.line, l.selection)}`}${l.result ? ` [${l.result}]` : ''}`,
        )
        .join(' · ') ?? '',
  },
  {
    // the price taken; a book's commission nets it (settlement and ROI use the net price)
    field: 'quotedOdds',
    headerName: 'Odds',
    width: 110,
    type: 'rightAligned',
    valueFormatter: (p) =>
      p.data && p.data.commission > 0 ? `${p.data.quotedOdds.toFixed(2)} (${p.data.odds.toFixed(2)} net)` : (p.value as number).toFixed(2),
    cellClass: NUM,
  },
  {
    field: 'fairOdds',
    headerName: 'Fair',
    width: 72,
    type: 'rightAligned',
    valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(2) : '—'),
    cellClass: NUM,
  },
  {
    colId: 'independent',
    headerName: 'Fair if independent',
    width: 132,
    type: 'rightAligned',
    valueGetter: (p) => (p.data?.independentProb ? 1 / p.data.independentProb : null),
    valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(2) : '—'),
    cellClass: NUM,
  },
  {
    colId: 'correlation',
    headerName: 'Correlation',
    width: 110,
    type: 'rightAligned',
    valueGetter: (p) => (p.data?.pricing.length ? p.data.pricing.map((x) => x.correlation.toFixed(2)).join(', ') : '—'),
    tooltipValueGetter: (p) => p.data?.pricing.map((x) => `match ${x.matchId}: ${x.correlationSource}`).join('; '),
    cellClass: NUM,
  },
  {
    field: 'stake',
    headerName: 'Stake',
    width: 72,
    type: 'rightAligned',
    valueFormatter: (p) => (p.value as number).toFixed(2),
    cellClass: NUM,
  },
  {
    colId: 'result',
    headerName: 'Result',
    width: 90,
    valueGetter: (p) => p.data?.result ?? 'open',
    cellRenderer: (p: ICellRendererParams<ComboRow>) => <ResultPill state={String(p.value)} />,
  },
  {
    field: 'profit',
    headerName: 'Profit',
    width: 84,
    type: 'rightAligned',
    valueFormatter: (p) => formatSigned(p.value as number | null),
    cellClass: (p) => [...NUM, ...signed(p.value)],
  },
];
