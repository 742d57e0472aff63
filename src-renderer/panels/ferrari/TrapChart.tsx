import { useMemo } from 'react';
import type { TrapDetail } from '../../../src-shared/contract/intel';
import { Chart } from '../../ui/Chart';
import './echarts-extra';
import { trapChartOption } from './trap-chart';
import { selectionLabel } from '../../ui/trap-format';

/** ECharts is large: this module is loaded on the first trap opened. */
export default function TrapChart({ detail }: { detail: TrapDetail }) {
  const option = useMemo(() => trapChartOption(detail), [detail]);
  const t = detail.trap;
  const points = detail.series.reduce((a, s) => a + s.points.length, 0);
  return (
    <Chart
      option={option}
      className="chart--trap"
      label={`Prices of ${detail.series.length} bookmakers over time for ${t.match.home} – ${t.match.away} ${selectionLabel(t)}: ${points} quotes, sharp fair ${t.fairOdds?.toFixed(2) ?? 'unknown'}`}
    />
  );
}
