import { z } from 'zod';
import { calendarDate } from './dates';
import { method } from './define';
import { pickMarket } from './picks';

// The decision layer (SPEC 5 PATRON, 6, 7): PATRON DIAMOND scores every candidate bet from weights learned
// on settled history; CONSEIL ULTIM picks and stakes the day's bets (recorded as picks, source 'conseil',
// which CLV tracking and settlement then follow); the learning loop refits the weights and logs each change.

export const tier = z.enum(['diamond', 'gold', 'silver', 'pass']);
export type Tier = z.infer<typeof tier>;

const isoDate = calendarDate('date');

export const contribution = z.object({
  input: z.string(),
  /** The input in words (which agent, what it measures). */
  label: z.string(),
  value: z.number(),
  /** Its part of the expected CLV (coefficient × standardised value); 0 when merged into another. */
  clv: z.number(),
  /** The input it was merged into (the two moved together on the history fitted): its part is counted there. */
  mergedInto: z.string().optional(),
});
export type ContributionView = z.infer<typeof contribution>;

export const patronWeightsView = z.object({
  version: z.number().int(),
  model: z.string(),
  fittedAt: z.string(),
  /** Latest kick-off among the rows fitted (nothing after it was seen). */
  trainedThrough: z.string().nullable(),
  rows: z.number().int(),
  /** Rows that were the app's own settled picks (the rest: candidates replayed on finished matches). */
  picks: z.number().int(),
  meanClv: z.number(),
  residualSd: z.number(),
  /** Coefficient per input, CLV per standard deviation of the input. */
  weights: z.record(z.string(), z.number()),
  /** Inputs merged into a collinear one before the fit (coefficient 0), with their correlation. */
  merged: z.array(z.object({ input: z.string(), into: z.string(), r: z.number() })),
  /** The score's calibration: P(beat the close) at knots of z (isotonic, bins of held-out rows), fitted on
   * held-out days [from, to] scored by a fit of the days before; null (the score is 100·Φ(z)) with the reason. */
  calibration: z
    .object({
      knots: z.array(z.object({ z: z.number(), p: z.number() })),
      from: z.string(),
      to: z.string(),
      rows: z.number().int(),
      fittedOn: z.number().int(),
    })
    .nullable(),
  calibrationNote: z.string().nullable(),
});
export type PatronWeightsView = z.infer<typeof patronWeightsView>;

export const scorerSpecial = z.object({
  player: z.string(),
  team: z.string().nullable(),
  market: z.enum(['anytime', 'first']),
  bookmaker: z.string().nullable(),
  odds: z.number().nullable(),
  fairOdds: z.number().nullable(),
  edge: z.number().nullable(),
});

export const trapWarning = z.object({
  kind: z.string(),
  severity: z.string(),
  market: z.string(),
  line: z.number().nullable(),
  selection: z.string(),
  score: z.number().nullable(),
});

export const conseilPick = z.object({
  pickId: z.string(),
  matchId: z.number().int(),
  league: z.string().nullable(),
  kickoff: z.string().nullable(),
  home: z.string().nullable(),
  away: z.string().nullable(),
  market: pickMarket,
  line: z.number().nullable(),
  selection: z.string(),
  bookmaker: z.string(),
  /** The price the bettor gets, net of the book's commission on winnings (edge, stake and CLV use it). */
  odds: z.number(),
  /** The price the book quotes, and its commission on net winnings (0 at a bookmaker). */
  quotedOdds: z.number(),
  commission: z.number(),
  fairOdds: z.number().nullable(),
  /** The model's probability the pick wins on a line that cannot push (1X2, half lines), else null; on a
   * line that can, its outcomes' probabilities when recorded (win, push, lose…). A combo leg is priced with them. */
  modelProb: z.number().nullable(),
  outcomeProbs: z.record(z.string(), z.number()).nullable(),
  edge: z.number().nullable(),
  stake: z.number(),
  confidence: z.number().nullable(),
  score: z.number(),
  tier,
  expectedClv: z.number(),
  contributions: z.array(contribution),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  /** Active traps of the match (any selection), and its best scorer prices with an edge. */
  traps: z.array(trapWarning),
  scorers: z.array(scorerSpecial),
  pickedAt: z.string(),
  /** The analyst's bets following this pick (the real prices taken). */
  placed: z.array(
    z.object({
      pickId: z.string(),
      bookmaker: z.string(),
      odds: z.number(),
      quotedOdds: z.number(),
      commission: z.number(),
      stake: z.number(),
      placedAt: z.string(),
    }),
  ),
  /** Where CLV tracking and settlement stand. */
  status: z.string(),
  clv: z.number().nullable(),
});
export type ConseilPick = z.infer<typeof conseilPick>;

/** A same-match double CONSEIL proposes (issue 18): offered = the product of the legs' net prices at one
 * book quoting both; fair = P(both) from the legs' probabilities and their correlation (source named);
 * proposed only where fair × offered − 1 is above the Settings' combo minimum edge. */
export const conseilCombo = z.object({
  comboId: z.string(),
  matchId: z.number().int(),
  league: z.string().nullable(),
  kickoff: z.string().nullable(),
  home: z.string().nullable(),
  away: z.string().nullable(),
  legs: z.array(
    z.object({
      market: pickMarket,
      line: z.number().nullable(),
      selection: z.string(),
      /** Agent B's blended probability of the leg, and its net price at the combo's book. */
      probability: z.number(),
      odds: z.number(),
      result: z.enum(['won', 'lost', 'void']).nullable(),
    }),
  ),
  bookmaker: z.string().nullable(),
  /** What the book pays for the double (net of its commission). */
  offeredOdds: z.number(),
  /** Fair price and probability with the legs' correlation, and as if they were independent. */
  fairOdds: z.number(),
  probability: z.number(),
  independentFairOdds: z.number(),
  independentProbability: z.number(),
  correlation: z.number(),
  /** Where the correlation comes from: the Dixon-Coles score matrix's exact joint, or Agent C's table. */
  correlationSource: z.string(),
  /** fair × offered − 1, with the correlation and without it. */
  edge: z.number(),
  edgeIndependent: z.number(),
  stake: z.number(),
  reasons: z.array(z.string()),
  /** open | won | lost | void | not recorded (dry run). */
  status: z.string(),
  profit: z.number().nullable(),
  pickedAt: z.string(),
});
export type ConseilCombo = z.infer<typeof conseilCombo>;

export const conseilRunInput = z
  .object({
    date: isoDate.optional().describe('the day whose fixtures are decided (default today, UTC)'),
    dryRun: z.boolean().default(false).describe('decide and report, record nothing'),
  })
  .strict();

export const conseilRun = z.object({
  date: z.string(),
  asOf: z.string(),
  patron: patronWeightsView.nullable(),
  fixtures: z.number().int(),
  candidates: z.number().int(),
  picks: z.array(conseilPick),
  /** Picks recorded by this run (a re-run records only what is new). */
  recorded: z.number().int(),
  /** Same-match doubles proposed by this run (recorded as combos unless a dry run), and the pairs refused by reason. */
  combos: z.array(conseilCombo),
  combosRecorded: z.number().int(),
  combosRefused: z.record(z.string(), z.number()),
  /** Candidates not picked, by reason (score, edge, trap veto, exposure, another selection of the line…). */
  refused: z.record(z.string(), z.number()),
  staking: z.object({ bankroll: z.number(), kellyFraction: z.number(), currency: z.string(), exposureTaken: z.number() }),
  warnings: z.array(z.string()),
  seconds: z.number(),
});
export type ConseilRun = z.infer<typeof conseilRun>;

export const picksToday = z.object({
  date: z.string(),
  picks: z.array(conseilPick),
  /** The day's proposed same-match doubles (this desk's), largest edge first. */
  combos: z.array(conseilCombo),
  patron: patronWeightsView.nullable(),
  /** Why there are no picks, when there are none (no fixtures that day, PATRON not trained yet…). */
  note: z.string().nullable(),
});
export type PicksToday = z.infer<typeof picksToday>;

export const learningEntry = z.object({
  version: z.number().int(),
  fittedAt: z.string(),
  trainedThrough: z.string().nullable(),
  rows: z.number().int(),
  picks: z.number().int(),
  /** Settled picks newly fed back to the agents (agent_feedback) by this run. */
  feedback: z.number().int(),
  /** Old → new coefficient of every input that changed. */
  changes: z.array(z.object({ input: z.string(), label: z.string(), before: z.number().nullable(), after: z.number() })),
  /** Out of sample: mean CLV of the candidates the old and the new weights would have picked on the last
   * settled days, which neither fit saw. */
  outOfSample: z
    .object({
      from: z.string(),
      to: z.string(),
      candidates: z.number().int(),
      before: z.object({ picked: z.number().int(), meanClv: z.number().nullable() }),
      after: z.object({ picked: z.number().int(), meanClv: z.number().nullable() }),
    })
    .nullable(),
  note: z.string(),
});
export type LearningEntry = z.infer<typeof learningEntry>;

export const conseilMethods = {
  'conseil.run': method({
    summary: "CONSEIL ULTIM: decide the day's picks (PATRON scores, trap veto, Kelly stakes within the exposure limits) and record them",
    input: conseilRunInput,
    output: conseilRun,
    job: true,
  }),
  'conseil.today': method({
    summary: "The day's CONSEIL picks ranked by PATRON score, with their factors, traps, scorer specials and the bets placed on them",
    input: z.object({ date: isoDate.optional() }).strict(),
    output: picksToday,
    rest: { path: '/api/unified/picks-today' },
  }),
  'conseil.learn': method({
    summary: 'Learning loop: settled picks feed agent_feedback; PATRON weights refitted on settled history; the change logged',
    input: z.object({}).strict(),
    output: learningEntry,
    job: true,
  }),
  'conseil.learningLog': method({
    summary: 'The learning log: every PATRON refit, what changed, on how many settled rows, and its out-of-sample effect',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ entries: z.array(learningEntry) }),
    rest: { path: '/api/unified/learning-log' },
  }),
};
