import type { TrapDetail } from '../../../src-shared/contract/intel';
import type { ChartOption } from '../../ui/Chart';
import { oddsTick } from '../../ui/format';
import { CHART, SERIES_PALETTE } from '../../ui/chart-theme';

const PALETTE = SERIES_PALETTE.slice(0, 10);
const roundDown = (v: number): number => Math.floor(v * 20) / 20;
const roundUp = (v: number): number => Math.ceil(v * 20) / 20;

/** One line per book involved (the sharp book first and thicker), the sharp fair price as a dashed
 * level, and the span the trap held shaded. */
export function trapChartOption(d: TrapDetail): ChartOption {
  const start = typeof d.evidence.start === 'string' ? d.evidence.start : null;
  const last = typeof d.evidence.lastSeen === 'string' ? d.evidence.lastSeen : null;
  const fair = d.trap.fairOdds;
  return {
    backgroundColor: 'transparent',
    animation: false,
    color: PALETTE,
    grid: { left: 44, right: 56, top: 34, bottom: 52 },
    tooltip: {
      trigger: 'axis',
      backgroundColor: CHART.surface2,
      borderColor: CHART.borderStrong,
      textStyle: { color: CHART.text, fontSize: 11 },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? oddsTick(v) : String(v)),
    },
    legend: {
      type: 'scroll',
      top: 0,
      textStyle: { color: CHART.muted, fontSize: 10 },
      itemWidth: 14,
      itemHeight: 8,
      pageTextStyle: { color: CHART.muted },
    },
    xAxis: {
      type: 'time',
      axisLabel: { color: CHART.muted, fontSize: 10, hideOverlap: true },
      axisLine: { lineStyle: { color: CHART.borderStrong } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: true,
      // the fair level is drawn even when every quote is on one side of it (a mark line does not stretch the axis)
      min: (v: { min: number }) => roundDown(fair === null ? v.min : Math.min(v.min, fair)),
      max: (v: { max: number }) => roundUp(fair === null ? v.max : Math.max(v.max, fair)),
      axisLabel: { color: CHART.muted, fontSize: 10, formatter: (v: number) => oddsTick(v) },
      splitLine: { lineStyle: { color: CHART.surface3 } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: 0,
        height: 14,
        bottom: 6,
        borderColor: CHART.borderStrong,
        textStyle: { color: CHART.muted, fontSize: 10 },
        fillerColor: CHART.accentFill,
      },
    ],
    series: d.series.map((s, i) => ({
      name: s.sharp ? `${s.bookmaker} (sharp)` : s.bookmaker === d.trap.bookmaker ? `${s.bookmaker} (trap)` : s.bookmaker,
      type: 'line',
      step: 'end',
      showSymbol: false,
      lineStyle: { width: s.sharp || s.bookmaker === d.trap.bookmaker ? 2.5 : 1.1 },
      emphasis: { focus: 'series' },
      data: s.points.map((p) => [p.at, p.odds]),
      ...(i === 0
        ? {
            markLine:
              d.trap.fairOdds !== null
                ? {
                    symbol: 'none',
                    silent: true,
                    lineStyle: { color: CHART.muted, type: 'dashed' },
                    label: { color: CHART.muted, fontSize: 10, formatter: `fair ${d.trap.fairOdds.toFixed(2)}`, position: 'end' },
                    data: [{ yAxis: d.trap.fairOdds }],
                  }
                : undefined,
            markArea: start
              ? { silent: true, itemStyle: { color: CHART.badSpan }, data: [[{ xAxis: start }, { xAxis: last ?? start }]] }
              : undefined,
          }
        : {}),
    })),
  };
}
