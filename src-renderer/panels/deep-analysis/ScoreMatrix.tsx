import { useMemo } from 'react';
import type { Preview } from '../../../src-shared/contract/analysis';
import { Chart, type ChartOption } from '../../ui/Chart';
import './echarts-extra';
import { CHART, HEAT_SCALE } from '../../ui/chart-theme';

type Matrix = NonNullable<Preview['matrix']>;

export function matrixOption(m: Matrix, home: string, away: string): ChartOption {
  const goals = Array.from({ length: m.maxGoals + 1 }, (_, i) => String(i));
  const data: [number, number, number][] = [];
  let max = 0;
  m.p.forEach((row, i) =>
    row.forEach((p, j) => {
      data.push([j, i, p]);
      max = Math.max(max, p);
    }),
  );
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 52, right: 12, top: 8, bottom: 40 },
    tooltip: {
      backgroundColor: CHART.surface2,
      borderColor: CHART.borderStrong,
      textStyle: { color: CHART.text, fontSize: 11 },
      formatter: (x: { value: [number, number, number] }) =>
        `${home} ${x.value[1]} – ${x.value[0]} ${away}: ${(x.value[2] * 100).toFixed(2)}%`,
    },
    xAxis: {
      type: 'category',
      data: goals,
      name: `${away} goals`,
      nameLocation: 'middle',
      nameGap: 22,
      nameTextStyle: { color: CHART.muted, fontSize: 11 },
      axisLabel: { color: CHART.muted },
      axisLine: { lineStyle: { color: CHART.borderStrong } },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: goals,
      name: `${home} goals`,
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { color: CHART.muted, fontSize: 11 },
      axisLabel: { color: CHART.muted },
      axisLine: { lineStyle: { color: CHART.borderStrong } },
    },
    visualMap: { min: 0, max, show: false, inRange: { color: [...HEAT_SCALE] } },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          color: CHART.textStrong,
          fontSize: 10,
          formatter: (x: { value: [number, number, number] }) => (x.value[2] >= 0.005 ? (x.value[2] * 100).toFixed(1) : ''),
        },
        itemStyle: { borderColor: CHART.bg, borderWidth: 1 },
      },
    ],
  };
}

export function ScoreMatrix({ matrix, home, away }: { matrix: Matrix; home: string; away: string }) {
  const option = useMemo(() => matrixOption(matrix, home, away), [matrix, home, away]);
  const top = useMemo(() => {
    let best = { i: 0, j: 0, p: -1 };
    matrix.p.forEach((row, i) => row.forEach((p, j) => (p > best.p ? (best = { i, j, p }) : null)));
    return best;
  }, [matrix]);
  return (
    <Chart
      option={option}
      className="chart--matrix"
      label={`Score matrix ${home} against ${away}, 0 to ${matrix.maxGoals} goals a side; most likely ${top.i}-${top.j} at ${(top.p * 100).toFixed(1)}%`}
    />
  );
}
