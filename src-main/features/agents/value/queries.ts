// Cache reads of Agent B beyond the market's: the teams of the upcoming matches (their model is fitted on
// team ids, as the league results come).
import type { Cache } from '../../../platform/cache/open';

export function matchTeams(db: Cache, matchIds: readonly number[]): Map<number, { home: string; away: string }> {
  const out = new Map<number, { home: string; away: string }>();
  if (matchIds.length === 0) return out;
  const stmt = db.prepare('SELECT match_id AS id, home_team_id AS h, away_team_id AS a FROM matches WHERE match_id = ?');
  for (const id of matchIds) {
    const r = stmt.get(id) as { id: number; h: number; a: number } | undefined;
    if (r) out.set(r.id, { home: String(r.h), away: String(r.a) });
  }
  return out;
}

/** A match's league and team names. */
export function matchNames(db: Cache, matchId: number): { league: string; home: string; away: string } | undefined {
  return db
    .prepare(
      `SELECT m.league_code AS league, h.name AS home, a.name AS away FROM matches m
         JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id WHERE m.match_id = ?`,
    )
    .get(matchId) as { league: string; home: string; away: string } | undefined;
}
