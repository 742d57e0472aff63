// The learning log's out-of-sample comparison: the old and the new PATRON weights are judged on days
// neither was fitted on, whatever the old weights were trained through.
import { describe, expect, it } from 'vitest';
import { fitPatron, PATRON_INPUTS, type InputVector, type TrainingRow } from '../../../src-main/features/agents/patron';
import { outOfSample } from '../../../src-main/features/conseil/learn';

/** 60 days of 10 candidates each (deterministic), CLV tied to the market edge. */
function rows(): TrainingRow[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
  const out: TrainingRow[] = [];
  for (let d = 0; d < 60; d++)
    for (let k = 0; k < 10; k++) {
      const inputs = Object.fromEntries(PATRON_INPUTS.map((i) => [i, 0])) as InputVector;
      inputs.marketEdge = 0.05 * rnd();
      inputs.priceBand = Math.log(2 + rnd());
      const kickoff = new Date(Date.UTC(2026, 0, 1 + d, 12 + (k % 8))).toISOString();
      out.push({ inputs, clv: 0.8 * inputs.marketEdge + 0.01 * rnd(), kickoff, origin: 'history' });
    }
  return out;
}

describe('the learning log compares old and new weights out of sample', () => {
  const all = rows();
  const heldAfter = (from: string, seen: string | null) => all.filter((r) => r.kickoff >= from && (seen === null || r.kickoff > seen));

  it('old weights trained into the last 14 days: only the days after their last training row are judged', () => {
    const before = fitPatron(all, '2026-02-20T00:00:00.000Z')!; // saw days up to 19 Feb; the last 14 days start 15 Feb
    const o = outOfSample(all, before)!;
    expect(o.from >= before.trainedThrough!).toBe(true);
    expect(o.candidates).toBe(heldAfter(o.from, before.trainedThrough).length);
    expect(o.candidates).toBe(all.filter((r) => r.kickoff > before.trainedThrough!).length);
    expect(o.candidates).toBeGreaterThan(0);
  });

  it('old weights that saw every row: nothing to judge them on, said as 0 candidates', () => {
    const before = fitPatron(all, null)!;
    const o = outOfSample(all, before)!;
    expect(o.candidates).toBe(0);
    expect(o.before).toEqual({ picked: 0, meanClv: null });
  });

  it('old weights older than the last 14 days: the 14 days are judged, as before', () => {
    const before = fitPatron(all, '2026-02-01T00:00:00.000Z')!;
    const o = outOfSample(all, before)!;
    expect(o.from).toBe('2026-02-15T19:00:00.000Z');
    expect(o.candidates).toBe(all.filter((r) => r.kickoff >= o.from).length);
  });
});
