// Cache reads of the match preview: teams, matches, results, team/coach/scorer intelligence.
import { ContractError } from '../../../src-shared/contract/errors';
import type { CoachCard, MarketAlert, PreviewMatch, ResultRow, TeamForm } from '../../../src-shared/contract/analysis';
import type { Preview } from '../../../src-shared/contract/analysis';
import type { MatchResult } from '../../../src-shared/quant/poisson/dixon-coles';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';

export interface Team {
  teamId: number;
  name: string;
  league: string | null;
}

/** Case-insensitive, surrounding spaces ignored; an unknown name is NOT_FOUND naming it. */
export function resolveTeam(db: Cache, name: string): Team {
  const t = db
    .prepare('SELECT team_id AS teamId, name, league_code AS league FROM teams WHERE lower(name) = lower(?) ORDER BY team_id LIMIT 1')
    .get(name.trim()) as Team | undefined;
  if (!t) throw new ContractError('NOT_FOUND', `unknown team '${name}'`, { team: name });
  return t;
}

const PREVIEW_MATCH = `SELECT m.match_id AS matchId, m.league_code AS league, COALESCE(l.name, m.league_code) AS leagueName, m.kickoff AS kickoff,
    m.status AS status, h.name AS home, a.name AS away, m.home_team_id AS homeTeamId, m.away_team_id AS awayTeamId,
    m.home_goals AS homeGoals, m.away_goals AS awayGoals
  FROM matches m JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
  LEFT JOIN leagues l ON l.league_code = m.league_code`;

export function previewMatchById(db: Cache, matchId: number): PreviewMatch {
  const m = db.prepare(`${PREVIEW_MATCH} WHERE m.match_id = ?`).get(matchId) as PreviewMatch | undefined;
  if (!m) throw new ContractError('NOT_FOUND', `no match ${matchId} in the cache`, { matchId });
  return m;
}

/** The next not-finished match of home against away (this way round), else undefined. */
export function nextMatchBetween(db: Cache, homeId: number, awayId: number, from: string): PreviewMatch | undefined {
  return db
    .prepare(
      `${PREVIEW_MATCH} WHERE m.home_team_id = ? AND m.away_team_id = ? AND m.status IN ('scheduled', 'live') AND m.kickoff >= ? ORDER BY m.kickoff LIMIT 1`,
    )
    .get(homeId, awayId, from) as PreviewMatch | undefined;
}

export function nextMatchOf(db: Cache, teamId: number, from: string): PreviewMatch | undefined {
  return db
    .prepare(
      `${PREVIEW_MATCH} WHERE (m.home_team_id = ? OR m.away_team_id = ?) AND m.status IN ('scheduled', 'live') AND m.kickoff >= ? ORDER BY m.kickoff LIMIT 1`,
    )
    .get(teamId, teamId, from) as PreviewMatch | undefined;
}

export function hypotheticalMatch(db: Cache, home: Team, away: Team): PreviewMatch {
  const league = home.league ?? away.league ?? '';
  const l = db.prepare('SELECT name FROM leagues WHERE league_code = ?').get(league) as { name: string } | undefined;
  return {
    matchId: null,
    league,
    leagueName: l?.name ?? league,
    kickoff: null,
    status: 'hypothetical',
    home: home.name,
    away: away.name,
    homeTeamId: home.teamId,
    awayTeamId: away.teamId,
    homeGoals: null,
    awayGoals: null,
  };
}

/** Finished matches of a league with a score, as the model's results (team ids as names). */
export function leagueResults(db: Cache, league: string): MatchResult[] {
  const rows = db
    .prepare(
      `SELECT substr(kickoff, 1, 10) AS date, home_team_id AS h, away_team_id AS a, home_goals AS hg, away_goals AS ag FROM matches
      WHERE league_code = ? AND status = 'finished' AND home_goals IS NOT NULL AND away_goals IS NOT NULL ORDER BY kickoff, match_id`,
    )
    .all(league) as { date: string; h: number; a: number; hg: number; ag: number }[];
  return rows.map((r) => ({ date: r.date, home: String(r.h), away: String(r.a), homeGoals: r.hg, awayGoals: r.ag }));
}

/** Every finished match with a score, team names as names (what `monps model fit --cache` fits on; the
 * kickoff's UTC calendar date is the result's date). */
export function namedResults(db: Cache): MatchResult[] {
  const rows = db
    .prepare(
      `SELECT m.kickoff AS kickoff, h.name AS home, a.name AS away, m.home_goals AS hg, m.away_goals AS ag
         FROM matches m JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
        WHERE m.status = 'finished' AND m.home_goals IS NOT NULL AND m.away_goals IS NOT NULL
        ORDER BY m.kickoff`,
    )
    .all() as Array<{ kickoff: string; home: string; away: string; hg: number; ag: number }>;
  return rows.map((r) => ({
    date: new Date(r.kickoff).toISOString().slice(0, 10),
    home: r.home,
    away: r.away,
    homeGoals: Number(r.hg),
    awayGoals: Number(r.ag),
  }));
}

/** What decides whether a league's fit is still good: its finished matches and their last write. */
export function leagueSignature(db: Cache, league: string): string {
  const r = db
    .prepare("SELECT COUNT(*) AS n, MAX(updated_at) AS u FROM matches WHERE league_code = ? AND status = 'finished'")
    .get(league) as { n: number; u: string | null };
  return `${r.n}|${r.u ?? ''}`;
}

const RESULT = `SELECT m.match_id AS matchId, m.kickoff AS kickoff, h.name AS home, a.name AS away, m.home_goals AS homeGoals, m.away_goals AS awayGoals,
    m.home_team_id AS homeTeamId, m.away_team_id AS awayTeamId
  FROM matches m JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id`;

type ResultWithIds = ResultRow & { homeTeamId: number; awayTeamId: number };

export function headToHead(db: Cache, teamA: number, teamB: number, before: string, limit = 10): ResultWithIds[] {
  return db
    .prepare(
      `${RESULT} WHERE ((m.home_team_id = ? AND m.away_team_id = ?) OR (m.home_team_id = ? AND m.away_team_id = ?))
      AND m.status = 'finished' AND m.home_goals IS NOT NULL AND m.kickoff < ? ORDER BY m.kickoff DESC LIMIT ?`,
    )
    .all(teamA, teamB, teamB, teamA, before, limit) as ResultWithIds[];
}

function results(db: Cache, teamId: number, venue: 'any' | 'home' | 'away', before: string, limit: number): ResultWithIds[] {
  const where =
    venue === 'home' ? 'm.home_team_id = ?' : venue === 'away' ? 'm.away_team_id = ?' : '(m.home_team_id = ? OR m.away_team_id = ?)';
  const args: (number | string)[] = venue === 'any' ? [teamId, teamId, before, limit] : [teamId, before, limit];
  return db
    .prepare(
      `${RESULT} WHERE ${where} AND m.status = 'finished' AND m.home_goals IS NOT NULL AND m.kickoff < ? ORDER BY m.kickoff DESC LIMIT ?`,
    )
    .all(...args) as ResultWithIds[];
}

const outcome = (gf: number, ga: number): 'W' | 'D' | 'L' => (gf > ga ? 'W' : gf === ga ? 'D' : 'L');

function splitOf(rows: ResultWithIds[], teamId: number): TeamForm['home'] {
  const s = { played: 0, wins: 0, draws: 0, losses: 0, goalsFor: 0, goalsAgainst: 0 };
  for (const r of rows) {
    const home = r.homeTeamId === teamId;
    const gf = home ? r.homeGoals : r.awayGoals;
    const ga = home ? r.awayGoals : r.homeGoals;
    s.played++;
    s.goalsFor += gf;
    s.goalsAgainst += ga;
    const o = outcome(gf, ga);
    if (o === 'W') s.wins++;
    else if (o === 'D') s.draws++;
    else s.losses++;
  }
  return s;
}

export function teamForm(db: Cache, team: { teamId: number; name: string }, before: string, lastN = 6): TeamForm {
  const last = results(db, team.teamId, 'any', before, lastN).map((r) => {
    const home = r.homeTeamId === team.teamId;
    const gf = home ? r.homeGoals : r.awayGoals;
    const ga = home ? r.awayGoals : r.homeGoals;
    return {
      matchId: r.matchId,
      kickoff: r.kickoff,
      opponent: home ? r.away : r.home,
      venue: home ? ('H' as const) : ('A' as const),
      goalsFor: gf,
      goalsAgainst: ga,
      result: outcome(gf, ga),
    };
  });
  let intelligence: TeamForm['intelligence'] = null;
  if (tableExists(db, 'team_intelligence')) {
    const t = db
      .prepare(
        `SELECT form, elo, xg_for_avg AS xgForAvg, xg_against_avg AS xgAgainstAvg, clean_sheet_rate AS cleanSheetRate, btts_rate AS bttsRate,
        over25_rate AS over25Rate FROM team_intelligence WHERE team_id = ?`,
      )
      .get(team.teamId) as NonNullable<TeamForm['intelligence']> | undefined;
    intelligence = t ?? null;
  }
  return {
    teamId: team.teamId,
    team: team.name,
    last,
    home: splitOf(results(db, team.teamId, 'home', before, 10), team.teamId),
    away: splitOf(results(db, team.teamId, 'away', before, 10), team.teamId),
    intelligence,
  };
}

function jsonOr<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : []);

/** The team's current coach (latest tenure) with coach_intelligence; record against `opponentStyle`. */
export function coachOf(db: Cache, teamId: number): (Omit<CoachCard, 'vsOpponentStyle'> & { matchupRecord: unknown }) | null {
  if (!tableExists(db, 'coaches')) return null;
  const hasIntel = tableExists(db, 'coach_intelligence');
  const c = db
    .prepare(
      hasIntel
        ? `SELECT c.coach_id AS coachId, c.name AS name, COALESCE(ci.style, c.style) AS style, COALESCE(ci.formation, c.formation) AS formation,
            ci.matches AS matches, ci.wins AS wins, ci.draws AS draws, ci.losses AS losses, ci.xg_for_avg AS xgForAvg, ci.xg_against_avg AS xgAgainstAvg,
            ci.strengths AS strengths, ci.weaknesses AS weaknesses, ci.matchup_record AS matchupRecord
          FROM coaches c LEFT JOIN coach_intelligence ci ON ci.coach_id = c.coach_id WHERE c.team_id = ? ORDER BY c.tenure_start DESC, c.coach_id DESC LIMIT 1`
        : `SELECT coach_id AS coachId, name, style, formation FROM coaches WHERE team_id = ? ORDER BY tenure_start DESC, coach_id DESC LIMIT 1`,
    )
    .get(teamId) as Record<string, unknown> | undefined;
  if (!c) return null;
  return {
    coachId: Number(c.coachId),
    name: String(c.name),
    style: (c.style as string | null) ?? null,
    formation: (c.formation as string | null) ?? null,
    matches: Number(c.matches ?? 0),
    wins: Number(c.wins ?? 0),
    draws: Number(c.draws ?? 0),
    losses: Number(c.losses ?? 0),
    xgForAvg: (c.xgForAvg as number | null) ?? null,
    xgAgainstAvg: (c.xgAgainstAvg as number | null) ?? null,
    strengths: strings(jsonOr(c.strengths, [])),
    weaknesses: strings(jsonOr(c.weaknesses, [])),
    matchupRecord: jsonOr(c.matchupRecord, {}),
  };
}

export function coachCardAgainst(c: ReturnType<typeof coachOf>, opponentStyle: string | null): CoachCard | null {
  if (!c) return null;
  const { matchupRecord, ...card } = c;
  let vs: CoachCard['vsOpponentStyle'] = null;
  const rec = (matchupRecord as { vs_style?: Record<string, { w?: number; d?: number; l?: number }> })?.vs_style?.[opponentStyle ?? ''];
  if (opponentStyle && rec) vs = { style: opponentStyle, w: Number(rec.w ?? 0), d: Number(rec.d ?? 0), l: Number(rec.l ?? 0) };
  return { ...card, vsOpponentStyle: vs };
}

export interface PlayerRow {
  playerId: number;
  name: string;
  position: string;
  goalShare: number;
  expectedMinutes: number;
  penaltyTaker: number;
  goals: number | null;
  appearances: number | null;
  penaltiesTaken: number | null;
  sourceAnytime: number | null;
}

export function teamPlayers(db: Cache, teamId: number): PlayerRow[] {
  if (!tableExists(db, 'players')) return [];
  const intel = tableExists(db, 'scorer_intelligence');
  return db
    .prepare(
      `SELECT p.player_id AS playerId, p.name AS name, p.position AS position, p.goal_share AS goalShare, p.expected_minutes AS expectedMinutes,
        p.penalty_taker AS penaltyTaker, ${intel ? 's.goals' : 'NULL'} AS goals, ${intel ? 's.appearances' : 'NULL'} AS appearances,
        ${intel ? 's.penalties_taken' : 'NULL'} AS penaltiesTaken, ${intel ? 's.anytime_prob' : 'NULL'} AS sourceAnytime
      FROM players p ${intel ? 'LEFT JOIN scorer_intelligence s ON s.player_id = p.player_id' : ''}
      WHERE p.team_id = ? ORDER BY p.goal_share DESC, p.player_id`,
    )
    .all(teamId) as PlayerRow[];
}

/** Upcoming matches for the search box; `query` matches team or league, case-insensitive. */
export function searchMatches(db: Cache, from: string, query: string | undefined, limit: number) {
  const like = `%${(query ?? '').trim().toLowerCase()}%`;
  return db
    .prepare(
      `SELECT m.match_id AS matchId, m.league_code AS league, COALESCE(l.name, m.league_code) AS leagueName, m.kickoff AS kickoff,
        m.status AS status, h.name AS home, a.name AS away
      FROM matches m JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
      LEFT JOIN leagues l ON l.league_code = m.league_code
      WHERE m.status IN ('scheduled', 'live') AND m.kickoff >= ?
        AND (lower(h.name) LIKE ? OR lower(a.name) LIKE ? OR lower(m.league_code) LIKE ? OR lower(COALESCE(l.name, '')) LIKE ?)
      ORDER BY m.kickoff, m.match_id LIMIT ?`,
    )
    .all(from, like, like, like, like, limit) as {
    matchId: number;
    league: string;
    leagueName: string;
    kickoff: string;
    status: string;
    home: string;
    away: string;
  }[];
}

/** team_intelligence.market_alerts of a team, newest first; entries without a message are left out. */
export function marketAlertsOf(db: Cache, teamId: number): MarketAlert[] {
  if (!tableExists(db, 'team_intelligence')) return [];
  const row = db.prepare('SELECT market_alerts AS a FROM team_intelligence WHERE team_id = ?').get(teamId) as
    { a: string | null } | undefined;
  let list: unknown;
  try {
    list = row?.a ? JSON.parse(row.a) : [];
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const out: MarketAlert[] = [];
  for (const x of list as Record<string, unknown>[]) {
    if (!x || typeof x !== 'object' || typeof x.message !== 'string') continue;
    out.push({
      kind: typeof x.kind === 'string' ? x.kind : 'alert',
      message: x.message,
      severity: typeof x.severity === 'string' ? x.severity : 'low',
      at: typeof x.at === 'string' ? x.at : null,
      matchId: typeof x.match_id === 'number' ? x.match_id : null,
    });
  }
  return out.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}

/** The tracked picks of a match (not the analyst's own bets), best confidence first. */
export function matchPicks(db: Cache, matchId: number | null): Preview['picks'] {
  if (matchId === null || !tableExists(db, 'tracking_clv_picks')) return [];
  return db
    .prepare(
      `SELECT pick_id AS pickId, source, market, line, selection, bookmaker, odds_taken AS odds,
         COALESCE(quoted_odds, odds_taken) AS quotedOdds, commission, stake, edge, confidence, result, clv
         FROM tracking_clv_picks WHERE match_id = ? AND kind = 'pick' ORDER BY confidence DESC, pick_id`,
    )
    .all(matchId) as Preview['picks'];
}

/** The active traps of a match, highest score first. */
export function matchActiveTraps(db: Cache, matchId: number | null): Preview['traps'] {
  if (matchId === null || !tableExists(db, 'market_traps')) return [];
  return db
    .prepare(
      `SELECT trap_id AS trapId, kind, severity, score, market, line, selection, explanation
         FROM market_traps WHERE match_id = ? AND status = 'active' ORDER BY score DESC, trap_id`,
    )
    .all(matchId) as Preview['traps'];
}
