import { z } from 'zod';
import { calendarDate, orderedRange } from './dates';
import { method } from './define';
import { boardMatch, marketKind } from './market';

// Agent B (value and Kelly on 1X2, totals, Asian handicap) and Agent D (walk-forward backtests).

const nullableNumber = z.number().nullable();

/** The blend weight of the model against the market, chosen by the backtester (never hand-set), and
 * the evidence it was chosen on. */
export const blendVersion = z.object({
  version: z.string(),
  /** Weight of the Dixon-Coles probability in p = w·model + (1 − w)·market. */
  w: z.number().min(0).max(1),
  chosenAt: z.string(),
  /** How w was chosen, in words ("min walk-forward log loss against the closing line, 2023-07-01..2024-06-30"). */
  method: z.string(),
  /** Fixtures the choice was made on, their period, and the loss at the chosen w and at the two ends. */
  fixtures: z.number().int().nonnegative(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  loss: z.object({ chosen: z.number(), marketOnly: z.number(), modelOnly: z.number() }).nullable(),
  xi: z.number(),
  windowDays: z.number().int(),
});
export type BlendVersion = z.infer<typeof blendVersion>;

/** Agent B's reading of one selection of one market line. */
export const valueSelection = z.object({
  /** Same id as the board row: `${matchId}|${market}|${line}|${selection}`. */
  id: z.string(),
  matchId: z.number().int(),
  market: marketKind,
  line: z.number().nullable(),
  selection: z.string(),
  /** Market fair probability: the sharp book de-vigged when it quotes the line, else the de-vigged consensus. */
  marketProb: nullableNumber,
  marketSource: z.string().nullable(),
  /** Dixon-Coles probability (for lines that can push: of winning given no push); null without a model. */
  modelProb: nullableNumber,
  /** The blend the decision uses, and its fair odds 1/p. */
  blendProb: nullableNumber,
  modelOdds: nullableNumber,
  blendOdds: nullableNumber,
  /** Best soft price that is not stale (net of the book's commission on winnings), who offers it and when it was seen. */
  bestOdds: nullableNumber,
  /** The best price as the book quotes it, and the book's commission (bestOdds = 1 + (quoted − 1)·(1 − commission)). */
  bestQuoted: nullableNumber,
  bestCommission: nullableNumber,
  bestBook: z.string().nullable(),
  bestAt: z.string().nullable(),
  /** blendProb × bestOdds − 1. */
  edge: nullableNumber,
  /** Stake as a share of the bankroll (fractional Kelly, capped; simultaneous for 1X2). */
  stake: nullableNumber,
  /** A better price exists but has not moved since the market's last move: not value. */
  staleBest: z.object({ odds: z.number(), bookmaker: z.string() }).nullable(),
  bet: z.boolean(),
  /** Why it is or is not a bet ("edge +4.1% > 2%", "no model for X: market only", "stale: …"). */
  note: z.string(),
});
export type ValueSelection = z.infer<typeof valueSelection>;

export const valueBet = valueSelection.extend({ match: boardMatch });
export type ValueBet = z.infer<typeof valueBet>;

/** The value columns of the Command Center, column by column, keyed by board row id. */
export const valueColumns = z.object({
  id: z.array(z.string()),
  modelOdds: z.array(nullableNumber),
  blendOdds: z.array(nullableNumber),
  edge: z.array(nullableNumber),
  stake: z.array(nullableNumber),
  bet: z.array(z.boolean()),
  stale: z.array(z.boolean()),
  note: z.array(z.string()),
});
export type ValueColumns = z.infer<typeof valueColumns>;

export const valueParams = z
  .object({
    minEdge: z.number().min(0).max(1).default(0.02),
    kellyFraction: z.number().min(0).max(1).default(0.25),
    cap: z.number().min(0).max(1).default(0.05),
  })
  .strict();

/** Agent B's Dixon-Coles model of one league of the upcoming matches: fitted, or why not. */
export const leagueModelStatus = z.object({
  league: z.string(),
  fitted: z.boolean(),
  reason: z.string().nullable(),
});
export type LeagueModelStatus = z.infer<typeof leagueModelStatus>;

export const valueBoard = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  blend: blendVersion.nullable(),
  /** Said when the blend is not calibrated yet (market only) or a league has no model. */
  warnings: z.array(z.string()),
  /** The model of each league of the upcoming matches, and why it is missing where it is. */
  models: z.array(leagueModelStatus),
  matches: z.number().int(),
  rowCount: z.number().int(),
  columns: valueColumns,
  buildMs: z.number(),
});
export type ValueBoard = z.infer<typeof valueBoard>;

export const valueBets = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  blend: blendVersion.nullable(),
  warnings: z.array(z.string()),
  matches: z.number().int(),
  bets: z.array(valueBet),
  buildMs: z.number(),
});
export type ValueBets = z.infer<typeof valueBets>;

// ---------------------------------------------------------------- backtests

export const settlementResult = z.enum(['won', 'half_won', 'void', 'half_lost', 'lost', 'unsettled']);
export const closingReference = z.enum(['sharp', 'exchange', 'average', 'none']);

export const backtestBet = z.object({
  fixture: z.string(),
  matchId: z.number().int().nullable(),
  league: z.string(),
  season: z.string(),
  date: z.string(),
  kickoff: z.string(),
  home: z.string(),
  away: z.string(),
  market: marketKind,
  line: z.number().nullable(),
  selection: z.string(),
  bookmaker: z.string(),
  /** The price the bettor gets: the quoted price net of the book's commission on winnings. */
  odds: z.number(),
  /** The price the book quoted, and its commission on net winnings (0 at a bookmaker). */
  quotedOdds: z.number(),
  commission: z.number(),
  stake: z.number(),
  probability: nullableNumber,
  edge: z.number(),
  /** How the probability was made (sharp fair, blend, market only because a team had no history, …). */
  basis: z.string(),
  result: settlementResult,
  profit: nullableNumber,
  closing: closingReference,
  closingSource: z.string().nullable(),
  closingFairOdds: nullableNumber,
  /** odds × de-vigged closing probability − 1; null when the fixture has no closing line (never 0). */
  clv: nullableNumber,
});
export type BacktestBet = z.infer<typeof backtestBet>;

const interval = z.tuple([z.number(), z.number()]).nullable();

export const backtestSummary = z.object({
  bets: z.number().int(),
  settled: z.number().int(),
  unsettled: z.number().int(),
  staked: z.number(),
  profit: z.number(),
  /** Profit over turnover (= yield), with a 95% percentile bootstrap interval. */
  roi: nullableNumber,
  yield: nullableNumber,
  roiCi95: interval,
  /** One-sided t test of the per-bet return per unit > 0 (null under 2 bets). */
  roiPValue: nullableNumber,
  wins: z.number().int(),
  losses: z.number().int(),
  voids: z.number().int(),
  hitRate: nullableNumber,
  averageOdds: nullableNumber,
  meanEdge: nullableNumber,
  clvBets: z.number().int(),
  meanClv: nullableNumber,
  clvCi95: interval,
  sharePositiveClv: nullableNumber,
  stakeWeightedClv: nullableNumber,
  closingReference: z.object({ sharp: z.number().int(), exchange: z.number().int(), average: z.number().int(), none: z.number().int() }),
  /** Largest fall of cumulative profit from a peak, in units. */
  maxDrawdown: z.number(),
  longestLosingStreak: z.number().int(),
  /** Σ stake·(p·odds − 1) over bets with a probability, and its standard deviation (bets independent). */
  expectedProfit: nullableNumber,
  expectedProfitSd: nullableNumber,
});
export type BacktestSummary = z.infer<typeof backtestSummary>;

const scores = z.object({ logLoss: z.number(), rps: z.number(), brier: z.number() });

export const calibrationBin = z.object({
  lower: z.number(),
  upper: z.number(),
  count: z.number().int(),
  meanPredicted: nullableNumber,
  observedRate: nullableNumber,
});

export const backtestResult = z.object({
  strategy: z.string(),
  params: z.record(z.string(), z.unknown()),
  source: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  days: z.number().int(),
  fixtures: z.number().int(),
  /** Fixtures without a result (their bets stay unsettled) and without any closing line. */
  fixturesWithoutResult: z.number().int(),
  fixturesWithoutClosingLine: z.number().int(),
  skipped: z.record(z.string(), z.number().int()),
  notes: z.record(z.string(), z.number().int()),
  summary: backtestSummary,
  byLeague: z.record(z.string(), backtestSummary),
  bySeason: z.record(z.string(), backtestSummary),
  byMarket: z.record(z.string(), backtestSummary),
  /** Cumulative profit after each settled bet (units), with its date. */
  equity: z.object({ date: z.array(z.string()), profit: z.array(z.number()) }),
  /** The 1X2 probabilities the strategy used, scored against the results, beside the closing market's on
   * the same fixtures; crossEntropyToClose = mean −Σ p_close·log p. */
  forecasts: z
    .object({
      fixtures: z.number().int(),
      strategy: scores,
      closing: scores.nullable(),
      closingFixtures: z.number().int(),
      crossEntropyToClose: nullableNumber,
    })
    .nullable(),
  calibration: z.array(calibrationBin),
  /** What the strategy chose during the run (e.g. the blend weight and its evidence). */
  chosen: z.record(z.string(), z.unknown()),
  warnings: z.array(z.string()),
  seconds: z.number(),
  bets: z.array(backtestBet),
});
export type BacktestResult = z.infer<typeof backtestResult>;

export const strategyParam = z.object({ name: z.string(), type: z.string(), default: z.unknown(), description: z.string() });
export const strategyInfo = z.object({ name: z.string(), summary: z.string(), params: z.array(strategyParam) });
export type StrategyInfo = z.infer<typeof strategyInfo>;

export const backtestSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cache') }).strict(),
  z.object({ kind: z.literal('csv'), files: z.array(z.string().min(1)).min(1) }).strict(),
]);

export const agentMethods = {
  'value.bets': method({
    summary: "Agent B's value bets on every upcoming match: best price against the blended fair probability, edge, Kelly stake",
    input: valueParams.extend({ limit: z.number().int().positive().max(5_000).default(500) }).strict(),
    output: valueBets,
    rest: { path: '/api/unified/value-bets' },
  }),
  'value.board': method({
    summary: "Agent B's columns for the Command Center board (model and blended fair odds, edge, Kelly stake), keyed by board row id",
    input: valueParams,
    output: valueBoard,
  }),
  'value.run': method({
    summary: 'Run Agent B on every upcoming match and write its analyses and predictions (published to the source)',
    input: valueParams,
    output: z.object({
      matches: z.number().int(),
      analyses: z.number().int(),
      predictions: z.number().int(),
      bets: z.number().int(),
      /** Rows written this run (the others were unchanged). */
      written: z.number().int(),
      blend: blendVersion.nullable(),
    }),
    job: true,
  }),
  'value.calibrate': method({
    summary:
      "Choose Agent B's blend weight by walk-forward backtest on the cache's finished matches (minimum log loss against the closing line) and store it",
    input: z
      .object({
        days: z.number().int().min(14).max(3650).default(365),
        /** Keep the stored version when it is younger than this (the app's automatic refresh). */
        maxAgeDays: z.number().positive().optional(),
      })
      .strict(),
    output: blendVersion,
    job: true,
  }),
  'backtest.strategies': method({
    summary: 'Every backtest strategy with its parameters and defaults',
    input: z.object({}).strict(),
    output: z.array(strategyInfo),
  }),
  'backtest.run': method({
    summary: 'Walk-forward backtest of a strategy over the cache or football-data files (a job with progress; cancel with jobs.cancel)',
    input: z
      .object({
        strategy: z.string().min(1),
        params: z.record(z.string(), z.unknown()).default({}),
        source: backtestSource.default({ kind: 'cache' }),
        from: calendarDate('from').optional(),
        to: calendarDate('to').optional(),
        /** Leave the bets list out of the answer (the summary is unchanged). */
        withBets: z.boolean().default(true),
      })
      .strict()
      .superRefine(orderedRange()),
    output: backtestResult,
    job: true,
  }),
};
