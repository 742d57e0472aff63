import { useMemo } from 'react';
import type { BacktestResult } from '../../../../src-shared/contract/agents';
import { Chart } from '../../../ui/Chart';
import { formatSignedPct } from '../../../ui/format';
import { Grid } from '../../../ui/Grid';
import { calibrationLabel, calibrationOption, clvLabel, clvOption, equityLabel, equityOption } from './charts';
import { breakdownColumns } from './columns';
import { breakdownRows, chosenLines, forecastLine, runNotes, type BreakdownRow } from './results';

const rowId = (r: BreakdownRow) => r.id;

/** The run's warnings and what it skipped or could not measure: shown, never hidden. */
function RunWarnings({ r }: { r: BacktestResult }) {
  const notes = runNotes(r);
  if (r.warnings.length === 0 && notes.length === 0) return null;
  return (
    <div className="banner banner--warn" role="note" data-testid="backtest-warnings">
      {r.warnings.map((w) => (
        <div key={w}>
          <strong>Warning.</strong> {w}
        </div>
      ))}
      {notes.length > 0 && <div className="muted">{notes.join(' · ')}</div>}
    </div>
  );
}

function Headline({ r }: { r: BacktestResult }) {
  const s = r.summary;
  return (
    <p className="backtest__headline" data-testid="backtest-headline">
      <strong>{r.strategy}</strong> on {r.source}, {r.from || r.to ? `${r.from ?? 'the start'} to ${r.to ?? 'the end'}` : 'every date'}:{' '}
      {s.bets} bets ({s.unsettled} unsettled), profit {s.profit >= 0 ? '+' : ''}
      {s.profit.toFixed(2)} u, ROI {formatSignedPct(s.roi, 1)}
      {s.roiCi95 ? ` (95% ${formatSignedPct(s.roiCi95[0], 1)} … ${formatSignedPct(s.roiCi95[1], 1)})` : ''}, CLV{' '}
      {formatSignedPct(s.meanClv, 2)} over {s.clvBets} bets; {r.seconds.toFixed(1)} s. Searching many parameters finds lucky ones: judge a
      result by its interval.
    </p>
  );
}

/** How the strategy's forecasts scored and what it chose during the run. */
function RunDetails({ r }: { r: BacktestResult }) {
  const forecast = forecastLine(r);
  const chosen = chosenLines(r);
  if (!forecast && chosen.length === 0) return null;
  return (
    <details className="backtest__details" data-testid="backtest-details">
      <summary>{forecast ?? 'What the strategy chose'}</summary>
      <ul>
        {chosen.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </details>
  );
}

/** A run's result: warnings, headline, equity with drawdown, CLV histogram, calibration, and the table. */
export function Results({ r }: { r: BacktestResult }) {
  const equity = useMemo(() => equityOption(r), [r]);
  const clv = useMemo(() => clvOption(r), [r]);
  const calibration = useMemo(() => calibrationOption(r), [r]);
  const rows = useMemo(() => breakdownRows(r), [r]);
  return (
    <div className="backtest__results" data-testid="backtest-results" data-bets={r.summary.bets}>
      <RunWarnings r={r} />
      <Headline r={r} />
      <RunDetails r={r} />
      <div className="backtest__charts">
        <figure className="backtest__chart card">
          <figcaption className="card__title">Equity and drawdown</figcaption>
          <Chart option={equity} label={equityLabel(r)} className="backtest__echart" />
        </figure>
        <figure className="backtest__chart card">
          <figcaption className="card__title">CLV distribution</figcaption>
          <Chart option={clv} label={clvLabel(r)} className="backtest__echart" />
        </figure>
        <figure className="backtest__chart card">
          <figcaption className="card__title">Calibration (1X2)</figcaption>
          <Chart option={calibration} label={calibrationLabel(r)} className="backtest__echart" />
        </figure>
      </div>
      <section className="backtest__grid" aria-label="By league, season and market">
        <Grid<BreakdownRow> id="backtest-breakdown" rows={rows} columns={breakdownColumns} rowId={rowId} emptyText="No bet in this run" />
      </section>
    </div>
  );
}
