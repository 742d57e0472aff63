// The README's "CONSEIL against the sharp-reference rule" table, computed and printed (never pasted):
// both rules replayed by the backtester on the 28 football-data files, every price net of its book's
// commission (the exchange BFE 5%), rows per tier and per league with 95% bootstrap intervals.
// Printed by `npx tsx scripts/conseil-table.ts` and by test/integration/backtest/conseil-replay.test.ts.
import path from 'node:path';
import type { BacktestBet, BacktestResult, BacktestSummary } from '../../src-shared/contract/agents';
import {
  BOOTSTRAP_SEED,
  findStrategy,
  loadFootballData,
  runBacktest,
  STRATEGIES,
  type BacktestData,
} from '../../src-main/features/agents/backtest';
import { summarise } from '../../src-main/features/agents/backtest/evaluate';
import { footballDataDir } from './shared-data';

export const LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
export const SEASONS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26'];
export const CONSEIL_PARAMS = { books: 'soft', markets: ['1x2'] } as const;

export function loadSeasons(): BacktestData {
  return loadFootballData(LEAGUES.flatMap((l) => SEASONS.map((s) => path.join(footballDataDir(), `${l}_${s}.csv`))));
}

export const replay = (data: BacktestData, name: string, params: Record<string, unknown>): BacktestResult =>
  runBacktest(data, findStrategy(STRATEGIES, name), params);

/** The PATRON tier a CONSEIL bet was picked at (its basis says "PATRON 71 gold, …"). */
export const tierOfBet = (b: BacktestBet): string => /^PATRON \d+ (\w+)/.exec(b.basis)?.[1] ?? 'unknown';

const pct = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(d)}%`;
const num = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)}`;
const ci = (c: readonly number[] | null | undefined) => (c ? ` [${num(c[0])}, ${num(c[1])}]` : '');

export function row(label: string, s: BacktestSummary): string {
  return `| ${label} | ${s.bets.toLocaleString('en-US')} | ${pct(s.meanClv)}${ci(s.clvCi95)} | ${pct(s.roi)}${ci(s.roiCi95)} |`;
}

const sub = (bets: readonly BacktestBet[]) => summarise(bets, { resamples: 10_000, seed: BOOTSTRAP_SEED });

export const TIERS = ['silver', 'gold', 'diamond'] as const;
export const tierSummary = (conseil: BacktestResult, tier: string): BacktestSummary =>
  sub(conseil.bets.filter((b) => tierOfBet(b) === tier));
const EXCHANGE = 'BFE';

/** The table's lines: the baseline and CONSEIL pooled, CONSEIL per tier band and by price book, both
 * per league, then the variants given (label → result). */
export function tableLines(baseline: BacktestResult, conseil: BacktestResult, variants: [string, BacktestResult][] = []): string[] {
  const lines = ['| rule | bets | mean CLV [95%] | ROI [95%] |', '|---|---|---|---|'];
  lines.push(row('sharp reference (best soft price above Pinnacle’s de-vigged price)', baseline.summary));
  lines.push(row('**CONSEIL, Silver and above (default)**', conseil.summary));
  for (const t of TIERS) lines.push(row(`CONSEIL, ${t} picks only`, tierSummary(conseil, t)));
  lines.push(row(`CONSEIL, bets at the exchange (${EXCHANGE})`, sub(conseil.bets.filter((b) => b.bookmaker === EXCHANGE))));
  lines.push(row('CONSEIL, bets at bookmakers', sub(conseil.bets.filter((b) => b.bookmaker !== EXCHANGE))));
  for (const lg of LEAGUES) {
    lines.push(row(`${lg}: sharp reference`, baseline.byLeague[lg]));
    lines.push(row(`${lg}: CONSEIL`, conseil.byLeague[lg]));
  }
  for (const [label, r] of variants) lines.push(row(label, r.summary));
  return lines;
}

/** The variants of the README's table: other score floors and markets (net), and both rules gross. */
export const VARIANTS: [string, string, Record<string, unknown>][] = [
  ['CONSEIL, score ≥ 50', 'conseil', { ...CONSEIL_PARAMS, minScore: 50 }],
  ['CONSEIL, Gold and above', 'conseil', { ...CONSEIL_PARAMS, minScore: 65 }],
  ['CONSEIL, Silver, 1X2 + totals + Asian lines', 'conseil', { ...CONSEIL_PARAMS, markets: ['1x2', 'totals', 'spreads'] }],
  [
    'CONSEIL, score ≥ 50, 1X2 + totals + Asian lines',
    'conseil',
    { ...CONSEIL_PARAMS, minScore: 50, markets: ['1x2', 'totals', 'spreads'] },
  ],
  ['gross (no commission): sharp reference', 'sharp-reference', { commission: 'none' }],
  ['gross (no commission): CONSEIL, Silver and above', 'conseil', { ...CONSEIL_PARAMS, commission: 'none' }],
];
