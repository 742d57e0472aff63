// The figures of a list of settled bets, all from quant: ledger statistics (ROI = yield, hit rate, drawdown),
// percentile bootstrap intervals of the ROI and of the mean CLV, a t test of the return, the expected
// profit under the probabilities used, forecast scores and calibration bins.
import type { BacktestBet, BacktestSummary } from '../../../../src-shared/contract/agents';
import {
  expectedProfit,
  ledgerStatistics,
  roiBootstrapInterval,
  type LedgerBet,
  type PricedBet,
} from '../../../../src-shared/quant/ledger';
import { meanRankedProbabilityScore } from '../../../../src-shared/quant/rps';
import { bootstrapMeanInterval, brierScore, calibrationBins, logLoss, type CalibrationBin } from '../../../../src-shared/quant/stats';
import { oneSampleTTest } from '../../../../src-shared/quant/t-test';
import { CLOSING_ROLES } from '../../decision';

export interface IntervalOptions {
  /** Bootstrap resamples (0: no interval); the seed makes a run reproducible. */
  resamples: number;
  seed: number;
}

const round = (x: number): number => Math.round(x * 1e12) / 1e12;

export function summarise(bets: readonly BacktestBet[], opts: IntervalOptions): BacktestSummary {
  const settled = bets.filter((b) => b.profit !== null);
  const ledger: LedgerBet[] = settled.map((b) => ({ stake: b.stake, profit: b.profit as number, odds: b.odds, clv: b.clv }));
  const refs = Object.fromEntries(
    CLOSING_ROLES.map((r) => [r, bets.filter((b) => b.closing === r).length]),
  ) as BacktestSummary['closingReference'];
  const withClv = bets.filter((b) => b.clv !== null);
  const clvs = withClv.map((b) => b.clv as number);
  const clvStake = withClv.reduce((a, b) => a + b.stake, 0);
  const priced: PricedBet[] = settled
    .filter((b) => b.probability !== null)
    .map((b) => ({ stake: b.stake, odds: b.odds, probability: b.probability as number }));
  const exp = priced.length === settled.length && priced.length ? expectedProfit(priced) : null;
  const empty = {
    staked: 0,
    profit: 0,
    roi: null,
    yield: null,
    roiCi95: null,
    roiPValue: null,
    wins: 0,
    losses: 0,
    voids: 0,
    hitRate: null,
    averageOdds: null,
    maxDrawdown: 0,
    longestLosingStreak: 0,
  };
  let ledgerPart: Omit<
    BacktestSummary,
    | 'bets'
    | 'settled'
    | 'unsettled'
    | 'meanEdge'
    | 'clvBets'
    | 'meanClv'
    | 'clvCi95'
    | 'sharePositiveClv'
    | 'stakeWeightedClv'
    | 'closingReference'
    | 'expectedProfit'
    | 'expectedProfitSd'
  > = empty;
  if (ledger.length) {
    const s = ledgerStatistics(ledger);
    const ci = opts.resamples >= 2 ? roiBootstrapInterval(ledger, { resamples: opts.resamples, seed: opts.seed }) : null;
    const returns = settled.map((b) => (b.profit as number) / b.stake);
    const varies = returns.some((r) => r !== returns[0]);
    ledgerPart = {
      staked: s.staked,
      profit: s.profit,
      roi: s.roi,
      yield: s.yield,
      roiCi95: ci ? [ci.lower, ci.upper] : null,
      roiPValue: returns.length >= 2 && varies ? oneSampleTTest(returns, { alternative: 'greater' }).pValue : null,
      wins: s.wins,
      losses: s.losses,
      voids: s.voids,
      hitRate: s.hitRate,
      averageOdds: s.averageOdds,
      maxDrawdown: round(s.maxDrawdown),
      longestLosingStreak: s.longestLosingStreak,
    };
  }
  const clvCi = clvs.length && opts.resamples >= 2 ? bootstrapMeanInterval(clvs, { resamples: opts.resamples, seed: opts.seed }) : null;
  return {
    bets: bets.length,
    settled: settled.length,
    unsettled: bets.length - settled.length,
    ...ledgerPart,
    meanEdge: bets.length ? bets.reduce((a, b) => a + b.edge, 0) / bets.length : null,
    clvBets: clvs.length,
    meanClv: clvs.length ? clvs.reduce((a, b) => a + b, 0) / clvs.length : null,
    clvCi95: clvCi ? [clvCi.lower, clvCi.upper] : null,
    sharePositiveClv: clvs.length ? clvs.filter((c) => c > 0).length / clvs.length : null,
    stakeWeightedClv: clvStake > 0 ? withClv.reduce((a, b) => a + (b.clv as number) * b.stake, 0) / clvStake : null,
    closingReference: refs,
    expectedProfit: exp ? exp.expected : null,
    expectedProfitSd: exp ? exp.standardDeviation : null,
  };
}

/** Summaries per value of a key (league, season, market), in first-seen order. */
export function summariseBy(
  bets: readonly BacktestBet[],
  key: (b: BacktestBet) => string,
  opts: IntervalOptions,
): Record<string, BacktestSummary> {
  const groups = new Map<string, BacktestBet[]>();
  for (const b of bets) {
    const k = key(b);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(b);
  }
  return Object.fromEntries([...groups].map(([k, g]) => [k, summarise(g, opts)]));
}

export interface ScoredForecast {
  probabilities: readonly number[];
  outcome: number;
  /** De-vigged closing 1X2 of the fixture, when it has a closing line. */
  closing: readonly number[] | null;
}

const scoresOf = (p: readonly (readonly number[])[], o: readonly number[]) => ({
  logLoss: logLoss(p, o),
  rps: meanRankedProbabilityScore(p, o),
  brier: brierScore(p, o),
});

/** Log loss, RPS and Brier of the probabilities used, beside the closing market's on the fixtures that
 * have a closing line, and the cross-entropy of the probabilities used against the closing line. */
export function scoreForecasts(f: readonly ScoredForecast[]) {
  if (f.length === 0) return null;
  const withClose = f.filter((x) => x.closing !== null);
  let ce = 0;
  for (const x of withClose) (x.closing as number[]).forEach((pc, k) => (ce -= pc * Math.log(x.probabilities[k])));
  return {
    fixtures: f.length,
    strategy: scoresOf(
      f.map((x) => x.probabilities),
      f.map((x) => x.outcome),
    ),
    closing: withClose.length
      ? scoresOf(
          withClose.map((x) => x.closing as number[]),
          withClose.map((x) => x.outcome),
        )
      : null,
    closingFixtures: withClose.length,
    crossEntropyToClose: withClose.length ? ce / withClose.length : null,
  };
}

/** Calibration of every probability used (each selection of each forecast a binary event), 10 bins. */
export function calibration(f: readonly ScoredForecast[]): CalibrationBin[] {
  const p: number[] = [];
  const hit: boolean[] = [];
  for (const x of f) x.probabilities.forEach((q, k) => (p.push(q), hit.push(k === x.outcome)));
  return calibrationBins(p, hit, 10);
}
