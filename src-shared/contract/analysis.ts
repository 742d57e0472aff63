import { z } from 'zod';
import { method } from './define';
import { boardMatch } from './market';

// Deep Analysis: match preview (Dixon-Coles model against the de-vigged market), H2H, form, coaches, scorers.
// Also the seed's REST routes that read the same things.

export const previewMatch = boardMatch.extend({
  /** null for a hypothetical fixture (no such match in the cache: model only). */
  matchId: z.number().int().nullable(),
  kickoff: z.string().nullable(),
  homeTeamId: z.number().int(),
  awayTeamId: z.number().int(),
  homeGoals: z.number().int().nullable(),
  awayGoals: z.number().int().nullable(),
});
export type PreviewMatch = z.infer<typeof previewMatch>;

export const previewMarket = z.enum(['1x2', 'totals', 'spreads', 'btts']);

export const previewRow = z.object({
  market: previewMarket,
  line: z.number().nullable(),
  selection: z.string(),
  /** Model: fair odds (zero expected profit; pushes count for quarter/whole lines) and 1/fair odds. */
  modelProb: z.number(),
  modelFairOdds: z.number(),
  /** Market: median of the de-vigged books now; null when no book quotes the whole market. */
  marketProb: z.number().nullable(),
  marketFairOdds: z.number().nullable(),
  /** The best price for the bettor, net of its book's commission on winnings; the price the book quotes
   * and its commission (0 at a bookmaker). */
  bestOdds: z.number().nullable(),
  bestQuoted: z.number().nullable(),
  bestCommission: z.number().nullable(),
  bestBook: z.string().nullable(),
  /** Expected profit per unit staked at the best net price, under the model. */
  edge: z.number().nullable(),
});
export type PreviewRow = z.infer<typeof previewRow>;

export const modelInfo = z.object({
  league: z.string(),
  /** The fit used the league's finished matches dated strictly before asOf (YYYY-MM-DD), weighted exp(−xi·days). */
  asOf: z.string(),
  xi: z.number(),
  matches: z.number().int(),
  lambdaHome: z.number(),
  lambdaAway: z.number(),
  homeAdvantage: z.number(),
  rho: z.number(),
  converged: z.boolean(),
});

export const resultRow = z.object({
  matchId: z.number().int(),
  kickoff: z.string(),
  home: z.string(),
  away: z.string(),
  homeGoals: z.number().int(),
  awayGoals: z.number().int(),
});
export type ResultRow = z.infer<typeof resultRow>;

const split = z.object({
  played: z.number().int(),
  wins: z.number().int(),
  draws: z.number().int(),
  losses: z.number().int(),
  goalsFor: z.number().int(),
  goalsAgainst: z.number().int(),
});

export const teamForm = z.object({
  teamId: z.number().int(),
  team: z.string(),
  /** Newest first, from the team's point of view. */
  last: z.array(
    z.object({
      matchId: z.number().int(),
      kickoff: z.string(),
      opponent: z.string(),
      venue: z.enum(['H', 'A']),
      goalsFor: z.number().int(),
      goalsAgainst: z.number().int(),
      result: z.enum(['W', 'D', 'L']),
    }),
  ),
  /** Over the last 10 home and the last 10 away matches. */
  home: split,
  away: split,
  intelligence: z
    .object({
      form: z.string().nullable(),
      elo: z.number().nullable(),
      xgForAvg: z.number().nullable(),
      xgAgainstAvg: z.number().nullable(),
      cleanSheetRate: z.number().nullable(),
      bttsRate: z.number().nullable(),
      over25Rate: z.number().nullable(),
    })
    .nullable(),
});
export type TeamForm = z.infer<typeof teamForm>;

export const coachCard = z.object({
  coachId: z.number().int(),
  name: z.string(),
  style: z.string().nullable(),
  formation: z.string().nullable(),
  matches: z.number().int(),
  wins: z.number().int(),
  draws: z.number().int(),
  losses: z.number().int(),
  xgForAvg: z.number().nullable(),
  xgAgainstAvg: z.number().nullable(),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  /** This coach's record against the other coach's style, from matchup_record.vs_style. */
  vsOpponentStyle: z.object({ style: z.string(), w: z.number(), d: z.number(), l: z.number() }).nullable(),
});
export type CoachCard = z.infer<typeof coachCard>;

export const scorer = z.object({
  playerId: z.number().int(),
  name: z.string(),
  position: z.string(),
  goals: z.number().int(),
  appearances: z.number().int(),
  goalShare: z.number(),
  expectedMinutes: z.number(),
  penaltyTaker: z.boolean(),
  /** From quant's scorer model with the team's model λ; null without a model. */
  anytime: z.number().nullable(),
  first: z.number().nullable(),
  /** As the source's scorer_intelligence has it, for comparison. */
  sourceAnytime: z.number().nullable(),
});
export type Scorer = z.infer<typeof scorer>;

/** A decision-layer pick on the match (CONSEIL's, or an agent's), as tracked. */
export const matchPick = z.object({
  pickId: z.string(),
  source: z.string(),
  market: z.string(),
  line: z.number().nullable(),
  selection: z.string(),
  bookmaker: z.string(),
  /** The price tracked, net of the book's commission on winnings; the price quoted and the commission. */
  odds: z.number(),
  quotedOdds: z.number(),
  commission: z.number(),
  stake: z.number(),
  edge: z.number().nullable(),
  confidence: z.number().nullable(),
  result: z.string().nullable(),
  clv: z.number().nullable(),
});

/** An active FERRARI trap on the match. */
export const matchTrap = z.object({
  trapId: z.string(),
  kind: z.string(),
  severity: z.string(),
  score: z.number(),
  market: z.string(),
  line: z.number().nullable(),
  selection: z.string(),
  explanation: z.string(),
});

export const preview = z.object({
  match: previewMatch,
  /** The picks and the active traps of the match (empty for a hypothetical fixture). */
  picks: z.array(matchPick),
  traps: z.array(matchTrap),
  model: modelInfo.nullable(),
  /** Why there is no model (e.g. a team without finished matches in the league). */
  modelError: z.string().nullable(),
  /** P(home i, away j) for i, j in 0..maxGoals (rows: home goals). */
  matrix: z.object({ maxGoals: z.number().int(), p: z.array(z.array(z.number())) }).nullable(),
  markets: z.array(previewRow),
  h2h: z.object({ matches: z.array(resultRow), homeWins: z.number().int(), draws: z.number().int(), awayWins: z.number().int() }),
  form: z.object({ home: teamForm, away: teamForm }),
  coaches: z.object({ home: coachCard.nullable(), away: coachCard.nullable() }),
  scorers: z.object({ home: z.array(scorer), away: z.array(scorer) }),
  buildMs: z.number(),
});
export type Preview = z.infer<typeof preview>;

export const teamScorers = z.object({
  team: z.string(),
  teamId: z.number().int(),
  /** The team's next match, whose model λ prices the scorers; null when none is scheduled. */
  match: previewMatch.nullable(),
  expectedGoals: z.number().nullable(),
  scorers: z.array(scorer),
});

/** One of team_intelligence.market_alerts: what the market did around the team (e.g. the sharp
 * book shortening its next match). */
export const marketAlert = z.object({
  kind: z.string(),
  message: z.string(),
  severity: z.string(),
  at: z.string().nullable(),
  matchId: z.number().int().nullable(),
});
export type MarketAlert = z.infer<typeof marketAlert>;

export const teamProfile = z.object({
  team: z.string(),
  teamId: z.number().int(),
  league: z.string().nullable(),
  form: teamForm,
  coach: coachCard.nullable(),
  nextMatch: previewMatch.nullable(),
  /** team_intelligence.market_alerts, newest first (entries that are not objects with a message are left out). */
  marketAlerts: z.array(marketAlert),
});

const teamName = z.string().trim().min(1).max(100);
const byTeams = z.object({ home: teamName, away: teamName }).strict();

export const analysisMethods = {
  'analysis.matches': method({
    summary: 'Matches to preview: every upcoming match of the cache (kick-off order), optionally filtered by team or league',
    input: z.object({ query: z.string().max(100).optional(), limit: z.number().int().positive().max(20_000).default(5_000) }).strict(),
    output: z.array(boardMatch),
  }),
  'analysis.preview': method({
    summary:
      'Match preview: Dixon-Coles model vs de-vigged market for 1X2, totals, BTTS, Asian handicap; score matrix; H2H, form, coaches, scorers (worker job)',
    input: z.object({ matchId: z.number().int() }).strict(),
    output: preview,
  }),
  'analysis.previewByTeams': method({
    summary: 'Match preview by team names (case-insensitive): their next match, else a hypothetical fixture',
    input: byTeams,
    output: preview,
    rest: { path: '/api/unified/match-preview/{home}/{away}' },
  }),
  'analysis.ferrariMatch': method({
    summary: 'FERRARI match view: the same preview (model, market, H2H, coaches, scorers) by team names',
    input: byTeams,
    output: preview,
    rest: { path: '/api/ferrari/match/{home}/{away}' },
  }),
  'analysis.scorers': method({
    summary: "A team's likely scorers with anytime and first-scorer probabilities for its next match",
    input: z.object({ team: teamName }).strict(),
    output: teamScorers,
    rest: { path: '/api/unified/scorers/{team}' },
  }),
  'analysis.team': method({
    summary: 'FERRARI team profile: form with home/away splits, xG, coach, next match, market alerts',
    input: z.object({ name: teamName }).strict(),
    output: teamProfile,
    rest: { path: '/api/ferrari/team/{name}' },
  }),
};
