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
