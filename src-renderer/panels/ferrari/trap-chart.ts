import type { TrapDetail } from '../../../src-shared/contract/intel';
import type { ChartOption } from '../../ui/Chart';
import { oddsTick } from '../../ui/format';

const PALETTE = ['#3ea6ff', '#f0b429', '#b48cff', '#2fbf71', '#ef5b5b', '#5ad8e6', '#ff9f5a', '#e86fb3', '#9bd35a', '#c9d1d9'];
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
      backgroundColor: '#151c25',
      borderColor: '#2e3a49',
      textStyle: { color: '#d5dde6', fontSize: 11 },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? oddsTick(v) : String(v)),
    },
    legend: {
      type: 'scroll',
      top: 0,
      textStyle: { color: '#8c9db0', fontSize: 10 },
      itemWidth: 14,
      itemHeight: 8,
      pageTextStyle: { color: '#8c9db0' },
    },
    xAxis: {
      type: 'time',
      axisLabel: { color: '#8c9db0', fontSize: 10, hideOverlap: true },
      axisLine: { lineStyle: { color: '#2e3a49' } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: true,
      // the fair level is drawn even when every quote is on one side of it (a mark line does not stretch the axis)
      min: (v: { min: number }) => roundDown(fair === null ? v.min : Math.min(v.min, fair)),
      max: (v: { max: number }) => roundUp(fair === null ? v.max : Math.max(v.max, fair)),
      axisLabel: { color: '#8c9db0', fontSize: 10, formatter: (v: number) => oddsTick(v) },
      splitLine: { lineStyle: { color: '#1b2430' } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: 0,
        height: 14,
        bottom: 6,
        borderColor: '#2e3a49',
        textStyle: { color: '#8c9db0', fontSize: 10 },
        fillerColor: 'rgba(62,166,255,0.15)',
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
                    lineStyle: { color: '#8c9db0', type: 'dashed' },
                    label: { color: '#8c9db0', fontSize: 10, formatter: `fair ${d.trap.fairOdds.toFixed(2)}`, position: 'end' },
                    data: [{ yAxis: d.trap.fairOdds }],
                  }
                : undefined,
            markArea: start
              ? { silent: true, itemStyle: { color: 'rgba(239, 91, 91, 0.08)' }, data: [[{ xAxis: start }, { xAxis: last ?? start }]] }
              : undefined,
          }
        : {}),
    })),
  };
}
