// The Backtest view's pure parts: drawdown, CLV histogram, calibration intervals, the breakdown table,
// what the form sends, and the charts' data.
import { describe, expect, it } from 'vitest';
import type { BacktestResult, BacktestSummary } from '../../../src-shared/contract/agents';
import { calibrationOption, clvOption, equityOption } from '../../../src-renderer/panels/history/backtest/charts';
import { choicesOf, defaultText, paramsToSend } from '../../../src-renderer/panels/history/backtest/params';
import {
  breakdownRows,
  calibrationPoints,
  chosenLines,
  forecastLine,
  clvValues,
  drawdowns,
  histogram,
  runNotes,
} from '../../../src-renderer/panels/history/backtest/results';
import { sfc32 } from '../../../src-shared/quant/random';

const summary = (over: Partial<BacktestSummary> = {}): BacktestSummary => ({
  bets: 3,
  settled: 3,
  unsettled: 0,
  staked: 3,
  profit: 0.5,
  roi: 0.1667,
  yield: 0.1667,
  roiCi95: [-0.5, 0.8],
  roiPValue: 0.3,
  wins: 2,
  losses: 1,
  voids: 0,
  hitRate: 2 / 3,
  averageOdds: 2,
  meanEdge: 0.02,
  clvBets: 2,
  meanClv: 0.01,
  clvCi95: [-0.02, 0.04],
  sharePositiveClv: 0.5,
  stakeWeightedClv: 0.01,
  closingReference: { sharp: 2, exchange: 0, average: 0, none: 1 },
  maxDrawdown: 1,
  longestLosingStreak: 1,
  expectedProfit: 0.06,
  expectedProfitSd: 1.2,
  ...over,
});

const bet = (clv: number | null) =>
  ({ clv, fixture: 'f', matchId: null, league: 'E0', season: '2024-25', date: '2024-08-16' }) as unknown as BacktestResult['bets'][number];

const result = (): BacktestResult => ({
  strategy: 'sharp-reference',
  params: {},
  source: '1 football-data file',
  from: '2024-08-16',
  to: '2025-05-25',
  days: 100,
  fixtures: 380,
  fixturesWithoutResult: 2,
  fixturesWithoutClosingLine: 0,
  skipped: { 'no sharp price': 4, other: 0 },
  notes: {},
  summary: summary(),
  byLeague: { E0: summary() },
  bySeason: { '2024-25': summary() },
  byMarket: { '1x2': summary(), totals: summary({ bets: 0 }) },
  equity: { date: ['2024-08-16', '2024-08-17', '2024-08-18'], profit: [1, -0.5, 0.5] },
  forecasts: null,
  calibration: [
    { lower: 0, upper: 0.1, count: 0, meanPredicted: null, observedRate: null },
    { lower: 0.4, upper: 0.5, count: 10, meanPredicted: 0.45, observedRate: 0.5 },
  ],
  chosen: {},
  warnings: ['a warning the run carries'],
  seconds: 1.5,
  bets: [bet(0.05), bet(null), bet(-0.02)],
});

describe('drawdowns', () => {
  it('is the fall from the running peak (which starts at 0), never positive', () => {
    expect(drawdowns([1, -0.5, 0.5, 2, 1])).toEqual([0, -1.5, -0.5, 0, -1]);
    expect(drawdowns([-1, -2])).toEqual([-1, -2]);
    const rnd = sfc32(7);
    const walk: number[] = [];
    for (let i = 0, p = 0; i < 500; i++) walk.push((p += rnd() - 0.5));
    const dd = drawdowns(walk);
    expect(Math.max(...dd)).toBeLessThanOrEqual(0);
    // the largest drawdown is the largest fall from any earlier peak (brute force)
    let worst = 0;
    for (let j = 0; j < walk.length; j++) for (let i = -1; i < j; i++) worst = Math.max(worst, (i < 0 ? 0 : walk[i]) - walk[j]);
    expect(-Math.min(...dd)).toBeCloseTo(worst, 12);
  });
});

describe('histogram', () => {
  it('puts every value in exactly one bin, the maximum in the last', () => {
    const rnd = sfc32(3);
    const values = Array.from({ length: 1000 }, () => rnd() * 0.4 - 0.2);
    const h = histogram(values);
    expect(h.counts.length).toBe(32); // ⌈√1000⌉
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    for (const [i, lower] of h.lower.entries()) {
      const inBin = values.filter((v) => v >= lower && (i === h.counts.length - 1 ? v <= lower + h.width + 1e-12 : v < lower + h.width));
      expect(inBin.length).toBe(h.counts[i]);
    }
    expect(histogram([])).toEqual({ lower: [], width: 0, counts: [] });
    expect(histogram([0.1, 0.1]).counts.reduce((a, b) => a + b, 0)).toBe(2); // one value only: width 1, no division by 0
  });
});

describe('calibration points', () => {
  it('leaves out empty bins and gives the Wilson 95% interval of the observed rate', () => {
    const pts = calibrationPoints(result().calibration);
    expect(pts).toHaveLength(1);
    // Wilson 95% for 5 of 10: 0.2366 … 0.7634 (published, e.g. statsmodels proportion_confint method='wilson')
    expect(pts[0].lower).toBeCloseTo(0.23659, 4);
    expect(pts[0].upper).toBeCloseTo(0.76341, 4);
    expect(pts[0]).toMatchObject({ predicted: 0.45, observed: 0.5, count: 10 });
  });
});

describe('the table, the CLV values and the notes', () => {
  it('total first, then league, season and market by name', () => {
    expect(breakdownRows(result()).map((r) => r.id)).toEqual(['All:all', 'League:E0', 'Season:2024-25', 'Market:1x2', 'Market:totals']);
  });
  it('a bet without a closing line has no CLV (not 0)', () => {
    expect(clvValues(result())).toEqual([0.05, -0.02]);
  });
  it('says what was skipped and what has no result', () => {
    expect(runNotes(result())).toEqual(['2 fixtures without a result (their bets stay unsettled)', 'skipped 4: no sharp price']);
  });
});

describe('what the strategy chose and how its forecasts scored', () => {
  it('one line per choice, objects as compact JSON cut short; the scores beside the closing market', () => {
    const r = { ...result(), chosen: { w: 0, fits: { a: 'x'.repeat(300) } } };
    const lines = chosenLines(r, 40);
    expect(lines[0]).toBe('w: 0');
    expect(lines[1]).toHaveLength('fits: '.length + 40);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(forecastLine(r)).toBeNull();
    const scores = { logLoss: 0.98765, rps: 0.2, brier: 0.6 };
    const f = { ...r, forecasts: { fixtures: 380, strategy: scores, closing: null, closingFixtures: 0, crossEntropyToClose: null } };
    expect(forecastLine(f)).toBe('Forecasts on 380 fixtures: log loss 0.9877, RPS 0.2000, Brier 0.6000; no closing market to compare');
  });
});

describe('the form', () => {
  const params = [
    { name: 'minEdge', type: 'number in [0, 1]', default: 0, description: '' },
    { name: 'markets', type: 'list of 1x2 | totals | spreads (comma-separated)', default: ['1x2'], description: '' },
    { name: 'staking', type: 'simultaneous | best', default: 'simultaneous', description: '' },
    { name: 'staleCheck', type: 'boolean', default: true, description: '' },
  ];
  it('offers a select for closed choices and booleans only', () => {
    expect(params.map(choicesOf)).toEqual([null, null, ['simultaneous', 'best'], ['true', 'false']]);
  });
  it('sends only what differs from the defaults, as text', () => {
    const values = Object.fromEntries(params.map((p) => [p.name, defaultText(p.default)]));
    expect(values).toEqual({ minEdge: '0', markets: '1x2', staking: 'simultaneous', staleCheck: 'true' });
    expect(paramsToSend(params, values)).toEqual({});
    expect(paramsToSend(params, { ...values, minEdge: ' 0.03 ', staleCheck: 'false' })).toEqual({ minEdge: '0.03', staleCheck: 'false' });
  });
});

describe('the charts', () => {
  it('equity and drawdown share the bets; the CLV bars count the bets with a close; calibration has its whiskers', () => {
    const r = result();
    const eq = equityOption(r) as { series: { data: number[] }[] };
    expect(eq.series[0].data).toEqual([1, -0.5, 0.5]);
    expect(eq.series[1].data).toEqual([0, -1.5, -0.5]);
    const clv = clvOption(r) as { series: { data: { value: number }[] }[] };
    expect(clv.series[0].data.reduce((a, d) => a + d.value, 0)).toBe(2);
    const cal = calibrationOption(r) as { series: { name: string; data: unknown[] }[] };
    expect(cal.series.find((s) => s.name === '95% interval')?.data).toHaveLength(3);
    expect(cal.series.find((s) => s.name === 'Observed')?.data).toEqual([[0.45, 0.5]]);
  });
});
