// ECharts options of the Performance panel, built from the contract's numbers (pure: tested without a
// browser). Each chart also gets an accessible label that states its main numbers.
import type { BreakdownRow, Performance } from '../../../src-shared/contract/picks';
import type { ChartOption } from '../../ui/Chart';
import { formatSigned, formatSignedPct } from '../../ui/format';
import { CHART } from '../../ui/chart-theme';

const C = {
  text: CHART.muted,
  strong: CHART.label,
  grid: CHART.grid,
  axis: CHART.axis,
  accent: CHART.accent,
  good: CHART.good,
  bad: CHART.bad,
  warn: CHART.warn,
  violet: CHART.violet,
};

const TOOLTIP = {
  trigger: 'axis',
  backgroundColor: CHART.tooltip,
  borderColor: CHART.axis,
  textStyle: { color: CHART.text, fontSize: 12 },
};
const LEGEND = { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: C.strong, fontSize: 11 } };

const base = (): ChartOption => ({
  backgroundColor: 'transparent',
  animation: false,
  textStyle: { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: C.text },
  grid: { left: 8, right: 14, top: 30, bottom: 6, containLabel: true },
  tooltip: TOOLTIP,
  legend: LEGEND,
});

const axisLabel = { color: CHART.tick, fontSize: 10, hideOverlap: true };
const splitLine = { lineStyle: { color: C.grid } };
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

const empty = (text: string): ChartOption => ({
  ...base(),
  title: { text, left: 'center', top: 'middle', textStyle: { color: C.text, fontSize: 13, fontWeight: 'normal' } },
  xAxis: { show: false },
  yAxis: { show: false },
  series: [],
});

const day = (iso: string) => iso.slice(0, 10);

/** Cumulative profit of the settled bets, the running ROI, and what the closing line expected (Σ stake × CLV). */
export function profitOption(p: Performance): ChartOption {
  const n = p.curve.profit.length;
  if (n === 0) return empty('No settled bet yet');
  const x = p.curve.at.map((at, i) => `${i + 1} · ${day(at)}`);
  return {
    ...base(),
    xAxis: {
      type: 'category',
      data: x,
      axisLabel: { ...axisLabel, formatter: (v: string) => v.split(' · ')[0] },
      axisLine: { lineStyle: { color: C.axis } },
    },
    yAxis: [
      { type: 'value', axisLabel, splitLine, name: 'profit', nameTextStyle: { color: C.text, fontSize: 10 } },
      {
        type: 'value',
        axisLabel: { ...axisLabel, formatter: pct },
        splitLine: { show: false },
        name: 'ROI',
        nameTextStyle: { color: C.text, fontSize: 10 },
      },
    ],
    tooltip: { ...TOOLTIP, valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '—') },
    series: [
      {
        name: 'Profit',
        type: 'line',
        data: p.curve.profit,
        showSymbol: false,
        lineStyle: { width: 2, color: C.accent },
        itemStyle: { color: C.accent },
      },
      {
        name: 'Expected at the close',
        type: 'line',
        data: p.curve.clvExpected,
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed', color: C.violet },
        itemStyle: { color: C.violet },
      },
      {
        name: 'ROI',
        type: 'line',
        yAxisIndex: 1,
        data: p.curve.roi,
        showSymbol: false,
        lineStyle: { width: 1, color: C.warn },
        itemStyle: { color: C.warn },
      },
    ],
  };
}

/** Realised profit against the model's expected profit, with ±1σ and ±2σ bands (bets taken as independent). */
export function bandOption(p: Performance): ChartOption {
  const b = p.band;
  if (!b || b.bets === 0) return empty('No settled bet with a model probability');
  const x = b.at.map((at, i) => `${i + 1} · ${day(at)}`);
  const lo2 = b.expected.map((e, i) => e - 2 * b.sd[i]);
  const lo1 = b.expected.map((e, i) => e - b.sd[i]);
  // stackStrategy 'all': the width stacks on a negative lower edge too (the default stacks same signs only)
  const band = (name: string, lower: number[], width: number[], opacity: number) => [
    {
      name: `${name} lower`,
      type: 'line',
      data: lower,
      stack: name,
      stackStrategy: 'all',
      showSymbol: false,
      lineStyle: { opacity: 0 },
      tooltip: { show: false },
    },
    {
      name,
      type: 'line',
      data: width,
      stack: name,
      stackStrategy: 'all',
      showSymbol: false,
      lineStyle: { opacity: 0 },
      areaStyle: { color: C.accent, opacity },
      itemStyle: { color: C.accent },
    },
  ];
  return {
    ...base(),
    legend: { ...LEGEND, data: ['Realised', 'Expected', '±1σ', '±2σ'] },
    xAxis: {
      type: 'category',
      data: x,
      axisLabel: { ...axisLabel, formatter: (v: string) => v.split(' · ')[0] },
      axisLine: { lineStyle: { color: C.axis } },
    },
    yAxis: { type: 'value', axisLabel, splitLine },
    tooltip: { ...TOOLTIP, valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '—') },
    series: [
      ...band(
        '±2σ',
        lo2,
        b.sd.map((s) => 4 * s),
        0.08,
      ),
      ...band(
        '±1σ',
        lo1,
        b.sd.map((s) => 2 * s),
        0.14,
      ),
      {
        name: 'Expected',
        type: 'line',
        data: b.expected,
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed', color: C.strong },
        itemStyle: { color: C.strong },
      },
      {
        name: 'Realised',
        type: 'line',
        data: b.realised,
        showSymbol: false,
        lineStyle: { width: 2, color: C.good },
        itemStyle: { color: C.good },
      },
    ],
  };
}

export function clvHistogramOption(p: Performance): ChartOption {
  const total = p.clvHistogram.reduce((s, b) => s + b.count, 0);
  if (total === 0) return empty('No closing line captured yet');
  const label = (lower: number, i: number) =>
    i === 0 ? `≤ ${pct(p.clvHistogram[0].upper)}` : i === p.clvHistogram.length - 1 ? `≥ ${pct(lower)}` : pct(lower);
  return {
    ...base(),
    legend: { show: false },
    xAxis: {
      type: 'category',
      data: p.clvHistogram.map((b, i) => label(b.lower, i)),
      axisLabel,
      axisLine: { lineStyle: { color: C.axis } },
    },
    yAxis: { type: 'value', axisLabel, splitLine, minInterval: 1 },
    tooltip: { ...TOOLTIP, axisPointer: { type: 'shadow' } },
    series: [
      {
        name: 'Bets',
        type: 'bar',
        barCategoryGap: '12%',
        data: p.clvHistogram.map((b) => ({ value: b.count, itemStyle: { color: b.lower >= 0 ? C.good : C.bad } })),
      },
    ],
  };
}

export function clvOverTimeOption(p: Performance): ChartOption {
  if (p.clvByWeek.length === 0) return empty('No closing line captured yet');
  return {
    ...base(),
    xAxis: { type: 'category', data: p.clvByWeek.map((w) => w.week), axisLabel, axisLine: { lineStyle: { color: C.axis } } },
    yAxis: { type: 'value', axisLabel: { ...axisLabel, formatter: pct }, splitLine },
    tooltip: { ...TOOLTIP, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatSignedPct(v) : '—') },
    series: [
      {
        name: 'Mean CLV of the week',
        type: 'bar',
        barMaxWidth: 26,
        data: p.clvByWeek.map((w) => ({ value: w.meanClv, itemStyle: { color: w.meanClv >= 0 ? C.good : C.bad } })),
      },
      {
        name: 'Running mean',
        type: 'line',
        data: p.clvByWeek.map((w) => w.runningMeanClv),
        lineStyle: { color: C.accent },
        itemStyle: { color: C.accent },
      },
      {
        name: 'Target +2%',
        type: 'line',
        data: p.clvByWeek.map(() => 0.02),
        showSymbol: false,
        lineStyle: { type: 'dotted', color: C.warn, width: 1 },
        itemStyle: { color: C.warn },
      },
    ],
  };
}

export function calibrationOption(p: Performance): ChartOption {
  const pts = p.calibration.bins.filter((b) => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null);
  if (pts.length === 0) return empty('No won/lost bet with a model probability');
  const max = Math.max(...pts.map((b) => b.count));
  return {
    ...base(),
    grid: { left: 8, right: 14, top: 30, bottom: 18, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { ...axisLabel, formatter: pct },
      splitLine,
      name: 'predicted',
      nameLocation: 'middle',
      nameGap: 20,
      nameTextStyle: { color: C.text, fontSize: 10 },
    },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { ...axisLabel, formatter: pct }, splitLine },
    tooltip: {
      trigger: 'item',
      backgroundColor: CHART.tooltip,
      borderColor: CHART.axis,
      textStyle: { color: CHART.text, fontSize: 12 },
      formatter: (x: { data: [number, number, number] }) =>
        Array.isArray(x.data) ? `predicted ${pct(x.data[0])} · observed ${pct(x.data[1])} · ${x.data[2]} bets` : '',
    },
    series: [
      {
        name: 'Perfect',
        type: 'line',
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', color: C.axis },
        tooltip: { show: false },
      },
      {
        name: 'Observed',
        type: 'line',
        data: pts.map((b) => [b.meanPredicted, b.observedRate, b.count]),
        symbolSize: (d: number[]) => 5 + 9 * Math.sqrt(d[2] / max),
        lineStyle: { color: C.accent },
        itemStyle: { color: C.accent },
      },
    ],
  };
}

/** ROI and mean CLV of each agent (source) side by side. */
export function agentsOption(rows: readonly BreakdownRow[]): ChartOption {
  if (rows.length === 0) return empty('No picks yet');
  return {
    ...base(),
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.key),
      axisLabel: { ...axisLabel, color: C.strong },
      axisLine: { lineStyle: { color: C.axis } },
    },
    yAxis: { type: 'value', axisLabel: { ...axisLabel, formatter: pct }, splitLine },
    tooltip: {
      ...TOOLTIP,
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatSignedPct(v) : '—'),
    },
    series: [
      { name: 'ROI', type: 'bar', barMaxWidth: 28, data: rows.map((r) => r.roi), itemStyle: { color: C.accent } },
      { name: 'Mean CLV', type: 'bar', barMaxWidth: 28, data: rows.map((r) => r.meanClv), itemStyle: { color: C.violet } },
    ],
  };
}

/** What each chart says in words (its aria-label): the e2e tests read these against the cache. */
export function chartLabels(p: Performance) {
  const s = p.summary;
  const last = p.band ? p.band.realised.length - 1 : -1;
  return {
    profit: s
      ? `Profit over ${p.curve.profit.length} settled bets: ${formatSigned(s.profit)} at ROI ${formatSignedPct(s.roi)}`
      : 'Profit: no settled bet yet',
    band:
      p.band && last >= 0
        ? `Realised ${formatSigned(p.band.realised[last])} against expected ${formatSigned(p.band.expected[last])} ± ${p.band.sd[last].toFixed(2)} over ${p.band.bets} bets`
        : 'Realised against expected: no bet with a model probability',
    histogram: `CLV distribution of ${p.counts.withClv} bets, mean ${formatSignedPct(s?.meanClv ?? meanOf(p))}`,
    overTime: `Mean CLV per week over ${p.clvByWeek.length} weeks`,
    calibration: `Calibration of ${p.calibration.bets} won or lost bets${p.calibration.brier === null ? '' : `, Brier ${p.calibration.brier.toFixed(3)}`}`,
    agents: `ROI and mean CLV of ${p.by.agent.length} agents`,
  };
}

function meanOf(p: Performance): number | null {
  const n = p.clvByWeek.reduce((a, w) => a + w.bets, 0);
  return n ? p.clvByWeek.reduce((a, w) => a + w.meanClv * w.bets, 0) / n : null;
}
