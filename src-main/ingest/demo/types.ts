// The in-memory demo world: everything the seed writes, before it is written.
// Times are epoch milliseconds (UTC). Ids are assigned by the generator, from 1, in a fixed order.

export type MarketKind = '1x2' | 'totals' | 'spreads';
export type PlantKind = 'steam' | 'outlier' | 'reverse_line' | 'trap' | 'bad_quote';
export type OddsTable = 'odds_history' | 'odds_totals' | 'odds_spreads';

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
  /** Target overround of a market (sum of implied probabilities − 1) before rounding down. */
  margin: number;
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
  market: MarketKind;
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
}
