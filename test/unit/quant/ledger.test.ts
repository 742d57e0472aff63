import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  asianHandicapSettlements,
  dixonColesMatrix,
  expectedProfit,
  ledgerStatistics,
  oneSampleTTest,
  QuantError,
  roiBootstrapInterval,
  roiInterval,
  type LedgerBet,
  type PricedBet,
} from '../../../src-shared/quant';
import { close, closeAll, fixture } from './fixtures';

interface Columns {
  stake: number[];
  profit: number[];
  odds: number[];
  clv: Array<number | null>;
}
interface Stats {
  bets: number;
  staked: number;
  profit: number;
  roi: number;
  return_on_bankroll: number | null;
  wins: number;
  losses: number;
  voids: number;
  hit_rate: number | null;
  average_odds: number;
  equity: number[];
  max_drawdown: number;
  max_drawdown_trough: number;
  max_drawdown_peak: number;
  max_drawdown_relative: number | null;
  longest_losing_streak: number;
  longest_winning_streak: number;
  mean_clv: number | null;
  clv_bets: number;
}
interface Ref {
  ledgers: Array<{ bets: Columns; starting_bankroll: number | null; stats: Stats }>;
  bootstrap: Array<{ bets: Columns; seed: number; resamples: number; confidence: number; roi: number; lower: number; upper: number }>;
  roi_interval: Array<{
    bets: Columns;
    confidence: number;
    method: 't' | 'normal';
    reference: string;
    roi: number;
    standard_error: number;
    lower: number;
    upper: number;
  }>;
  expected_profit: Array<{ bets: PricedBet[]; expected: number; variance: number; expected_curve: number[]; sd_curve: number[] }>;
}
const ref = fixture<Ref>('ledger.json');

function bets(c: Columns): LedgerBet[] {
  return c.stake.map((stake, i) => ({ stake, profit: c.profit[i], odds: c.odds[i], clv: c.clv[i] }));
}

function nullableClose(actual: number | null, expected: number | null, tol: number, what: string): void {
  if (expected === null) expect(actual, what).toBeNull();
  else close(actual!, expected, tol, what);
}

describe('ledger statistics against numpy', () => {
  it(`turnover, profit, ROI, hit rate, drawdown, streaks, equity, CLV (${ref.ledgers.length} ledgers of 1 to 400 bets)`, () => {
    expect(ref.ledgers.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.ledgers.entries()) {
      const s = ledgerStatistics(bets(c.bets), c.starting_bankroll === null ? {} : { startingBankroll: c.starting_bankroll });
      const e = c.stats;
      const w = `#${i}`;
      expect(s.bets).toBe(e.bets);
      close(s.staked, e.staked, 1e-13, `staked ${w}`);
      close(s.profit, e.profit, 1e-13, `profit ${w}`);
      close(s.roi, e.roi, 1e-13, `roi ${w}`);
      expect(s.yield).toBe(s.roi);
      nullableClose(s.returnOnBankroll, e.return_on_bankroll, 1e-13, `return on bankroll ${w}`);
      expect([s.wins, s.losses, s.voids], w).toEqual([e.wins, e.losses, e.voids]);
      nullableClose(s.hitRate, e.hit_rate, 1e-15, `hit rate ${w}`);
      close(s.averageOdds, e.average_odds, 1e-14, `odds ${w}`);
      // cumulative sums in the same order as numpy.cumsum: identical
      expect(s.equity, `equity ${w}`).toEqual(e.equity);
      expect(s.maxDrawdown, `drawdown ${w}`).toBe(e.max_drawdown);
      expect([s.maxDrawdownPeak, s.maxDrawdownTrough], `drawdown peak, trough ${w}`).toEqual([e.max_drawdown_peak, e.max_drawdown_trough]);
      nullableClose(s.maxDrawdownRelative, e.max_drawdown_relative, 1e-15, `relative drawdown ${w}`);
      expect([s.longestLosingStreak, s.longestWinningStreak], `streaks ${w}`).toEqual([e.longest_losing_streak, e.longest_winning_streak]);
      nullableClose(s.meanClv, e.mean_clv, 1e-14, `mean clv ${w}`);
      expect(s.clvBets).toBe(e.clv_bets);
    }
  });
  it(`bootstrap interval of the ROI (ratio of sums), seeded, = numpy on the same sfc32 resample indices (${ref.bootstrap.length})`, () => {
    expect(ref.bootstrap.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.bootstrap.entries()) {
      const r = roiBootstrapInterval(bets(c.bets), { seed: c.seed, resamples: c.resamples, confidence: c.confidence });
      close(r.roi, c.roi, 1e-13, `roi #${i}`);
      close(r.lower, c.lower, 1e-12, `lower #${i}`);
      close(r.upper, c.upper, 1e-12, `upper #${i}`);
    }
  });
  it(`t / normal interval of the ROI: delta method, = scipy ttest_1samp / sem when stakes are equal (${ref.roi_interval.length})`, () => {
    expect(ref.roi_interval.length).toBeGreaterThanOrEqual(50);
    const references = new Set<string>();
    for (const [i, c] of ref.roi_interval.entries()) {
      const r = roiInterval(bets(c.bets), { confidence: c.confidence, method: c.method });
      const w = `#${i} ${c.method} (${c.reference}, n=${c.bets.stake.length})`;
      close(r.roi, c.roi, 1e-13, `roi ${w}`);
      close(r.standardError, c.standard_error, 1e-12, `se ${w}`);
      close(r.lower, c.lower, 1e-12, `lower ${w}`);
      close(r.upper, c.upper, 1e-12, `upper ${w}`);
      references.add(c.reference);
    }
    expect([...references].sort()).toEqual(['delta', 'sem', 'ttest_1samp']);
  });
  it(`expected profit and its variance, win/lose bets and settlement distributions (${ref.expected_profit.length} sets)`, () => {
    expect(ref.expected_profit.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.expected_profit.entries()) {
      const r = expectedProfit(c.bets);
      close(r.expected, c.expected, 1e-13, `expected #${i}`);
      close(r.variance, c.variance, 1e-13, `variance #${i}`);
      close(r.standardDeviation, Math.sqrt(c.variance), 1e-13, `sd #${i}`);
      closeAll(r.expectedCurve, c.expected_curve, 1e-13, `expected curve #${i}`);
      closeAll(r.standardDeviationCurve, c.sd_curve, 1e-13, `sd curve #${i}`);
    }
  });
});

describe('ledger: behaviour', () => {
  const ledger: LedgerBet[] = [
    { stake: 10, profit: 9, odds: 1.9, clv: 0.03 },
    { stake: 10, profit: -10, odds: 2.1, clv: -0.01 },
    { stake: 10, profit: 0, odds: 1.95 }, // void
    { stake: 10, profit: -5, odds: 2.0, clv: null }, // half lost
    { stake: 20, profit: -20, odds: 2.2, clv: 0.05 },
    { stake: 10, profit: 15, odds: 2.5 },
  ];
  it('worked ledger', () => {
    const s = ledgerStatistics(ledger, { startingBankroll: 100 });
    expect(s.staked).toBe(70);
    expect(s.profit).toBe(-11);
    close(s.roi, -11 / 70, 1e-15);
    expect(s.equity).toEqual([0, 9, -1, -1, -6, -26, -11]);
    // peak 9 after bet 1, trough −26 after bet 5: 35, i.e. 35/109 of the bankroll at the peak
    expect([s.maxDrawdown, s.maxDrawdownPeak, s.maxDrawdownTrough]).toEqual([35, 1, 5]);
    close(s.maxDrawdownRelative!, 35 / 109, 1e-15);
    expect([s.wins, s.losses, s.voids]).toEqual([2, 3, 1]);
    close(s.hitRate!, 0.4, 1e-15);
    // the void between the two losses neither ends nor extends the losing run
    expect(s.longestLosingStreak).toBe(3);
    expect(s.clvBets).toBe(3);
    close(s.meanClv!, 0.07 / 3, 1e-15);
    close(s.returnOnBankroll!, -0.11, 1e-15);
    expect(ledgerStatistics(ledger).maxDrawdownRelative).toBeNull();
  });
  it('the ROI interval with equal stakes is the t interval of the per-unit returns', () => {
    const flat = ledger.map((b) => ({ ...b, stake: 10, profit: (b.profit / b.stake) * 10 }));
    const t = oneSampleTTest(flat.map((b) => b.profit / 10));
    const r = roiInterval(flat);
    close(r.lower, t.confidenceInterval.lower, 1e-14);
    close(r.upper, t.confidenceInterval.upper, 1e-14);
    close(r.standardError, t.standardError, 1e-14);
  });
  it('expected profit: a quarter line from a score matrix, and the win/lose formula', () => {
    const m = dixonColesMatrix(1.5, 1.1, -0.05);
    const q = asianHandicapSettlements(m, -0.25).home;
    const e = expectedProfit([{ stake: 10, odds: 1.95, outcomes: q }]);
    close(e.expected, 10 * (q.won * 0.95 + (q.half_won * 0.95) / 2 - q.half_lost / 2 - q.lost), 1e-14);
    const b = expectedProfit([
      { stake: 5, odds: 2.5, probability: 0.45 },
      { stake: 10, odds: 1.8, probability: 0.6 },
    ]);
    close(b.expected, 5 * (0.45 * 2.5 - 1) + 10 * (0.6 * 1.8 - 1), 1e-15);
    close(b.variance, 25 * 0.45 * 0.55 * 6.25 + 100 * 0.6 * 0.4 * 3.24, 1e-14);
    expect(expectedProfit([]).expected).toBe(0);
  });
  it('property: drawdown bounds, streaks and curve are consistent with the bets', () => {
    const bet = fc
      .record({
        stake: fc.integer({ min: 1, max: 100 }),
        odds: fc.integer({ min: 101, max: 1000 }).map((x) => x / 100),
        result: fc.constantFrom(1, 0.5, 0, -0.5, -1),
      })
      .map(({ stake, odds, result }) => ({ stake, odds, profit: result > 0 ? stake * result * (odds - 1) : stake * result }));
    fc.assert(
      fc.property(fc.array(bet, { minLength: 1, maxLength: 80 }), (bs) => {
        const s = ledgerStatistics(bs, { startingBankroll: 1000 });
        expect(s.equity).toHaveLength(bs.length + 1);
        close(s.equity[bs.length], s.profit, 1e-12);
        expect(s.maxDrawdown).toBeGreaterThanOrEqual(0);
        close(s.equity[s.maxDrawdownPeak] - s.equity[s.maxDrawdownTrough], s.maxDrawdown, 1e-12);
        expect(s.maxDrawdownPeak).toBeLessThanOrEqual(s.maxDrawdownTrough);
        // no later fall from any earlier point is deeper
        for (let j = 1; j < s.equity.length; j++)
          expect(Math.max(...s.equity.slice(0, j)) - s.equity[j]).toBeLessThanOrEqual(s.maxDrawdown + 1e-9);
        expect(s.longestLosingStreak).toBeLessThanOrEqual(s.losses);
        expect(s.wins + s.losses + s.voids).toBe(bs.length);
        // total losses cap the drawdown
        expect(s.maxDrawdown).toBeLessThanOrEqual(bs.reduce((a, b) => a + Math.max(0, -b.profit), 0) + 1e-9);
        const boot = roiBootstrapInterval(bs, { resamples: 50, seed: 3 });
        expect(boot.lower).toBeLessThanOrEqual(boot.upper);
        expect(boot.lower).toBeGreaterThanOrEqual(-1);
      }),
    );
  });
  it('errors name the bad bet', () => {
    expect(() => ledgerStatistics([])).toThrow(/no bets/);
    expect(() =>
      ledgerStatistics([
        { stake: 10, profit: 1, odds: 2 },
        { stake: 0, profit: 0, odds: 2 },
      ]),
    ).toThrow(/bets\[1\]\.stake = 0/);
    expect(() => ledgerStatistics([{ stake: 10, profit: -12, odds: 2 }])).toThrow(/loses more than the stake/);
    expect(() => ledgerStatistics([{ stake: 10, profit: NaN, odds: 2 }])).toThrow(/bets\[0\]\.profit = NaN/);
    expect(() => ledgerStatistics([{ stake: 10, profit: 1, odds: 1 }])).toThrow(/bets\[0\]\.odds = 1/);
    expect(() => ledgerStatistics([{ stake: 10, profit: 1, odds: 2, clv: Infinity }])).toThrow(/clv = Infinity/);
    expect(() => ledgerStatistics(ledger, { startingBankroll: 0 })).toThrow(/startingBankroll = 0/);
    expect(() => roiInterval([ledger[0]])).toThrow(/at least 2 bets/);
    expect(() => roiBootstrapInterval(ledger, { resamples: 1 })).toThrow(/resamples = 1/);
    expect(() =>
      expectedProfit([
        { stake: 1, odds: 2, probability: 0.5 },
        { stake: 1, odds: 2, probability: 1.5 },
      ]),
    ).toThrow(/bets\[1\]\.probability = 1.5/);
    expect(() => expectedProfit([{ stake: 1, odds: 2, outcomes: { won: 0.5, lost: 0.4 } }])).toThrow(/bets\[0\]\.outcomes sum to 0.9/);
    expect(() => expectedProfit([{ stake: 1, odds: 2, outcomes: { won: 1 }, probability: 1 } as unknown as PricedBet])).toThrow(QuantError);
  });
});
