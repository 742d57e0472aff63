// The in-memory demo world: everything the seed writes, before it is written.
// Times are epoch milliseconds (UTC). Ids are assigned by the generator, from 1, in a fixed order.

export type MarketKind = '1x2' | 'totals' | 'spreads';
export type PlantKind = 'steam' | 'outlier' | 'reverse_line' | 'trap' | 'scorer_value' | 'bad_quote';
export type OddsTable = 'odds_history' | 'odds_totals' | 'odds_spreads';
export type ScorerMarket = 'anytime' | 'first';

export interface DemoOptions {
  /** PRNG seed; the same seed and anchor give the same bytes. Default 1. */
  seed?: number;
  /** Multiplies the number of price snapshots per series (rows ≈ 255K × scale). Default 1. */
  scale?: number;
  /** "Today" of the demo world (YYYY-MM-DD or a Date, truncated to 00:00 UTC). Default: today, UTC. */
  anchor?: string | Date;
}

export interface DemoBookmaker {
  bookmaker: string;
  name: string;
  kind: 'sharp' | 'soft' | 'exchange';
  /** Target overround of a 1X2 market (sum of implied probabilities − 1), before rounding. */
  margin: number;
  /** Target overround of totals and of Asian handicaps (soft books price handicaps tighter). */
  totalsMargin: number;
  spreadsMargin: number;
  /** Weight of the power method in the margin: how much of it the book loads on longshots (0..1). */
  flb: number;
  /** How it rounds prices: 3 decimals down (sharp), the exchange's ticks, 2 decimals down, 0.05 steps
   * down (continental), or the nearest UK fractional price (British books). */
  rounding: 'decimal3' | 'exchange' | 'decimal2' | 'step05' | 'fractional';
  /** Goalscorer markets: the book's margin per player price (implied = fair × (1 + margin) at a 30%
   * chance, more on longshots), or null when it does not price scorers. */
  scorers: { anytime: number; first: number } | null;
}

export interface DemoLeague {
  code: string;
  name: string;
  country: string;
  tier: number;
  teamIds: number[];
  /** log of the mean goals of an average away side */
  baseGoals: number;
  homeAdvantage: number;
  rho: number;
  /** Day offset (0..2) of its rounds in the congested upcoming week. */
  offset: number;
}

export interface DemoTeam {
  id: number;
  name: string;
  league: string;
  country: string;
  /** Current Dixon-Coles log attack / defence (what demo_truth_teams stores). */
  attack: number;
  defence: number;
}

export interface DemoPlayer {
  id: number;
  teamId: number;
  name: string;
  position: 'GK' | 'DF' | 'MF' | 'FW';
  shirt: number;
  goalShare: number;
  penaltyTaker: boolean;
  expectedMinutes: number;
}

export interface DemoCoach {
  id: number;
  teamId: number;
  name: string;
  style: string;
  formation: string;
  tenureStart: string;
}

export interface MatchStats {
  homeShots: number;
  awayShots: number;
  homeShotsTarget: number;
  awayShotsTarget: number;
  homeCorners: number;
  awayCorners: number;
  homeFouls: number;
  awayFouls: number;
  homeYellow: number;
  awayYellow: number;
  homeRed: number;
  awayRed: number;
}

export interface MatchResult {
  homeGoals: number;
  awayGoals: number;
  htHome: number;
  htAway: number;
  homeXg: number;
  awayXg: number;
  stats: MatchStats;
  referee: string;
}

/** 'light': oldest past season (fewer books); 'full': recent past; 'upcoming': not yet played. */
export type OddsTier = 'light' | 'full' | 'upcoming';

export interface TruthMarket {
  market: MarketKind;
  /** 0 for 1x2; goal line for totals; home handicap for spreads. */
  line: number;
  selections: string[];
  /** True probabilities (spreads: 1 / fair odds), summing to 1. */
  probs: number[];
}

export interface DemoMatch {
  id: number;
  league: string;
  season: string;
  kickoff: number;
  homeId: number;
  awayId: number;
  lambda: number;
  mu: number;
  markets: TruthMarket[];
  tier: OddsTier;
  /** First price of the match (~a week before kick-off, before the anchor for upcoming matches). */
  openAt: number;
  /** Last price known at the anchor: kick-off (played) or the anchor (upcoming; their series go on
   * to the closing quote at kick-off, which the seed holds back until it is due). */
  endAt: number;
  /** The books quoting each market of this match (the first is always the sharp 'PS'). */
  books: Record<MarketKind, string[]>;
  result?: MatchResult;
  /** Upcoming matches: the result they will have (not known at the anchor; released at kick-off +
   * MATCH_MS by the seed or the demo feed). */
  outcome?: MatchResult;
}

export interface DemoEvent {
  id: number;
  matchId: number;
  /** The team credited with the goal (for an own goal: the team that benefits). */
  teamId: number;
  /** The player who put the ball in (for an own goal: a player of the other team). */
  playerId: number;
  minute: number;
  isPenalty: boolean;
  isOwnGoal: boolean;
}

export interface DemoPlant {
  plantId: string;
  kind: PlantKind;
  matchId: number;
  bookmaker: string | null;
  /** 1x2 | totals | spreads; a scorer plant (and a bad scorer quote): anytime | first. */
  market: MarketKind | ScorerMarket;
  line: number | null;
  selection: string;
  observedAt: number;
  details: Record<string, unknown>;
}

export interface DemoQuote {
  table: OddsTable;
  matchId: number;
  bookmaker: string;
  /** null for 1x2 */
  line: number | null;
  selection: string;
  odds: number;
  observedAt: number;
  isClosing: boolean;
}

/** One goalscorer price: a book's odds that `playerId` scores (anytime) or scores the first goal. */
export interface DemoScorerQuote {
  table: 'odds_scorers';
  matchId: number;
  playerId: number;
  bookmaker: string;
  market: ScorerMarket;
  odds: number;
  observedAt: number;
  isClosing: boolean;
}

/** The true goalscorer probabilities of one priced player in one upcoming match (the world's goal model). */
export interface ScorerTruth {
  matchId: number;
  playerId: number;
  teamId: number;
  /** P(he scores at least once; own goals do not count). */
  anytime: number;
  /** P(he scores the match's first goal; a first goal that is an own goal has no scorer). */
  first: number;
}

export interface DemoWorld {
  seed: number;
  scale: number;
  anchor: number;
  currentSeason: string;
  bookmakers: DemoBookmaker[];
  leagues: DemoLeague[];
  teams: DemoTeam[];
  players: DemoPlayer[];
  coaches: DemoCoach[];
  matches: DemoMatch[];
  events: DemoEvent[];
  /** Goals of the upcoming matches' outcomes (ids after `events`), released with their results. */
  futureEvents: DemoEvent[];
  /** Missed penalties of the current season (not match events): player id → count, for penalties_taken. */
  penaltyMisses: Map<number, number>;
  /** Planted situations, including the bad quotes (whose rows `badQuotes` holds). */
  plants: DemoPlant[];
  badQuotes: DemoQuote[];
  /** Planted bad goalscorer quotes (their plants are kind 'bad_quote', details.table 'odds_scorers'). */
  badScorerQuotes: DemoScorerQuote[];
}
