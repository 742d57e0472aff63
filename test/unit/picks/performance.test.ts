import { describe, expect, it } from 'vitest';
import type { PickRow } from '../../../src-shared/contract/picks';
import { clvHistogram, kpisOf, leadBand, oddsBand, performanceOf, weekOf } from '../../../src-main/features/picks/performance';

const base: PickRow = {
  pickId: 'p',
  deskId: null,
  deskName: null,
  kind: 'pick',
  parentPickId: null,
  matchId: 1,
  league: 'E0',
  kickoff: '2026-03-02T15:00:00.000Z',
  home: 'A',
  away: 'B',
  matchStatus: 'finished',
  homeGoals: 1,
  awayGoals: 0,
  market: '1x2',
  line: null,
  selection: 'home',
  bookmaker: 'B365',
  odds: 2,
  quotedOdds: 2,
  commission: 0,
  stake: 10,
  fairOdds: null,
  modelProb: null,
  outcomeProbs: null,
  edge: null,
  confidence: null,
  source: 'conseil',
  pickedAt: '2026-03-02T12:00:00.000Z',
  closingOdds: null,
  closingFairOdds: null,
  closingReference: null,
  closingStatus: null,
  closingBookOdds: null,
  clv: null,
  clvRaw: null,
  result: null,
  profit: null,
  settledAt: null,
  settlementNote: null,
  state: 'open',
};
const row = (o: Partial<PickRow>): PickRow => ({ ...base, ...o, state: o.result ?? 'open' });

// Six picks: four settled (one with stake 0), one open, one void; a quarter-line pick with the five results' probabilities.
const ROWS: PickRow[] = [
  row({ pickId: 'a', odds: 2.0, stake: 10, result: 'won', profit: 10, clv: 0.05, modelProb: 0.55, kickoff: '2026-03-02T15:00:00.000Z' }),
  row({
    pickId: 'b',
    odds: 3.0,
    stake: 5,
    result: 'lost',
    profit: -5,
    clv: -0.02,
    modelProb: 0.3,
    source: 'agent-b',
    league: 'SP1',
    kickoff: '2026-03-03T15:00:00.000Z',
  }),
  row({
    pickId: 'c',
    market: 'spreads',
    line: -0.75,
    odds: 1.9,
    stake: 20,
    result: 'half_won',
    profit: 9,
    clv: 0.03,
    outcomeProbs: { won: 0.4, half_won: 0.2, lost: 0.4 },
    kickoff: '2026-03-09T15:00:00.000Z',
    pickedAt: '2026-03-05T15:00:00.000Z',
  }),
  row({ pickId: 'd', odds: 1.4, stake: 0, result: 'won', profit: 0, clv: 0.2, kickoff: '2026-03-10T15:00:00.000Z' }),
  row({
    pickId: 'e',
    odds: 6,
    stake: 2,
    clv: -0.3,
    closingStatus: 'closing',
    kickoff: '2026-04-01T15:00:00.000Z',
    pickedAt: '2026-04-01T14:30:00.000Z',
  }),
  row({ pickId: 'f', odds: 2.5, stake: 4, result: 'void', profit: 0, closingStatus: 'missing', kickoff: '2026-04-02T15:00:00.000Z' }),
];

describe('performance of settled picks', () => {
  it('staked: the ledger leaves stake-0 picks out; profit, ROI, curves and the expected band as computed by hand', () => {
    const p = performanceOf(ROWS, 'staked');
    expect(p.counts).toEqual({ bets: 6, open: 1, settled: 5, unstaked: 1, withClv: 5, clvMissing: 1 });
    // a, b, c, f in kick-off order
    expect(p.summary?.staked).toBe(39);
    expect(p.summary?.profit).toBe(14);
    expect(p.summary?.roi).toBeCloseTo(14 / 39, 14);
    expect(p.summary?.hitRate).toBeCloseTo(2 / 3, 14);
    expect(p.summary?.meanClv).toBeCloseTo((0.05 - 0.02 + 0.03 + 0.2 - 0.3) / 5, 14);
    expect(p.summary!.roiLower).toBeLessThan(p.summary!.roi);
    expect(p.curve.profit).toEqual([10, 5, 14, 14]);
    expect(p.curve.roi).toEqual([10 / 10, 5 / 15, 14 / 35, 14 / 39]);
    expect(p.curve.at).toEqual(['a', 'b', 'c', 'f'].map((id) => ROWS.find((r) => r.pickId === id)!.kickoff));
    expect(p.curve.clvExpected[2]).toBeCloseTo(10 * 0.05 + 5 * -0.02 + 20 * 0.03, 12);
    // expected profit: a and b are win/lose at their model probability, c has its five results; f has none
    const ea = 10 * (0.55 * 2 - 1);
    const eb = 5 * (0.3 * 3 - 1);
    const ec = 20 * (0.4 * 0.9 + 0.2 * 0.45 - 0.4);
    const va = 100 * 0.55 * 0.45 * 4;
    const vb = 25 * 0.3 * 0.7 * 9;
    const meanC = 0.4 * 0.9 + 0.2 * 0.45 - 0.4;
    const vc = 400 * (0.4 * (0.9 - meanC) ** 2 + 0.2 * (0.45 - meanC) ** 2 + 0.4 * (-1 - meanC) ** 2);
    expect(p.band?.bets).toBe(3);
    expect(p.band?.realised).toEqual([10, 5, 14]);
    expect(p.band?.expected[2]).toBeCloseTo(ea + eb + ec, 12);
    expect(p.band?.sd[2]).toBeCloseTo(Math.sqrt(va + vb + vc), 12);
    // breakdowns: every pick counts for CLV, the ledger for profit
    const agent = Object.fromEntries(p.by.agent.map((b) => [b.key, b]));
    expect(agent.conseil).toMatchObject({ bets: 5, settled: 3, staked: 34, profit: 19, clvBets: 4 });
    expect(agent['agent-b']).toMatchObject({ bets: 1, settled: 1, profit: -5, roi: -1, roiLower: null, beatClose: 0 });
    expect(agent.conseil.beatClose).toBeCloseTo(3 / 4, 14);
    expect(p.by.oddsBand.map((b) => b.key)).toEqual(['< 1.50', '1.50–1.99', '2.00–2.49', '2.50–3.49', '≥ 5.00']);
    expect(p.roiByMonth).toEqual([
      { month: '2026-03', bets: 3, staked: 35, profit: 14, roi: 14 / 35 },
      { month: '2026-04', bets: 1, staked: 4, profit: 0, roi: 0 },
    ]);
    expect(p.clvByWeek.map((w) => [w.week, w.bets])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-09', 2],
      ['2026-03-30', 1],
    ]);
    expect(p.clvByWeek[2].runningMeanClv).toBeCloseTo((0.05 - 0.02 + 0.03 + 0.2 - 0.3) / 5, 14);
    // calibration: won/lost bets with a win probability (a, b); Brier over the two classes
    expect(p.calibration.bets).toBe(2);
    expect(p.calibration.brier).toBeCloseTo((0.45 ** 2 * 2 + 0.3 ** 2 * 2) / 2, 14);
    expect(p.calibration.bins[5]).toMatchObject({ count: 1, meanPredicted: 0.55, observedRate: 1 });
  });

  it('a pick settled elsewhere with a profit its stake cannot give stays out of the staked ledger', () => {
    const p = performanceOf(
      [...ROWS, row({ pickId: 'odd', stake: 2, result: 'lost', profit: -50, kickoff: '2026-03-04T15:00:00.000Z' })],
      'staked',
    );
    expect(p.counts.unstaked).toBe(2);
    expect(p.summary?.profit).toBe(14);
  });

  it('flat: one unit on every settled pick, stake-0 picks included', () => {
    const p = performanceOf(ROWS, 'flat');
    expect(p.counts.unstaked).toBe(0);
    expect(p.summary?.staked).toBe(5);
    expect(p.summary?.profit).toBeCloseTo(1 - 1 + 0.45 + 0.4 + 0, 14);
  });

  it('nothing settled: no summary, empty curves, zero histogram', () => {
    const p = performanceOf([row({ pickId: 'x', clv: 0.5 })], 'staked');
    expect(p.summary).toBeNull();
    expect(p.band).toBeNull();
    expect(p.curve.profit).toEqual([]);
    expect(p.clvHistogram.reduce((s, b) => s + b.count, 0)).toBe(1);
    expect(p.clvHistogram.at(-1)?.count).toBe(1); // +50% falls in the last bin
  });

  it('bands and weeks', () => {
    expect([1.2, 1.5, 1.99, 2, 3.49, 3.5, 4.99, 5].map(oddsBand)).toEqual([
      '< 1.50',
      '1.50–1.99',
      '1.50–1.99',
      '2.00–2.49',
      '2.50–3.49',
      '3.50–4.99',
      '3.50–4.99',
      '≥ 5.00',
    ]);
    const k = '2026-03-05T12:00:00.000Z';
    const before = (h: number) => new Date(Date.parse(k) - h * 3_600_000).toISOString();
    expect([0.5, 1, 5.9, 23, 24, 71, 72].map((h) => leadBand({ kickoff: k, pickedAt: before(h) }))).toEqual([
      '< 1 h',
      '1–6 h',
      '1–6 h',
      '6–24 h',
      '1–3 d',
      '1–3 d',
      '≥ 3 d',
    ]);
    expect(weekOf('2026-03-08T23:00:00.000Z')).toBe('2026-03-02'); // a Sunday belongs to the week of Monday 2 March
    const h = clvHistogram([-0.5, -0.15, -0.001, 0, 0.0099, 0.149]);
    expect(h).toHaveLength(30);
    expect(h[0].count).toBe(2);
    expect(h[14]).toMatchObject({ lower: -0.01, upper: 0, count: 1 });
    expect(h[15]).toMatchObject({ lower: 0, upper: 0.01, count: 2 });
    expect(h[29].count).toBe(1);
  });

  it("KPIs: the engine's picks made in the last 30 days (CLV, ROI) and 7 days (picks and traps per day)", () => {
    const now = new Date('2026-04-03T00:00:00.000Z');
    const k = kpisOf(ROWS, 'staked', now, 21);
    expect(k.meanClv).toBeCloseTo((0.03 - 0.3) / 2, 14); // c and e were picked since 4 March (the others on 2 March)
    expect(k.monthlyRoi).toBeCloseTo(9 / 20, 14); // c: the only settled one of them
    expect(k.picksPerDay).toBeCloseTo(1 / 7, 14); // only e was picked in the last 7 days
    expect(k.trapsPerDay).toBe(3);
    expect(kpisOf([], 'staked', now, null)).toMatchObject({ meanClv: null, monthlyRoi: null, picksPerDay: 0, trapsPerDay: null });
  });
});
