// A small cache laid out as the sync lays out its mirrors (same table and column names as the source,
// ISO-8601 UTC text timestamps, 0/1 booleans, composite keys WITHOUT ROWID), filled from a seeded RNG.
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { sfc32 } from '../../../src-shared/quant/random';

/** The mirrors the market queries read, as the sync creates them (src-main/sync/mirror.ts). */
export const MIRROR_DDL = `
CREATE TABLE leagues (league_code TEXT NOT NULL PRIMARY KEY, name TEXT, country TEXT, tier INTEGER, updated_at TEXT);
CREATE TABLE bookmakers (bookmaker TEXT NOT NULL PRIMARY KEY, name TEXT, is_sharp INTEGER, is_exchange INTEGER, is_aggregate INTEGER, updated_at TEXT);
CREATE TABLE teams (team_id INTEGER NOT NULL PRIMARY KEY, name TEXT, league_code TEXT, country TEXT, updated_at TEXT);
CREATE TABLE matches (match_id INTEGER NOT NULL PRIMARY KEY, league_code TEXT, season TEXT, kickoff TEXT, home_team_id INTEGER, away_team_id INTEGER,
  status TEXT, home_goals INTEGER, away_goals INTEGER, ht_home_goals INTEGER, ht_away_goals INTEGER, updated_at TEXT);
CREATE INDEX matches__status_kickoff ON matches (status, kickoff);
CREATE INDEX matches__kickoff ON matches (kickoff);
CREATE TABLE odds_history (match_id INTEGER NOT NULL, bookmaker TEXT NOT NULL, selection TEXT NOT NULL, odds REAL, observed_at TEXT NOT NULL,
  is_closing INTEGER, updated_at TEXT, PRIMARY KEY (match_id, bookmaker, selection, observed_at)) WITHOUT ROWID;
CREATE TABLE odds_totals (match_id INTEGER NOT NULL, bookmaker TEXT NOT NULL, line REAL NOT NULL, selection TEXT NOT NULL, odds REAL, observed_at TEXT NOT NULL,
  is_closing INTEGER, updated_at TEXT, PRIMARY KEY (match_id, bookmaker, line, selection, observed_at)) WITHOUT ROWID;
CREATE TABLE odds_spreads (match_id INTEGER NOT NULL, bookmaker TEXT NOT NULL, line REAL NOT NULL, selection TEXT NOT NULL, odds REAL, observed_at TEXT NOT NULL,
  is_closing INTEGER, updated_at TEXT, PRIMARY KEY (match_id, bookmaker, line, selection, observed_at)) WITHOUT ROWID;
CREATE INDEX odds_history__observed_at ON odds_history (observed_at);
CREATE INDEX odds_totals__observed_at ON odds_totals (observed_at);
CREATE INDEX odds_spreads__observed_at ON odds_spreads (observed_at);
`;

export interface FixtureQuote {
  table: 'odds_history' | 'odds_totals' | 'odds_spreads';
  matchId: number;
  bookmaker: string;
  line: number | null;
  selection: string;
  odds: number;
  observedAt: string;
  closing: number;
}

export interface Fixture {
  asOf: string;
  quotes: FixtureQuote[];
  upcoming: number[];
  books: string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** 6 upcoming matches (one live), 1 finished; 5 books + an aggregate; series of 6 quotes each, one
 * quote after `asOf`, one price of 1.0. Match 1's home price is steamed in the last 2 hours. */
export function buildFixtureCache(file: string): { db: Cache; fixture: Fixture } {
  const db = openCache(file, { migrate: true });
  db.exec(MIRROR_DDL);
  const asOfMs = Date.parse('2026-11-25T08:00:00.000Z');
  const asOf = iso(asOfMs);
  const rng = sfc32(42);
  db.prepare("INSERT INTO leagues VALUES ('E0', 'Premier League', 'England', 1, ?), ('SP1', 'La Liga', 'Spain', 1, ?)").run(asOf, asOf);
  const books = ['B365', 'WH', 'PS', 'BW', 'IW'];
  const insBook = db.prepare('INSERT INTO bookmakers VALUES (?, ?, ?, 0, ?, ?)');
  for (const b of books) insBook.run(b, b, b === 'PS' ? 1 : 0, 0, asOf);
  insBook.run('Max', 'Max', 0, 1, asOf);
  const insTeam = db.prepare('INSERT INTO teams VALUES (?, ?, ?, NULL, ?)');
  for (let t = 1; t <= 14; t++) insTeam.run(t, `Team ${t}`, t <= 8 ? 'E0' : 'SP1', asOf);
  const insMatch = db.prepare('INSERT INTO matches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)');
  const upcoming: number[] = [];
  for (let m = 1; m <= 7; m++) {
    const finished = m === 7;
    const live = m === 6;
    const kickoff = finished ? asOfMs - 86_400_000 * 2 : live ? asOfMs - 3_600_000 : asOfMs + m * 7_200_000;
    insMatch.run(
      m,
      m <= 4 ? 'E0' : 'SP1',
      '2026-27',
      iso(kickoff),
      2 * m - 1,
      2 * m,
      finished ? 'finished' : live ? 'live' : 'scheduled',
      finished ? 2 : null,
      finished ? 1 : null,
      asOf,
    );
    if (!finished) upcoming.push(m);
  }
  const quotes: FixtureQuote[] = [];
  const times = [-48, -24, -12, -6, -1, +1].map((h) => asOfMs + h * 3_600_000); // the last one is after asOf
  const markets: Array<{ table: FixtureQuote['table']; line: number | null; sels: string[]; base: number[] }> = [
    { table: 'odds_history', line: null, sels: ['home', 'draw', 'away'], base: [2.2, 3.4, 3.3] },
    { table: 'odds_totals', line: 2.5, sels: ['over', 'under'], base: [1.9, 1.95] },
    { table: 'odds_totals', line: 3, sels: ['over', 'under'], base: [2.6, 1.5] },
    { table: 'odds_spreads', line: -0.25, sels: ['home', 'away'], base: [1.95, 1.9] },
  ];
  for (let m = 1; m <= 7; m++) {
    for (const mk of markets) {
      for (const b of [...books, 'Max']) {
        times.forEach((t, ti) => {
          mk.sels.forEach((sel, k) => {
            let odds = Math.round(mk.base[k] * (1 + (rng() - 0.5) * 0.08) * 100) / 100;
            if (m === 1 && mk.table === 'odds_history' && sel === 'home' && ti >= 4 && b !== 'Max') odds = 1.8; // steam in the last hours
            if (m === 2 && b === 'IW' && mk.table === 'odds_history' && sel === 'draw' && ti === 4) odds = 1.0; // broken latest quote
            quotes.push({
              table: mk.table,
              matchId: m,
              bookmaker: b,
              line: mk.line,
              selection: sel,
              odds,
              observedAt: iso(t),
              closing: m === 7 && ti === 5 ? 1 : 0,
            });
          });
        });
      }
    }
  }
  const ins = {
    odds_history: db.prepare('INSERT INTO odds_history VALUES (?, ?, ?, ?, ?, ?, ?)'),
    odds_totals: db.prepare('INSERT INTO odds_totals VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    odds_spreads: db.prepare('INSERT INTO odds_spreads VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  };
  db.transaction(() => {
    for (const q of quotes) {
      if (q.table === 'odds_history') ins.odds_history.run(q.matchId, q.bookmaker, q.selection, q.odds, q.observedAt, q.closing, asOf);
      else ins[q.table].run(q.matchId, q.bookmaker, q.line, q.selection, q.odds, q.observedAt, q.closing, asOf);
    }
  })();
  return { db, fixture: { asOf, quotes, upcoming, books } };
}
