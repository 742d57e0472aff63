import { z } from 'zod';
import { calendarDate, isoInstant, orderedRange } from './dates';
import { method } from './define';

// Pick tracking (SPEC 6): every pick with what it was decided on, the analyst's placed bets, the
// closing line and CLV captured at kick-off, settlement from the result; combos; and the
// Performance and Historique panels' reads.
//
// Conventions:
// - market '1x2' (line null; selection home | draw | away), 'totals' (line = goals, ≥ 0; over | under),
//   'spreads' (Asian handicap; line = the HOME team's handicap as in odds_spreads, for both sides:
//   "away +0.75" is selection 'away', line −0.75). Lines are multiples of 0.25 (quarter lines settle
//   as two half-stakes).
// - CLV = odds taken × de-vigged (multiplicative) closing probability − 1, against the reference
//   closing line: the sharp book (bookmakers.is_sharp), else the exchange (is_exchange), else the
//   average of the books quoting the whole market. A missing closing price is null, never 0.
// - Combo legs are keyed for patterns_correlations (market_a, market_b) as `comboLegKey` writes them.

export const pickMarket = z.enum(['1x2', 'totals', 'spreads']);
/** The market combos count under in Performance and the reports (their legs are not picks). */
export const COMBO_MARKET = 'combo';
export type PickMarket = z.infer<typeof pickMarket>;
export const PICK_SELECTIONS: Record<PickMarket, readonly string[]> = {
  '1x2': ['home', 'draw', 'away'],
  totals: ['over', 'under'],
  spreads: ['home', 'away'],
};
export const pickKind = z.enum(['pick', 'bet']);
export type PickKind = z.infer<typeof pickKind>;
export const settlementResult = z.enum(['won', 'half_won', 'void', 'half_lost', 'lost']);
export const closingStatus = z.enum(['closing', 'last_quote', 'missing']);

const isoTime = isoInstant;
const isoDate = calendarDate;

/** Decimal odds as a bettor takes them: a finite price above 1. */
export const decimalOdds = (what = 'odds') =>
  z
    .number({ error: (i) => (i.input === undefined ? `${what} is required` : `${what} must be a number`) })
    .gt(1, { error: `${what} must be a decimal price above 1 (a price of 1 or less returns nothing)` })
    .lt(10_000, { error: `${what} must be below 10000` });
const stakeOf = (what = 'stake') =>
  z
    .number({ error: (i) => (i.input === undefined ? `${what} is required` : `${what} must be a number`) })
    .min(0, { error: `${what} must not be negative` })
    .max(1e9, { error: `${what} is implausibly large` });
const probability = (what: string) =>
  z
    .number()
    .min(0, { error: `${what} must be in [0, 1]` })
    .max(1, { error: `${what} must be in [0, 1]` });
const id = (what: string) =>
  z
    .string()
    .min(1, { error: `${what} must not be empty` })
    .max(100, { error: `${what} is longer than 100 characters` })
    .regex(/^[A-Za-z0-9._:-]+$/, { error: `${what} may hold only letters, digits and . _ : -` });
const bookmakerCode = z
  .string({ error: 'bookmaker is required' })
  .trim()
  .min(1, { error: 'bookmaker is required' })
  .max(40, { error: 'bookmaker is longer than 40 characters' });
const line = z
  .number()
  .refine((l) => Number.isFinite(l) && Math.abs(l * 4 - Math.round(l * 4)) < 1e-9 && Math.abs(l) <= 20, {
    error: 'line must be a multiple of 0.25 between -20 and 20',
  })
  .nullable();

/** The market, line and selection of a pick are consistent (SPEC conventions above). */
function checkMarket(v: { market?: PickMarket; line?: number | null; selection?: string }, ctx: z.RefinementCtx): void {
  if (!v.market) return;
  const sels = PICK_SELECTIONS[v.market];
  if (v.selection !== undefined && !sels.includes(v.selection))
    ctx.addIssue({ code: 'custom', path: ['selection'], message: `selection of a ${v.market} pick must be one of ${sels.join(', ')}` });
  if (v.market === '1x2' && v.line !== null && v.line !== undefined)
    ctx.addIssue({ code: 'custom', path: ['line'], message: 'a 1x2 pick has no line (leave it null)' });
  if (v.market !== '1x2' && (v.line === null || v.line === undefined))
    ctx.addIssue({ code: 'custom', path: ['line'], message: `a ${v.market} pick needs its line` });
  if (v.market === 'totals' && typeof v.line === 'number' && v.line < 0)
    ctx.addIssue({ code: 'custom', path: ['line'], message: 'a totals line is a number of goals (≥ 0)' });
}

/** One quote the decision saw. */
export const snapshotQuote = z.object({
  bookmaker: z.string().min(1),
  selection: z.string().min(1),
  line: z.number().nullable().default(null),
  odds: z.number().gt(1),
  observedAt: isoTime('observedAt'),
});
export type SnapshotQuote = z.infer<typeof snapshotQuote>;

const outcomeProbs = z
  .object({
    won: probability('won'),
    half_won: probability('half_won'),
    void: probability('void'),
    half_lost: probability('half_lost'),
    lost: probability('lost'),
  })
  .partial()
  .strict()
  .refine((o) => Math.abs(Object.values(o).reduce((a, p) => a + (p ?? 0), 0) - 1) < 1e-6, { error: 'outcomeProbs must sum to 1' });

/** What the decision was made on: enough to explain and replay the pick. */
export const pickDecision = z
  .object({
    /** Version of the engine/model that decided (e.g. 'conseil-ultim 1.0 / dixon-coles xi=0.0019'). */
    modelVersion: z.string().min(1, { error: 'decision.modelVersion is required' }).max(200),
    /** Its parameters as used (fit date, xi, thresholds, Kelly fraction…). */
    modelParams: z.record(z.string(), z.unknown()),
    /** Weights of the inputs as combined (PATRON weights, blend weights). */
    weights: z.record(z.string(), z.number()),
    /** The quotes seen when deciding; must hold the price taken (bookmaker, selection, line, odds). */
    oddsSnapshot: z.array(snapshotQuote).min(1, { error: 'decision.oddsSnapshot must hold the quotes the pick was decided on' }).max(500),
    /** Agent scores, PATRON tier, traps, patterns, coach matchup…: whatever the engine read. */
    inputs: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type PickDecision = z.infer<typeof pickDecision>;

/** A book's commission on net winnings (0.05 = 5%). */
const commissionRate = z
  .number({ error: 'commission must be a number' })
  .min(0, 'a commission cannot be negative')
  .lt(1, 'a commission is a share of the winnings, under 1');

/** A pick as the decision engine (or an agent) records it. */
export const pickInput = z
  .object({
    /** The engine's own id (idempotent retries); generated when left out. */
    pickId: id('pickId').optional(),
    matchId: z.number().int(),
    market: pickMarket,
    line: line.default(null),
    selection: z.string(),
    bookmaker: bookmakerCode,
    /** The price the book quotes (as the odds snapshot shows it). */
    odds: decimalOdds('odds'),
    /** The book's commission on net winnings (0.05 = 5%); left out: the book's own (Settings, else an
     * exchange's 5%, a bookmaker's 0). The pick is tracked at the net price 1 + (odds − 1)·(1 − commission). */
    commission: z
      .number({ error: 'commission must be a number' })
      .min(0, 'a commission cannot be negative')
      .lt(1, 'a commission is a share of the winnings, under 1')
      .optional(),
    stake: stakeOf('stake'),
    /** When the pick was made (default: now); must be before kick-off. */
    pickedAt: isoTime('pickedAt').optional(),
    /** Which engine or agent proposed it: 'conseil', 'agent-b', … */
    source: z.string().trim().min(1).max(60).default('conseil'),
    fairOdds: z.number().gt(1).nullable().default(null),
    /** Probability the pick wins (win/lose markets); for lines that push, outcomeProbs. */
    modelProb: probability('modelProb').nullable().default(null),
    outcomeProbs: outcomeProbs.nullable().default(null),
    edge: z.number().nullable().default(null),
    confidence: probability('confidence').nullable().default(null),
    reasons: z.array(z.string().max(500)).max(50).default([]),
    warnings: z.array(z.string().max(500)).max(50).default([]),
    decision: pickDecision,
  })
  .strict()
  .superRefine((v, ctx) => {
    checkMarket(v, ctx);
    const taken = v.decision.oddsSnapshot.some(
      (q) =>
        q.bookmaker === v.bookmaker &&
        q.selection === v.selection &&
        (q.line ?? null) === (v.line ?? null) &&
        Math.abs(q.odds - v.odds) < 1e-9,
    );
    if (!taken)
      ctx.addIssue({
        code: 'custom',
        path: ['decision', 'oddsSnapshot'],
        message: `the odds snapshot has no quote of ${v.bookmaker} at ${v.odds} for ${v.selection}: it must show the price taken`,
      });
  });
export type PickInput = z.input<typeof pickInput>;

/** The analyst's own bet: placed at a real price with a real book, following a pick or not. */
export const placeBetInput = z
  .object({
    /** The pick it follows: match, market, line and selection come from it. */
    pickId: id('pickId').optional(),
    matchId: z.number().int().optional(),
    market: pickMarket.optional(),
    line: line.optional(),
    selection: z.string().optional(),
    bookmaker: bookmakerCode,
    /** The price the book quoted when the bet was placed. */
    odds: decimalOdds('odds'),
    /** The book's commission on net winnings (0.05 = 5%); left out: the book's own (Settings, else an
     * exchange's 5%, a bookmaker's 0). The pick is tracked at the net price 1 + (odds − 1)·(1 − commission). */
    commission: z
      .number({ error: 'commission must be a number' })
      .min(0, 'a commission cannot be negative')
      .lt(1, 'a commission is a share of the winnings, under 1')
      .optional(),
    stake: stakeOf('stake').refine((s) => s !== 0, { error: 'stake of a placed bet must be above 0' }),
    placedAt: isoTime('placedAt').optional(),
    note: z.string().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.pickId) {
      for (const k of ['matchId', 'market', 'line', 'selection'] as const)
        if (v[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${k} comes from the pick: leave it out with pickId` });
      return;
    }
    if (v.matchId === undefined) ctx.addIssue({ code: 'custom', path: ['matchId'], message: 'matchId is required (or a pickId)' });
    if (v.market === undefined) ctx.addIssue({ code: 'custom', path: ['market'], message: 'market is required (or a pickId)' });
    if (v.selection === undefined) ctx.addIssue({ code: 'custom', path: ['selection'], message: 'selection is required (or a pickId)' });
    checkMarket({ ...v, line: v.line ?? null }, ctx);
  });
export type PlaceBetInput = z.input<typeof placeBetInput>;

const matchInfo = {
  matchId: z.number().int(),
  league: z.string().nullable(),
  kickoff: z.string().nullable(),
  home: z.string().nullable(),
  away: z.string().nullable(),
  matchStatus: z.string().nullable(),
  homeGoals: z.number().int().nullable(),
  awayGoals: z.number().int().nullable(),
};

/** One pick or bet as the Historique grid shows it. */
export const pickRow = z.object({
  pickId: z.string(),
  /** The desk that wrote it; null for a row from before desks had identities (unknown). */
  deskId: z.string().nullable(),
  /** That desk's name as published to the source (this desk's own always); null: unknown (a row from
   * before desks, or a desk whose name has not reached this cache yet: its id is shown). */
  deskName: z.string().nullable(),
  kind: pickKind,
  parentPickId: z.string().nullable(),
  ...matchInfo,
  market: z.string(),
  line: z.number().nullable(),
  selection: z.string(),
  bookmaker: z.string(),
  /** The price the bettor gets, net of the book's commission on winnings: CLV, settlement and ROI use it. */
  odds: z.number(),
  /** The price the book quoted and its commission (a row recorded before commissions were counted: its
   * odds, 0). */
  quotedOdds: z.number(),
  commission: z.number(),
  stake: z.number(),
  fairOdds: z.number().nullable(),
  /** The probability decided on (a placed bet: the one of the pick it follows), and for lines that
   * push the probability of each result. */
  modelProb: z.number().nullable(),
  outcomeProbs: z.record(z.string(), z.number()).nullable(),
  edge: z.number().nullable(),
  confidence: z.number().nullable(),
  source: z.string(),
  pickedAt: z.string(),
  closingOdds: z.number().nullable(),
  closingFairOdds: z.number().nullable(),
  closingReference: z.string().nullable(),
  closingStatus: closingStatus.nullable(),
  closingBookOdds: z.number().nullable(),
  clv: z.number().nullable(),
  clvRaw: z.number().nullable(),
  result: settlementResult.nullable(),
  profit: z.number().nullable(),
  settledAt: z.string().nullable(),
  settlementNote: z.string().nullable(),
  /** open: not settled; the rest as result. */
  state: z.enum(['open', 'won', 'half_won', 'void', 'half_lost', 'lost']),
});
export type PickRow = z.infer<typeof pickRow>;

export const pickDetail = pickRow.extend({
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  note: z.string().nullable(),
  decision: z
    .object({
      modelVersion: z.string().nullable(),
      modelParams: z.record(z.string(), z.unknown()).nullable(),
      weights: z.record(z.string(), z.unknown()).nullable(),
      oddsSnapshot: z.array(z.record(z.string(), z.unknown())).nullable(),
      inputs: z.record(z.string(), z.unknown()).nullable(),
    })
    .nullable(),
  closingObservedAt: z.string().nullable(),
  capturedAt: z.string().nullable(),
  /** Bets placed following this pick; the pick a bet follows. */
  bets: z.array(pickRow),
  parent: pickRow.nullable(),
});
export type PickDetail = z.infer<typeof pickDetail>;

export const deskScope = z.enum(['mine', 'team']);
export type DeskScope = z.infer<typeof deskScope>;

const pickFilterShape = z
  .object({
    kind: z.enum(['pick', 'bet', 'all']).default('all'),
    state: z.enum(['open', 'settled', 'all']).default('all'),
    /** Kick-off dates, inclusive (UTC). */
    from: isoDate('from').optional(),
    to: isoDate('to').optional(),
    /** A pick market, or 'combo': the combos (Performance counts them as their own market). */
    market: z.union([pickMarket, z.literal(COMBO_MARKET)]).optional(),
    league: z.string().max(20).optional(),
    bookmaker: z.string().max(40).optional(),
    source: z.string().max(60).optional(),
    matchId: z.number().int().optional(),
    /** Whose rows (issue 18, a team on one database): 'mine' this desk's only; 'team' every desk's,
     * with the rows written before desks had identities (their desk is unknown). */
    desk: deskScope.default('team'),
  })
  .strict();
export const pickFilter = pickFilterShape.superRefine(orderedRange());
export type PickFilter = z.input<typeof pickFilter>;

// Combos: accumulators and goalscorer combos (fg_combo_tracking).

export const comboKind = z.enum(['first_goalscorer', 'anytime_goalscorer', 'accumulator']);
export const comboLegMarket = z.enum(['1x2', 'totals', 'spreads', 'first_goalscorer', 'anytime_goalscorer']);
export type ComboLegMarket = z.infer<typeof comboLegMarket>;

export const comboLegInput = z
  .object({
    matchId: z.number().int(),
    market: comboLegMarket,
    line: line.default(null),
    /** home | draw | away | over | under, or a player id (as text) for goalscorer legs. */
    selection: z.string().min(1),
    /** The leg's own price (a void leg divides the combo's odds by it). */
    odds: decimalOdds('leg odds'),
    /** The leg's probability under the model. */
    probability: z.number().gt(0, { error: 'leg probability must be in (0, 1)' }).lt(1, { error: 'leg probability must be in (0, 1)' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.market === 'first_goalscorer' || v.market === 'anytime_goalscorer') {
      if (!/^\d+$/.test(v.selection))
        ctx.addIssue({ code: 'custom', path: ['selection'], message: 'a goalscorer leg selects a player id' });
      if (v.line !== null) ctx.addIssue({ code: 'custom', path: ['line'], message: 'a goalscorer leg has no line' });
      return;
    }
    checkMarket({ market: v.market, line: v.line, selection: v.selection }, ctx);
    // a leg must win or lose whole (or be void): half results would leave the combo half-settled
    if (v.line !== null && Math.abs(v.line * 2 - Math.round(v.line * 2)) > 1e-9)
      ctx.addIssue({ code: 'custom', path: ['line'], message: 'combo legs take whole or half lines, not quarter lines' });
  });
export type ComboLegInput = z.input<typeof comboLegInput>;

const comboShape = z
  .object({
    comboId: id('comboId').optional(),
    kind: comboKind,
    legs: z.array(comboLegInput).min(2, { error: 'a combo has at least two legs' }).max(12),
    /** The price the book quoted for the whole combo. */
    odds: decimalOdds('odds'),
    /** The book's commission on net winnings; left out: the book's own (Settings, else an exchange's
     * 5%, a bookmaker's 0; no book: 0). The combo is tracked at the net price 1 + (odds − 1)·(1 − commission). */
    commission: commissionRate.optional(),
    stake: stakeOf('stake'),
    bookmaker: bookmakerCode.optional(),
    source: z.string().trim().min(1).max(60).default('conseil'),
    pickedAt: isoTime('pickedAt').optional(),
    /** Correlations of same-match leg pairs (indices into legs), overriding patterns_correlations. */
    correlations: z
      .array(
        z
          .object({
            legs: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
            value: z.number().min(-1).max(1),
            /** Where the value comes from (e.g. the model's score matrix), kept with the pricing; default 'given'. */
            source: z.string().trim().min(1).max(200).optional(),
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict();
export const comboInput = comboShape;
export type ComboInput = z.input<typeof comboInput>;

/** A combo priced before it is recorded (picks.priceCombo): the same legs and checks, the price taken
 * and the stake not needed yet. */
export const comboPriceInput = comboShape
  .omit({ comboId: true, stake: true, source: true })
  .extend({ odds: decimalOdds('odds').optional() });
export type ComboPriceInput = z.input<typeof comboPriceInput>;

export const comboLegRow = z.object({
  matchId: z.number().int(),
  market: comboLegMarket,
  line: z.number().nullable(),
  selection: z.string(),
  /** Player name for goalscorer legs; the match for the others. */
  label: z.string(),
  odds: z.number(),
  probability: z.number(),
  result: z.enum(['won', 'lost', 'void']).nullable(),
});

export const comboPricing = z.object({
  matchId: z.number().int(),
  legs: z.array(z.number().int()),
  correlation: z.number(),
  correlationSource: z.string(),
  probability: z.number(),
  lift: z.number().nullable(),
});

export const comboPreview = z.object({
  /** P(every leg wins) with the same-match legs' correlations, and its fair price. */
  modelProb: z.number(),
  fairOdds: z.number(),
  /** The product of the legs' probabilities, and its price: what ignoring the correlation would say. */
  independentProb: z.number(),
  independentFairOdds: z.number(),
  /** Each same-match pair: its correlation and where it came from. */
  pricing: z.array(comboPricing),
  legs: z.array(z.object({ label: z.string(), key: z.string() })),
  bookmaker: z.string().nullable(),
  /** With a price given: the quoted price, the commission counted, the net price and the edge at it. */
  quotedOdds: z.number().nullable(),
  commission: z.number().nullable(),
  netOdds: z.number().nullable(),
  edge: z.number().nullable(),
});
export type ComboPreview = z.infer<typeof comboPreview>;

export const comboRow = z.object({
  comboId: z.string(),
  /** The desk that wrote it; null for a combo from before desks had identities. */
  deskId: z.string().nullable(),
  kind: comboKind,
  source: z.string().nullable(),
  bookmaker: z.string().nullable(),
  pickedAt: z.string().nullable(),
  legs: z.array(comboLegRow),
  /** The price the bettor gets, net of the book's commission on winnings (settlement and ROI use it). */
  odds: z.number(),
  /** The price the book quoted and its commission (a combo recorded before commissions: its odds, 0). */
  quotedOdds: z.number(),
  commission: z.number(),
  stake: z.number(),
  modelProb: z.number().nullable(),
  fairOdds: z.number().nullable(),
  independentProb: z.number().nullable(),
  pricing: z.array(comboPricing),
  result: z.enum(['won', 'lost', 'void']).nullable(),
  profit: z.number().nullable(),
  settledAt: z.string().nullable(),
  settlementNote: z.string().nullable(),
});
export type ComboRow = z.infer<typeof comboRow>;

// Settlement and performance.

export const settleReport = z.object({
  at: z.string(),
  closing: z.object({
    candidates: z.number().int(),
    captured: z.number().int(),
    lastQuote: z.number().int(),
    missing: z.number().int(),
    written: z.number().int(),
  }),
  results: z.object({
    candidates: z.number().int(),
    settled: z.number().int(),
    resettled: z.number().int(),
    voided: z.number().int(),
    written: z.number().int(),
  }),
  combos: z.object({ candidates: z.number().int(), settled: z.number().int(), written: z.number().int() }),
  /** What could not be done and why (a pick on a match the cache lacks, a finished match without a score). */
  notes: z.array(z.string()),
  seconds: z.number(),
});
export type SettleReport = z.infer<typeof settleReport>;

export const breakdownRow = z.object({
  key: z.string(),
  bets: z.number().int(),
  settled: z.number().int(),
  staked: z.number(),
  profit: z.number(),
  roi: z.number().nullable(),
  /** 95% interval of the ROI (delta method, t): null under 2 settled bets. */
  roiLower: z.number().nullable(),
  roiUpper: z.number().nullable(),
  hitRate: z.number().nullable(),
  meanClv: z.number().nullable(),
  clvBets: z.number().int(),
  /** Share of the bets with a CLV that beat the close (CLV > 0). */
  beatClose: z.number().nullable(),
});
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const performanceInput = pickFilterShape
  .omit({ state: true })
  .extend({
    /** staked: the recorded stakes (stake-0 picks left out); flat: one unit on every pick. */
    staking: z.enum(['staked', 'flat']).default('staked'),
  })
  .strict()
  .superRefine(orderedRange());
export type PerformanceInput = z.input<typeof performanceInput>;

export const performance = z.object({
  generatedAt: z.string(),
  staking: z.enum(['staked', 'flat']),
  counts: z.object({
    bets: z.number().int(),
    open: z.number().int(),
    settled: z.number().int(),
    /** Settled but left out of the ledger under 'staked': stake 0, or a stored profit its stake cannot give. */
    unstaked: z.number().int(),
    withClv: z.number().int(),
    clvMissing: z.number().int(),
  }),
  summary: z
    .object({
      staked: z.number(),
      profit: z.number(),
      roi: z.number(),
      roiLower: z.number(),
      roiUpper: z.number(),
      hitRate: z.number().nullable(),
      averageOdds: z.number(),
      maxDrawdown: z.number(),
      longestLosingStreak: z.number().int(),
      meanClv: z.number().nullable(),
    })
    .nullable(),
  /** Settled bets in kick-off order: cumulative profit, and the expected profit with its sd over the
   * bets with a model probability (the same bets' realised profit beside it). */
  curve: z.object({
    at: z.array(z.string()),
    profit: z.array(z.number()),
    /** Running ROI: cumulative profit over cumulative stakes. */
    roi: z.array(z.number()),
    /** Σ stake × CLV: the profit the closing line expected. */
    clvExpected: z.array(z.number().nullable()),
  }),
  band: z
    .object({
      bets: z.number().int(),
      at: z.array(z.string()),
      realised: z.array(z.number()),
      expected: z.array(z.number()),
      sd: z.array(z.number()),
    })
    .nullable(),
  clvHistogram: z.array(z.object({ lower: z.number(), upper: z.number(), count: z.number().int() })),
  /** Mean CLV per ISO week of kick-off (Monday), with the running mean. */
  clvByWeek: z.array(z.object({ week: z.string(), bets: z.number().int(), meanClv: z.number(), runningMeanClv: z.number() })),
  roiByMonth: z.array(z.object({ month: z.string(), bets: z.number().int(), staked: z.number(), profit: z.number(), roi: z.number() })),
  by: z.object({
    agent: z.array(breakdownRow),
    league: z.array(breakdownRow),
    market: z.array(breakdownRow),
    bookmaker: z.array(breakdownRow),
    oddsBand: z.array(breakdownRow),
    timeToKickoff: z.array(breakdownRow),
  }),
  calibration: z.object({
    bets: z.number().int(),
    brier: z.number().nullable(),
    bins: z.array(
      z.object({
        lower: z.number(),
        upper: z.number(),
        count: z.number().int(),
        meanPredicted: z.number().nullable(),
        observedRate: z.number().nullable(),
      }),
    ),
  }),
  /** The seed's KPIs over the engine's picks (kind 'pick'), whatever the filters: mean CLV and ROI of the
   * picks made in the last 30 days, picks and traps per day over the last `days`. Active tables come
   * from the inventory. */
  kpis: z.object({
    meanClv: z.number().nullable(),
    monthlyRoi: z.number().nullable(),
    month: z.string(),
    picksPerDay: z.number(),
    trapsPerDay: z.number().nullable(),
    /** Over the last `days` days before `asOf`. */
    days: z.number().int(),
    asOf: z.string(),
  }),
});
export type Performance = z.infer<typeof performance>;

export const pickOptions = z.object({
  bookmakers: z.array(z.object({ code: z.string(), name: z.string(), sharp: z.boolean(), exchange: z.boolean() })),
  leagues: z.array(z.object({ code: z.string(), name: z.string() })),
  sources: z.array(z.string()),
});
export type PickOptions = z.infer<typeof pickOptions>;

const settleInput = z.object({ now: isoTime('now').optional() }).strict();

export const picksMethods = {
  'picks.record': method({
    summary: 'Record picks (the decision engine, an agent): validated against the cache, written to tracking_clv_picks and published',
    input: z.object({ picks: z.array(pickInput).min(1).max(1000) }).strict(),
    output: z.object({ picks: z.array(pickRow) }),
  }),
  'picks.place': method({
    summary: "Record the analyst's own bet: placed at a real price with a known book (following a pick or not); CLV tracking follows it",
    input: placeBetInput,
    output: pickRow,
  }),
  'picks.get': method({
    summary: 'One pick or bet with what it was decided on, its closing line and settlement, and the bets that follow it',
    input: z.object({ pickId: id('pickId') }).strict(),
    output: pickDetail,
  }),
  'picks.list': method({
    summary: 'Picks and bets with their closing line and settlement (Historique)',
    input: pickFilterShape
      .extend({ limit: z.number().int().positive().max(100_000).default(20_000) })
      .strict()
      .superRefine(orderedRange()),
    output: z.object({ rows: z.array(pickRow), total: z.number().int(), truncated: z.boolean() }),
  }),
  'picks.performance': method({
    summary: 'Profit, ROI, CLV, realised against expected, calibration and breakdowns of the settled picks (Performance)',
    input: performanceInput,
    output: performance,
  }),
  'picks.options': method({
    summary: 'Bookmakers, leagues and sources for the filters and the bet form',
    input: z.object({}).strict(),
    output: pickOptions,
  }),
  'picks.settle': method({
    summary: 'Capture closing lines of kicked-off picks and settle picks and combos from the results, now (also after every sync)',
    input: settleInput,
    output: settleReport,
    job: true,
  }),
  'picks.recordCombo': method({
    summary: 'Record an accumulator or goalscorer combo, priced with the correlations of its same-match legs (fg_combo_tracking)',
    input: comboInput,
    output: comboRow,
  }),
  'picks.priceCombo': method({
    summary:
      'Price a combo without recording it: the same checks and pricing as picks.recordCombo (correlation included, its source named, the independent price beside it), and the net price and edge at a price given',
    input: comboPriceInput,
    output: comboPreview,
  }),
  'picks.combos': method({
    summary: 'Combos with their legs, pricing and leg-by-leg settlement',
    input: z
      .object({
        limit: z.number().int().positive().max(20_000).default(2_000),
        /** 'mine' this desk's combos; 'team' every desk's (the default). */
        desk: deskScope.default('team'),
      })
      .strict(),
    output: z.array(comboRow),
  }),
};
