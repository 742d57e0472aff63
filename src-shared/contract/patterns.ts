import { z } from 'zod';
import { method } from './define';

// Agent C — patterns (SPEC 5): historical situations mined with their sample size, hit rate, ROI, CLV and a
// significance test corrected for the number of situations tried (Benjamini–Hochberg), and the
// correlations between markets of one match that combos are priced with.

export const patternMarket = z.enum(['1x2', 'totals']);
export const patternSelection = z.enum(['home', 'draw', 'away', 'over', 'under']);
export const fdrMethod = z.enum(['bh', 'by']);

/** The cut that defines a situation: every key present is a condition, known before kick-off. */
export const patternFilters = z
  .object({
    market: patternMarket,
    selection: patternSelection,
    league: z.string().optional(),
    /** Band of the reference closing price, e.g. '1.50-2.00'. */
    oddsBand: z.string().optional(),
    role: z.enum(['favourite', 'underdog']).optional(),
    /** Opening (or pre-closing) to closing move of the reference book's de-vigged probability. */
    move: z.enum(['shortened-large', 'shortened', 'steady', 'drifted', 'drifted-large']).optional(),
    /** Days since the team's previous league match of the season. */
    rest: z.enum(['short', 'mid', 'week', 'long']).optional(),
    /** The team's rest against its opponent's. */
    restEdge: z.enum(['more', 'same', 'less']).optional(),
    /** Points from the team's last five league matches of the season. */
    form: z.enum(['cold', 'mixed', 'hot']).optional(),
  })
  .strict();
export type PatternFilters = z.infer<typeof patternFilters>;

export const patternRow = z.object({
  patternId: z.string(),
  name: z.string(),
  description: z.string(),
  filters: patternFilters,
  market: patternMarket,
  selection: patternSelection,
  sampleSize: z.number().int(),
  hits: z.number().int(),
  hitRate: z.number(),
  /** Wilson 95% interval of the hit rate. */
  hitRateLower: z.number(),
  hitRateUpper: z.number(),
  /** Mean de-vigged closing probability of the selection: the hit rate an efficient market expects. */
  marketHitRate: z.number(),
  meanOdds: z.number(),
  /** Profit per unit staked at the reference closing price, with its 95% percentile bootstrap interval. */
  roi: z.number(),
  roiLower: z.number(),
  roiUpper: z.number(),
  /** Mean CLV of taking the same selection at the reference book's earlier price; null without one. */
  meanClv: z.number().nullable(),
  clvSample: z.number().int(),
  /** One-sided one-sample t test of the per-bet profit (H1: mean > 0). */
  pValue: z.number(),
  /** Benjamini–Hochberg (or –Yekutieli) adjusted p-value over every situation tried in the run. */
  qValue: z.number(),
  testsTried: z.number().int(),
  significant: z.boolean(),
  fdrLevel: z.number(),
  fdrMethod: fdrMethod,
  priceReference: z.string(),
  runId: z.string(),
  minedAt: z.string(),
  dataFrom: z.string().nullable(),
  dataTo: z.string().nullable(),
  /** The multiple-testing note shown beside the pattern. */
  note: z.string(),
});
export type PatternRow = z.infer<typeof patternRow>;

export const patternRun = z.object({
  runId: z.string(),
  minedAt: z.string(),
  testsTried: z.number().int(),
  significant: z.number().int(),
  fdrLevel: z.number(),
  fdrMethod: fdrMethod,
  dataFrom: z.string().nullable(),
  dataTo: z.string().nullable(),
});
export type PatternRun = z.infer<typeof patternRun>;

export const patternSort = z.enum(['qValue', 'pValue', 'roi', 'sampleSize', 'hitRate', 'meanClv', 'name']);

export const patternsListInput = z
  .object({
    sort: patternSort.default('qValue'),
    /** Default: ascending for q, p and name, descending for the others. */
    order: z.enum(['asc', 'desc']).optional(),
    market: patternMarket.optional(),
    selection: patternSelection.optional(),
    league: z.string().trim().min(1).max(20).optional(),
    /** Only situations that use this dimension (e.g. 'move'). */
    dimension: z.enum(['league', 'oddsBand', 'role', 'move', 'rest', 'restEdge', 'form']).optional(),
    significantOnly: z.boolean().default(false),
    minSample: z.number().int().min(0).optional(),
    maxQ: z.number().min(0).max(1).optional(),
    /** Case-insensitive text in the name. */
    search: z.string().trim().max(100).optional(),
    /** Default: the latest run. */
    runId: z.string().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(5000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const patternsList = z.object({
  run: patternRun.nullable(),
  /** The data-snooping warning, to show wherever patterns are ranked. */
  warning: z.string(),
  /** Rows matching the filters (before limit/offset). */
  total: z.number().int(),
  rows: z.array(patternRow),
});
export type PatternsList = z.infer<typeof patternsList>;

export const correlationRow = z.object({
  correlationId: z.string(),
  /** League code, or 'ALL'. */
  league: z.string(),
  marketA: z.string(),
  marketB: z.string(),
  description: z.string(),
  /** Empirical phi (Pearson correlation of the two 0/1 legs) with its delta-method 95% interval. */
  sampleSize: z.number().int(),
  correlation: z.number(),
  lower: z.number(),
  upper: z.number(),
  rateA: z.number(),
  rateB: z.number(),
  rateBoth: z.number(),
  /** P(both) / (P(A)·P(B)). */
  lift: z.number().nullable(),
  /** Dixon-Coles (walk-forward): phi of the model's mixture over the matches it priced, comparable with
   * the empirical one; and the mean phi within a match, what a combo of one match is priced with. */
  modelCorrelation: z.number().nullable(),
  modelWithinCorrelation: z.number().nullable(),
  /** The empirical phi over the matches the model priced (same sample as modelCorrelation). */
  modelSampleCorrelation: z.number().nullable(),
  modelSample: z.number().int(),
  runId: z.string(),
  minedAt: z.string(),
});
export type CorrelationRow = z.infer<typeof correlationRow>;

export const correlationsList = z.object({
  run: z.object({ runId: z.string(), minedAt: z.string() }).nullable(),
  note: z.string(),
  rows: z.array(correlationRow),
});
export type CorrelationsList = z.infer<typeof correlationsList>;

export const mineInput = z
  .object({
    minSample: z.number().int().min(10).max(100_000).default(100),
    fdr: z.number().gt(0).lt(1).default(0.05),
    method: fdrMethod.default('bh'),
    resamples: z.number().int().min(100).max(20_000).default(1000),
    correlations: z.boolean().default(true),
  })
  .strict();
export type MineInput = z.input<typeof mineInput>;

export const mineSummary = z.object({
  runId: z.string(),
  minedAt: z.string(),
  matches: z.number().int(),
  /** Finished matches with a reference closing price on 1X2 or totals 2.5. */
  pricedMatches: z.number().int(),
  bets: z.number().int(),
  dataFrom: z.string().nullable(),
  dataTo: z.string().nullable(),
  testsTried: z.number().int(),
  /** Cuts with fewer bets than minSample: not tested, not counted. */
  tooSmall: z.number().int(),
  significant: z.number().int(),
  fdrLevel: z.number(),
  fdrMethod: fdrMethod,
  patternsWritten: z.number().int(),
  correlationsWritten: z.number().int(),
  warning: z.string(),
  seconds: z.number(),
});
export type MineSummary = z.infer<typeof mineSummary>;

/** Said wherever patterns are ranked (ARCHITECTURE: data snooping). */
export function dataSnoopingWarning(tried: number | null, fdr = 0.05, method: 'bh' | 'by' = 'bh'): string {
  const corr = method === 'by' ? 'Benjamini–Yekutieli' : 'Benjamini–Hochberg';
  const n = tried === null ? 'Many' : `${tried.toLocaleString('en-GB')}`;
  return (
    `Searching many situations finds lucky ones (data snooping). ${n} situations were tried: a raw p-value of 0.01 ` +
    `is expected about once in every hundred cuts by chance alone. Read the q-value (${corr}, over every situation ` +
    `tried): only patterns with q ≤ ${fdr} keep the expected share of false discoveries at ${fdr}, and even they ` +
    `need checking on data they were not found on.`
  );
}

export const CORRELATIONS_NOTE =
  'Empirical phi mixes matches of every strength (strong favourites win more and see more goals), so it overstates ' +
  'the correlation inside one match. Price a combo with the model within-match phi when the model covers both ' +
  'legs; the empirical and model phi over the same matches say whether the model gets the dependence right.';

export const patternsMethods = {
  'patterns.mine': method({
    summary:
      'Agent C: mine historical situations (league, odds band, favourite/underdog, move, rest, form) and market correlations from the cache; writes market_patterns and patterns_correlations (worker job)',
    input: mineInput,
    output: mineSummary,
    job: true,
  }),
  'patterns.list': method({
    summary: 'Mined patterns with sample size, hit rate, ROI, CLV, p- and q-values and the multiple-testing note (sortable, filterable)',
    input: patternsListInput,
    output: patternsList,
  }),
  'patterns.correlations': method({
    summary: 'Correlations between markets of one match: empirical phi with its interval beside the Dixon-Coles model',
    input: z.object({ league: z.string().trim().min(1).max(20).optional(), runId: z.string().min(1).max(100).optional() }).strict(),
    output: correlationsList,
  }),
};
