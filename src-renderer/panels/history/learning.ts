// The learning log's reads (pure: unit-tested without a browser): each input's PATRON weight over the
// versions, rebuilt from the changes each refit logged, and the chart of it.
import type { LearningEntry } from '../../../src-shared/contract/conseil';
import type { ChartOption } from '../../ui/Chart';
import { formatSigned, formatSignedPct } from '../../ui/format';
import { inputName } from '../../ui/bet-labels';
import { CATEGORY_PALETTE, CHART } from '../../ui/chart-theme';

export interface WeightSeries {
  /** Versions, oldest first. */
  versions: number[];
  /** One line per input: its weight at each version (null before the input existed). */
  inputs: { input: string; label: string; values: (number | null)[] }[];
}

/** Each input's weight at every version of the log. A refit logs only the inputs that changed: a version
 * without a change keeps the previous weight, and the versions before an input's first logged change in
 * the window held its `before` (null when it had none: the input did not exist yet). */
export function weightSeries(entries: readonly LearningEntry[]): WeightSeries {
  const sorted = [...entries].sort((a, b) => a.version - b.version);
  const labels = new Map<string, string>();
  for (const e of sorted) for (const c of e.changes) if (!labels.has(c.input)) labels.set(c.input, c.label);
  const inputs = [...labels.keys()].sort().map((input) => {
    const values: (number | null)[] = [];
    let current: number | null | undefined; // undefined: not seen yet in the window
    for (const e of sorted) {
      const c = e.changes.find((x) => x.input === input);
      if (c) {
        if (current === undefined) for (let i = 0; i < values.length; i++) values[i] = c.before;
        current = c.after;
      }
      values.push(current ?? null);
    }
    return { input, label: labels.get(input) ?? input, values };
  });
  return { versions: sorted.map((e) => e.version), inputs };
}

/** "+0.80% → +1.20%" (mean CLV of the picks the old and the new weights would have made out of sample). */
export function outOfSampleText(o: LearningEntry['outOfSample']): string {
  if (!o) return '—';
  return `${formatSignedPct(o.before.meanClv)} → ${formatSignedPct(o.after.meanClv)}`;
}

/** "+0.0123 → +0.0150", "new → −0.2000" for an input the previous weights did not have. */
export const weightChangeText = (before: number | null, after: number): string =>
  `${before === null ? 'new' : formatSigned(before, 4)} → ${formatSigned(after, 4)}`;

const PALETTE = [...CATEGORY_PALETTE];

/** Each input's weight over the versions, one line per input. */
export function weightsOption(s: WeightSeries): ChartOption {
  return {
    backgroundColor: 'transparent',
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: CHART.muted },
    grid: { left: 8, right: 14, top: 64, bottom: 6, containLabel: true },
    tooltip: {
      trigger: 'axis',
      backgroundColor: CHART.tooltip,
      borderColor: CHART.axis,
      textStyle: { color: CHART.text, fontSize: 12 },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(4) : '—'),
    },
    legend: { top: 0, left: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: CHART.label, fontSize: 11 } },
    xAxis: {
      type: 'category',
      name: 'version',
      nameTextStyle: { color: CHART.muted, fontSize: 10 },
      data: s.versions.map((v) => `v${v}`),
      axisLabel: { color: CHART.tick, fontSize: 10, hideOverlap: true },
      axisLine: { lineStyle: { color: CHART.axis } },
    },
    yAxis: {
      type: 'value',
      name: 'CLV per sd',
      nameTextStyle: { color: CHART.muted, fontSize: 10 },
      axisLabel: { color: CHART.tick, fontSize: 10 },
      splitLine: { lineStyle: { color: CHART.grid } },
    },
    series: s.inputs.map((i) => ({
      name: inputName(i.input),
      type: 'line',
      data: i.values,
      showSymbol: s.versions.length < 30,
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { width: 1.6 },
    })),
  };
}

export const weightsLabel = (s: WeightSeries): string =>
  s.versions.length === 0
    ? 'PATRON weights: no refit logged yet'
    : `PATRON weights of ${s.inputs.length} inputs over ${s.versions.length} versions (v${s.versions[0]} to v${s.versions[s.versions.length - 1]})`;
