// Agent B's model in replay, on the 28 football-data files: the Dixon-Coles refit of every league and
// match day (one path: refitDixonColes, warm from the previous fit) has no failed fit on a league-day with
// 60 or more matches in its window, so w = 1 and w = 0 give different bets; a replay whose league-days
// lack a model too often (> 2%) says so in its warnings, its JSON and the CLI header.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../../src-shared/contract/agents';
import { findStrategy, loadFootballData, runBacktest, STRATEGIES, type BacktestData } from '../../../src-main/features/agents/backtest';
import { summaryTable } from '../../../src-main/cli/commands/backtest';
import { footballDataDir } from '../../support/shared-data';

const LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
const SEASONS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26'];
const value = findStrategy(STRATEGIES, 'value');

interface ModelCount {
  leagueDays: number;
  withoutModel: number;
  fits: number;
  fitsFailed: number;
  fitsFailedWith60: number;
  share: number;
  reasons: string[];
}

let data: BacktestData;
let modelOnly: BacktestResult;
let marketOnly: BacktestResult;
beforeAll(() => {
  data = loadFootballData(LEAGUES.flatMap((l) => SEASONS.map((s) => path.join(footballDataDir(), `${l}_${s}.csv`))));
  modelOnly = runBacktest(data, value, { w: 1, markets: ['1x2'] }, { resamples: 0 });
  marketOnly = runBacktest(data, value, { w: 0, markets: ['1x2'] }, { resamples: 0 });
}, 600_000);

const betKey = (b: BacktestResult['bets'][number]) => `${b.fixture}|${b.market}|${b.selection}|${b.bookmaker}|${b.stake.toFixed(6)}`;

describe("Agent B's model on the 28 football-data files", () => {
  it('no failed fit on a league-day with 60 or more matches in its window; under 2% of league-days without a model', () => {
    const m = modelOnly.chosen.model as ModelCount;
    console.log(`value w=1: ${JSON.stringify(m)}`);
    expect(m.leagueDays).toBeGreaterThan(3000);
    expect(m.fitsFailedWith60).toBe(0);
    expect(m.share).toBeLessThanOrEqual(0.02);
    expect(modelOnly.warnings.some((w) => /had no Dixon-Coles model/.test(w))).toBe(false);
    expect(modelOnly.notes['no model: market only'] ?? 0).toBeLessThan(0.1 * modelOnly.fixtures);
  });

  it('w = 1 and w = 0 give different bets', () => {
    const a = new Set(modelOnly.bets.map(betKey));
    const b = new Set(marketOnly.bets.map(betKey));
    const common = [...a].filter((k) => b.has(k)).length;
    console.log(`w=1 ${a.size} bets, w=0 ${b.size} bets, ${common} in common`);
    expect(a.size).toBeGreaterThan(1000);
    expect(common).toBeLessThan(0.5 * Math.min(a.size, b.size));
  });

  it('a replay with more than 2% of league-days without a model says so: warnings, JSON, CLI header', () => {
    // La Liga 2024-25 alone, its first three weeks: the first day has no past at all to fit on
    const sp1 = loadFootballData([path.join(footballDataDir(), 'SP1_2024-25.csv')]);
    const r = runBacktest(sp1, value, { w: 1, markets: ['1x2'] }, { resamples: 0, to: '2024-09-01' });
    const m = r.chosen.model as ModelCount;
    expect(m.share).toBeGreaterThan(0.02);
    expect(m.withoutModel).toBe(Math.round(m.share * m.leagueDays));
    const warning = r.warnings.find((w) => /had no Dixon-Coles model/.test(w));
    expect(warning).toMatch(new RegExp(`^${m.withoutModel} of ${m.leagueDays} league-days \\(\\d+\\.\\d%\\) had no Dixon-Coles model`));
    const json = JSON.parse(JSON.stringify(r)) as BacktestResult;
    expect((json.chosen.model as ModelCount).withoutModel).toBe(m.withoutModel);
    const header = summaryTable(r).split('\n').slice(0, 5).join('\n');
    expect(header).toMatch(/WARNING: model: Dixon-Coles on \d+ of \d+ league-days, none on \d+/);
  });
});
