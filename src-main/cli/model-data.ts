// Match results for the model, from football-data CSV files or from the synced SQLite cache.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { parseFootballDataFile, type FootballDataMatch } from '../ingest/football-data';
import type { MatchResult } from '../../src-shared/quant/poisson/dixon-coles';

export interface CsvMatches {
  results: MatchResult[];
  rows: FootballDataMatch[];
}

/** Every row with a full-time score becomes a result; rows without one (future fixtures) are kept in `rows`. */
export function loadCsvMatches(files: readonly string[]): CsvMatches {
  const rows: FootballDataMatch[] = [];
  for (const f of files) rows.push(...parseFootballDataFile(f).matches);
  const results = rows
    .filter((r) => r.fthg !== null && r.ftag !== null)
    .map((r) => ({ date: r.date, home: r.homeTeam, away: r.awayTeam, homeGoals: r.fthg as number, awayGoals: r.ftag as number }));
  return { results, rows };
}

/** Finished matches with goals from the cache mirror of the source's `matches` and `teams` tables
 * (kickoff is ISO-8601 UTC text; the UTC calendar date is used). */
export function loadCacheMatches(file: string): MatchResult[] {
  if (!fs.existsSync(file)) throw new Error(`cache file ${file} does not exist`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const table of ['matches', 'teams']) {
      const found = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
      if (!found) throw new Error(`cache ${file} has no '${table}' table (sync the source first)`);
    }
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
  } finally {
    db.close();
  }
}
