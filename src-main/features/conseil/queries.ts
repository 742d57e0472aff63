// CONSEIL's reads and writes of the cache, every statement in one place: its picks (tracking_clv_picks),
// the live agents' signals it scores with (market_traps, agent_analyses, market_patterns), the settled
// picks the learning loop feeds back, and PATRON's weight versions (patron_versions).
import type { ConseilPick } from '../../../src-shared/contract/conseil';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { ownRowsSql } from '../../platform/desk';

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',') || 'NULL';

// --- the day's picks -----------------------------------------------------------------------------------

export interface DayPickRow {
  matchId: number;
  market: string;
  line: number | null;
  selection: string;
  stake: number;
  league: string;
}

/** CONSEIL picks of matches kicking off in [from, to), with their league (the exposure they take). */
export function conseilPicksBetween(db: Cache, from: string, to: string): DayPickRow[] {
  if (!tableExists(db, 'tracking_clv_picks')) return [];
  return db
    .prepare(
      `SELECT p.match_id AS matchId, p.market, p.line, p.selection, p.stake, m.league_code AS league
         FROM tracking_clv_picks p JOIN matches m ON m.match_id = p.match_id
        WHERE p.kind = 'pick' AND p.source = 'conseil' AND m.kickoff >= ? AND m.kickoff < ? AND ${ownRowsSql(db, 'tracking_clv_picks', 'p')}`,
    )
    .all(from, to) as DayPickRow[];
}

export interface PickDbRow {
  pick_id: string;
  match_id: number;
  market: ConseilPick['market'];
  line: number | null;
  selection: string;
  bookmaker: string;
  odds_taken: number;
  quoted_odds: number;
  commission: number;
  fair_odds: number | null;
  model_prob: number | null;
  outcome_probs: string | null;
  edge: number | null;
  stake: number;
  confidence: number | null;
  inputs: string | null;
  reasons: string | null;
  warnings: string | null;
  picked_at: string;
  result: string | null;
  clv: number | null;
  closing_status: string | null;
  league: string | null;
  kickoff: string | null;
  home: string | null;
  away: string | null;
}

const PICK_SELECT = `SELECT p.pick_id, p.match_id, p.market, p.line, p.selection, p.bookmaker, p.odds_taken,
    COALESCE(p.quoted_odds, p.odds_taken) AS quoted_odds, p.commission, p.fair_odds, p.model_prob, p.outcome_probs, p.edge, p.stake, p.confidence, p.inputs, p.reasons, p.warnings, p.picked_at, p.result, p.clv, p.closing_status,
    COALESCE(l.name, m.league_code) AS league, m.kickoff, h.name AS home, a.name AS away
  FROM tracking_clv_picks p JOIN matches m ON m.match_id = p.match_id
  JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
  LEFT JOIN leagues l ON l.league_code = m.league_code`;

/** Recorded CONSEIL picks of matches kicking off in [from, to), with their match. */
export function conseilPickRows(db: Cache, from: string, to: string): PickDbRow[] {
  if (!tableExists(db, 'tracking_clv_picks')) return [];
  return db
    .prepare(
      `${PICK_SELECT} WHERE p.kind = 'pick' AND p.source = 'conseil' AND m.kickoff >= ? AND m.kickoff < ? AND ${ownRowsSql(db, 'tracking_clv_picks', 'p')}`,
    )
    .all(from, to) as PickDbRow[];
}

/** The matches' active traps, highest score first. */
export function activeTrapsOf(db: Cache, matchIds: readonly number[]): ({ match_id: number } & ConseilPick['traps'][number])[] {
  if (!tableExists(db, 'market_traps') || matchIds.length === 0) return [];
  return db
    .prepare(
      `SELECT match_id, kind, severity, market, line, selection, score FROM market_traps
        WHERE status = 'active' AND match_id IN (${inList(matchIds.length)}) ORDER BY score DESC`,
    )
    .all(...matchIds) as ({ match_id: number } & ConseilPick['traps'][number])[];
}

/** The matches' goalscorer prices with an edge, best first. */
export function scorerPricesOf(db: Cache, matchIds: readonly number[]): ({ match_id: number } & ConseilPick['scorers'][number])[] {
  if (!tableExists(db, 'scorer_market_picks') || !tableExists(db, 'players') || matchIds.length === 0) return [];
  return db
    .prepare(
      `SELECT s.match_id, pl.name AS player, t.name AS team, s.market, s.bookmaker, s.odds, s.fair_odds AS fairOdds, s.edge
         FROM scorer_market_picks s JOIN players pl ON pl.player_id = s.player_id LEFT JOIN teams t ON t.team_id = pl.team_id
        WHERE s.edge > 0 AND s.match_id IN (${inList(matchIds.length)}) ORDER BY s.edge DESC`,
    )
    .all(...matchIds) as ({ match_id: number } & ConseilPick['scorers'][number])[];
}

/** The analyst's bets following the picks, oldest first. */
export function betsFollowing(db: Cache, pickIds: readonly string[]): ({ parent: string } & ConseilPick['placed'][number])[] {
  if (pickIds.length === 0) return [];
  return db
    .prepare(
      `SELECT parent_pick_id AS parent, pick_id AS pickId, bookmaker, odds_taken AS odds,
         COALESCE(quoted_odds, odds_taken) AS quotedOdds, commission, stake, picked_at AS placedAt
         FROM tracking_clv_picks p WHERE kind = 'bet' AND parent_pick_id IN (${inList(pickIds.length)}) AND ${ownRowsSql(db, 'tracking_clv_picks', 'p')}
        ORDER BY picked_at`,
    )
    .all(...pickIds) as ({ parent: string } & ConseilPick['placed'][number])[];
}

// --- the live signals, as of the decision time -----------------------------------------------------------

export type Severity = 'low' | 'medium' | 'high';

export interface TrapRow {
  match_id: number;
  market: string;
  line: number | null;
  selection: string;
  kind: string;
  severity: Severity;
}

/** Active traps of the matches detected at or before `at`. */
export function trapsAsOf(db: Cache, matchIds: readonly number[], at: string): TrapRow[] {
  if (!tableExists(db, 'market_traps') || matchIds.length === 0) return [];
  return db
    .prepare(
      `SELECT match_id, market, line, selection, kind, severity FROM market_traps
        WHERE status = 'active' AND detected_at <= ? AND match_id IN (${inList(matchIds.length)})`,
    )
    .all(at, ...matchIds) as TrapRow[];
}

export interface SteamRow {
  match_id: number;
  score: number | null;
  payload: string;
}

/** Agent A's analyses of the matches (their payload says when each move was seen). */
export function anomalyAnalyses(db: Cache, matchIds: readonly number[]): SteamRow[] {
  if (!tableExists(db, 'agent_analyses') || matchIds.length === 0) return [];
  return db
    .prepare(`SELECT match_id, score, payload FROM agent_analyses WHERE agent = 'anomaly' AND match_id IN (${inList(matchIds.length)})`)
    .all(...matchIds) as SteamRow[];
}

export interface PatternRow {
  market: string;
  selection: string;
  filters: string;
  roi: number;
  league: string | null;
}

/** Agent C's patterns that survived the multiple-testing correction. */
export function significantPatterns(db: Cache): PatternRow[] {
  if (!tableExists(db, 'market_patterns')) return [];
  return db
    .prepare(`SELECT market, selection, filters, roi, NULL AS league FROM market_patterns WHERE significant = 1 AND roi IS NOT NULL`)
    .all() as PatternRow[];
}

// --- the learning loop ------------------------------------------------------------------------------------

/** Settled CONSEIL picks (with a CLV) of matches that kicked off before `before`, with their inputs. */
export function settledPickRows(db: Cache, before: string): { inputs: string | null; clv: number; kickoff: string }[] {
  if (!tableExists(db, 'tracking_clv_picks')) return [];
  return db
    .prepare(
      `SELECT p.inputs AS inputs, p.clv AS clv, m.kickoff AS kickoff FROM tracking_clv_picks p JOIN matches m ON m.match_id = p.match_id
        WHERE p.kind = 'pick' AND p.source = 'conseil' AND p.clv IS NOT NULL AND m.kickoff < ? AND ${ownRowsSql(db, 'tracking_clv_picks', 'p')}`,
    )
    .all(before) as { inputs: string | null; clv: number; kickoff: string }[];
}

export interface SettledPick {
  pick_id: string;
  result: string | null;
  clv: number | null;
  profit: number | null;
}

/** CONSEIL picks settled (a result or a CLV) and not fed back yet. */
export function unfedSettledPicks(db: Cache): SettledPick[] {
  if (!tableExists(db, 'tracking_clv_picks') || !tableExists(db, 'agent_feedback')) return [];
  return db
    .prepare(
      `SELECT p.pick_id, p.result, p.clv, p.profit FROM tracking_clv_picks p
        WHERE p.kind = 'pick' AND p.source = 'conseil' AND p.result IS NOT NULL
          AND ${ownRowsSql(db, 'tracking_clv_picks', 'p')}
          AND NOT EXISTS (SELECT 1 FROM agent_feedback f WHERE f.pick_id = p.pick_id AND f.agent = 'value' AND ${ownRowsSql(db, 'agent_feedback', 'f')})`,
    )
    .all() as SettledPick[];
}

// --- PATRON's weight versions ---------------------------------------------------------------------------

export interface VersionRow {
  version: number;
  model: string;
  fitted_at: string;
  trained_through: string | null;
  rows: number;
  picks: number;
  feedback: number;
  fit: string;
  changes: string;
  out_of_sample: string | null;
  note: string;
}

/** The newest versions first, at most `limit`. */
export function versionRows(db: Cache, limit: number): VersionRow[] {
  if (!tableExists(db, 'patron_versions')) return [];
  return db.prepare('SELECT * FROM patron_versions ORDER BY version DESC LIMIT ?').all(limit) as VersionRow[];
}

/** Stores a version; returns its number. */
export function insertVersion(db: Cache, v: Omit<VersionRow, 'version'>): number {
  const r = db
    .prepare(
      `INSERT INTO patron_versions (model, fitted_at, trained_through, rows, picks, feedback, fit, changes, out_of_sample, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.model, v.fitted_at, v.trained_through, v.rows, v.picks, v.feedback, v.fit, v.changes, v.out_of_sample, v.note);
  return Number(r.lastInsertRowid);
}

// --- the day's combos ------------------------------------------------------------------------------------

/** A combo CONSEIL proposed: its id is `cc:<desk>:<date>:<match>:<legs>` (one per desk, day, match, pair). */
export const conseilComboPrefix = (deskId: string, date: string) => `cc:${deskId}:${date}:`;

export interface ComboDbRow {
  combo_id: string;
  legs: string;
  odds: number;
  stake: number;
  model_prob: number | null;
  independent_prob: number | null;
  pricing: string | null;
  bookmaker: string | null;
  result: string | null;
  profit: number | null;
  picked_at: string | null;
}

/** CONSEIL's combos of a day (its id carries the day), this desk's own. */
export function conseilComboRows(db: Cache, date: string, deskId?: string): ComboDbRow[] {
  if (!tableExists(db, 'fg_combo_tracking')) return [];
  return db
    .prepare(
      `SELECT combo_id, legs, odds, stake, model_prob, independent_prob, pricing, bookmaker, result, profit, picked_at
         FROM fg_combo_tracking WHERE source = 'conseil' AND combo_id LIKE ? AND ${ownRowsSql(db, 'fg_combo_tracking')}
        ORDER BY combo_id`,
    )
    .all(deskId ? `${conseilComboPrefix(deskId, date)}%` : `cc:%:${date}:%`) as ComboDbRow[];
}

export interface MatchLabel {
  league: string | null;
  kickoff: string | null;
  home: string | null;
  away: string | null;
}

export function matchLabel(db: Cache, matchId: number): MatchLabel | undefined {
  return db
    .prepare(
      `SELECT COALESCE(l.name, m.league_code) AS league, m.kickoff, h.name AS home, a.name AS away
         FROM matches m JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
         LEFT JOIN leagues l ON l.league_code = m.league_code WHERE m.match_id = ?`,
    )
    .get(matchId) as MatchLabel | undefined;
}

export function leagueCodeOf(db: Cache, matchId: number): string | undefined {
  return (db.prepare('SELECT league_code AS league FROM matches WHERE match_id = ?').get(matchId) as { league: string } | undefined)
    ?.league;
}
