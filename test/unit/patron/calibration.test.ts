// PATRON's score says the chance the price beats the close: on a history where CLV spreads wider at long
// prices (as on the real files), the uncalibrated 100·Φ(expected CLV / one residual sd) overstates the high
// scores; the calibrated score (spread per price band, a logistic fitted on held-out days) matches what
// happens on candidates it never saw. The calibration is fitted only on days its fit never saw.
import { describe, expect, it } from 'vitest';
import {
  CALIBRATION,
  fitCalibration,
  fitPatron,
  PATRON_INPUTS,
  scoreOf,
  scorePatron,
  splitByDay,
  tierOf,
  type InputVector,
  type TrainingRow,
} from '../../../src-main/features/agents/patron';
import { normalCdf, sfc32, wilsonInterval } from '../../../src-shared/quant';

const zero = (): InputVector => Object.fromEntries(PATRON_INPUTS.map((k) => [k, 0])) as InputVector;

/** Candidates at prices 1.5–9, the edge and CLV's noise both growing with the price (as on the real
 * files, where the largest expected CLVs are long prices that beat the close about two times in three), 40 a day. */
function history(n: number, seed: number, day0 = Date.UTC(2024, 0, 1)): TrainingRow[] {
  const rnd = sfc32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
  return Array.from({ length: n }, (_, i) => {
    const odds = 1.5 + 7.5 * rnd() ** 2;
    const marketEdge = 0.012 * odds * normal() - 0.02;
    const inputs = { ...zero(), marketEdge, edge: marketEdge, priceBand: Math.log(odds) };
    const clv = 0.7 * marketEdge + 0.03 * odds * normal();
    const kickoff = new Date(day0 + Math.floor(i / 40) * 86_400_000 + (i % 40) * 60_000).toISOString();
    return { inputs, clv, kickoff, origin: 'history' as const };
  });
}

/** Claimed (mean score) and observed (share that beat the close) for the candidates scored ≥ floor. */
function reliability(scores: number[], rows: readonly TrainingRow[], floor: number) {
  const idx = scores.map((s, i) => (s >= floor ? i : -1)).filter((i) => i >= 0);
  const claimed = idx.reduce((a, i) => a + scores[i], 0) / idx.length;
  const beat = (100 * idx.filter((i) => rows[i].clv > 0).length) / idx.length;
  return { n: idx.length, claimed, beat };
}

describe("PATRON's score calibration", () => {
  const train = history(24_000, 3);
  const w = fitPatron(train, null)!;
  const fresh = history(60_000, 4, Date.UTC(2025, 0, 1)); // days after every row fitted

  it('the uncalibrated reading overstates the high scores out of sample; the calibrated score does not', () => {
    const raw = fresh.map((r) => {
      const e = scorePatron(w, r.inputs).expectedClv;
      return 100 * normalCdf(e / w.residualSd);
    });
    const calibrated = fresh.map((r) => scorePatron(w, r.inputs).score);
    for (const floor of [62, 70]) {
      const before = reliability(raw, fresh, floor);
      const after = reliability(calibrated, fresh, floor);
      console.log(
        `scores ≥ ${floor}: uncalibrated ${before.n} claim ${before.claimed.toFixed(1)}%, beat ${before.beat.toFixed(1)}%; calibrated ${after.n} claim ${after.claimed.toFixed(1)}%, beat ${after.beat.toFixed(1)}%`,
      );
      // the claim against the 95% interval of what happened
      const [b, a] = [before, after].map((r) => wilsonInterval(Math.round((r.beat * r.n) / 100), r.n));
      expect(before.claimed).toBeGreaterThan(100 * b.upper);
      expect(after.n).toBeGreaterThan(400);
      expect(after.claimed).toBeGreaterThan(100 * a.lower);
      expect(after.claimed).toBeLessThan(100 * a.upper);
    }
  });

  it('is fitted on the latest days only, scored by a fit of the days before them (whole days each side)', () => {
    const c = w.calibration!;
    expect(c.rows + c.fittedOn).toBe(train.length);
    expect(c.rows).toBeGreaterThanOrEqual(CALIBRATION.minHoldout);
    expect(c.curve.p.every((p, k) => k === 0 || p >= c.curve.p[k - 1])).toBe(true); // non-decreasing in z
    const s = splitByDay(train, CALIBRATION.holdoutShare)!;
    expect(s.from).toBe(c.from);
    expect(s.fit.every((r) => r.kickoff.slice(0, 10) < c.from)).toBe(true);
    expect(s.held.every((r) => r.kickoff.slice(0, 10) >= c.from)).toBe(true);
    expect(s.held.length / train.length).toBeCloseTo(CALIBRATION.holdoutShare, 1);
    expect(w.spreads[0]).toBeLessThan(w.spreads[5]); // CLV spreads wider at long prices
    expect(w.spreadFallbacks).toBe(1); // no price under 1.50: that band takes the overall spread
  });

  it('with too few rows to hold out, the score is 100·Φ(z) and the weights say why (a counted fallback)', () => {
    const few = fitPatron(history(150, 5), null)!;
    expect(few.calibration).toBeNull();
    expect(few.calibrationNote).toMatch(/held-out rows \(needs 400\)/);
    const s = scorePatron(few, { ...zero(), marketEdge: 0.03, priceBand: Math.log(2) });
    expect(s.score).toBeCloseTo(scoreOf(s.expectedClv / few.spreads[2], null), 10);
    expect(s.tier).toBe(tierOf(s.score));
  });

  it('without a bin of held-out candidates expected to beat the close, no curve (it would be flat over every decision)', () => {
    const z = Array.from({ length: 600 }, (_, i) => -1 + i / 1000 + (i < 30 ? 1.5 : 0)); // 30 with z > 0
    const clv = z.map((_, i) => (i % 3 === 0 ? 0.01 : -0.01));
    const r = fitCalibration(z, clv, { from: '2026-11-30', to: '2026-12-06', fittedOn: 1000 });
    expect(r.calibration).toBeNull();
    expect(r.why).toBe(`30 held-out rows with a positive expected CLV (needs ${CALIBRATION.bin}, one bin of the curve)`);
    const more = z.map((v, i) => (i < 60 ? v + 1.5 : v));
    expect(fitCalibration(more, clv, { from: '2026-11-30', to: '2026-12-06', fittedOn: 1000 }).calibration).not.toBeNull();
  });
});
