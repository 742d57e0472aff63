// The fixture-context model of a backtest: what a data source delivers (fixtures with the prices seen
// before kick-off, the closing prices and the result) and what a strategy's decision may see of it.
import type { MarketKind } from '../../../../src-shared/contract/market';
import type { BookPrices, BookRoles, MarketPrices } from '../../../../src-shared/domain/market-prices';

export type { MarketKind, BookPrices, BookRoles, MarketPrices };

export interface FixtureResult {
  homeGoals: number;
  awayGoals: number;
}

/** A fixture as a data source gives it to the engine. */
export interface BacktestFixture {
  /** Unique in the data: `E0|2024-25|12` (league, season, file row) or `match:123` (cache). */
  key: string;
  matchId: number | null;
  league: string;
  season: string;
  /** Calendar date of the match (YYYY-MM-DD): the replay's day. */
  date: string;
  /** Kick-off instant (ISO-8601 UTC). */
  kickoff: string;
  home: string;
  away: string;
  /** Position in the data source: orders the fixtures of one day (file order, then row). */
  order: number;
  /** Prices a decision before kick-off can use (football-data's pre-closing columns; the cache's latest
   * non-closing quotes before the decision time). */
  decision: MarketPrices[];
  /** Closing prices (the last before kick-off): the CLV reference; a strategy that bets at kick-off
   * (Kaunitz et al. bet the closing prices) may read them, nothing else of the future. */
  closing: MarketPrices[];
  /** null when the match has no result (not played, or not known): its bets stay unsettled. */
  result: FixtureResult | null;
}

/** A data set to replay. */
export interface BacktestData {
  /** Where it came from, for the report ("4 files, 9,799 matches" / "cache file …"). */
  description: string;
  fixtures: BacktestFixture[];
  roles: BookRoles;
  /** Rows the source could not use, with why (bad CSV lines, matches without teams, …). */
  problems: string[];
}

/** What a decision may see of its fixture: no result, nothing observed after kick-off. */
export type FixtureInfo = Omit<BacktestFixture, 'result' | 'decision' | 'closing'>;

/** A finished match of the past, as a model fit reads it. */
export interface PastResult {
  date: string;
  day: number;
  league: string;
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
}
