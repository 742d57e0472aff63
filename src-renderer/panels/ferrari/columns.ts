import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { Trap } from '../../../src-shared/contract/intel';
import { formatSignedPct } from '../../ui/format';
import { timeToKickoff } from '../../ui/market-labels';
import { KIND_LABEL, KIND_SHORT, selectionLabel } from '../../ui/trap-format';

const odds = (p: ValueFormatterParams<Trap, number | null>): string => (p.value == null ? '—' : p.value.toFixed(2));
const num = 'cell--num cell--mono';

/** "Sat 14:30" local time. */
export function kickoffShort(iso: string): string {
  const d = new Date(iso);
  if (!Number.isFinite(d.getTime())) return '';
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.toLocaleDateString('en-GB', { weekday: 'short' })} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The traps grid: what decides (severity, match, the price and its fair) first, the history after. */
export function trapColumns(now: () => number): ColDef<Trap>[] {
  return [
    {
      // severity is the score's band (high ≥ 70, medium ≥ 45): one column, sorted by the score
      colId: 'severity',
      field: 'score',
      headerName: 'Severity',
      headerTooltip: 'Severity and score 0–100: high (score ≥ 70), medium (≥ 45), low',
      width: 92,
      valueFormatter: (p) => (p.data ? `${p.data.severity} ${Math.round(p.data.score)}` : ''),
      cellClass: (p) => `fe-sev fe-sev--${p.data?.severity ?? 'low'}`,
      sort: 'desc',
      filter: false,
    },
    {
      colId: 'fixture',
      headerName: 'Match',
      flex: 1,
      minWidth: 130,
      valueGetter: (p) => (p.data ? `${p.data.match.home} – ${p.data.match.away}` : ''),
      tooltipValueGetter: (p) => (p.data ? `${p.data.match.leagueName} · ${p.data.match.home} – ${p.data.match.away}` : ''),
      filter: 'agTextColumnFilter',
    },
    {
      colId: 'kickoff',
      headerName: 'Kick-off',
      width: 88,
      valueGetter: (p) => (p.data ? Date.parse(p.data.match.kickoff) : null),
      valueFormatter: (p) => (p.data ? kickoffShort(p.data.match.kickoff) : ''),
      tooltipValueGetter: (p) =>
        p.data ? `${new Date(p.data.match.kickoff).toLocaleString()} · in ${timeToKickoff(p.data.match.kickoff, now())}` : '',
      cellClass: num,
      filter: false,
    },
    {
      colId: 'selection',
      headerName: 'Selection',
      width: 96,
      valueGetter: (p) => (p.data ? selectionLabel(p.data) : ''),
      filter: 'agTextColumnFilter',
    },
    {
      colId: 'kind',
      headerName: 'Kind',
      width: 104,
      valueGetter: (p) => (p.data ? KIND_SHORT[p.data.kind] : ''),
      tooltipValueGetter: (p) => (p.data ? `${KIND_LABEL[p.data.kind]}: ${p.data.explanation}` : ''),
      filter: 'agTextColumnFilter',
    },
    {
      colId: 'odds',
      field: 'odds',
      headerName: 'Soft',
      headerTooltip: 'The trap price and its book (the shortest soft price, or the too-good quote)',
      width: 84,
      valueFormatter: (p) => (p.data ? `${p.data.odds?.toFixed(2) ?? '—'} ${p.data.bookmaker ?? ''}`.trim() : ''),
      cellClass: num,
      filter: false,
    },
    {
      colId: 'fairOdds',
      field: 'fairOdds',
      headerName: 'Fair',
      headerTooltip: "The sharp book's de-vigged fair odds",
      width: 58,
      valueFormatter: odds,
      cellClass: num,
      filter: false,
    },
    {
      colId: 'edge',
      field: 'edge',
      headerName: 'vs fair',
      headerTooltip: 'The trap price against the sharp fair odds: odds / fair − 1',
      width: 68,
      valueFormatter: (p) => formatSignedPct(p.value, 1),
      cellClassRules: { 'cell--down': (p) => (p.value ?? 0) < 0, 'cell--up': (p) => (p.value ?? 0) > 0 },
      cellClass: num,
      filter: false,
    },
    {
      colId: 'historicalRoi',
      field: 'historicalRoi',
      headerName: 'Hist ROI',
      headerTooltip: 'ROI per unit of backing the selection in similar past situations (same kind, market and price band)',
      width: 76,
      valueFormatter: (p) => formatSignedPct(p.value, 1),
      cellClassRules: { 'cell--value': (p) => (p.value ?? 0) > 0, 'cell--down': (p) => (p.value ?? 0) < 0 },
      cellClass: num,
      filter: false,
    },
    {
      colId: 'historicalN',
      field: 'historicalN',
      headerName: 'Similar',
      headerTooltip: 'Count of similar past situations in the synced history',
      width: 70,
      valueFormatter: (p) => (p.value == null ? '—' : String(p.value)),
      cellClass: num,
      filter: false,
    },
  ];
}
