// Statistics of a sequence of settled bets (a ledger, in settlement order): turnover, profit, ROI, hit
// rate, drawdown, streaks, equity curve, intervals for the ROI; and the expected profit of bets with known
// probabilities, with its standard deviation, to put the realised profit in a variance band.
import { QuantError } from './errors';
import { sfc32 } from './random';
import { checkSettlementProbabilities, settlementProfit, SETTLEMENTS, type Settlement, type SettlementProbabilities } from './settlement';
import { normalQuantile, studentTQuantile } from './special';
import { quantile, type BootstrapOptions, type Interval } from './stats';

/** One settled back bet: profit is what it made (stake·(odds − 1) if won, −stake if lost, 0 if void). */
export interface LedgerBet {
  stake: number;
  profit: number;
  /** Decimal odds taken. */
  odds: number;
  /** Closing line value of the bet, when known (e.g. `closingLineValue(...).fair`). */
  clv?: number | null;
}

export interface LedgerOptions {
  /** Bankroll before the first bet: gives the drawdown relative to the bankroll and the return on it. */
  startingBankroll?: number;
}

export interface LedgerStats {
  bets: number;
  /** Turnover: Σ stake. */
  staked: number;
  profit: number;
  /** Profit per unit staked, Σ profit / Σ stake. */
  roi: number;
  /** The same ratio under the name bettors quote it by (profit over turnover). */
  yield: number;
  /** Profit over the starting bankroll (null without one). */
  returnOnBankroll: number | null;
  /** Bets with profit > 0 (won or half won), < 0 (lost or half lost), = 0 (void). */
  wins: number;
  losses: number;
  voids: number;
  /** wins / (wins + losses): voids are neither (null when every bet was void). */
  hitRate: number | null;
  averageOdds: number;
  /** Cumulative profit: equity[0] = 0 before the first bet, equity[k] after bet k (n + 1 points). */
  equity: number[];
  /** Largest fall of the cumulative profit from a running peak: equity[peak] − equity[trough] (0 if none). */
  maxDrawdown: number;
  maxDrawdownPeak: number;
  maxDrawdownTrough: number;
  /** Largest fall from a peak as a share of the bankroll at that peak, (peak − equity)/(bankroll + peak);
   * null without a starting bankroll. Above 1: the losses exceeded the bankroll. */
  maxDrawdownRelative: number | null;
  /** Longest run of consecutive losing (winning) bets; a void neither breaks nor extends a run. */
  longestLosingStreak: number;
  longestWinningStreak: number;
  /** Mean CLV over the bets that have one (null if none), and how many have one. */
  meanClv: number | null;
  clvBets: number;
}

function checkBets(bets: readonly LedgerBet[]): void {
  if (!Array.isArray(bets) || bets.length === 0) throw new QuantError('no bets in the ledger');
  bets.forEach((b, i) => {
    const { stake, profit, odds, clv } = b;
    if (typeof stake !== 'number' || !Number.isFinite(stake) || stake <= 0)
      throw new QuantError(`bets[${i}].stake = ${String(stake)} must be a finite number > 0`, i, stake);
    if (typeof odds !== 'number' || !Number.isFinite(odds) || odds <= 1)
      throw new QuantError(`bets[${i}].odds = ${String(odds)} must be a finite decimal price > 1`, i, odds);
    if (typeof profit !== 'number' || !Number.isFinite(profit))
      throw new QuantError(`bets[${i}].profit = ${String(profit)} is not a finite number`, i, profit);
    if (profit < -stake * (1 + 1e-9)) throw new QuantError(`bets[${i}].profit = ${profit} loses more than the stake ${stake}`, i, profit);
    if (clv !== undefined && clv !== null && (typeof clv !== 'number' || !Number.isFinite(clv)))
      throw new QuantError(`bets[${i}].clv = ${String(clv)} is not a finite number`, i, clv);
  });
}

/** Everything an analyst reads off a ledger of settled bets, in the order they settled. */
export function ledgerStatistics(bets: readonly LedgerBet[], opts: LedgerOptions = {}): LedgerStats {
  checkBets(bets);
  const bankroll = opts.startingBankroll;
  if (bankroll !== undefined && !(Number.isFinite(bankroll) && bankroll > 0))
    throw new QuantError(`startingBankroll = ${String(bankroll)} must be a finite number > 0`, undefined, bankroll);
  let staked = 0;
  let profit = 0;
  let oddsSum = 0;
  let wins = 0;
  let losses = 0;
  let clvSum = 0;
  let clvBets = 0;
  const equity = [0];
  let peak = 0;
  let peakIndex = 0;
  let maxDrawdown = 0;
  let maxDrawdownPeak = 0;
  let maxDrawdownTrough = 0;
  let maxRelative = 0;
  let losing = 0;
  let winning = 0;
  let longestLosing = 0;
  let longestWinning = 0;
  bets.forEach((b, i) => {
    staked += b.stake;
    profit += b.profit;
    oddsSum += b.odds;
    equity.push(profit);
    if (b.profit > 0) {
      wins++;
      winning++;
      losing = 0;
      longestWinning = Math.max(longestWinning, winning);
    } else if (b.profit < 0) {
      losses++;
      losing++;
      winning = 0;
      longestLosing = Math.max(longestLosing, losing);
    }
    if (b.clv !== undefined && b.clv !== null) {
      clvSum += b.clv;
      clvBets++;
    }
    if (profit > peak) {
      peak = profit;
      peakIndex = i + 1;
    }
    const dd = peak - profit;
    if (dd > maxDrawdown) {
      maxDrawdown = dd;
      maxDrawdownPeak = peakIndex;
      maxDrawdownTrough = i + 1;
    }
    if (bankroll !== undefined) maxRelative = Math.max(maxRelative, dd / (bankroll + peak));
  });
  const n = bets.length;
  const roi = profit / staked;
  return {
    bets: n,
    staked,
    profit,
    roi,
    yield: roi,
    returnOnBankroll: bankroll === undefined ? null : profit / bankroll,
    wins,
    losses,
    voids: n - wins - losses,
    hitRate: wins + losses > 0 ? wins / (wins + losses) : null,
    averageOdds: oddsSum / n,
    equity,
    maxDrawdown,
    maxDrawdownPeak,
    maxDrawdownTrough,
    maxDrawdownRelative: bankroll === undefined ? null : maxRelative,
    longestLosingStreak: longestLosing,
    longestWinningStreak: longestWinning,
    meanClv: clvBets > 0 ? clvSum / clvBets : null,
    clvBets,
  };
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new QuantError(`confidence ${String(confidence)} must be in (0, 1)`, undefined, confidence);
}

/** Percentile bootstrap interval of the ROI as a ratio of sums: each of `resamples` resamples draws n bets
 * with replacement (index floor(u·n), u from the seeded sfc32 generator, bet by bet as
 * `bootstrapMeanInterval` does) and takes Σ profit / Σ stake; quantiles by linear interpolation (numpy). */
export function roiBootstrapInterval(bets: readonly LedgerBet[], opts: BootstrapOptions = {}): Interval & { roi: number } {
  checkBets(bets);
  const B = opts.resamples ?? 2000;
  const confidence = opts.confidence ?? 0.95;
  checkConfidence(confidence);
  if (!Number.isInteger(B) || B < 2) throw new QuantError(`resamples = ${String(B)} must be an integer >= 2`, undefined, B);
  const n = bets.length;
  const rng = sfc32(opts.seed ?? 1);
  const ratios = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let p = 0;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const bet = bets[Math.floor(rng() * n)];
      p += bet.profit;
      s += bet.stake;
    }
    ratios[b] = p / s;
  }
  ratios.sort();
  let profit = 0;
  let staked = 0;
  for (const b of bets) {
    profit += b.profit;
    staked += b.stake;
  }
  const alpha = 1 - confidence;
  return { roi: profit / staked, lower: quantile(ratios, alpha / 2), upper: quantile(ratios, 1 - alpha / 2) };
}

export interface RoiIntervalOptions {
  confidence?: number;
  /** 't' (default): Student t quantile with n − 1 degrees of freedom; 'normal': the normal quantile. */
  method?: 't' | 'normal';
}

/** Closed-form interval of the ROI R = Σ profit / Σ stake, by linearising the ratio (delta method):
 * SE = √(Σ d_i² / (n(n − 1))) / mean stake with d_i = profit_i − R·stake_i, interval R ± q·SE.
 * With equal stakes this is exactly the one-sample t interval of the per-unit returns (scipy's
 * ttest_1samp(...).confidence_interval()). Needs 2 bets or more. The width is 0 when every bet returned
 * the same per unit (e.g. 3 bets, all lost): so few bets carry no information on the spread, and the
 * bootstrap is just as blind there. */
export function roiInterval(bets: readonly LedgerBet[], opts: RoiIntervalOptions = {}): Interval & { roi: number; standardError: number } {
  checkBets(bets);
  const n = bets.length;
  if (n < 2) throw new QuantError(`an ROI interval needs at least 2 bets, got ${n}`);
  const confidence = opts.confidence ?? 0.95;
  checkConfidence(confidence);
  const method = opts.method ?? 't';
  if (method !== 't' && method !== 'normal') throw new QuantError(`method '${String(method)}' is not 't' or 'normal'`, undefined, method);
  let profit = 0;
  let staked = 0;
  for (const b of bets) {
    profit += b.profit;
    staked += b.stake;
  }
  const roi = profit / staked;
  let dMean = 0;
  for (const b of bets) dMean += b.profit - roi * b.stake;
  dMean /= n;
  let ss = 0;
  for (const b of bets) {
    const d = b.profit - roi * b.stake - dMean;
    ss += d * d;
  }
  const standardError = Math.sqrt(ss / (n - 1) / n) / (staked / n);
  const p = 1 - (1 - confidence) / 2;
  const q = method === 't' ? studentTQuantile(p, n - 1) : normalQuantile(p);
  return { roi, standardError, lower: roi - q * standardError, upper: roi + q * standardError };
}

/** A bet priced with a known probability: `probability` of winning (a win/lose bet), or `outcomes`, the
 * probability of each settlement for lines that can push or half-win (e.g. `asianHandicapSettlements`). */
export type PricedBet = { stake: number; odds: number } & (
  { probability: number; outcomes?: undefined } | { outcomes: SettlementProbabilities; probability?: undefined }
);

export interface ExpectedProfit {
  /** Σ stake·E[profit per unit]: stake·(p·o − 1) for a win/lose bet. */
  expected: number;
  /** Σ stake²·Var[profit per unit]: stake²·p(1 − p)·o² for a win/lose bet (bets taken as independent). */
  variance: number;
  standardDeviation: number;
  /** Running expected profit and its standard deviation after each bet (n + 1 points from 0, aligned
   * with `ledgerStatistics(...).equity`): the band expected ± z·sd to draw the realised curve against. */
  expectedCurve: number[];
  standardDeviationCurve: number[];
}

/** Expected profit of bets with known probabilities and its standard deviation, for "realised against
 * expected profit with a variance band". Bets are independent: several bets on one match are correlated
 * and then the band is too narrow. */
export function expectedProfit(bets: readonly PricedBet[]): ExpectedProfit {
  if (!Array.isArray(bets)) throw new QuantError(`bets = ${String(bets)} is not an array`);
  let expected = 0;
  let variance = 0;
  const expectedCurve = [0];
  const standardDeviationCurve = [0];
  bets.forEach((b, i) => {
    const { stake, odds } = b;
    if (typeof stake !== 'number' || !Number.isFinite(stake) || stake < 0)
      throw new QuantError(`bets[${i}].stake = ${String(stake)} must be a finite number >= 0`, i, stake);
    if (typeof odds !== 'number' || !Number.isFinite(odds) || odds <= 1)
      throw new QuantError(`bets[${i}].odds = ${String(odds)} must be a finite decimal price > 1`, i, odds);
    let mean: number;
    let varUnit: number;
    if (b.outcomes !== undefined) {
      if (b.probability !== undefined) throw new QuantError(`bets[${i}] has both a probability and outcomes: give one`, i);
      let q: Record<Settlement, number>;
      try {
        q = checkSettlementProbabilities(b.outcomes, `bets[${i}].outcomes`);
      } catch (err) {
        throw err instanceof QuantError ? new QuantError(err.message, i, err.value) : err;
      }
      mean = 0;
      for (const k of SETTLEMENTS) mean += q[k] * settlementProfit(k, odds);
      varUnit = 0;
      for (const k of SETTLEMENTS) varUnit += q[k] * (settlementProfit(k, odds) - mean) ** 2;
    } else {
      const p = b.probability;
      if (typeof p !== 'number' || !(p >= 0 && p <= 1))
        throw new QuantError(`bets[${i}].probability = ${String(p)} is not a probability in [0, 1]`, i, p);
      mean = p * odds - 1;
      varUnit = p * (1 - p) * odds * odds;
    }
    expected += stake * mean;
    variance += stake * stake * varUnit;
    expectedCurve.push(expected);
    standardDeviationCurve.push(Math.sqrt(variance));
  });
  return { expected, variance, standardDeviation: Math.sqrt(variance), expectedCurve, standardDeviationCurve };
}
