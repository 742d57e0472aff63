import { z } from 'zod';
import { method } from './define';
import { boardMatch, marketKind, quotePoint } from './market';
import { scorer, teamScorers } from './analysis';

// Market intelligence (SPEC 5, 7, 9): Agent A (anomalies), the FERRARI trap detector, scorer markets.

export const findingKind = z.enum(['steam', 'outlier', 'reverse_line']);
export type FindingKind = z.infer<typeof findingKind>;
export const FINDING_KINDS = findingKind.options;

/** One thing Agent A saw in the prices of one selection. */
export const finding = z.object({
  /** Deterministic: the same prices give the same id (a re-run changes nothing). */
  id: z.string(),
  kind: findingKind,
  matchId: z.number().int(),
  market: marketKind,
  line: z.number().nullable(),
  selection: z.string(),
  /** Steam: the book that moved first; outlier: the book off the others; reverse line: the sharp book. */
  bookmaker: z.string().nullable(),
  /** When it happened (steam: the first move; outlier and reverse line: when the situation began). */
  at: z.string(),
  /** When it stopped (an outlier quote corrected, a reversal completed); null while it lasts. */
  endAt: z.string().nullable(),
  /** 0..100: how strong and how clear. */
  score: z.number().min(0).max(100),
  /** A sentence a person can check against the prices. */
  explanation: z.string(),
  books: z.array(z.string()),
  /** Consensus fair probability of the selection before and after. */
  probBefore: z.number().nullable(),
  probAfter: z.number().nullable(),
  /** How much of the move the sharp price already holds: sharp move / consensus move (≥ 1: the sharp
   * led and the consensus has not caught up). null without a sharp quote. */
  sharpHeld: z.number().nullable(),
});
export type Finding = z.infer<typeof finding>;

export const trapKind = z.enum(['inflated_favourite', 'against_sharp', 'too_good', 'compound']);
export type TrapKind = z.infer<typeof trapKind>;
export const TRAP_KINDS = trapKind.options;
export const trapSignal = z.enum(['inflated_favourite', 'against_sharp', 'too_good']);
export type TrapSignal = z.infer<typeof trapSignal>;
export const trapSeverity = z.enum(['low', 'medium', 'high']);
export type TrapSeverity = z.infer<typeof trapSeverity>;

export const trap = z.object({
  trapId: z.string(),
  match: boardMatch,
  market: marketKind,
  line: z.number().nullable(),
  selection: z.string(),
  /** The book whose price is the trap (the shortest soft price, or the too-good quote). */
  bookmaker: z.string().nullable(),
  kind: trapKind,
  /** The signals seen on this selection (two or more make it compound). */
  signals: z.array(trapSignal),
  severity: trapSeverity,
  score: z.number().min(0).max(100),
  explanation: z.string(),
  /** The trap price, the sharp book's de-vigged fair odds and the price's edge against it. */
  odds: z.number().nullable(),
  fairOdds: z.number().nullable(),
  edge: z.number().nullable(),
  books: z.array(z.string()),
  /** Backing the selection in similar past situations of the synced history: ROI per unit and count. */
  historicalRoi: z.number().nullable(),
  historicalN: z.number().int().nullable(),
  status: z.enum(['active', 'expired']),
  detectedAt: z.string(),
  expiredAt: z.string().nullable(),
});
export type Trap = z.infer<typeof trap>;

export const similarSituation = z.object({
  matchId: z.number().int(),
  kickoff: z.string(),
  home: z.string(),
  away: z.string(),
  selection: z.string(),
  odds: z.number(),
  fairOdds: z.number().nullable(),
  won: z.boolean(),
  profit: z.number(),
});

export const trapDetail = z.object({
  trap,
  /** Every quote of the books involved on the trap's selection, with the sharp book first. */
  series: z.array(z.object({ bookmaker: z.string(), sharp: z.boolean(), points: z.array(quotePoint) })),
  /** When each signal held, as the detector saw it. */
  evidence: z.record(z.string(), z.unknown()),
  similar: z.object({ n: z.number().int(), roi: z.number().nullable(), situations: z.array(similarSituation) }),
});
export type TrapDetail = z.infer<typeof trapDetail>;

const count = z.number().int().nonnegative();

export const agentRunSummary = z.object({
  mode: z.enum(['full', 'incremental']),
  asOf: z.string(),
  startedAt: z.string(),
  ms: z.number().nonnegative(),
  /** Matches examined (incremental: only those whose quotes changed since the last run). */
  matches: count,
  quotes: count,
  findings: z.array(z.object({ kind: findingKind, found: count, written: count })),
  traps: z.object({
    found: count,
    written: count,
    active: count,
    expired: count,
    byKind: z.array(z.object({ kind: trapKind, count })),
  }),
  scorerPicks: z.object({ found: count, written: count, note: z.string().nullable() }),
  history: z.object({ matches: count, situations: count }),
  /** What was left out and why (bad quotes, incomplete markets, matches without kick-off...). */
  skipped: z.array(z.object({ reason: z.string(), count, example: z.string().nullable() })),
  /** Alerts raised by this run (only when the app asked for them). */
  alerts: count,
});
export type AgentRunSummary = z.infer<typeof agentRunSummary>;

export const ferrariHealth = z.object({
  status: z.enum(['ok', 'stale', 'no-data']),
  source: z.object({ kind: z.string(), label: z.string(), reachable: z.boolean() }),
  cache: z.object({ lastSyncAt: z.string().nullable(), ageSeconds: z.number().nullable() }),
  lastAgentRun: z
    .object({ at: z.string(), mode: z.enum(['full', 'incremental']), ms: z.number(), matches: count, findings: count, traps: count })
    .nullable(),
  activeTraps: count,
});
export type FerrariHealth = z.infer<typeof ferrariHealth>;

/** One price of a scorer market against the model. */
export const scorerPrice = z.object({
  bestOdds: z.number().nullable(),
  bestBook: z.string().nullable(),
  books: count,
  /** 1 / the model's probability. */
  fairOdds: z.number().nullable(),
  /** model probability × best odds − 1. */
  edge: z.number().nullable(),
  /** 0..100: the edge scaled by how sure the model is (more minutes, more goals). */
  valueRating: z.number().nullable(),
});
export const ferrariScorer = scorer.extend({ market: z.object({ anytime: scorerPrice, first: scorerPrice }) });
export type FerrariScorer = z.infer<typeof ferrariScorer>;
export const bookBias = z.object({
  bookmaker: z.string(),
  market: z.enum(['anytime', 'first']),
  /** Mean of (implied probability / model probability − 1) over the team's priced scorers: > 0 shades them short. */
  bias: z.number(),
  n: count,
});
export const ferrariTeamScorers = teamScorers.extend({
  scorers: z.array(ferrariScorer),
  bookBias: z.array(bookBias),
  /** Why there are no market prices (no odds_scorers table synced, no quotes for the match). */
  marketNote: z.string().nullable(),
});
export type FerrariTeamScorers = z.infer<typeof ferrariTeamScorers>;

const teamName = z.string().trim().min(1).max(100);

export const intelMethods = {
  'agents.run': method({
    summary:
      'Agent A (steam, outliers, reverse lines), the FERRARI trap detector and scorer market picks over the cache (writer job); incremental: only matches whose quotes changed',
    input: z.object({ full: z.boolean().default(false) }).strict(),
    output: agentRunSummary,
    job: true,
  }),
  'agents.findings': method({
    summary: "Agent A's findings on upcoming matches, newest first",
    input: z
      .object({
        matchId: z.number().int().optional(),
        kind: findingKind.optional(),
        limit: z.number().int().positive().max(5000).default(500),
      })
      .strict(),
    output: z.array(finding.extend({ match: boardMatch })),
  }),
  'ferrari.trapsActive': method({
    summary: 'Active market traps of upcoming matches (highest score first)',
    input: z.object({ limit: z.number().int().positive().max(5000).default(1000) }).strict(),
    output: z.array(trap),
    rest: { path: '/api/unified/traps-active' },
  }),
  'ferrari.matchTraps': method({
    summary: 'Every trap of one match, active and expired',
    input: z.object({ matchId: z.number().int() }).strict(),
    output: z.array(trap),
  }),
  'ferrari.traps': method({
    summary: 'Traps of the next match of home against away (active and expired); unknown teams are NOT_FOUND',
    input: z.object({ home: teamName, away: teamName }).strict(),
    output: z.object({ match: boardMatch.nullable(), traps: z.array(trap) }),
    rest: { path: '/api/ferrari/traps/{home}/{away}' },
  }),
  'ferrari.trap': method({
    summary: "One trap's evidence: the prices of the books involved over time and the similar past situations",
    input: z.object({ trapId: z.string().min(1).max(300) }).strict(),
    output: trapDetail,
  }),
  'ferrari.health': method({
    summary: 'FERRARI health: the source, the age of the cache, the last agent run, active traps',
    input: z.object({}).strict(),
    output: ferrariHealth,
    rest: { path: '/api/ferrari/health' },
  }),
  'analysis.ferrariScorers': method({
    summary: "FERRARI scorer cards of a team: anytime and first-scorer probabilities, each book's best price, edge and bias",
    input: z.object({ team: teamName }).strict(),
    output: ferrariTeamScorers,
    rest: { path: '/api/ferrari/scorers/{team}' },
  }),
};
