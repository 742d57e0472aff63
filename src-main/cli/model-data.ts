// Match results for the model, from football-data CSV files or from the synced SQLite cache.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { parseFootballDataFile, type FootballDataMatch } from '../ingest/football-data';
import { namedResults } from '../features/analysis';
import { tableExists } from '../platform/cache/tables';
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
 * (the query is the analysis feature's `namedResults`). */
export function loadCacheMatches(file: string): MatchResult[] {
  if (!fs.existsSync(file)) throw new Error(`cache file ${file} does not exist`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const table of ['matches', 'teams'])
      if (!tableExists(db, table)) throw new Error(`cache ${file} has no '${table}' table (sync the source first)`);
    return namedResults(db);
  } finally {
    db.close();
  }
}
