import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEVIG_METHODS, devig, overround, QuantError, type DevigMethod } from '../../../src-shared/quant';
import { closeAll, close, fixture } from './fixtures';

interface Case {
  odds: number[];
  overround: number;
  probabilities: number[];
  parameter?: number;
}
const ref = fixture<Record<DevigMethod, Case[]>>('margins.json');
const CLOSED: DevigMethod[] = ['multiplicative', 'additive', 'differential_margin_weighting'];

describe('margin removal against the scipy reference', () => {
  for (const method of DEVIG_METHODS) {
    it(`${method}: ${ref[method].length} books`, () => {
      expect(ref[method].length).toBeGreaterThanOrEqual(50);
      const tol = CLOSED.includes(method) ? 1e-9 : 1e-6;
      for (const [i, c] of ref[method].entries()) {
        const r = devig(c.odds, method);
        close(r.overround, c.overround, 1e-12, `${method} #${i} overround`);
        closeAll(r.probabilities, c.probabilities, tol, `${method} #${i}`);
        if (c.parameter !== undefined) close(r.parameter!, c.parameter, 1e-6, `${method} #${i} parameter`);
      }
    });
  }
});

describe('margin removal: bad input', () => {
  it.each([
    [[2.0, 1.0, 3.0], 1, '1'],
    [[2.0, 0.5], 1, '0.5'],
    [[NaN, 2.0], 0, 'NaN'],
    [[2.0, Infinity, 3], 1, 'Infinity'],
  ])('odds %j: error names index %i', (odds, index, value) => {
    for (const m of DEVIG_METHODS) {
      try {
        devig(odds, m);
        expect.fail('should throw');
      } catch (err) {
        expect(err).toBeInstanceOf(QuantError);
        expect((err as QuantError).index).toBe(index);
        expect((err as Error).message).toContain(`odds[${index}]`);
        expect((err as Error).message).toContain(value);
      }
    }
  });
  it('fewer than two outcomes', () => {
    expect(() => devig([1.5], 'shin')).toThrow(/at least 2 outcomes/);
    expect(() => devig([], 'power')).toThrow(QuantError);
  });
  it('additive refuses a book where a long shot would go negative, naming it', () => {
    expect(() => devig([1.02, 12, 40], 'additive')).toThrow(/outcome 2/);
  });
  it('overround of a 5% two-way book', () => {
    close(overround([1.9047619047619047, 1.9047619047619047]), 0.05, 1e-12);
  });
});

const book = fc
  .array(fc.double({ min: 0.02, max: 1, noNaN: true }), { minLength: 2, maxLength: 10 })
  .chain((w) =>
    fc.double({ min: -0.03, max: 0.2, noNaN: true }).map((m) => {
      const t = w.reduce((a, b) => a + b, 0);
      return { fair: w.map((x) => x / t), odds: w.map((x) => t / x / (1 + m)) };
    }),
  )
  .filter((b) => b.odds.every((o) => o > 1.0001));

describe('margin removal: properties', () => {
  it('probabilities are in (0, 1) and sum to 1 for every method that accepts the book', () => {
    fc.assert(
      fc.property(book, ({ odds }) => {
        for (const m of DEVIG_METHODS) {
          let r;
          try {
            r = devig(odds, m);
          } catch (err) {
            // only the additive family may refuse a valid book (a negative long shot)
            expect(['additive', 'differential_margin_weighting']).toContain(m);
            expect(err).toBeInstanceOf(QuantError);
            continue;
          }
          expect(Math.abs(r.probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
          for (const p of r.probabilities) expect(p > 0 && p < 1).toBe(true);
        }
      }),
    );
  });
  it('is the identity on a fair book', () => {
    fc.assert(
      fc.property(book, ({ fair }) => {
        const odds = fair.map((p) => 1 / p);
        for (const m of DEVIG_METHODS) closeAll(devig(odds, m).probabilities, fair, 1e-9, m);
      }),
    );
  });
  it('keeps the order of the prices (shorter price, higher probability)', () => {
    fc.assert(
      fc.property(book, ({ odds }) => {
        for (const m of ['multiplicative', 'power', 'shin', 'odds_ratio'] as const) {
          const p = devig(odds, m).probabilities;
          for (let i = 0; i < odds.length; i++)
            for (let j = 0; j < odds.length; j++) if (odds[i] < odds[j]) expect(p[i]).toBeGreaterThanOrEqual(p[j] - 1e-12);
        }
      }),
    );
  });
  it('differential margin weighting equals additive (Buchdahl’s formula is the additive method)', () => {
    fc.assert(
      fc.property(book, ({ odds }) => {
        let a: number[];
        try {
          a = devig(odds, 'additive').probabilities;
        } catch {
          return;
        }
        closeAll(devig(odds, 'differential_margin_weighting').probabilities, a, 1e-12);
      }),
    );
  });
  it('power, Shin and odds-ratio move probability from long shots to favourites compared with normalisation', () => {
    const odds = [1.3, 4.8, 11];
    const mult = devig(odds, 'multiplicative').probabilities;
    for (const m of ['power', 'shin', 'odds_ratio'] as const) {
      const p = devig(odds, m).probabilities;
      expect(p[0]).toBeGreaterThan(mult[0]);
      expect(p[2]).toBeLessThan(mult[2]);
    }
  });
});
