import { useMemo } from 'react';
import type { MarketMoves } from '../../../src-shared/contract/market';
import { Chart, type ChartOption } from '../../ui/Chart';
import { oddsTick } from '../../ui/format';
import './echarts-extra';
import { movesTitle } from './moves-title';
import { CHART, SERIES_PALETTE } from '../../ui/chart-theme';

const PALETTE = [...SERIES_PALETTE];

function marketRules(m: MarketMoves): { name: string; xAxis: string }[] {
  const opens = m.series.flatMap((s) => (s.opening ? [s.opening.at] : [])).sort();
  const closes = m.series.flatMap((s) => (s.closing ? [s.closing.at] : [])).sort();
  return [
    ...(opens.length ? [{ name: 'opening', xAxis: opens[0] }] : []),
    ...(closes.length ? [{ name: 'closing', xAxis: closes[closes.length - 1] }] : []),
  ];
}

/** Short prices need a third decimal: ticks 1.055 and 1.06 must not both read "1.06". */

export function movesOption(m: MarketMoves): ChartOption {
  return {
    backgroundColor: 'transparent',
    animation: false,
    color: PALETTE,
    grid: { left: 44, right: 24, top: 44, bottom: 58 },
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
      axisLabel: { color: CHART.muted, fontSize: 10, formatter: (v: number) => oddsTick(v) },
      splitLine: { lineStyle: { color: CHART.surface3 } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: 0,
        height: 16,
        bottom: 8,
        borderColor: CHART.borderStrong,
        textStyle: { color: CHART.muted, fontSize: 10 },
        fillerColor: CHART.accentFill,
        dataBackground: { lineStyle: { color: CHART.accent }, areaStyle: { color: CHART.accentArea } },
      },
    ],
    series: m.series.map((s, i) => ({
      name: s.sharp ? `${s.bookmaker} (sharp)` : s.bookmaker,
      type: 'line',
      step: 'end',
      showSymbol: false,
      lineStyle: { width: s.sharp ? 2.5 : 1.2 },
      emphasis: { focus: 'series' },
      data: s.points.map((p) => [p.at, p.odds]),
      markPoint: {
        label: { show: false },
        data: [
          ...(s.opening
            ? [{ name: `${s.bookmaker} opening`, coord: [s.opening.at, s.opening.odds], symbol: 'circle', symbolSize: 7 }]
            : []),
          ...(s.closing
            ? [{ name: `${s.bookmaker} closing`, coord: [s.closing.at, s.closing.odds], symbol: 'diamond', symbolSize: 10 }]
            : []),
        ],
      },
      // one pair of vertical rules for the whole market: first opening and last closing
      ...(i === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: CHART.faint, type: 'dashed' },
              label: { color: CHART.muted, fontSize: 10, formatter: '{b}', position: 'end', align: 'left', padding: [0, 0, 0, 4] },
              data: marketRules(m),
            },
          }
        : {}),
    })),
  };
}

export default function MovesChart({ moves }: { moves: MarketMoves }) {
  const option = useMemo(() => movesOption(moves), [moves]);
  const opened = moves.series.filter((s) => s.opening).length;
  const closed = moves.series.filter((s) => s.closing).length;
  return (
    <Chart
      option={option}
      className="chart--moves"
      label={`Odds of ${moves.series.length} bookmakers over time for ${movesTitle(moves)}; ${opened} openings and ${closed} closings marked`}
    />
  );
}
