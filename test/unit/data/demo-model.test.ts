import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/demo/model.json';
import {
  asianHomeProbability,
  exchangeTick,
  mainAsianLine,
  matchProbabilities,
  overProbability,
  powerMargin,
  proportionalMargin,
  roundDown,
  scoreMatrix,
  MAX_GOALS,
} from '../../../src-main/ingest/demo/model';
import { Rng } from '../../../src-main/ingest/demo/rng';

// Reference: test/reference/demo_model_reference.py (numpy/scipy) → test/fixtures/demo/model.json
describe('demo goal model against the scipy reference', () => {
  for (const c of fixture.cases) {
    it(`Dixon-Coles λ=${c.lambda} μ=${c.mu} ρ=${c.rho}: score matrix, 1X2, totals, Asian handicap`, () => {
      const m = scoreMatrix(c.lambda, c.mu, c.rho);
      const n = MAX_GOALS + 1;
      expect(m[0]).toBeCloseTo(c.p00, 12);
      expect(m[n + 1]).toBeCloseTo(c.p11, 12);
      expect(m[2 * n + 1]).toBeCloseTo(c.p21, 12);
      const p = matchProbabilities(m);
      expect(p.home).toBeCloseTo(c.home, 12);
      expect(p.draw).toBeCloseTo(c.draw, 12);
      expect(p.away).toBeCloseTo(c.away, 12);
      for (const [line, v] of Object.entries(c.over)) expect(overProbability(p.total, Number(line))).toBeCloseTo(v, 12);
      for (const [line, v] of Object.entries(c.asian_home)) expect(asianHomeProbability(p.diff, Number(line)), line).toBeCloseTo(v, 12);
      // the main line is the one closest to an even market
      const main = mainAsianLine(p.diff);
      for (let q = -8; q <= 8; q++) {
        expect(Math.abs(asianHomeProbability(p.diff, main) - 0.5)).toBeLessThanOrEqual(
          Math.abs(asianHomeProbability(p.diff, q / 4) - 0.5) + 1e-12,
        );
      }
    });
  }

  it('power margin: sum 1 + margin, longshots carry more of it (same q as scipy brentq)', () => {
    for (const c of fixture.power_margin) {
      const q = powerMargin(c.p, c.margin);
      q.forEach((v, i) => expect(v).toBeCloseTo(c.q[i], 10));
      expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1 + c.margin, 10);
    }
    const q = powerMargin([0.6, 0.25, 0.15], 0.07);
    expect(q[2] / 0.15).toBeGreaterThan(q[0] / 0.6);
    expect(proportionalMargin([0.6, 0.4], 0.025)).toEqual([0.6 * 1.025, 0.4 * 1.025]);
  });

  it('rounds prices down, on the exchange ladder too', () => {
    expect(roundDown(2.1999, 2)).toBe(2.19);
    expect(roundDown(1.0042, 2)).toBe(1.01);
    expect(roundDown(1.9876, 3)).toBe(1.987);
    expect(exchangeTick(2.57)).toBe(2.56);
    expect(exchangeTick(3.33)).toBe(3.3);
    expect(exchangeTick(1.555)).toBe(1.55);
    expect(exchangeTick(7.75)).toBe(7.6);
  });
});

describe('seeded PRNG', () => {
  it('repeats a stream, separates streams, and draws sensible distributions', () => {
    const a = Rng.stream(1, 'x', 2);
    const b = Rng.stream(1, 'x', 2);
    const c = Rng.stream(1, 'x', 3);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    const r = Rng.stream(7, 'dist');
    const n = 20_000;
    const normals = Array.from({ length: n }, () => r.normal());
    const mean = normals.reduce((s, x) => s + x, 0) / n;
    const v = normals.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
    const pois = Array.from({ length: n }, () => r.poisson(1.4));
    expect(Math.abs(pois.reduce((s, x) => s + x, 0) / n - 1.4)).toBeLessThan(0.04);
    const g = Array.from({ length: n }, () => r.gamma(0.5));
    expect(Math.abs(g.reduce((s, x) => s + x, 0) / n - 0.5)).toBeLessThan(0.03);
  });
});
