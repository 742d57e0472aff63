// The README's "CONSEIL against the sharp-reference rule" table, computed and printed (never pasted):
// both rules replayed by the backtester on the 28 football-data files, every price net of its book's
// commission (the exchange BFE 5%), rows per tier, per market and per league with 95% bootstrap intervals.
// CONSEIL runs at its defaults, the ones live CONSEIL uses (every book but the aggregates; 1X2, totals and
// Asian lines); the baseline is the (1X2, soft books), and also on the same three markets.
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
import { wilsonInterval } from '../../src-shared/quant';
import { footballDataDir } from './shared-data';

export const LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
export const SEASONS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26'];
/** CONSEIL's parameters in the table: its defaults (those of `monps backtest --strategy conseil` and of
 * live CONSEIL). */
export const CONSEIL_PARAMS = {} as const;
const ALL_MARKETS = ['1x2', 'totals', 'spreads'];
/** The baseline on CONSEIL's markets (the baseline is 1X2 only). */
export const BASELINE_ALL_MARKETS = { markets: ALL_MARKETS };

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
export function tableLines(
  baseline: BacktestResult,
  conseil: BacktestResult,
  variants: [string, BacktestResult][] = [],
  baselineAll: BacktestResult | null = null,
): string[] {
  const lines = ['| rule | bets | mean CLV [95%] | ROI [95%] |', '|---|---|---|---|'];
  lines.push(row('sharp reference (best soft price above Pinnacle’s de-vigged price), 1X2', baseline.summary));
  if (baselineAll) lines.push(row('sharp reference, 1X2 + totals + Asian lines', baselineAll.summary));
  lines.push(row('**CONSEIL, Silver and above (defaults: all books, 1X2 + totals + Asian lines)**', conseil.summary));
  for (const t of TIERS) lines.push(row(`CONSEIL, ${t} picks only`, tierSummary(conseil, t)));
  for (const m of ALL_MARKETS) lines.push(row(`CONSEIL, ${m} bets`, sub(conseil.bets.filter((b) => b.market === m))));
  lines.push(row(`CONSEIL, bets at the exchange (${EXCHANGE})`, sub(conseil.bets.filter((b) => b.bookmaker === EXCHANGE))));
  lines.push(row('CONSEIL, bets at bookmakers', sub(conseil.bets.filter((b) => b.bookmaker !== EXCHANGE))));
  for (const lg of LEAGUES) {
    lines.push(row(`${lg}: sharp reference`, baseline.byLeague[lg]));
    lines.push(row(`${lg}: CONSEIL`, conseil.byLeague[lg]));
  }
  for (const [label, r] of variants) lines.push(row(label, r.summary));
  return lines;
}

/** What held CONSEIL's count: its refusals by reason (the exposure limits, the score floor, …). */
export function refusalLine(conseil: BacktestResult): string {
  const refused = (conseil.chosen as { refused?: Record<string, number> }).refused ?? {};
  const parts = Object.entries(refused)
    .sort((a, b) => b[1] - a[1])
    .map(([why, n]) => `${why} ${n.toLocaleString('en-US')}`);
  return `CONSEIL's candidates refused: ${parts.join(', ') || 'none'} (no other reason refused any)`;
}

const SCORE_BANDS: [number, number][] = [
  [55, 60],
  [60, 65],
  [65, 75],
  [75, 101],
];

/** Does the score say what it claims (the chance, in %, that the price beats the close)? Per band of the
 * score a pick had: its picks, the share whose net price beat the close, the mean expected and realised CLV. */
export function scoreCalibrationLines(conseil: BacktestResult): string[] {
  const lines = ['| PATRON score | picks | beat the close | mean expected CLV | mean CLV |', '|---|---|---|---|---|'];
  for (const [lo, hi] of SCORE_BANDS) {
    const bets = conseil.bets.filter((b) => {
      const score = Number(/^PATRON (\d+)/.exec(b.basis)?.[1]);
      return b.clv !== null && score >= lo && score < hi;
    });
    const expected = bets.map((b) => Number(/expected CLV (-?[\d.]+)%/.exec(b.basis)?.[1]) / 100);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
    lines.push(
      `| ${lo}–${hi > 100 ? 100 : hi - 1} | ${bets.length.toLocaleString('en-US')} | ${(100 * mean(bets.map((b) => (b.clv! > 0 ? 1 : 0)))).toFixed(1)}% | ${pct(mean(expected))} | ${pct(mean(bets.map((b) => b.clv!)))} |`,
    );
  }
  return lines;
}

interface Band {
  n: number;
  claimed: number;
  beat: number;
  expectedClv: number;
  clv: number;
}

/** The replay's reliability table: every candidate CONSEIL decided on, scored out of sample (weights and
 * calibration fitted before its day), per band of 5 score points: the chance the score claimed against the
 * share that beat the close (Wilson 95%), and the mean expected and realised CLV. */
export const reliabilityOf = (conseil: BacktestResult, which: 'calibrated' | 'raw' = 'calibrated'): Record<string, Band> =>
  (conseil.chosen as { reliability?: Record<string, Record<string, Band>> }).reliability?.[which] ?? {};

export function reliabilityLines(conseil: BacktestResult, which: 'calibrated' | 'raw' = 'calibrated'): string[] {
  const rel = reliabilityOf(conseil, which);
  const lines = [
    '| score band | candidates | claimed (mean score) | beat the close [95%] | mean expected CLV | mean CLV |',
    '|---|---|---|---|---|---|',
  ];
  for (const [band, b] of Object.entries(rel).sort((x, y) => Number(x[0]) - Number(y[0]))) {
    const w = wilsonInterval(b.beat, b.n);
    lines.push(
      `| ${band}–${Number(band) + 4} | ${b.n.toLocaleString('en-US')} | ${((100 * b.claimed) / b.n).toFixed(1)}% | ${((100 * b.beat) / b.n).toFixed(1)}% [${(100 * w.lower).toFixed(1)}, ${(100 * w.upper).toFixed(1)}] | ${pct(b.expectedClv / b.n)} | ${pct(b.clv / b.n)} |`,
    );
  }
  return lines;
}

/** The variants of the README's table: the configuration (1X2, soft books), other score floors
 * (net), and both rules gross. */
export const VARIANTS: [string, string, Record<string, unknown>][] = [
  ['CONSEIL, Silver and above, 1X2, soft books (the baseline’s market)', 'conseil', { books: 'soft', markets: ['1x2'] }],
  ['CONSEIL, score ≥ 50 (any positive expected CLV)', 'conseil', { ...CONSEIL_PARAMS, minScore: 50 }],
  ['CONSEIL, Gold and above', 'conseil', { ...CONSEIL_PARAMS, minScore: 65 }],
  ['CONSEIL, score ≥ 50, 1X2, soft books', 'conseil', { books: 'soft', markets: ['1x2'], minScore: 50 }],
  ['gross (no commission): sharp reference', 'sharp-reference', { commission: 'none' }],
  ['gross (no commission): CONSEIL, Silver and above', 'conseil', { ...CONSEIL_PARAMS, commission: 'none' }],
];
