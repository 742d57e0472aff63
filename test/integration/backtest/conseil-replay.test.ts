// CONSEIL ULTIM replayed on the real football-data files (4 leagues × 7 seasons) by the backtester, against
// the simple sharp-reference rule on the same prices (pre-closing decision prices, 1X2, soft books; CLV
// against Pinnacle's de-vigged close): a higher mean CLV with bootstrap intervals, and no decision that
// saw its own day: PATRON's every refit was trained only on matches before the day it scored.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../../src-shared/contract/agents';
import { findStrategy, loadFootballData, runBacktest, STRATEGIES, type BacktestData } from '../../../src-main/features/agents/backtest';
import { footballDataDir } from '../../support/shared-data';

const LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
const SEASONS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26'];

let data: BacktestData;
let baseline: BacktestResult;
let conseil: BacktestResult;
const run = (name: string, params: Record<string, unknown>) => runBacktest(data, findStrategy(STRATEGIES, name), params);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const ci = (c: readonly number[] | null | undefined) => (c ? `[${pct(c[0])}, ${pct(c[1])}]` : '—');

beforeAll(() => {
  data = loadFootballData(LEAGUES.flatMap((l) => SEASONS.map((s) => path.join(footballDataDir(), `${l}_${s}.csv`))));
  baseline = run('sharp-reference', {});
  conseil = run('conseil', { books: 'soft', markets: ['1x2'] });
  for (const [name, r] of [
    ['sharp-reference', baseline],
    ['conseil', conseil],
  ] as const) {
    const s = r.summary;
    console.log(
      `${name}: ${s.bets} bets, ROI ${pct(s.roi ?? NaN)} ${ci(s.roiCi95)}, mean CLV ${pct(s.meanClv ?? NaN)} ${ci(s.clvCi95)}, ${r.seconds.toFixed(1)} s`,
    );
  }
}, 300_000);

describe('CONSEIL against the sharp-reference rule on the football-data seasons', () => {
  it('beats the closing line by more, with non-overlapping CLV intervals', () => {
    const [b, c] = [baseline.summary, conseil.summary];
    expect(b.bets).toBe(5071); // the reference figure (test/reference/backtest_reference.py)
    expect(c.bets).toBeGreaterThan(1000);
    expect(c.meanClv!).toBeGreaterThan(b.meanClv!);
    expect(c.clvCi95![0]).toBeGreaterThan(b.clvCi95![1]);
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
