// CONSEIL ULTIM replayed at its defaults (every book but the aggregates; 1X2, totals, Asian lines) on the
// real football-data files (4 leagues × 7 seasons) by the backtester, against the simple sharp-reference
// rule on the same prices (pre-closing decision prices; 1X2, soft books, as in issue 16, and on the three
// markets; CLV against Pinnacle's de-vigged close), every price net of its book's commission (the exchange
// BFE 5%): a higher mean CLV with bootstrap intervals, for the pooled bets and for each tier, and no
// decision that saw its own day: PATRON's every refit was trained only on matches before the day it
// scored. Issue 16's goal (≥ 2,000 bets at ≥ +3%) is not met at the defaults: the README says so and these
// checks are the claims that hold. The table it prints is the README's main rows (all of it:
// `npx tsx scripts/conseil-table.ts`).
import { beforeAll, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../../src-shared/contract/agents';
import type { BacktestData } from '../../../src-main/features/agents/backtest';
import { wilsonInterval } from '../../../src-shared/quant';
import {
  BASELINE_ALL_MARKETS,
  CONSEIL_PARAMS,
  loadSeasons,
  refusalLine,
  reliabilityOf,
  replay,
  tableLines,
  tierSummary,
  TIERS,
} from '../../support/conseil-table';

let data: BacktestData;
let baseline: BacktestResult;
let baselineAll: BacktestResult;
let conseil: BacktestResult;

beforeAll(() => {
  data = loadSeasons();
  baseline = replay(data, 'sharp-reference', {});
  baselineAll = replay(data, 'sharp-reference', BASELINE_ALL_MARKETS);
  conseil = replay(data, 'conseil', { ...CONSEIL_PARAMS });
  console.log([...tableLines(baseline, conseil, [], baselineAll), refusalLine(conseil)].join('\n'));
}, 300_000);

describe('CONSEIL against the sharp-reference rule on the football-data seasons, net of commission', () => {
  it('beats the closing line by more, with non-overlapping CLV intervals, and so does every tier', () => {
    const [b, c] = [baseline.summary, conseil.summary];
    expect(b.bets).toBe(3863); // 5,071 gross (test/reference/backtest_reference.py): BFE's prices net of 5% clear the fair price less often
    // 1,229: the calibrated score (a true chance to beat the close) lets fewer candidates over the floor of 55
    expect(c.bets).toBeGreaterThan(1200);
    expect(c.meanClv!).toBeGreaterThan(0.03);
    for (const base of [b, baselineAll.summary]) {
      expect(c.meanClv!).toBeGreaterThan(base.meanClv!);
      expect(c.clvCi95![0]).toBeGreaterThan(base.clvCi95![1]);
      for (const t of TIERS) expect(tierSummary(conseil, t).meanClv!, t).toBeGreaterThan(base.meanClv!);
    }
    // the higher the tier, the higher the CLV
    const byTier = TIERS.map((t) => tierSummary(conseil, t).meanClv!);
    expect(byTier[0]).toBeLessThan(byTier[1]);
    expect(byTier[1]).toBeLessThan(byTier[2]);
  });

  it('the score says the chance to beat the close: out of sample, every candidate scored ≥ 65 beats it about as often as claimed, the uncalibrated reading far less', () => {
    const pooled = (which: 'calibrated' | 'raw') => {
      const bands = Object.entries(reliabilityOf(conseil, which)).filter(([band]) => Number(band) >= 65);
      const n = bands.reduce((a, [, b]) => a + b.n, 0);
      const claimed = (100 * bands.reduce((a, [, b]) => a + b.claimed, 0)) / n;
      const beat = (100 * bands.reduce((a, [, b]) => a + b.beat, 0)) / n;
      return { n, claimed, beat };
    };
    const [after, before] = [pooled('calibrated'), pooled('raw')];
    console.log(
      `scores ≥ 65 out of sample: calibrated ${after.n} claim ${after.claimed.toFixed(1)}%, beat ${after.beat.toFixed(1)}%; uncalibrated ${before.n} claim ${before.claimed.toFixed(1)}%, beat ${before.beat.toFixed(1)}%`,
    );
    expect(after.n).toBeGreaterThan(200);
    expect(Math.abs(after.claimed - after.beat)).toBeLessThan(3);
    expect(before.claimed - before.beat).toBeGreaterThan(8);
    // every band from 40 with 200 candidates or more: the claim inside the 95% interval of what happened, ± 1 point
    for (const [band, b] of Object.entries(reliabilityOf(conseil))) {
      if (Number(band) < 40 || b.n < 200) continue;
      const w = wilsonInterval(b.beat, b.n);
      expect(b.claimed / b.n, `band ${band}`).toBeGreaterThan(w.lower - 0.01);
      expect(b.claimed / b.n, `band ${band}`).toBeLessThan(w.upper + 0.01);
    }
    const fits = (conseil.chosen as { fits: { calibrationNote: string | null }[] }).fits;
    // counted: the replay's first fits (too few rows) and fits whose held-out days hold under one bin of
    // candidates expected to beat the close (the curve would be flat over every decision)
    expect(fits.filter((f) => f.calibrationNote !== null).length).toBeLessThan(40);
  });

  it('what holds the count is the score floor: the exposure limits (the Settings defaults) never refuse a pick', () => {
    const refused = (conseil.chosen as { refused: Record<string, number> }).refused;
    expect(refused.score).toBeGreaterThan(10 * conseil.summary.bets);
    expect(refused.exposure ?? 0).toBe(0);
    expect(refused['stake below minimum'] ?? 0).toBe(0);
  });

  it('every bet at the exchange is priced, settled and measured net of its 5%', () => {
    const exchange = conseil.bets.filter((x) => x.bookmaker === 'BFE');
    expect(exchange.length).toBeGreaterThan(50);
    for (const x of exchange) {
      expect(x.commission).toBe(0.05);
      expect(x.odds).toBeCloseTo(1 + (x.quotedOdds - 1) * 0.95, 12);
      if (x.result === 'won') expect(x.profit!).toBeCloseTo(x.stake * (x.quotedOdds - 1) * 0.95, 12);
    }
    for (const x of conseil.bets.filter((y) => y.bookmaker !== 'BFE')) expect([x.commission, x.quotedOdds]).toEqual([0, x.odds]);
  });

  it('no look-ahead: every PATRON refit saw only matches before its day, and every bet used a refit of its day or earlier', () => {
    const fits = (conseil.chosen as { fits: { day: string; trainedThrough: string | null; rows: number }[] }).fits;
    expect(fits.length).toBeGreaterThan(200);
    for (const f of fits) expect(f.trainedThrough! < f.day).toBe(true);
    const fitDays = new Set(fits.map((f) => f.day));
    for (const bet of conseil.bets) {
      const day = /weights of (\d{4}-\d{2}-\d{2})/.exec(bet.basis)?.[1];
      expect(day && fitDays.has(day)).toBe(true);
      expect(day! <= bet.date).toBe(true);
    }
  });
});
