// A cache laid out as the sync lays out its mirrors (src-main/sync/mirror.ts: the source's column
// names, timestamptz as ISO-8601 UTC text, double precision as REAL, bigint as INTEGER, jsonb as JSON
// text), holding what the reports read: matches, teams, leagues, tracking_clv_picks, market_traps,
// fg_combo_tracking, sync_status. Filled from a seeded RNG with the shapes the decision engine and the
// trap detector will write (settled and pending picks, quarter lines, missing closes, zero stakes).
import { openCache, type Cache } from '../../src-main/platform/cache/open';
import { sfc32 } from '../../src-shared/quant/random';
import { settlementProfit, type Settlement } from '../../src-shared/quant/settlement';

export const REPORT_MIRRORS = `
CREATE TABLE leagues (league_code TEXT NOT NULL PRIMARY KEY, name TEXT, country TEXT, tier INTEGER, updated_at TEXT);
CREATE TABLE teams (team_id INTEGER NOT NULL PRIMARY KEY, name TEXT, league_code TEXT, country TEXT, updated_at TEXT);
CREATE TABLE matches (match_id INTEGER NOT NULL PRIMARY KEY, league_code TEXT, season TEXT, kickoff TEXT, home_team_id INTEGER,
  away_team_id INTEGER, status TEXT, home_goals INTEGER, away_goals INTEGER, ht_home_goals INTEGER, ht_away_goals INTEGER, updated_at TEXT);
CREATE INDEX matches__kickoff ON matches (kickoff);
CREATE TABLE tracking_clv_picks (pick_id TEXT NOT NULL PRIMARY KEY, match_id INTEGER, market TEXT, line REAL, selection TEXT,
  bookmaker TEXT, odds_taken REAL, fair_odds REAL, stake REAL, confidence REAL, source TEXT, picked_at TEXT, closing_odds REAL,
  closing_fair_odds REAL, closing_reference TEXT, clv REAL, result TEXT, profit REAL, settled_at TEXT, created_at TEXT, updated_at TEXT);
CREATE INDEX tracking_clv_picks__match_id ON tracking_clv_picks (match_id);
CREATE TABLE fg_combo_tracking (combo_id TEXT NOT NULL PRIMARY KEY, kind TEXT, legs TEXT, odds REAL, stake REAL, model_prob REAL,
  result TEXT, profit REAL, created_at TEXT, settled_at TEXT, updated_at TEXT);
CREATE TABLE market_traps (trap_id TEXT NOT NULL PRIMARY KEY, match_id INTEGER, market TEXT, selection TEXT, bookmaker TEXT, kind TEXT,
  severity TEXT, score REAL, explanation TEXT, evidence TEXT, historical_roi REAL, historical_n INTEGER, status TEXT, detected_at TEXT,
  updated_at TEXT);
`;

export interface FixturePick {
  pickId: string;
  matchId: number;
  kickoff: string;
  market: string;
  line: number | null;
  selection: string;
  bookmaker: string;
  odds: number;
  fairOdds: number;
  stake: number;
  confidence: number;
  source: string;
  pickedAt: string;
  closingOdds: number | null;
  closingFairOdds: number | null;
  clv: number | null;
  result: Settlement | null;
  profit: number | null;
  settledAt: string | null;
  reasons: string[];
  warnings: string[];
}

export interface ReportFixture {
  /** The report day (UTC): its fixtures are scheduled, earlier ones finished. */
  day: string;
  firstDay: string;
  picks: FixturePick[];
  traps: { trapId: string; matchId: number; market: string; selection: string; severity: string; status: string; explanation: string }[];
  combos: { comboId: string; legs: number[]; lastKickoff: string; result: string | null; profit: number | null }[];
  teams: Map<number, string>;
  matches: Map<number, { kickoff: string; home: number; away: number; homeGoals: number | null; awayGoals: number | null; league: string }>;
  dataAsOf: string;
}

export interface ReportFixtureOptions {
  /** Days of history before the report day (default 60). */
  days?: number;
  /** Matches per day (default 10; a full fixture day is ~300). */
  matchesPerDay?: number;
  /** Picks per day (default 6; CONSEIL's target is 20–30). */
  picksPerDay?: number;
  /** Traps on the report day's fixtures (default 6). */
  traps?: number;
  /** Mirror the engine's reasons and warnings columns too (JSON arrays of text). */
  reasons?: boolean;
  day?: string;
  seed?: number;
}

const TEAM_NAMES = [
  'Arsenal',
  'Aston Villa',
  'Brentford',
  'Brighton',
  'Chelsea',
  'Everton',
  'Fulham',
  'Liverpool',
  "Nott'm Forest",
  'Newcastle',
  'Athletic Bilbao',
  'Atlético Madrid',
  'Barcelona',
  'Betis',
  'Celta',
  'Getafe',
  'Girona',
  'Osasuna',
  'Real Madrid',
  'Sevilla',
];
const BOOKS = ['B365', 'WH', 'BW', 'IW', 'PS'];
const SOURCES = ['conseil', 'conseil', 'conseil', 'agent_b', 'agent_a'];
const iso = (ms: number): string => new Date(ms).toISOString();
const r2 = (x: number): number => Math.round(x * 100) / 100;

/** What the builder's steps share: the cache, the seeded stream (its draws in a fixed order), the
 * fixture being filled and the statements that write it. */
interface Build {
  db: Cache;
  rng: () => number;
  opts: ReportFixtureOptions;
  fixture: ReportFixture;
  dayMs: number;
  dataAsOf: string;
}

export function buildReportCache(file: string, opts: ReportFixtureOptions = {}): { db: Cache; fixture: ReportFixture } {
  const days = opts.days ?? 60;
  const day = opts.day ?? '2026-11-25';
  const rng = sfc32(opts.seed ?? 7);
  const db = openCache(file, { migrate: true });
  db.exec(REPORT_MIRRORS);
  if (opts.reasons)
    db.exec('ALTER TABLE tracking_clv_picks ADD COLUMN reasons TEXT; ALTER TABLE tracking_clv_picks ADD COLUMN warnings TEXT;');
  const dayMs = Date.parse(`${day}T00:00:00Z`);
  const dataAsOf = iso(dayMs + 7 * 3600_000);
  const fixture: ReportFixture = {
    day,
    firstDay: iso(dayMs - days * 86_400_000).slice(0, 10),
    picks: [],
    traps: [],
    combos: [],
    teams: new Map(),
    matches: new Map(),
    dataAsOf,
  };
  const b: Build = { db, rng, opts, fixture, dayMs, dataAsOf };
  insertReference(b);
  const insertDay = dayWriter(b);
  db.transaction(() => {
    for (let d = -days; d <= 1; d++) insertDay(d);
    insertTraps(b);
    insertCombos(b);
    db.prepare('UPDATE sync_status SET state = ?, last_success_at = ? WHERE id = 1').run('ok', dataAsOf);
  })();
  return { db, fixture };
}

function insertReference({ db, fixture, dataAsOf }: Build): void {
  db.prepare("INSERT INTO leagues VALUES ('E0', 'Premier League', 'England', 1, ?), ('SP1', 'La Liga', 'Spain', 1, ?)").run(
    dataAsOf,
    dataAsOf,
  );
  const insTeam = db.prepare('INSERT INTO teams VALUES (?, ?, ?, NULL, ?)');
  TEAM_NAMES.forEach((n, i) => {
    insTeam.run(i + 1, n, i < 10 ? 'E0' : 'SP1', dataAsOf);
    fixture.teams.set(i + 1, n);
  });
}

/** Writes one day (d days from the report day): its matches, then its picks. */
function dayWriter(b: Build): (d: number) => void {
  const { db, opts, fixture, rng, dataAsOf } = b;
  const perDay = opts.matchesPerDay ?? 10;
  const picksPerDay = opts.picksPerDay ?? 6;
  const insMatch = db.prepare('INSERT INTO matches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)');
  const cols = opts.reasons ? ', reasons, warnings' : '';
  const insPick = db.prepare(
    `INSERT INTO tracking_clv_picks (pick_id, match_id, market, line, selection, bookmaker, odds_taken, fair_odds, stake, confidence, source,
      picked_at, closing_odds, closing_fair_odds, closing_reference, clv, result, profit, settled_at, created_at, updated_at${cols})
    VALUES (${Array(21 + (opts.reasons ? 2 : 0))
      .fill('?')
      .join(', ')})`,
  );
  let matchId = 0;
  return (d) => {
    const dayStart = b.dayMs + d * 86_400_000;
    const ids: number[] = [];
    for (let k = 0; k < perDay; k++) {
      matchId++;
      const league = k % 2 === 0 ? 'E0' : 'SP1';
      const offset = league === 'E0' ? 0 : 10;
      // distinct sides: the away index is 1..8 steps after the home one, modulo 10
      const home = offset + 1 + ((((k + d) % 10) + 10) % 10);
      const away = offset + 1 + ((((k + d + 1 + (k % 8)) % 10) + 10) % 10);
      const kickoff = iso(dayStart + (12 + (k % 10)) * 3600_000 + (k % 4) * 900_000);
      const finished = d < 0;
      const hg = finished ? Math.floor(rng() * 4) : null;
      const ag = finished ? Math.floor(rng() * 3) : null;
      insMatch.run(matchId, league, '2026-27', kickoff, home, away, finished ? 'finished' : 'scheduled', hg, ag, dataAsOf);
      fixture.matches.set(matchId, { kickoff, home, away, homeGoals: hg, awayGoals: ag, league });
      ids.push(matchId);
    }
    for (let k = 0; k < picksPerDay; k++) {
      const p = fixturePick(b, d, k, ids);
      fixture.picks.push(p);
      insPick.run(...pickValues(b, p));
    }
  };
}

/** A settled pick's result, drawn at the fair probability the close implies (`u` uniform), so the
 * ledger looks like a real one: quarter Asian lines may half-win or half-lose, whole ones be void. */
function drawResult(market: string, line: number | null, u: number, pWin: number): Settlement {
  if (market === 'spreads' && line !== null && !Number.isInteger(line * 2))
    return u < pWin * 0.8 ? 'won' : u < pWin ? 'half_won' : u < pWin + 0.1 ? 'half_lost' : 'lost';
  if (market === 'spreads' && Number.isInteger(line ?? 0.5)) return u < pWin * 0.9 ? 'won' : u < pWin ? 'void' : 'lost';
  return u < pWin ? 'won' : 'lost';
}

/** The k-th pick of day d on one of its matches. */
function fixturePick(b: Build, d: number, k: number, ids: number[]): FixturePick {
  const { rng, fixture, opts } = b;
  const mid = ids[Math.floor(rng() * ids.length)];
  const m = fixture.matches.get(mid)!;
  const kind = rng();
  const market = kind < 0.5 ? '1x2' : kind < 0.8 ? 'totals' : 'spreads';
  const line = market === '1x2' ? null : market === 'totals' ? [2.5, 2.25, 3][k % 3] : [-0.25, 0.5, -1][k % 3];
  const selection =
    market === '1x2' ? ['home', 'draw', 'away'][k % 3] : market === 'totals' ? (k % 2 ? 'over' : 'under') : k % 2 ? 'home' : 'away';
  const odds = r2(1.6 + rng() * 2.4);
  const fairOdds = r2(odds / (1.01 + rng() * 0.06));
  const stake = k === 3 && d === -5 ? 0 : r2(0.5 + rng() * 1.5);
  const settled = d < 0;
  const noClose = settled && k === 2 && d % 7 === 0;
  const closingFairOdds = settled && !noClose ? r2(odds / (0.97 + rng() * 0.1)) : null;
  const closingOdds = closingFairOdds === null ? null : r2(closingFairOdds * 0.96);
  const clv = closingFairOdds === null ? null : odds / closingFairOdds - 1;
  const pWin = 1 / (closingFairOdds ?? fairOdds);
  const u = rng();
  const result: Settlement | null = settled ? drawResult(market, line, u, pWin) : null;
  // one settled pick a day leaves the profit to the reader (the engine may only write the result)
  const profit = result === null ? null : k === 1 ? null : stake * settlementProfit(result, odds);
  const reasons = [`edge ${((odds / fairOdds - 1) * 100).toFixed(1)}% over the consensus`, `PATRON score ${60 + k}`];
  const warnings = k === 4 ? ['exposure near the daily limit'] : [];
  return {
    pickId: `P${String(fixture.picks.length + 1).padStart(5, '0')}`,
    matchId: mid,
    kickoff: m.kickoff,
    market,
    line,
    selection,
    bookmaker: BOOKS[k % BOOKS.length],
    odds,
    fairOdds,
    stake,
    confidence: r2(0.5 + rng() * 0.45),
    source: SOURCES[k % SOURCES.length],
    pickedAt: iso(Date.parse(m.kickoff) - (6 + k) * 3600_000),
    closingOdds,
    closingFairOdds,
    clv,
    result,
    profit,
    settledAt: result === null ? null : iso(Date.parse(m.kickoff) + 3 * 3600_000),
    reasons: opts.reasons ? reasons : [],
    warnings: opts.reasons ? warnings : [],
  };
}

/** A pick's row of tracking_clv_picks (the engine's reasons and warnings when the mirror has them). */
function pickValues(b: Build, p: FixturePick): unknown[] {
  const values: unknown[] = [
    p.pickId,
    p.matchId,
    p.market,
    p.line,
    p.selection,
    p.bookmaker,
    p.odds,
    p.fairOdds,
    p.stake,
    p.confidence,
    p.source,
    p.pickedAt,
    p.closingOdds,
    p.closingFairOdds,
    p.closingFairOdds === null ? null : 'PS',
    p.clv,
    p.result,
    p.profit,
    p.settledAt,
    p.pickedAt,
    b.dataAsOf,
  ];
  if (b.opts.reasons) values.push(JSON.stringify(p.reasons), p.warnings.length ? JSON.stringify(p.warnings) : null);
  return values;
}

const dayMatchIds = (b: Build, dayIso: string): number[] =>
  [...b.fixture.matches.entries()].filter(([, m]) => m.kickoff.startsWith(dayIso)).map(([id]) => id);

/** Traps on the report day's fixtures; the first one sits on a pick's selection. */
function insertTraps(b: Build): void {
  const { db, fixture, opts, dayMs, dataAsOf } = b;
  const todays = fixture.picks.filter((p) => p.kickoff.startsWith(fixture.day));
  const insTrap = db.prepare('INSERT INTO market_traps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const kinds = ['inflated_favourite', 'against_sharp', 'too_good', 'compound'];
  const sev = ['high', 'medium', 'low'];
  const dayMatches = dayMatchIds(b, fixture.day);
  for (let t = 0; t < (opts.traps ?? 6); t++) {
    const onPick = t === 0 && todays.length > 0 ? todays[0] : null;
    const mid = onPick ? onPick.matchId : dayMatches[(t * 7) % dayMatches.length];
    const trap = {
      trapId: `T${t + 1}`,
      matchId: mid,
      market: onPick ? onPick.market : '1x2',
      selection: onPick ? onPick.selection : 'home',
      severity: sev[t % 3],
      status: t === 5 ? 'expired' : 'active',
      explanation: `price ${t + 1} ticks above the sharp book while its money moves the other way`,
    };
    fixture.traps.push(trap);
    const [roi, n, detectedAt] = [t % 2 ? -0.081 : -0.043, 120 + t, iso(dayMs + 6 * 3600_000)];
    const row = [trap.trapId, mid, trap.market, trap.selection, 'B365', kinds[t % 4], trap.severity, 90 - t * 7, trap.explanation, '{}'];
    insTrap.run(...row, roi, n, trap.status, detectedAt, dataAsOf);
  }
}

/** Combos: two on the report day, one settled yesterday. */
function insertCombos(b: Build): void {
  const { db, fixture, dayMs, dataAsOf } = b;
  const insCombo = db.prepare('INSERT INTO fg_combo_tracking VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const dayMatches = dayMatchIds(b, fixture.day);
  const yesterday = dayMatchIds(b, iso(dayMs - 86_400_000).slice(0, 10));
  const combos: [string, string, number[], string | null, number | null][] = [
    ['C1', 'first_goalscorer', [dayMatches[0]], null, null],
    ['C2', 'accumulator', [dayMatches[1], dayMatches[2]], null, null],
    ['C3', 'accumulator', [yesterday[0], yesterday[1]], 'won', 4.2],
  ];
  for (const [id, kind, legs, result, profit] of combos) {
    const legJson = legs.map((m, i) => ({
      match_id: m,
      market: kind === 'first_goalscorer' ? 'first' : '1x2',
      selection: i ? 'away' : 'home',
      odds: 2 + i,
    }));
    const settledAt = result ? dataAsOf : null;
    insCombo.run(id, kind, JSON.stringify(legJson), 2 * (legs.length + 1), 1, 0.21, result, profit, dataAsOf, settledAt, dataAsOf);
    const lastKickoff = legs
      .map((m) => fixture.matches.get(m)!.kickoff)
      .sort()
      .at(-1)!;
    fixture.combos.push({ comboId: id, legs, lastKickoff, result, profit });
  }
}
