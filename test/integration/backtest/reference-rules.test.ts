// The backtester against the independent numpy references on the real football-data files:
// test/reference/backtest_reference.py (the sharp-reference and Kaunitz rules, and their variants) and
// test/reference/walk_forward_rule.py (the blended value rule, Dixon-Coles refitted every match day).
// Same bets, same profit, ROI, CLV and drawdown to the fixtures' 8 decimals; bootstrap intervals agree to
// Monte Carlo error only (the references draw with numpy's PCG64, the app with quant's seeded sfc32).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BacktestResult, BacktestSummary } from '../../../src-shared/contract/agents';
import { runBacktest, loadFootballData, STRATEGIES, findStrategy, type BacktestData } from '../../../src-main/features/agents/backtest';
import { footballDataDir } from '../../support/shared-data';

const LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
const SEASONS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26'];
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/real', name), 'utf8'));
const reference = fixture('backtest_reference.json');
const walkForward = fixture('walk_forward_rule.json');

/** The reference names the closing references by book; the app by role. */
const REFS = { pinnacle: 'sharp', exchange: 'exchange', average: 'average', none: 'none' } as const;
/** Monte Carlo error of a 2.5% percentile of 10,000 resamples is about 0.1 point of ROI here. */
const MC = 0.004;

interface RefSummary {
  bets: number;
  hits?: number;
  profit?: number;
  roi: number;
  roi_ci95?: [number, number];
  mean_clv: number | null;
  clv_ci95?: [number, number];
  clv_bets?: number;
  closing_reference: Record<keyof typeof REFS, number>;
  max_drawdown: number;
}

function expectSame(mine: BacktestSummary, ref: RefSummary, what: string, digits = 7): void {
  expect(mine.bets, `${what} bets`).toBe(ref.bets);
  if (ref.bets === 0) return;
  if (ref.hits !== undefined) expect(mine.wins, `${what} hits`).toBe(ref.hits);
  if (ref.profit !== undefined) expect(mine.profit, `${what} profit`).toBeCloseTo(ref.profit, digits);
  expect(mine.roi, `${what} ROI`).toBeCloseTo(ref.roi, digits);
  expect(mine.meanClv, `${what} mean CLV`).toBeCloseTo(ref.mean_clv as number, digits);
  expect(mine.maxDrawdown, `${what} max drawdown`).toBeCloseTo(ref.max_drawdown, digits - 1);
  for (const [k, v] of Object.entries(REFS))
    expect(mine.closingReference[v], `${what} closing ${k}`).toBe(ref.closing_reference[k as keyof typeof REFS]);
  if (ref.roi_ci95) {
    expect(Math.abs((mine.roiCi95 as [number, number])[0] - ref.roi_ci95[0]), `${what} ROI interval low`).toBeLessThan(MC);
    expect(Math.abs((mine.roiCi95 as [number, number])[1] - ref.roi_ci95[1]), `${what} ROI interval high`).toBeLessThan(MC);
  }
  if (ref.clv_ci95) {
    expect(Math.abs((mine.clvCi95 as [number, number])[0] - ref.clv_ci95[0]), `${what} CLV interval low`).toBeLessThan(MC);
    expect(Math.abs((mine.clvCi95 as [number, number])[1] - ref.clv_ci95[1]), `${what} CLV interval high`).toBeLessThan(MC);
  }
}

let data: BacktestData;
const run = (strategy: string, params: Record<string, unknown> = {}, opts: { from?: string; resamples?: number } = {}): BacktestResult =>
  // the references take the quoted prices as they are (no commission): the app's gross reading
  runBacktest(data, findStrategy(STRATEGIES, strategy), { commission: 'none', ...params }, opts);

beforeAll(() => {
  data = loadFootballData(LEAGUES.flatMap((l) => SEASONS.map((s) => path.join(footballDataDir(), `${l}_${s}.csv`))));
  expect(data.fixtures).toHaveLength(reference.matches);
}, 120_000);

describe('backtest_reference.py rules, replayed by the engine', () => {
  it(
    'sharp reference: 5,071 bets, ROI and CLV with their intervals, per league and season, the book of each best price',
    { timeout: 300_000 },
    () => {
      const r = run('sharp-reference');
      const ref = reference.sharp_reference;
      expectSame(r.summary, ref.pooled, 'pooled');
      for (const lg of LEAGUES) expectSame(r.byLeague[lg], { ...ref.by_league[lg], roi_ci95: undefined, clv_ci95: undefined }, lg);
      for (const s of SEASONS) expectSame(r.bySeason[s], { ...ref.by_season[s], roi_ci95: undefined, clv_ci95: undefined }, s);
      const books: Record<string, number> = {};
      for (const b of r.bets) books[b.bookmaker] = (books[b.bookmaker] ?? 0) + 1;
      expect(books).toEqual(ref.bets_by_price_book);
      expect(new Set(r.bets.map((b) => b.fixture)).size).toBe(ref.matches_with_bets);
      const bySel = { H: 0, D: 0, A: 0 };
      for (const b of r.bets) bySel[({ home: 'H', draw: 'D', away: 'A' } as const)[b.selection as 'home' | 'draw' | 'away']]++;
      expect(bySel).toEqual(ref.bets_by_selection);
      expect(r.summary.roiCi95![0]).toBeLessThan(0);
      expect(r.summary.roiCi95![1]).toBeGreaterThan(0);
    },
  );

  it('Kaunitz et al. (α = 0.05, closing Max/Avg, 1/Avg not de-margined): 229 bets', { timeout: 300_000 }, () => {
    const r = run('kaunitz');
    const ref = reference.kaunitz_consensus;
    expectSame(r.summary, ref.pooled, 'pooled');
    for (const lg of LEAGUES)
      expectSame(r.byLeague[lg] ?? emptySummary(), { ...ref.by_league[lg], roi_ci95: undefined, clv_ci95: undefined }, lg);
  });

  it('the variants: without the exchange, one bet per match, de-margined consensus, pre-closing prices', { timeout: 300_000 }, () => {
    const v = reference.variants;
    const opts = { resamples: 2_000 };
    const loose = (x: RefSummary): RefSummary => ({ ...x, roi_ci95: undefined, clv_ci95: undefined });
    expectSame(
      run('sharp-reference', { includeExchange: false }, opts).summary,
      loose(v.sharp_reference_without_exchange),
      'without exchange',
    );
    expectSame(run('sharp-reference', { onePerMatch: true }, opts).summary, loose(v.sharp_reference_one_bet_per_match), 'one per match');
    expectSame(run('kaunitz', { demargined: true }, opts).summary, loose(v.kaunitz_demargined_consensus), 'de-margined');
    expectSame(run('kaunitz', { prices: 'pre-closing' }, opts).summary, loose(v.kaunitz_pre_closing_prices), 'pre-closing');
  });
});

function emptySummary(): BacktestSummary {
  return { bets: 0 } as BacktestSummary;
}

describe('walk_forward_rule.py: the blended value rule replayed with Dixon-Coles refitted each match day', () => {
  it('same 1,718 bets, stakes, profit, ROI, CLV and drawdown, pooled, per league and per season', { timeout: 300_000 }, () => {
    const rule = walkForward.rule;
    const r = run(
      'value',
      {
        w: rule.w,
        minEdge: rule.min_edge,
        xi: rule.xi,
        windowDays: rule.window_days,
        kellyFraction: rule.kelly_fraction,
        cap: rule.stake_cap,
        markets: ['1x2'],
        staking: 'best',
        noSharp: 'skip',
        noModel: 'skip',
        minTeamMatches: 1,
        staleCheck: false,
        books: 'soft',
      },
      { from: '2024-07-01', resamples: 0 },
    );
    // Kelly stakes follow the model's probabilities, which agree with scipy's fits to about 1e-8: the
    // stake-weighted figures agree to 1e-6, the bets themselves exactly
    const check = (mine: BacktestSummary, ref: RefSummary & { staked: number; stake_weighted_clv: number }, what: string) => {
      expectSame(mine, ref, what, 6);
      expect(mine.staked, `${what} staked`).toBeCloseTo(ref.staked, 6);
      expect(mine.stakeWeightedClv, `${what} stake-weighted CLV`).toBeCloseTo(ref.stake_weighted_clv, 6);
    };
    check(r.summary, walkForward.pooled, 'pooled');
    for (const lg of rule.leagues) check(r.byLeague[lg], walkForward.by_league[lg], lg);
    for (const s of rule.seasons) check(r.bySeason[s], walkForward.by_season[s], s);
    expect(r.fixtures).toBe(walkForward.counts.fixtures);
    expect(r.notes['no model: skipped']).toBe(walkForward.counts.no_model);
    expect(r.notes['no sharp price']).toBe(walkForward.counts.no_pinnacle);
    const bySel = { H: 0, D: 0, A: 0 };
    for (const b of r.bets) bySel[({ home: 'H', draw: 'D', away: 'A' } as const)[b.selection as 'home' | 'draw' | 'away']]++;
    expect(bySel).toEqual(walkForward.pooled.bets_by_selection);
    // one fit per league and match day, every one converged
    expect(r.chosen.fits).toBe(walkForward.fits);
    expect(r.chosen.fitsFailed).toBe(0);
  });
});
