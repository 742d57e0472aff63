import { useMemo } from 'react';
import type { MarketMoves } from '../../../src-shared/contract/market';
import { Chart, type ChartOption } from '../../ui/Chart';
import { oddsTick } from '../../ui/format';
import './echarts-extra';
import { movesTitle } from './moves-title';

const PALETTE = [
  '#3ea6ff',
  '#f0b429',
  '#b48cff',
  '#2fbf71',
  '#ef5b5b',
  '#5ad8e6',
  '#ff9f5a',
  '#e86fb3',
  '#9bd35a',
  '#c9d1d9',
  '#7f8cff',
  '#ffd166',
];

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
      axisLabel: { color: '#8c9db0', fontSize: 10, formatter: (v: number) => oddsTick(v) },
      splitLine: { lineStyle: { color: '#1b2430' } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: 0,
        height: 16,
        bottom: 8,
        borderColor: '#2e3a49',
        textStyle: { color: '#8c9db0', fontSize: 10 },
        fillerColor: 'rgba(62,166,255,0.15)',
        dataBackground: { lineStyle: { color: '#3ea6ff' }, areaStyle: { color: 'rgba(62,166,255,0.1)' } },
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
              lineStyle: { color: '#5d6d80', type: 'dashed' },
              label: { color: '#8c9db0', fontSize: 10, formatter: '{b}', position: 'end', align: 'left', padding: [0, 0, 0, 4] },
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
