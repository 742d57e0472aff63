import type { Inventory } from '../../../src-shared/contract/inventory';
import type { ChartOption } from '../../ui/Chart';
import { formatInt } from '../../ui/format';
import { CHART } from '../../ui/chart-theme';

/** Above this spread between the largest and smallest non-zero bar, a linear axis hides the small ones. */
const LOG_SPREAD = 1000;

export function needsLogScale(values: number[]): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) >= LOG_SPREAD;
}

/** Horizontal bars of rows per category, source against cache; log axis when the counts span
 * several orders of magnitude (zeros are then left blank: log 0 does not exist). */
export function categoryChartOption(categories: Inventory['categories']): ChartOption {
  const rows = [...categories].reverse(); // first category on top
  const log = needsLogScale(rows.flatMap((c) => [c.sourceRows, c.cacheRows]));
  const value = (v: number) => (log && v === 0 ? null : v);
  const label = {
    show: true,
    position: 'right',
    color: CHART.muted,
    fontSize: 10,
    formatter: (p: { value: unknown }) => (typeof p.value === 'number' && p.value > 0 ? compact(p.value) : ''),
  };
  const empty = rows.every((c) => c.sourceRows + c.cacheRows === 0);
  return {
    backgroundColor: 'transparent',
    textStyle: { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: CHART.muted },
    animation: false,
    title: empty
      ? {
          text: 'No rows in any table yet',
          left: 'center',
          top: 'middle',
          textStyle: { color: CHART.muted, fontSize: 13, fontWeight: 'normal' },
        }
      : undefined,
    legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 10, textStyle: { color: CHART.label, fontSize: 11 } },
    grid: { left: 8, right: 36, top: 26, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: CHART.tooltip,
      borderColor: CHART.axis,
      textStyle: { color: CHART.text, fontSize: 12 },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatInt(v)} rows` : '0 rows'),
    },
    xAxis: {
      type: log ? 'log' : 'value',
      logBase: 10,
      min: log ? 1 : 0,
      // the card title says when the scale is logarithmic; labels thin out rather than collide
      axisLabel: { color: CHART.tick, fontSize: 10, hideOverlap: true, formatter: (v: number) => compact(v) },
      splitLine: { lineStyle: { color: CHART.grid } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((c) => c.category),
      axisLabel: { color: CHART.label, fontSize: 11 },
      axisLine: { lineStyle: { color: CHART.axis } },
      axisTick: { show: false },
    },
    series: [
      {
        name: 'Source',
        type: 'bar',
        data: rows.map((c) => value(c.sourceRows)),
        itemStyle: { color: CHART.accent, borderRadius: [0, 2, 2, 0] },
        label,
        barGap: '15%',
        barMaxWidth: 12,
      },
      {
        name: 'Cache',
        type: 'bar',
        data: rows.map((c) => value(c.cacheRows)),
        itemStyle: { color: CHART.violet, borderRadius: [0, 2, 2, 0] },
        label,
        barMaxWidth: 12,
      },
    ],
  };
}

function compact(v: number): string {
  if (v >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return String(v);
}
