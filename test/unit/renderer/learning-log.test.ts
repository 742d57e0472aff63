// The learning log tab's pure logic: each input's PATRON weight over the versions, rebuilt from the
// changes each refit logged (only the inputs that changed), and the before → after texts.
import { describe, expect, it } from 'vitest';
import type { LearningEntry } from '../../../src-shared/contract/conseil';
import { outOfSampleText, weightChangeText, weightsLabel, weightSeries } from '../../../src-renderer/panels/history/learning';

const entry = (version: number, changes: [string, number | null, number][]): LearningEntry => ({
  version,
  fittedAt: `2026-11-${String(version).padStart(2, '0')}T06:00:00Z`,
  trainedThrough: null,
  rows: 100 * version,
  picks: version,
  feedback: 0,
  changes: changes.map(([input, before, after]) => ({ input, label: `the ${input}`, before, after })),
  outOfSample: null,
  note: '',
});

describe('weightSeries', () => {
  it('carries a weight forward through refits that did not change it', () => {
    const s = weightSeries([
      entry(3, [['edge', 0.02, 0.03]]),
      entry(1, [
        ['edge', null, 0.01],
        ['trap', null, -0.05],
      ]),
      entry(2, [['edge', 0.01, 0.02]]),
    ]);
    expect(s.versions).toEqual([1, 2, 3]);
    expect(s.inputs).toEqual([
      { input: 'edge', label: 'the edge', values: [0.01, 0.02, 0.03] },
      { input: 'trap', label: 'the trap', values: [-0.05, -0.05, -0.05] },
    ]);
  });
  it("back-fills the versions before an input's first logged change with its `before`, or null when it is new", () => {
    const s = weightSeries([
      entry(4, [['edge', 0.1, 0.2]]),
      entry(5, [
        ['steam', 0.3, 0.25],
        ['pattern', null, 0.05],
      ]),
      entry(6, []),
    ]);
    expect(s.versions).toEqual([4, 5, 6]);
    const by = Object.fromEntries(s.inputs.map((i) => [i.input, i.values]));
    expect(by.edge).toEqual([0.2, 0.2, 0.2]);
    expect(by.steam).toEqual([0.3, 0.25, 0.25]);
    expect(by.pattern).toEqual([null, 0.05, 0.05]);
  });
  it('an empty log has no version and no line', () => {
    const s = weightSeries([]);
    expect(s).toEqual({ versions: [], inputs: [] });
    expect(weightsLabel(s)).toBe('PATRON weights: no refit logged yet');
    expect(weightsLabel(weightSeries([entry(1, [['edge', null, 1]]), entry(2, [])]))).toBe(
      'PATRON weights of 1 inputs over 2 versions (v1 to v2)',
    );
  });
});

describe('texts', () => {
  it('out of sample: the mean CLV before → after, unknown as —', () => {
    expect(outOfSampleText(null)).toBe('—');
    expect(
      outOfSampleText({
        from: '2026-11-01',
        to: '2026-11-07',
        candidates: 40,
        before: { picked: 10, meanClv: 0.008 },
        after: { picked: 12, meanClv: -0.002 },
      }),
    ).toBe('+0.80% → −0.20%');
    expect(
      outOfSampleText({ from: 'a', to: 'b', candidates: 0, before: { picked: 0, meanClv: null }, after: { picked: 0, meanClv: null } }),
    ).toBe('— → —');
  });
  it('a weight change, a new input as new', () => {
    expect(weightChangeText(0.0123, 0.015)).toBe('+0.0123 → +0.0150');
    expect(weightChangeText(null, -0.2)).toBe('new → −0.2000');
  });
});
