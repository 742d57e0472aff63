// A small hand-made source for the pick-tracking cases: every closing-line situation (sharp book at
// the close, sharp incomplete → exchange, only soft books → their average without the aggregate
// column, last quotes before kick-off with an in-play quote to ignore, a line nobody quotes) and
// scores chosen to give every settlement of quarter lines.
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { withClient } from '../../../src-main/platform/pg/client';

/** Kick-off of the fixture's matches (m6 one day later). */
export const K = Date.parse('2026-03-01T15:00:00Z');
export const MIN = 60_000;
export const at = (offsetMin: number): string => new Date(K + offsetMin * MIN).toISOString();

type Row = [
  table: 'odds_history' | 'odds_totals' | 'odds_spreads',
  match: number,
  book: string,
  line: number | null,
  sel: string,
  odds: number,
  offsetMin: number,
  closing: boolean,
];

/** Closing (is_closing at kick-off) and earlier quotes. */
export const QUOTES: Row[] = [
  // m1: PS closes every market; B365 and BFE too on 1X2
  ['odds_history', 1, 'PS', null, 'home', 2.2, -300, false],
  ['odds_history', 1, 'PS', null, 'draw', 3.3, -300, false],
  ['odds_history', 1, 'PS', null, 'away', 3.5, -300, false],
  ['odds_history', 1, 'PS', null, 'home', 2.1, 0, true],
  ['odds_history', 1, 'PS', null, 'draw', 3.4, 0, true],
  ['odds_history', 1, 'PS', null, 'away', 3.6, 0, true],
  ['odds_history', 1, 'B365', null, 'home', 2.2, -240, false],
  ['odds_history', 1, 'B365', null, 'draw', 3.3, -240, false],
  ['odds_history', 1, 'B365', null, 'away', 3.4, -240, false],
  ['odds_history', 1, 'B365', null, 'home', 2.05, 0, true],
  ['odds_history', 1, 'B365', null, 'draw', 3.3, 0, true],
  ['odds_history', 1, 'B365', null, 'away', 3.5, 0, true],
  ['odds_totals', 1, 'PS', 1.25, 'over', 1.8, -300, false],
  ['odds_totals', 1, 'PS', 1.25, 'under', 2.0, -300, false],
  ['odds_totals', 1, 'PS', 1.25, 'over', 1.75, 0, true],
  ['odds_totals', 1, 'PS', 1.25, 'under', 2.08, 0, true],
  ['odds_totals', 1, 'PS', 0.75, 'over', 1.5, 0, true],
  ['odds_totals', 1, 'PS', 0.75, 'under', 2.6, 0, true],
  ['odds_spreads', 1, 'PS', -0.75, 'home', 2.02, -300, false],
  ['odds_spreads', 1, 'PS', -0.75, 'away', 1.88, -300, false],
  ['odds_spreads', 1, 'PS', -0.75, 'home', 1.97, 0, true],
  ['odds_spreads', 1, 'PS', -0.75, 'away', 1.93, 0, true],
  // m2: PS closes without the away price → the exchange is the reference
  ['odds_history', 2, 'PS', null, 'home', 2.5, 0, true],
  ['odds_history', 2, 'PS', null, 'draw', 3.1, 0, true],
  ['odds_history', 2, 'BFE', null, 'home', 2.56, 0, true],
  ['odds_history', 2, 'BFE', null, 'draw', 3.15, 0, true],
  ['odds_history', 2, 'BFE', null, 'away', 3.1, 0, true],
  ['odds_spreads', 2, 'PS', 0, 'home', 1.95, 0, true],
  ['odds_spreads', 2, 'PS', 0, 'away', 1.95, 0, true],
  // m3: soft books only, and the aggregate column (never a reference)
  ['odds_history', 3, 'B365', null, 'home', 2.5, 0, true],
  ['odds_history', 3, 'B365', null, 'draw', 3.2, 0, true],
  ['odds_history', 3, 'B365', null, 'away', 2.9, 0, true],
  ['odds_history', 3, 'WH', null, 'home', 2.4, 0, true],
  ['odds_history', 3, 'WH', null, 'draw', 3.3, 0, true],
  ['odds_history', 3, 'WH', null, 'away', 3.0, 0, true],
  ['odds_history', 3, 'Avg', null, 'home', 9, 0, true],
  ['odds_history', 3, 'Avg', null, 'draw', 9, 0, true],
  ['odds_history', 3, 'Avg', null, 'away', 9, 0, true],
  // m4: no quote marked closing; PS's last quotes before kick-off, then an in-play quote (ignored)
  ['odds_history', 4, 'PS', null, 'home', 1.9, -120, false],
  ['odds_history', 4, 'PS', null, 'draw', 3.6, -120, false],
  ['odds_history', 4, 'PS', null, 'away', 4.4, -120, false],
  ['odds_history', 4, 'PS', null, 'home', 1.8, -30, false],
  ['odds_history', 4, 'PS', null, 'draw', 3.7, -30, false],
  ['odds_history', 4, 'PS', null, 'away', 4.9, -30, false],
  ['odds_history', 4, 'PS', null, 'home', 1.2, 10, false],
  ['odds_history', 4, 'PS', null, 'draw', 6.0, 10, false],
  ['odds_history', 4, 'PS', null, 'away', 15.0, 10, false],
  // m5: the Asian line picked (-1.25) is quoted by nobody at the close
  ['odds_spreads', 5, 'PS', -1, 'home', 2.1, 0, true],
  ['odds_spreads', 5, 'PS', -1, 'away', 1.8, 0, true],
  ['odds_spreads', 5, 'B365', -1.25, 'home', 2.3, -600, false],
  // m6 (a day later) and m7: 1X2 by PS
  ['odds_history', 6, 'PS', null, 'home', 2.0, 24 * 60 - 60, false],
  ['odds_history', 6, 'PS', null, 'draw', 3.5, 24 * 60 - 60, false],
  ['odds_history', 6, 'PS', null, 'away', 4.0, 24 * 60 - 60, false],
  ['odds_history', 7, 'PS', null, 'home', 2.3, 0, true],
  ['odds_history', 7, 'PS', null, 'draw', 3.2, 0, true],
  ['odds_history', 7, 'PS', null, 'away', 3.3, 0, true],
];

/** Scores: m1 1-0 (quarter lines give half results), m2 1-1 (draw-no-bet void), m3 0-2, m4 2-1, m5 3-1;
 * m6 scheduled a day later; m7 finished without its score yet. */
export async function buildSource(url: string): Promise<void> {
  await migrateSource(url);
  await withClient(url, async (c) => {
    await c.query("INSERT INTO leagues (league_code, name) VALUES ('E0', 'Premier League'), ('SP1', 'La Liga')");
    await c.query(`INSERT INTO bookmakers (bookmaker, name, is_sharp, is_exchange, is_aggregate) VALUES
      ('PS', 'Pinnacle', true, false, false), ('BFE', 'Betfair Exchange', false, true, false),
      ('B365', 'Bet365', false, false, false), ('WH', 'William Hill', false, false, false), ('Avg', 'Market average', false, false, true)`);
    await c.query(
      `INSERT INTO teams (team_id, name, league_code) SELECT g, 'Team ' || g, CASE WHEN g <= 10 THEN 'E0' ELSE 'SP1' END FROM generate_series(1, 12) g`,
    );
    await c.query(`INSERT INTO players (player_id, team_id, name, position, goal_share, expected_minutes) VALUES
      (101, 1, 'Ann Striker', 'FW', 0.3, 85), (102, 2, 'Bo Winger', 'MF', 0.1, 80), (103, 1, 'Cy Back', 'DF', 0.02, 90), (111, 11, 'Di Nine', 'FW', 0.35, 88)`);
    const k = new Date(K);
    const day = new Date(K + 24 * 60 * MIN);
    await c.query(
      `INSERT INTO matches (match_id, league_code, season, kickoff, home_team_id, away_team_id, status, home_goals, away_goals) VALUES
        (1, 'E0', '2025-26', $1, 1, 2, 'finished', 1, 0), (2, 'E0', '2025-26', $1, 3, 4, 'finished', 1, 1),
        (3, 'E0', '2025-26', $1, 5, 6, 'finished', 0, 2), (4, 'E0', '2025-26', $1, 7, 8, 'finished', 2, 1),
        (5, 'E0', '2025-26', $1, 9, 10, 'finished', 3, 1), (6, 'E0', '2025-26', $2, 1, 3, 'scheduled', NULL, NULL),
        (7, 'E0', '2025-26', $1, 2, 4, 'finished', NULL, NULL), (8, 'SP1', '2025-26', $1, 11, 12, 'finished', 2, 0)`,
      [k, day],
    );
    // m1: an own goal first (ignored by first-goalscorer bets), then Ann Striker; m8: Di Nine twice
    await c.query(`INSERT INTO match_events (event_id, match_id, team_id, player_id, kind, minute, is_own_goal) VALUES
      (1, 1, 1, 102, 'goal', 5, true), (2, 1, 1, 101, 'goal', 30, false), (3, 8, 11, 111, 'goal', 12, false), (4, 8, 11, 111, 'goal', 70, false)`);
    await c.query("SELECT setval(pg_get_serial_sequence('match_events', 'event_id'), 10)");
    for (const [table, match, book, line, sel, odds, off, closing] of QUOTES) {
      if (table === 'odds_history')
        await c.query(
          'INSERT INTO odds_history (match_id, bookmaker, selection, odds, observed_at, is_closing) VALUES ($1, $2, $3, $4, $5, $6)',
          [match, book, sel, odds, at(off), closing],
        );
      else
        await c.query(
          `INSERT INTO ${table} (match_id, bookmaker, line, selection, odds, observed_at, is_closing) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [match, book, line, sel, odds, at(off), closing],
        );
    }
  });
}

/** A pick as the engine records it, its snapshot holding the price taken. */
export function pickOf(p: {
  matchId: number;
  market: '1x2' | 'totals' | 'spreads';
  line?: number | null;
  selection: string;
  bookmaker: string;
  odds: number;
  stake?: number;
  pickId?: string;
  pickedAt?: string;
  source?: string;
  modelProb?: number | null;
}) {
  const line = p.line ?? null;
  return {
    pickId: p.pickId,
    matchId: p.matchId,
    market: p.market,
    line,
    selection: p.selection,
    bookmaker: p.bookmaker,
    odds: p.odds,
    stake: p.stake ?? 10,
    pickedAt: p.pickedAt ?? at(-180),
    source: p.source ?? 'conseil',
    modelProb: p.modelProb ?? null,
    decision: {
      modelVersion: 'fixture 1',
      modelParams: { xi: 0.0019 },
      weights: { model: 0.3, market: 0.7 },
      oddsSnapshot: [{ bookmaker: p.bookmaker, selection: p.selection, line, odds: p.odds, observedAt: at(-200) }],
    },
  };
}
