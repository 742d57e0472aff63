import { useEffect } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { CorrelationRow, PatternRow } from '../../../src-shared/contract/patterns';
import { subscribe } from '../../api/client';
import { formatSignedPct, formatWhen } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { pct, phi, pValueText } from './patterns-format';
import { usePatterns } from './patterns-store';

const NUM = ['ag-right-aligned-cell', 'cell--num'];
const num = (field: keyof PatternRow, headerName: string, width: number, fmt: (v: number) => string): ColDef<PatternRow> => ({
  field,
  headerName,
  width,
  type: 'rightAligned',
  filter: 'agNumberColumnFilter',
  cellClass: NUM,
  valueFormatter: (p) => fmt(p.value as number),
});

// widths sum to about 1,030 px: at 1280×720 every column, q included, is in view
export const patternColumns: ColDef<PatternRow>[] = [
  {
    field: 'name',
    headerName: 'Situation',
    width: 230,
    pinned: 'left',
    tooltipValueGetter: (p) => (p.data ? `${p.data.description}\n${p.data.note}` : ''),
  },
  num('sampleSize', 'n', 70, (v) => v.toLocaleString('en-GB')),
  {
    ...num('hitRate', 'Hit rate', 90, (v) => pct(v)),
    tooltipValueGetter: (p) =>
      p.data ? `95% ${pct(p.data.hitRateLower)} – ${pct(p.data.hitRateUpper)}; the market expected ${pct(p.data.marketHitRate)}` : '',
  },
  num('marketHitRate', 'Market', 80, (v) => pct(v)),
  num('roi', 'ROI', 80, (v) => formatSignedPct(v, 1)),
  {
    colId: 'roiInterval',
    headerName: 'ROI 95%',
    width: 150,
    cellClass: 'cell--num',
    valueGetter: (p) => (p.data ? `${formatSignedPct(p.data.roiLower, 1)} … ${formatSignedPct(p.data.roiUpper, 1)}` : ''),
  },
  num('meanClv', 'CLV', 80, (v) => formatSignedPct(v, 2)),
  num('pValue', 'p', 76, pValueText),
  num('qValue', 'q (BH)', 84, pValueText),
  {
    // text, not ag-grid's checkbox for a boolean field
    colId: 'significant',
    headerName: 'Survives',
    width: 96,
    valueGetter: (p) => (p.data ? (p.data.significant ? `yes (q ≤ ${p.data.fdrLevel})` : 'no') : ''),
  },
];

export const correlationColumns: ColDef<CorrelationRow>[] = [
  { field: 'league', headerName: 'League', width: 90 },
  {
    colId: 'legs',
    headerName: 'Legs',
    width: 280,
    valueGetter: (p) => (p.data ? `${p.data.marketA} ~ ${p.data.marketB}` : ''),
    tooltipValueGetter: (p) => p.data?.description ?? '',
  },
  { field: 'sampleSize', headerName: 'n', width: 80, type: 'rightAligned', cellClass: NUM },
  {
    field: 'correlation',
    headerName: 'phi',
    width: 84,
    type: 'rightAligned',
    cellClass: NUM,
    valueFormatter: (p) => phi(p.value as number),
  },
  {
    colId: 'interval',
    headerName: 'phi 95%',
    width: 140,
    cellClass: 'cell--num',
    valueGetter: (p) => (p.data ? `${phi(p.data.lower)} … ${phi(p.data.upper)}` : ''),
  },
  {
    field: 'modelCorrelation',
    headerName: 'Model phi',
    width: 104,
    type: 'rightAligned',
    cellClass: NUM,
    valueFormatter: (p) => phi(p.value as number | null),
  },
  {
    field: 'modelWithinCorrelation',
    headerName: 'Within a match',
    width: 130,
    type: 'rightAligned',
    cellClass: NUM,
    valueFormatter: (p) => phi(p.value as number | null),
  },
  {
    field: 'lift',
    headerName: 'Lift',
    width: 80,
    type: 'rightAligned',
    cellClass: NUM,
    valueFormatter: (p) => phi(p.value as number | null),
  },
];

const patternId = (r: PatternRow) => r.patternId;
const correlationId = (r: CorrelationRow) => r.correlationId;
const PATTERN_TABLES = new Set(['market_patterns', 'patterns_correlations']);

/** Agent C's latest run: every situation tried, ranked by its Benjamini–Hochberg q (then p), with the
 * data-snooping warning beside them, and the correlations between legs of one match. */
export function PatternsTab() {
  const { patterns, correlations, error, significantOnly } = usePatterns();
  useEffect(() => {
    void usePatterns.getState().load();
    return subscribe('cache.changed', (e) => {
      if (e.tables.some((t) => PATTERN_TABLES.has(t))) void usePatterns.getState().load();
    });
  }, []);
  const run = patterns?.run ?? null;
  return (
    <div className="history__patterns" data-testid="patterns" data-rows={patterns?.rows.length ?? ''}>
      {error && (
        <div className="banner banner--bad" role="alert">
          <strong>The patterns could not be read.</strong> {error}
        </div>
      )}
      {patterns && (
        <div className="banner banner--warn patterns__warning" role="note" data-testid="patterns-warning">
          <strong>Warning.</strong> {patterns.warning}
        </div>
      )}
      <div className="patterns__head">
        <span className="muted" data-testid="patterns-run">
          {run
            ? `Run of ${formatWhen(run.minedAt)} over ${run.dataFrom ?? '—'} to ${run.dataTo ?? '—'}: ${run.testsTried} situations tried, ${run.significant} survive q ≤ ${run.fdrLevel}`
            : patterns
              ? 'No pattern mined yet: Agent C runs after the first sync and in the intelligence slot (or `monps patterns mine --cache FILE`).'
              : ''}
        </span>
        <span className="panel__spacer" />
        <label className="patterns__check">
          <input type="checkbox" checked={significantOnly} onChange={(e) => usePatterns.getState().setSignificantOnly(e.target.checked)} />{' '}
          Only those that survive the correction
        </label>
      </div>
      <div className="patterns__grids">
        <section className="patterns__grid" aria-label="Situations">
          {patterns ? (
            <Grid<PatternRow>
              id="history-patterns"
              rows={patterns.rows}
              columns={patternColumns}
              rowId={patternId}
              emptyText="No situation in this run"
            />
          ) : (
            !error && <p className="muted">Reading the patterns…</p>
          )}
        </section>
        <section className="patterns__grid" aria-label="Correlations">
          <h2 className="card__title">Correlations between legs of one match</h2>
          {correlations && (
            <p className="muted patterns__note" data-testid="correlations-note">
              {correlations.note}
            </p>
          )}
          {correlations && (
            <Grid<CorrelationRow>
              id="history-correlations"
              rows={correlations.rows}
              columns={correlationColumns}
              rowId={correlationId}
              emptyText="No correlation mined yet"
            />
          )}
        </section>
      </div>
    </div>
  );
}
