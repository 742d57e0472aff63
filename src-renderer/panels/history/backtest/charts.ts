// The Backtest view's three charts as ECharts options (colours from the chart theme).
import type { BacktestResult } from '../../../../src-shared/contract/agents';
import { CHART } from '../../../ui/chart-theme';
import type { ChartOption } from '../../../ui/Chart';
import { calibrationPoints, clvValues, drawdowns, histogram } from './results';

const FONT = 'Inter, "Segoe UI", system-ui, sans-serif';
const axisText = { color: CHART.tick, fontSize: 10 };
const nameText = { color: CHART.muted, fontSize: 10 };
const tooltip = {
  backgroundColor: CHART.tooltip,
  borderColor: CHART.axis,
  textStyle: { color: CHART.text, fontSize: 12 },
};
const base = { backgroundColor: 'transparent', animation: false, textStyle: { fontFamily: FONT, color: CHART.muted } };
const units = (v: unknown): string => (typeof v === 'number' ? `${v >= 0 ? '+' : ''}${v.toFixed(2)} u` : '—');
const pct = (v: number, d = 1): string => `${(v * 100).toFixed(d)}%`;

/** Cumulative profit after each settled bet above, its fall from the running peak below. */
export function equityOption(r: BacktestResult): ChartOption {
  const x = r.equity.date.map((d, i) => `${i + 1} · ${d}`);
  const valueAxis = (gridIndex: number, name: string, splitNumber: number) => ({
    type: 'value',
    gridIndex,
    name,
    splitNumber,
    nameTextStyle: nameText,
    axisLabel: { ...axisText, hideOverlap: true },
    splitLine: { lineStyle: { color: CHART.grid } },
  });
  const dateAxis = (gridIndex: number, show: boolean) => ({
    type: 'category',
    gridIndex,
    data: x,
    axisLabel: { ...axisText, show, hideOverlap: true, formatter: (v: string) => v.split(' · ')[1] ?? v },
    axisLine: { lineStyle: { color: CHART.axis } },
  });
  return {
    ...base,
    grid: [
      { left: 8, right: 12, top: 22, height: '50%', containLabel: true },
      { left: 8, right: 12, bottom: 4, height: '26%', containLabel: true },
    ],
    tooltip: { ...tooltip, trigger: 'axis', valueFormatter: units },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    xAxis: [dateAxis(0, false), dateAxis(1, true)],
    yAxis: [valueAxis(0, 'profit (units)', 5), valueAxis(1, 'drawdown', 2)],
    series: [
      { name: 'Profit', type: 'line', data: r.equity.profit, showSymbol: false, lineStyle: { width: 1.6, color: CHART.accent } },
      {
        name: 'Drawdown',
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: drawdowns(r.equity.profit),
        showSymbol: false,
        lineStyle: { width: 1, color: CHART.bad },
        areaStyle: { color: CHART.badSpan },
      },
    ],
  };
}

/** How many bets beat the closing line by how much: the histogram of CLV (bets with a closing line). */
export function clvOption(r: BacktestResult): ChartOption {
  const h = histogram(clvValues(r));
  return {
    ...base,
    grid: { left: 8, right: 12, top: 22, bottom: 4, containLabel: true },
    tooltip: { ...tooltip, trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: h.lower.map((l) => `${pct(l)} … ${pct(l + h.width)}`),
      axisLabel: { ...axisText, hideOverlap: true, formatter: (v: string) => v.split(' … ')[0] },
      axisLine: { lineStyle: { color: CHART.axis } },
    },
    yAxis: { type: 'value', name: 'bets', nameTextStyle: nameText, axisLabel: axisText, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      {
        name: 'Bets',
        type: 'bar',
        barCategoryGap: '8%',
        data: h.counts.map((c, i) => ({ value: c, itemStyle: { color: h.lower[i] + h.width / 2 >= 0 ? CHART.good : CHART.bad } })),
      },
    ],
  };
}

/** Predicted probability against the observed rate per bin, with its 95% interval, and the diagonal. */
export function calibrationOption(r: BacktestResult): ChartOption {
  const pts = calibrationPoints(r.calibration);
  // one line series of vertical segments, broken by a null between bins
  const whiskers = pts.flatMap((p) => [
    [p.predicted, p.lower],
    [p.predicted, p.upper],
    [p.predicted, null],
  ]);
  const axis = (name: string) => ({
    type: 'value',
    min: 0,
    max: 1,
    name,
    nameTextStyle: nameText,
    axisLabel: { ...axisText, formatter: (v: number) => pct(v, 0) },
    splitLine: { lineStyle: { color: CHART.grid } },
  });
  return {
    ...base,
    grid: { left: 8, right: 16, top: 22, bottom: 18, containLabel: true },
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (p: { seriesName: string; dataIndex: number }) => {
        const c = pts[p.dataIndex];
        return p.seriesName === 'Observed' && c
          ? `predicted ${pct(c.predicted)}<br/>observed ${pct(c.observed)} (95% ${pct(c.lower)} – ${pct(c.upper)})<br/>${c.count} forecasts`
          : p.seriesName;
      },
    },
    xAxis: { ...axis('predicted'), nameLocation: 'middle', nameGap: 20 },
    yAxis: axis('observed'),
    series: [
      {
        name: 'Perfect',
        type: 'line',
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        silent: true,
        lineStyle: { type: 'dashed', color: CHART.faint },
      },
      {
        name: '95% interval',
        type: 'line',
        data: whiskers,
        showSymbol: false,
        connectNulls: false,
        silent: true,
        lineStyle: { color: CHART.warn, width: 1.4 },
      },
      {
        name: 'Observed',
        type: 'scatter',
        data: pts.map((p) => [p.predicted, p.observed]),
        symbolSize: (_v: unknown, p: { dataIndex: number }) => Math.max(6, Math.min(16, Math.sqrt(pts[p.dataIndex]?.count ?? 0) / 3)),
        itemStyle: { color: CHART.accent },
      },
    ],
  };
}

export const equityLabel = (r: BacktestResult): string =>
  `Equity of ${r.strategy}: ${r.equity.profit.length} settled bets, ${units(r.summary.profit)}, largest drawdown ${r.summary.maxDrawdown.toFixed(2)} units`;
export const clvLabel = (r: BacktestResult): string => `CLV of ${clvValues(r).length} bets with a closing line (of ${r.bets.length})`;
export const calibrationLabel = (r: BacktestResult): string =>
  `Calibration: ${calibrationPoints(r.calibration).length} bins of the strategy's 1X2 probabilities against the results`;
