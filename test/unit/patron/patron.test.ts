// PATRON DIAMOND on hand-made settled histories: the weights learn the relation the rows hold, only from
// rows before the day they score, the score is the probability the price beats the close, and the
// contributions add up to the expected CLV.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COLLINEAR_R,
  contributionLabel,
  fitPatron,
  INPUT_LABELS,
  PATRON_INPUTS,
  scorePatron,
  tierOf,
  weightRecord,
  type InputVector,
  type TrainingRow,
} from '../../../src-main/features/agents/patron';
import { fitRidge, sfc32 } from '../../../src-shared/quant';

const zero = (): InputVector => Object.fromEntries(PATRON_INPUTS.map((k) => [k, 0])) as InputVector;

/** Rows where CLV = 0.8·marketEdge − 0.5·outlier + noise, one a day from 2025-01-01. */
function history(n: number, seed = 7): TrainingRow[] {
  const rnd = sfc32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
  return Array.from({ length: n }, (_, i) => {
    const inputs = { ...zero(), marketEdge: 0.05 * normal(), outlier: Math.abs(0.03 * normal()), priceBand: Math.log(1.5 + 3 * rnd()) };
    inputs.edge = inputs.marketEdge;
    const clv = 0.8 * inputs.marketEdge - 0.5 * inputs.outlier + 0.02 * normal();
    return { inputs, clv, kickoff: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), origin: 'history' as const };
  });
}

describe('PATRON DIAMOND weights', () => {
  it('learn the relation of the history: a better edge scores higher, a lone outlier price lower', () => {
    const w = fitPatron(history(4000), null)!;
    const base = { ...zero(), priceBand: Math.log(2.5) };
    const good = scorePatron(w, { ...base, marketEdge: 0.05, edge: 0.05 });
    const plain = scorePatron(w, base);
    const stale = scorePatron(w, { ...base, marketEdge: 0.05, edge: 0.05, outlier: 0.12 });
    expect(good.expectedClv).toBeGreaterThan(0.03);
    expect(good.score).toBeGreaterThan(plain.score);
    expect(stale.score).toBeLessThan(good.score);
    // 0.8 per unit of edge, all on the edge against the market (the equal edge merged into it); −0.5 per unit of outlier
    expect(good.expectedClv - plain.expectedClv).toBeCloseTo(0.8 * 0.05, 2);
    expect(stale.expectedClv - good.expectedClv).toBeCloseTo(-0.5 * 0.12, 2);
  });

  it('use only rows that kicked off before the day they score (walk-forward), and say what they saw', () => {
    const rows = history(500);
    const day = rows[300].kickoff;
    const w = fitPatron(rows, day)!;
    expect(w.rows).toBe(300);
    expect(w.trainedThrough! < day).toBe(true);
    expect(fitPatron(rows, rows[20].kickoff)).toBeNull(); // fewer than 30 settled rows: no weights
  });

  it('count the settled picks among the rows', () => {
    const rows = history(100).map((r, i) => (i % 4 === 0 ? { ...r, origin: 'pick' as const } : r));
    expect(fitPatron(rows, null)!.picks).toBe(25);
  });

  it('uncalibrated (too few rows to hold out), the score is 100·Φ(z) in [0, 100], its tier follows the floors, the contributions add up (property)', () => {
    const w = fitPatron(history(1000), null)!;
    expect(w.calibration).toBeNull();
    fc.assert(
      fc.property(fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), (edge, outlier) => {
        const s = scorePatron(w, { ...zero(), edge, marketEdge: edge, outlier });
        const sum = s.contributions.reduce((a, c) => a + c.clv, 0);
        expect(s.expectedClv).toBeCloseTo(w.fit.intercept + sum, 12);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(100);
        expect(s.score > 50).toBe(s.expectedClv > 0);
        expect(s.tier).toBe(tierOf(s.score));
      }),
      { numRuns: 200 },
    );
    expect(tierOf(80)).toBe('diamond');
    expect(tierOf(70)).toBe('gold');
    expect(tierOf(56)).toBe('silver');
    expect(tierOf(54.9)).toBe('pass');
  });

  it('with little history the prior (expected CLV = edge against the market) holds', () => {
    const few = history(40).map((r) => ({ ...r, clv: 0 })); // a history that says nothing
    const w = fitPatron(few, null)!;
    const a = scorePatron(w, { ...zero(), marketEdge: 0.05 });
    const b = scorePatron(w, { ...zero(), marketEdge: -0.05 });
    expect(a.expectedClv).toBeGreaterThan(b.expectedClv);
  });
});

describe('PATRON DIAMOND with collinear inputs', () => {
  /** Rows where the two edges move together (edge = marketEdge + a small d, |r| ≈ 0.99) and CLV pulls them
   * apart (0.8·marketEdge − 2·d): a plain ridge gives them opposite signs. */
  function nearCopies(n: number, sdGap: number, seed = 11): TrainingRow[] {
    const rnd = sfc32(seed);
    const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
    return Array.from({ length: n }, (_, i) => {
      const marketEdge = 0.05 * normal();
      const d = sdGap * normal();
      const inputs = { ...zero(), marketEdge, edge: marketEdge + d, priceBand: Math.log(1.5 + 3 * rnd()) };
      const clv = 0.8 * marketEdge - 2 * d + 0.02 * normal();
      return { inputs, clv, kickoff: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), origin: 'history' as const };
    });
  }

  it('a plain ridge splits two near-copies into opposite signs (the failure the merge prevents)', () => {
    const rows = nearCopies(4000, 0.007);
    const x = rows.map((r) => PATRON_INPUTS.map((k) => r.inputs[k]));
    const plain = fitRidge(
      [...PATRON_INPUTS],
      x,
      rows.map((r) => r.clv),
      { lambda: 200 },
    );
    const [e, m] = [PATRON_INPUTS.indexOf('edge'), PATRON_INPUTS.indexOf('marketEdge')];
    expect(Math.sign(plain.coefficients[e])).toBe(-Math.sign(plain.coefficients[m]));
  });

  it('merges the edge into the edge against the market: counted, said in the fit and in every explanation, never an opposite split', () => {
    const w = fitPatron(nearCopies(4000, 0.007), null)!;
    expect(w.merged).toHaveLength(1);
    expect(w.merged[0]).toMatchObject({ name: 'edge', into: 'marketEdge' });
    expect(w.merged[0].r).toBeGreaterThan(COLLINEAR_R);
    expect(weightRecord(w).edge).toBe(0);
    expect(weightRecord(w).marketEdge).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.double({ min: -0.03, max: 0.03, noNaN: true }), (me, d) => {
        const s = scorePatron(w, { ...zero(), marketEdge: me, edge: me + d, priceBand: Math.log(2.5) });
        const edge = s.contributions.find((c) => c.input === 'edge')!;
        const market = s.contributions.find((c) => c.input === 'marketEdge')!;
        expect(edge.clv).toBe(0);
        expect(edge.mergedInto).toBe('marketEdge');
        expect(market.mergedInto).toBeUndefined();
        // the edge against the market carries the shared effect, in the sign of the edge
        if (Math.abs(me - w.fit.means[PATRON_INPUTS.indexOf('marketEdge')]) > 1e-3)
          expect(Math.sign(market.clv)).toBe(Math.sign(me - w.fit.means[PATRON_INPUTS.indexOf('marketEdge')]));
      }),
      { numRuns: 200 },
    );
    expect(contributionLabel('edge', 'marketEdge')).toMatch(/merged into it: its part is counted in marketEdge's/);
    expect(contributionLabel('edge')).toBe(INPUT_LABELS.edge);
  });

  it('keeps both edges when they differ (|r| below the threshold), each with its own sign', () => {
    const rows = nearCopies(4000, 0.04); // edge − marketEdge as wide as the edge itself: r ≈ 0.78
    const w = fitPatron(rows, null)!;
    expect(w.merged).toEqual([]);
    const r = weightRecord(w);
    expect(r.edge).toBeLessThan(0);
    expect(r.marketEdge).toBeGreaterThan(0);
  });

  it('with Agent B on the market alone (the two edges equal) the fit merges them and says it', () => {
    const rows = history(500); // edge = marketEdge exactly
    const w = fitPatron(rows, null)!;
    expect(w.merged.map((m) => [m.name, m.into, +m.r.toFixed(6)])).toEqual([['edge', 'marketEdge', 1]]);
  });
});
