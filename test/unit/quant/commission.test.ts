// Commission on net winnings (src-shared/quant/commission.ts) against test/reference/commission_reference.py
// (exact fractions; numpy de-vig for CLV): the net price, settlement at an exchange (won, lost, quarter
// lines half won and half lost), and the CLV of a net price.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closingLineValue,
  netOdds,
  netSettlementProfit,
  QuantError,
  settleAsianHandicap,
  type Settlement,
} from '../../../src-shared/quant';
import { commissionOf, commissions, DEFAULT_EXCHANGE_COMMISSION } from '../../../src-shared/domain/market-prices';
import { close, fixture } from './fixtures';

interface Ref {
  net_odds: { odds: number; commission: number; net: number }[];
  settlement: {
    what: string;
    odds: number;
    commission: number;
    stake: number;
    line: number | null;
    diff: number | null;
    result: Settlement;
    profit: number;
  }[];
  clv: {
    odds: number;
    commission: number;
    closing: number[];
    selection: number;
    net: number;
    fair_closing_probability: number;
    clv: number;
  }[];
}
const ref = fixture<Ref>('commission.json');

describe('netOdds', () => {
  it('matches the reference: 1 + (odds − 1)·(1 − c)', () => {
    for (const r of ref.net_odds) close(netOdds(r.odds, r.commission), r.net, 1e-12, `${r.odds} at ${r.commission}`);
  });

  it('"5.20 at BFE" is 4.99 net of 5%', () => {
    expect(netOdds(5.2, 0.05)).toBeCloseTo(4.99, 12);
  });

  it('no commission leaves the price as it is; the net price stays above 1 and below the quoted one', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.0001, max: 1000, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), (o, c) => {
        expect(netOdds(o, 0)).toBe(o);
        const n = netOdds(o, c);
        expect(n).toBeGreaterThan(1);
        expect(n).toBeLessThanOrEqual(o);
        // the net winnings are the quoted winnings less the commission
        expect(Math.abs(n - 1 - (o - 1) * (1 - c))).toBeLessThan(1e-9 * o);
      }),
    );
  });

  it('refuses a commission outside [0, 1) and odds not above 1, naming the value', () => {
    for (const c of [-0.01, 1, 1.5, NaN, Infinity]) expect(() => netOdds(2, c)).toThrow(QuantError);
    expect(() => netOdds(2, 1)).toThrow(/commission = 1 must be a rate in \[0, 1\)/);
    for (const o of [1, 0.5, NaN, -Infinity]) expect(() => netOdds(o, 0.05)).toThrow(/odds = .* must be a finite decimal price > 1/);
  });
});

describe('settlement at an exchange', () => {
  it('matches the reference, a won BFE bet at 3.00 staked 10 with 5% paying +19.00', () => {
    for (const r of ref.settlement) {
      let result = r.result;
      if (r.line !== null) {
        // the settlement itself is the tracker's (quarter lines split in two); the commission only nets the winnings
        result = settleAsianHandicap('home', r.line, r.odds, r.diff as number, 0).result;
        expect(result, r.what).toBe(r.result);
      }
      close(r.stake * netSettlementProfit(result, r.odds, r.commission), r.profit, 1e-12, r.what);
    }
    expect(10 * netSettlementProfit('won', 3, 0.05)).toBeCloseTo(19, 12);
  });

  it('settling at the net price is settling the quoted price with the commission taken off the winnings', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.01, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (o, c, q, h, a) => {
          const line = q / 4;
          const quoted = settleAsianHandicap('home', line, o, h, a);
          const atNet = settleAsianHandicap('home', line, netOdds(o, c), h, a);
          expect(atNet.result).toBe(quoted.result);
          const expected = quoted.profit > 0 ? quoted.profit * (1 - c) : quoted.profit;
          expect(Math.abs(atNet.profit - expected)).toBeLessThan(1e-9 * o);
        },
      ),
    );
  });
});

describe('CLV of a net price', () => {
  it('is net price taken × de-vigged closing probability − 1 (reference)', () => {
    for (const r of ref.clv) {
      const n = netOdds(r.odds, r.commission);
      close(n, r.net, 1e-12, 'net');
      const c = closingLineValue(n, r.closing, r.selection);
      close(c.fairClosingProbability, r.fair_closing_probability, 1e-12, 'closing probability');
      close(c.fair, r.clv, 1e-12, `CLV of ${r.odds} net of ${r.commission}`);
    }
  });
});

describe("each book's commission (src-shared/domain/market-prices)", () => {
  it("exchanges at the default 5%, the analyst's per-book rates over it; a book not listed takes none", () => {
    expect(DEFAULT_EXCHANGE_COMMISSION).toBe(0.05);
    expect(commissions(['BFE', 'SMK'])).toEqual({ BFE: 0.05, SMK: 0.05 });
    const rates = commissions(['BFE', 'SMK'], { BFE: 0.02, SMK: 0, B365: 0.01 });
    expect(rates).toEqual({ BFE: 0.02, SMK: 0, B365: 0.01 });
    expect(commissionOf({ commission: rates }, 'BFE')).toBe(0.02);
    expect(commissionOf({ commission: rates }, 'WH')).toBe(0);
  });
});
