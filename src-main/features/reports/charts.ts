// The report's charts as ECharts options (plain data), and their server-side SVG rendering
// (ECharts' SSR renderer: no DOM, no canvas), which the PDF writer embeds as vectors.
import * as echarts from 'echarts';
import type { ReportChart } from './document';
import { chartSeries, type ClvBucket, type DayPoint } from './figures';

const INK = '#1f2933';
const GRID = '#d9dee4';
const BLUE = '#2f6fb2';
const GREEN = '#2e8b57';
const RED = '#c0392b';
const AMBER = '#c7861a';

const axisStyle = {
  axisLine: { lineStyle: { color: INK } },
  axisLabel: { color: INK, fontSize: 10 },
  splitLine: { lineStyle: { color: GRID } },
};

const base = (title: string): Record<string, unknown> => ({
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: 'sans-serif', color: INK },
  title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 13, fontWeight: 'bold', color: INK } },
  grid: { left: 56, right: 20, top: 40, bottom: 52 },
  legend: { bottom: 4, itemGap: 18, textStyle: { fontSize: 10, color: INK } },
});

const pct = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 100);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Cumulative profit in units by day of kick-off. */
export function profitChart(days: readonly DayPoint[], title = 'Cumulative profit (units)'): ReportChart {
  const series = chartSeries(days);
  return {
    id: 'profit',
    title,
    option: {
      ...base(title),
      xAxis: { type: 'category', data: series.map((p) => p.date), ...axisStyle, axisLabel: { ...axisStyle.axisLabel, hideOverlap: true } },
      yAxis: { type: 'value', ...axisStyle },
      series: [
        {
          name: 'cumulative profit',
          type: 'line',
          data: series.map((p) => round2(p.cumulativeProfit)),
          showSymbol: series.length <= 40,
          lineStyle: { color: BLUE, width: 2 },
          itemStyle: { color: BLUE },
          areaStyle: { color: 'rgba(47,111,178,0.12)' },
        },
        {
          name: series.length < days.length ? 'profit of the period' : 'profit of the day',
          type: 'bar',
          data: series.map((p) => ({ value: round2(p.profit), itemStyle: { color: p.profit >= 0 ? GREEN : RED } })),
          barMaxWidth: 10,
        },
      ],
    },
  };
}

/** Mean CLV of each day's bets (bars) and the running mean over every bet so far (line), in %. */
export function clvChart(days: readonly DayPoint[], title = 'Closing line value (%)'): ReportChart {
  const series = chartSeries(days);
  return {
    id: 'clv',
    title,
    option: {
      ...base(title),
      xAxis: { type: 'category', data: series.map((p) => p.date), ...axisStyle, axisLabel: { ...axisStyle.axisLabel, hideOverlap: true } },
      yAxis: { type: 'value', ...axisStyle },
      series: [
        {
          name: series.length < days.length ? 'mean CLV of the period' : 'mean CLV of the day',
          type: 'bar',
          data: series.map((p) => ({ value: pct(p.meanClv), itemStyle: { color: (p.meanClv ?? 0) >= 0 ? GREEN : RED } })),
          barMaxWidth: 10,
        },
        {
          name: 'running mean CLV',
          type: 'line',
          data: series.map((p) => pct(p.runningClv)),
          showSymbol: false,
          lineStyle: { color: BLUE, width: 2 },
          itemStyle: { color: BLUE },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: AMBER, type: 'dashed' },
            label: { formatter: 'target 2%', position: 'insideEndTop', color: AMBER, fontSize: 9 },
            data: [{ yAxis: 2 }],
          },
        },
      ],
    },
  };
}

/** Realised ROI of each CLV quintile next to its mean CLV, in %. */
export function clvBucketChart(buckets: readonly ClvBucket[], title = 'Realised ROI by CLV quintile (%)'): ReportChart {
  return {
    id: 'clv_buckets',
    title,
    option: {
      ...base(title),
      xAxis: { type: 'category', data: buckets.map((b) => b.bucket), ...axisStyle },
      yAxis: { type: 'value', ...axisStyle },
      series: [
        { name: 'mean CLV', type: 'bar', data: buckets.map((b) => pct(b.meanClv)), itemStyle: { color: BLUE } },
        {
          name: 'realised ROI',
          type: 'bar',
          itemStyle: { color: GREEN },
          data: buckets.map((b) => ({ value: pct(b.roi), itemStyle: { color: b.roi >= 0 ? GREEN : RED } })),
        },
      ],
    },
  };
}

/** SVG text of a chart at the given size in points. */
export function chartSvg(chart: ReportChart, width: number, height: number): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(chart.option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
