import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  benjaminiHochberg,
  benjaminiYekutieli,
  falseDiscoveryControl,
  QuantError,
  rejectAt,
  type FdrMethod,
} from '../../../src-shared/quant';
import { closeAll, fixture } from './fixtures';

interface Case {
  p: number[];
  method: FdrMethod;
  adjusted: number[];
  reject: Record<string, boolean[]>;
}
const ref = fixture<{ cases: Case[] }>('multiple_testing.json');

/** The step-up procedure as published, written out independently of the adjusted p-values. */
function stepUp(p: readonly number[], alpha: number, c = 1): boolean[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  let k = 0;
  for (let i = 1; i <= m; i++) if (p[order[i - 1]] <= (i * alpha) / (m * c)) k = i;
  const out = p.map(() => false);
  for (let i = 0; i < k; i++) out[order[i]] = true;
  return out;
}

describe('false discovery rate control against scipy', () => {
  it(`adjusted p-values = scipy.stats.false_discovery_control, BH and BY, with ties, 0s and 1s (${ref.cases.length} families)`, () => {
    expect(ref.cases.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.cases.entries()) {
      closeAll(falseDiscoveryControl(c.p, c.method), c.adjusted, 1e-14, `#${i} ${c.method} m=${c.p.length}`);
      closeAll(c.method === 'bh' ? benjaminiHochberg(c.p) : benjaminiYekutieli(c.p), c.adjusted, 1e-14, `#${i}`);
    }
  });
  it('rejectAt(alpha) on the adjusted p-values = the published step-up procedure (alpha 0.01 to 0.2)', () => {
    let rejected = 0;
    for (const [i, c] of ref.cases.entries()) {
      const q = falseDiscoveryControl(c.p, c.method);
      for (const [alpha, expected] of Object.entries(c.reject)) {
        expect(rejectAt(q, Number(alpha)), `#${i} ${c.method} alpha ${alpha}`).toEqual(expected);
        rejected += expected.filter(Boolean).length;
      }
    }
    expect(rejected).toBeGreaterThan(100);
  });
  it("Benjamini & Hochberg's (1995) 15 p-values: four rejected at 0.05 (Bonferroni: three)", () => {
    const p = [0.0201, 0.0001, 0.0004, 0.0019, 0.0095, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    const reject = rejectAt(benjaminiHochberg(p), 0.05);
    expect(p.filter((_, i) => reject[i]).sort((a, b) => a - b)).toEqual([0.0001, 0.0004, 0.0019, 0.0095]);
    expect(p.filter((x) => x * p.length <= 0.05)).toHaveLength(3);
    expect(rejectAt(benjaminiYekutieli(p), 0.05).filter(Boolean)).toHaveLength(3);
  });
  it('property: q >= p, <= 1, order-preserving, permutation-equivariant, BY >= BH; rejections = step-up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (p, alpha) => {
          const bh = benjaminiHochberg(p);
          const by = benjaminiYekutieli(p);
          p.forEach((x, i) => {
            expect(bh[i]).toBeGreaterThanOrEqual(Math.min(1, x) - 1e-15);
            expect(bh[i]).toBeLessThanOrEqual(1);
            expect(by[i]).toBeGreaterThanOrEqual(bh[i]);
            p.forEach((y, j) => {
              if (x <= y) expect(bh[i]).toBeLessThanOrEqual(bh[j]);
            });
          });
          const rev = [...p].reverse();
          expect(benjaminiHochberg(rev)).toEqual([...bh].reverse());
          let c = 0;
          for (let i = 1; i <= p.length; i++) c += 1 / i;
          // p·m/i <= alpha and p <= i·alpha/m round differently only on a threshold itself: skip those draws
          const sorted = [...p].sort((a, b) => a - b);
          const onEdge = (cm: number): boolean => sorted.some((x, i) => Math.abs((x * p.length * cm) / (i + 1) - alpha) <= 1e-12 * alpha);
          if (!onEdge(1)) expect(rejectAt(bh, alpha)).toEqual(stepUp(p, alpha));
          if (p.length > 1 && !onEdge(c)) expect(rejectAt(by, alpha)).toEqual(stepUp(p, alpha, c));
        },
      ),
    );
  });
  it('errors name the bad p-value', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.3])).toEqual([0.3]);
    expect(() => benjaminiHochberg([0.1, 1.2])).toThrow(/pValues\[1\] = 1.2/);
    expect(() => benjaminiYekutieli([NaN])).toThrow(QuantError);
    expect(() => rejectAt([0.1], 1.5)).toThrow(/alpha = 1.5/);
    expect(() => falseDiscoveryControl([0.1], 'holm' as FdrMethod)).toThrow(/method 'holm'/);
  });
});
