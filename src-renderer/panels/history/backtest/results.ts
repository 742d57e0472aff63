// What the Backtest view draws, from a backtest.run result: pure functions (tested in
// test/unit/renderer/backtest-results.test.ts).
import type { BacktestResult, BacktestSummary } from '../../../../src-shared/contract/agents';
import { wilsonInterval } from '../../../../src-shared/quant/stats';

/** Fall of cumulative profit from its running peak after each bet (≤ 0; the peak starts at 0). */
export function drawdowns(profit: readonly number[]): number[] {
  let peak = 0;
  return profit.map((p) => {
    peak = Math.max(peak, p);
    return p - peak;
  });
}

export interface Histogram {
  /** Lower edge of each bin; the bins are [lower, lower + width), the last one closed. */
  lower: number[];
  width: number;
  counts: number[];
}

/** Equal-width bins over the values' range (about √n of them, 5 to 40). */
export function histogram(values: readonly number[], bins?: number): Histogram {
  if (values.length === 0) return { lower: [], width: 0, counts: [] };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const k = bins ?? Math.max(5, Math.min(40, Math.ceil(Math.sqrt(values.length))));
  const width = max > min ? (max - min) / k : 1;
  const counts = new Array<number>(k).fill(0);
  for (const v of values) counts[Math.min(k - 1, Math.floor((v - min) / width))]++;
  return { lower: counts.map((_c, i) => min + i * width), width, counts };
}

export interface CalibrationPoint {
  predicted: number;
  observed: number;
  count: number;
  /** 95% Wilson interval of the observed rate. */
  lower: number;
  upper: number;
}

/** The calibration bins that hold forecasts, each with the Wilson interval of its observed rate. */
export function calibrationPoints(bins: BacktestResult['calibration']): CalibrationPoint[] {
  return bins.flatMap((b) => {
    if (b.count < 1 || b.meanPredicted === null || b.observedRate === null) return [];
    const hits = Math.round(b.observedRate * b.count);
    const ci = wilsonInterval(hits, b.count);
    return [{ predicted: b.meanPredicted, observed: b.observedRate, count: b.count, lower: ci.lower, upper: ci.upper }];
  });
}

export interface BreakdownRow extends BacktestSummary {
  id: string;
  /** League, Season or Market. */
  by: string;
  key: string;
}

/** One table of the summary by league, by season and by market, total first. */
export function breakdownRows(r: BacktestResult): BreakdownRow[] {
  const part = (by: string, rec: Record<string, BacktestSummary>): BreakdownRow[] =>
    Object.entries(rec)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, s]) => ({ ...s, id: `${by}:${key}`, by, key }));
  return [
    { ...r.summary, id: 'All:all', by: 'All', key: 'all' },
    ...part('League', r.byLeague),
    ...part('Season', r.bySeason),
    ...part('Market', r.byMarket),
  ];
}

/** The CLV of every bet that has a closing line (a bet without one has no CLV, never 0). */
export const clvValues = (r: BacktestResult): number[] => r.bets.flatMap((b) => (b.clv === null ? [] : [b.clv]));

/** What the run left out or could not measure, said in words: the skips and notes by reason, and the
 * fixtures without a result or a closing line (none of it is hidden). */
export function runNotes(r: BacktestResult): string[] {
  const out: string[] = [];
  if (r.fixturesWithoutResult > 0) out.push(`${r.fixturesWithoutResult} fixtures without a result (their bets stay unsettled)`);
  if (r.fixturesWithoutClosingLine > 0)
    out.push(`${r.fixturesWithoutClosingLine} fixtures without any closing line (no CLV for their bets)`);
  for (const [why, n] of Object.entries(r.skipped)) if (n > 0) out.push(`skipped ${n}: ${why}`);
  for (const [what, n] of Object.entries(r.notes)) if (n > 0) out.push(`${what}: ${n}`);
  return out;
}

/** What the strategy chose during the run (a blend weight and its evidence, model fits…), one line per
 * entry: a scalar as written, an object as compact JSON cut at `max` characters. */
export function chosenLines(r: BacktestResult, max = 160): string[] {
  return Object.entries(r.chosen).map(([k, v]) => {
    const text = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    return `${k}: ${text.length > max ? `${text.slice(0, max - 1)}…` : text}`;
  });
}

/** The strategy's 1X2 forecasts scored against the results, beside the closing market's, or null. */
export function forecastLine(r: BacktestResult): string | null {
  const f = r.forecasts;
  if (!f) return null;
  const s = (x: { logLoss: number; rps: number; brier: number }) =>
    `log loss ${x.logLoss.toFixed(4)}, RPS ${x.rps.toFixed(4)}, Brier ${x.brier.toFixed(4)}`;
  const closing = f.closing ? `; the closing market on ${f.closingFixtures}: ${s(f.closing)}` : '; no closing market to compare';
  return `Forecasts on ${f.fixtures} fixtures: ${s(f.strategy)}${closing}`;
}
