// SQL on the cache's mirrors of tracking_clv_picks, fg_combo_tracking, market_traps, matches and teams
// (same names as the source; timestamps ISO-8601 UTC text, which compare as text). Values only
// through bind parameters; the optional columns below are checked against the mirror first.
import { ownRowsSql } from '../../platform/desk';
import type { Cache } from '../../platform/cache/open';
import { requireTables, tableExists } from '../../platform/cache/tables';

export const REQUIRED_TABLES = ['tracking_clv_picks', 'matches', 'teams'] as const;

export interface PickRow {
  pickId: string;
  matchId: number;
  kickoff: string;
  matchStatus: string;
  league: string;
  home: string;
  away: string;
  homeGoals: number | null;
  awayGoals: number | null;
  market: string;
  line: number | null;
  selection: string;
  bookmaker: string;
  odds: number;
  fairOdds: number | null;
  stake: number;
  confidence: number | null;
  source: string;
  pickedAt: string;
  closingOdds: number | null;
  closingFairOdds: number | null;
  closingReference: string | null;
  clv: number | null;
  result: string | null;
  profit: number | null;
  settledAt: string | null;
  /** Text or a JSON array of strings, when the decision engine writes them (columns `reasons`, `warnings`). */
  reasons: string | null;
  warnings: string | null;
}

export interface TrapRow {
  trapId: string;
  matchId: number;
  kickoff: string;
  home: string;
  away: string;
  market: string;
  selection: string;
  bookmaker: string | null;
  kind: string;
  severity: string;
  score: number;
  explanation: string;
  historicalRoi: number | null;
  historicalN: number | null;
  status: string;
  detectedAt: string;
}

export interface ComboRow {
  comboId: string;
  kind: string;
  legs: string;
  odds: number;
  stake: number;
  modelProb: number | null;
  /** 1 / the model probability with the legs' correlations (migration 012), the book and who recorded it. */
  fairOdds: number | null;
  bookmaker: string | null;
  source: string | null;
  result: string | null;
  profit: number | null;
  createdAt: string;
  settledAt: string | null;
  /** Kick-off of its last leg. */
  lastKickoff: string;
}

function columnsOf(db: Cache, table: string): Set<string> {
  return new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]) ?? []);
}

const teamName = (alias: string, idColumn: string): string => `COALESCE(${alias}.name, 'team #' || ${idColumn})`;

function pickSelect(db: Cache): string {
  const cols = columnsOf(db, 'tracking_clv_picks');
  const opt = (name: string): string => (cols.has(name) ? `p.${name}` : 'NULL');
  const league = tableExists(db, 'leagues') ? 'COALESCE(l.name, m.league_code)' : 'm.league_code';
  const leagueJoin = tableExists(db, 'leagues') ? 'LEFT JOIN leagues l ON l.league_code = m.league_code' : '';
  return `SELECT p.pick_id AS pickId, p.match_id AS matchId, m.kickoff AS kickoff, m.status AS matchStatus, ${league} AS league,
      ${teamName('h', 'm.home_team_id')} AS home, ${teamName('a', 'm.away_team_id')} AS away,
      m.home_goals AS homeGoals, m.away_goals AS awayGoals,
      p.market AS market, p.line AS line, p.selection AS selection, p.bookmaker AS bookmaker, p.odds_taken AS odds,
      p.fair_odds AS fairOdds, p.stake AS stake, p.confidence AS confidence, p.source AS source, p.picked_at AS pickedAt,
      p.closing_odds AS closingOdds, p.closing_fair_odds AS closingFairOdds, p.closing_reference AS closingReference,
      p.clv AS clv, p.result AS result, p.profit AS profit, p.settled_at AS settledAt,
      ${opt('reasons')} AS reasons, ${opt('warnings')} AS warnings
    FROM tracking_clv_picks p
    CROSS JOIN matches m ON m.match_id = p.match_id
    LEFT JOIN teams h ON h.team_id = m.home_team_id
    LEFT JOIN teams a ON a.team_id = m.away_team_id
    ${leagueJoin}`;
}

/** Whose rows a report reads: 'mine' the rows this desk looks after (its own, and those from before
 * desks had identities), 'team' every desk's. */
export type ReportDesk = 'mine' | 'team';
const deskWhere = (db: Cache, table: string, alias: string, desk: ReportDesk): string =>
  desk === 'mine' ? ownRowsSql(db, table, alias) : '1 = 1';

/** Picks on the fixtures kicking off in [start, end). The day's matches are found by kick-off, then
 * their picks by match (the one query that starts from matches). */
export function picksOnFixtures(db: Cache, start: string, end: string, desk: ReportDesk = 'team'): PickRow[] {
  requireTables(db, REQUIRED_TABLES);
  return db
    .prepare(
      `${pickSelect(db)} WHERE p.match_id IN (SELECT match_id FROM matches WHERE kickoff >= ? AND kickoff < ?)
      AND ${deskWhere(db, 'tracking_clv_picks', 'p', desk)}
      ORDER BY m.kickoff, p.match_id, p.picked_at, p.pick_id`,
    )
    .all(start, end) as PickRow[];
}

/** Settled picks on fixtures that kicked off before `end` (and from `start` when given), in settlement order. */
export function settledPicks(db: Cache, end: string, start = '', desk: ReportDesk = 'team'): PickRow[] {
  requireTables(db, REQUIRED_TABLES);
  return db
    .prepare(
      `${pickSelect(db)} WHERE p.result IS NOT NULL AND m.kickoff >= ? AND m.kickoff < ?
      AND ${deskWhere(db, 'tracking_clv_picks', 'p', desk)}
      ORDER BY COALESCE(p.settled_at, m.kickoff), m.kickoff, p.pick_id`,
    )
    .all(start, end) as PickRow[];
}

/** Traps on the fixtures kicking off in [start, end), strongest first. */
export function trapsOnFixtures(db: Cache, start: string, end: string): TrapRow[] {
  if (!tableExists(db, 'market_traps')) return [];
  return db
    .prepare(
      `SELECT t.trap_id AS trapId, t.match_id AS matchId, m.kickoff AS kickoff,
        ${teamName('h', 'm.home_team_id')} AS home, ${teamName('a', 'm.away_team_id')} AS away,
        t.market AS market, t.selection AS selection, t.bookmaker AS bookmaker, t.kind AS kind, t.severity AS severity,
        t.score AS score, t.explanation AS explanation, t.historical_roi AS historicalRoi, t.historical_n AS historicalN,
        t.status AS status, t.detected_at AS detectedAt
      FROM market_traps t
      JOIN matches m ON m.match_id = t.match_id
      LEFT JOIN teams h ON h.team_id = m.home_team_id
      LEFT JOIN teams a ON a.team_id = m.away_team_id
      WHERE m.kickoff >= ? AND m.kickoff < ?
      ORDER BY CASE t.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, t.score DESC, m.kickoff, t.trap_id`,
    )
    .all(start, end) as TrapRow[];
}

/** Combos (first goalscorer, anytime, accumulators) whose last leg kicks off in [start, end). */
export function combosEndingIn(db: Cache, start: string, end: string, desk: ReportDesk = 'team'): ComboRow[] {
  if (!tableExists(db, 'fg_combo_tracking')) return [];
  const cols = columnsOf(db, 'fg_combo_tracking');
  const opt = (name: string): string => (cols.has(name) ? `c.${name}` : 'NULL');
  return db
    .prepare(
      `SELECT * FROM (
        SELECT c.combo_id AS comboId, c.kind AS kind, c.legs AS legs, c.odds AS odds, c.stake AS stake, c.model_prob AS modelProb,
          ${opt('fair_odds')} AS fairOdds, ${opt('bookmaker')} AS bookmaker, ${opt('source')} AS source,
          c.result AS result, c.profit AS profit, c.created_at AS createdAt, c.settled_at AS settledAt,
          (SELECT MAX(m.kickoff) FROM json_each(c.legs) j JOIN matches m ON m.match_id = json_extract(j.value, '$.match_id')) AS lastKickoff
        FROM fg_combo_tracking c WHERE json_valid(c.legs) AND ${deskWhere(db, 'fg_combo_tracking', 'c', desk)}
      ) WHERE lastKickoff >= ? AND lastKickoff < ? ORDER BY lastKickoff, comboId`,
    )
    .all(start, end) as ComboRow[];
}

/** "Home v Away" of the matches named by combo legs. */
export function matchNames(db: Cache, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const stmt = db.prepare(
    `SELECT m.match_id AS id, ${teamName('h', 'm.home_team_id')} || ' v ' || ${teamName('a', 'm.away_team_id')} AS name
    FROM matches m LEFT JOIN teams h ON h.team_id = m.home_team_id LEFT JOIN teams a ON a.team_id = m.away_team_id
    WHERE m.match_id = ?`,
  );
  for (const id of new Set(ids)) {
    const r = stmt.get(id) as { id: number; name: string } | undefined;
    if (r) out.set(id, r.name);
  }
  return out;
}

/** The last time the sync brought data (null: the cache was never synced). */
export function dataAsOf(db: Cache): string | null {
  if (!tableExists(db, 'sync_status')) return null;
  return (db.prepare('SELECT last_success_at FROM sync_status WHERE id = 1').pluck().get() as string | null | undefined) ?? null;
}

/** First and last kick-off of the fixtures that have picks: where a report would find data. */
export function pickedFixtureSpan(db: Cache): { first: string; last: string; picks: number } | null {
  requireTables(db, REQUIRED_TABLES);
  const r = db
    .prepare(
      'SELECT MIN(m.kickoff) AS first, MAX(m.kickoff) AS last, COUNT(*) AS picks FROM tracking_clv_picks p JOIN matches m ON m.match_id = p.match_id',
    )
    .get() as { first: string | null; last: string | null; picks: number };
  return r.first && r.last ? { first: r.first, last: r.last, picks: r.picks } : null;
}
