import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookCloses, pickClose, referenceClose, type BookFlags, type Quote } from '../../../src-main/features/picks/closing';

const KO = '2026-03-01T15:00:00.000Z';
const t = (min: number) => new Date(Date.parse(KO) + min * 60_000).toISOString();
const q = (bookmaker: string, selection: string, odds: number | null, min: number, isClosing = false): Quote => ({
  bookmaker,
  selection,
  odds,
  observedAt: t(min),
  isClosing,
});
const FLAGS: BookFlags[] = [
  { code: 'PS', sharp: true, exchange: false, aggregate: false },
  { code: 'AAA', sharp: true, exchange: false, aggregate: false },
  { code: 'BFE', sharp: false, exchange: true, aggregate: false },
  { code: 'B365', sharp: false, exchange: false, aggregate: false },
  { code: 'WH', sharp: false, exchange: false, aggregate: false },
  { code: 'Avg', sharp: false, exchange: false, aggregate: true },
];
const HDA = ['home', 'draw', 'away'];
const book = (code: string, odds: (number | null)[], min = 0, closing = true) => HDA.map((s, i) => q(code, s, odds[i], min, closing));

describe('closing quotes of a book', () => {
  it('prefers the is_closing quote, else the last quote at or before kick-off; in-play quotes are not a close', () => {
    const closes = bookCloses(
      [
        q('PS', 'home', 2.0, -60),
        q('PS', 'home', 1.9, -5),
        q('PS', 'home', 1.3, 20),
        q('B365', 'home', 2.1, -5),
        q('B365', 'home', 2.05, 3, true),
        q('B365', 'home', 1.5, 10),
      ],
      KO,
    );
    expect(closes.get('PS')?.get('home')).toEqual({ odds: 1.9, observedAt: t(-5), isClosing: false });
    expect(closes.get('B365')?.get('home')).toEqual({ odds: 2.05, observedAt: t(3), isClosing: true });
  });
});

describe('the reference closing line', () => {
  it('is the first sharp book (by code) quoting the whole market', () => {
    const l = referenceClose(
      [...book('PS', [2.1, 3.4, 3.6]), ...book('AAA', [2.0, 3.5, 3.7]), ...book('BFE', [2.2, 3.3, 3.5])],
      KO,
      HDA,
      FLAGS,
    );
    expect(l).toMatchObject({ status: 'closing', reference: 'AAA', odds: [2.0, 3.5, 3.7], observedAt: KO });
  });

  it('a blank price is missing, never 0: that sharp book is incomplete, the exchange is taken', () => {
    const l = referenceClose([...book('PS', [2.1, null, 3.6]), ...book('BFE', [2.2, 3.3, 3.5])], KO, HDA, FLAGS);
    expect(l).toMatchObject({ reference: 'BFE', odds: [2.2, 3.3, 3.5] });
    // a blank at the close is not replaced by an earlier price of the same book
    const m = referenceClose([...book('PS', [2.0, 3.3, 3.5], -30, false), ...book('PS', [2.1, null, 3.6])], KO, HDA, FLAGS);
    expect(m.reference).toBeNull();
    expect(m.status).toBe('missing');
  });

  it('without sharp or exchange: the mean price per selection of the real books; aggregates are not books', () => {
    const l = referenceClose(
      [...book('B365', [2.5, 3.2, 2.9]), ...book('WH', [2.4, 3.3, 3.0], -10, false), ...book('Avg', [9, 9, 9])],
      KO,
      HDA,
      FLAGS,
    );
    expect(l.reference).toBe('average of 2 books');
    expect(l.status).toBe('last_quote'); // WH's are not closing quotes
    expect(l.odds?.[0]).toBeCloseTo(2.45, 12);
    expect(l.odds?.[2]).toBeCloseTo(2.95, 12);
    expect(l.observedAt).toBe(KO);
    const none = referenceClose([q('B365', 'home', 2.5, 0, true), ...book('Avg', [9, 9, 9])], KO, HDA, FLAGS);
    expect(none).toMatchObject({ status: 'missing', reference: null, odds: null });
  });

  it("a pick's CLV: odds taken × the de-vigged closing probability − 1, and its own book's close", () => {
    const l = referenceClose([...book('PS', [2.1, 3.4, 3.6]), ...book('B365', [2.05, 3.3, 3.5])], KO, HDA, FLAGS);
    const c = pickClose(l, HDA, 'away', 'B365', 3.9);
    const p = 1 / 3.6 / (1 / 2.1 + 1 / 3.4 + 1 / 3.6);
    expect(c.closingOdds).toBe(3.6);
    expect(c.closingFairOdds).toBeCloseTo(1 / p, 12);
    expect(c.clv).toBeCloseTo(3.9 * p - 1, 12);
    expect(c.clvRaw).toBeCloseTo(3.9 / 3.6 - 1, 12);
    expect(c.closingBookOdds).toBe(3.5);
    const missing = pickClose(referenceClose([], KO, HDA, FLAGS), HDA, 'away', 'B365', 3.9);
    expect(missing).toEqual({
      closingStatus: 'missing',
      closingReference: null,
      closingOdds: null,
      closingFairOdds: null,
      closingObservedAt: null,
      closingBookOdds: null,
      clv: null,
      clvRaw: null,
    });
  });

  it('property: for any complete two-way close, CLV is the normalised-inverse formula and has the sign of odds taken against fair odds', () => {
    const price = fc.double({ min: 1.01, max: 30, noNaN: true });
    fc.assert(
      fc.property(price, price, price, fc.boolean(), (a, b, taken, over) => {
        const l = referenceClose([q('PS', 'over', a, 0, true), q('PS', 'under', b, 0, true)], KO, ['over', 'under'], FLAGS);
        const c = pickClose(l, ['over', 'under'], over ? 'over' : 'under', 'X', taken);
        const p = (over ? 1 / a : 1 / b) / (1 / a + 1 / b);
        expect(c.clv).toBeCloseTo(taken * p - 1, 10);
        expect(Math.sign(Math.round((c.clv as number) * 1e9))).toBe(Math.sign(Math.round((taken - 1 / p) * 1e9)));
      }),
    );
  });
});
