// Writes the demo world into a PostgreSQL source: COPY of every table in one transaction.
// updated_at columns keep their database default (the write time): they are the only bytes that
// differ between two seeds with the same (seed, scale, anchor), and demoChecksum leaves them out.
import { connectClient } from '../../platform/pg/client';
import { migrateSource } from '../../platform/pg/migrate';
import { copyRows, copyValue, type CopyValue } from '../../platform/pg/copy-in';
import { coachIntelligence, collectSharpMove, scorerIntelligence, teamIntelligence, type SharpMoves } from './intelligence';
import { matchQuotes } from './odds';
import { endedBy, plantsByMatch, quoteKnownAt } from './release';
import { matchScorerQuotes, scorerTruth } from './scorers';
import { anchorOf, generateWorld } from './world';
import type { DemoMatch, DemoOptions, DemoPlant, DemoQuote, DemoScorerQuote, DemoWorld, OddsTable } from './types';

export interface SeedOptions extends DemoOptions {
  /** Truncate the demo tables (and, through foreign keys, whatever references them) first. */
  force?: boolean;
  /** Apply migrations/source first (default true). */
  migrate?: boolean;
  /** The moment the source is written "at" (epoch ms or a Date). Quotes of the coming week observed
   * after it and results of matches not ended by it are held back: the demo feed (feed.ts) releases
   * them when they are due. Default: the real clock when the anchor is today's default; with an
   * explicit anchor, the anchor itself (a world "as of" its anchor, the same bytes whatever the date). */
  now?: number | Date;
  log?: (line: string) => void;
}

export interface SeedReport {
  seed: number;
  scale: number;
  anchor: string;
  /** ISO time of `now`: what was known then is written, the rest released later by the feed. */
  now: string;
  rows: Record<string, number>;
  totalRows: number;
  /** Rows of odds_history, odds_totals and odds_spreads. */
  oddsRows: number;
  /** Rows of odds_scorers (goalscorer prices). */
  scorerRows: number;
  /** World, results, plans and entity rows, before writing. */
  generateSeconds: number;
  /** Writing, including the price series, which are generated while they stream into COPY. */
  writeSeconds: number;
  seconds: number;
  rowsPerSecond: number;
}

/** Every table the seed fills, in write order (foreign keys first). */
export const DEMO_TABLES = [
  'leagues',
  'teams',
  'players',
  'coaches',
  'bookmakers',
  'matches',
  'match_events',
  'odds_history',
  'odds_totals',
  'odds_spreads',
  'odds_scorers',
  'team_intelligence',
  'scorer_intelligence',
  'coach_intelligence',
  'demo_truth_probabilities',
  'demo_truth_scorers',
  'demo_truth_teams',
  'demo_truth_leagues',
  'demo_plants',
] as const;

/** The price tables the seed writes: the three odds tables and the goalscorer prices. */
export type PriceTable = OddsTable | 'odds_scorers';

/** Columns the seed writes to each price table, in COPY order. */
export const ODDS_COLUMNS: Record<PriceTable, string[]> = {
  odds_history: ['match_id', 'bookmaker', 'selection', 'odds', 'observed_at', 'is_closing'],
  odds_totals: ['match_id', 'bookmaker', 'line', 'selection', 'odds', 'observed_at', 'is_closing'],
  odds_spreads: ['match_id', 'bookmaker', 'line', 'selection', 'odds', 'observed_at', 'is_closing'],
  odds_scorers: ['match_id', 'player_id', 'bookmaker', 'market', 'odds', 'observed_at', 'is_closing'],
};

export class SourceNotEmptyError extends Error {}

/** One odds row in COPY text format. Bookmaker and selection codes need no escaping; the ISO time of
 * the previous row is reused (rows come in runs of the same time). */
let lastAt = NaN;
let lastIso = '';
export function oddsLine(q: DemoQuote | DemoScorerQuote): string {
  if (q.observedAt !== lastAt) {
    lastAt = q.observedAt;
    lastIso = new Date(q.observedAt).toISOString();
  }
  const odds = Number.isFinite(q.odds) ? String(q.odds) : copyValue(q.odds);
  const closing = q.isClosing ? 't' : 'f';
  if (q.table === 'odds_scorers') return `${q.matchId}\t${q.playerId}\t${q.bookmaker}\t${q.market}\t${odds}\t${lastIso}\t${closing}\n`;
  const tail = `${q.selection}\t${odds}\t${lastIso}\t${closing}\n`;
  return q.table === 'odds_history' ? `${q.matchId}\t${q.bookmaker}\t${tail}` : `${q.matchId}\t${q.bookmaker}\t${q.line}\t${tail}`;
}

export interface RenderedOdds {
  chunks: Record<PriceTable, string[]>;
  counts: Record<PriceTable, number>;
  moves: SharpMoves;
}

export const emptyRendered = (): RenderedOdds => ({
  chunks: { odds_history: [], odds_totals: [], odds_spreads: [], odds_scorers: [] },
  counts: { odds_history: 0, odds_totals: 0, odds_spreads: 0, odds_scorers: 0 },
  moves: new Map(),
});

const CHUNK = 262_144;

/** Generates the price series match by match. odds_history lines come out of the generator as
 * ~256 KB chunks (so the seed streams them into COPY while it generates); odds_totals, odds_spreads and
 * odds_scorers lines are kept in `side.chunks` for the COPYs that follow. */
export function* oddsChunks(world: DemoWorld, side: RenderedOdds, now = world.anchor): Generator<string> {
  const buf: Record<PriceTable, string> = { odds_history: '', odds_totals: '', odds_spreads: '', odds_scorers: '' };
  const plants = plantsByMatch(world);
  const add = (q: DemoQuote | DemoScorerQuote): string | undefined => {
    buf[q.table] += oddsLine(q);
    side.counts[q.table]++;
    if (buf[q.table].length < CHUNK) return undefined;
    const out = buf[q.table];
    buf[q.table] = '';
    if (q.table === 'odds_history') return out;
    side.chunks[q.table].push(out);
    return undefined;
  };
  for (const m of world.matches) {
    const upcoming = m.tier === 'upcoming';
    // generate what is written and what the market alerts read (the moves up to the anchor)
    const until = upcoming ? Math.max(now, world.anchor) : Infinity;
    for (const q of matchQuotes(world, m, plants.get(m.id) ?? [], until)) {
      if (!quoteKnownAt(m, q, now)) continue;
      const full = add(q);
      if (full) yield full;
      // market alerts read the moves up to the anchor, whatever `now` is (intelligence is of the anchor)
      if (q.observedAt <= world.anchor) collectSharpMove(side.moves, q, upcoming);
    }
    for (const q of matchScorerQuotes(world, m, plants.get(m.id) ?? [], until)) if (quoteKnownAt(m, q, now)) add(q);
  }
  for (const q of [...world.badQuotes, ...world.badScorerQuotes]) {
    const full = add(q);
    if (full) yield full;
  }
  if (buf.odds_history) yield buf.odds_history;
  for (const t of ['odds_totals', 'odds_spreads', 'odds_scorers'] as const) if (buf[t]) side.chunks[t].push(buf[t]);
}

/** Every odds line of the world known at `now` (default: the anchor, as `seedDemo` with an explicit anchor), rendered in memory (the bench's baseline, tests). */
export function renderOdds(world: DemoWorld, now = world.anchor): RenderedOdds {
  const out = emptyRendered();
  for (const chunk of oddsChunks(world, out, now)) out.chunks.odds_history.push(chunk);
  return out;
}

type Rows = Record<string, { columns: string[]; rows: CopyValue[][] }>;
const json = (v: unknown) => JSON.stringify(v);

/** Rows of every non-odds table, as COPY value arrays. */
export function tableRows(world: DemoWorld, moves: SharpMoves, now = world.anchor): Rows {
  return { ...entityRows(world, now), ...intelligenceRows(world, moves) };
}

/** Intelligence tables: they read the sharp price moves of the coming week. */
export function intelligenceRows(world: DemoWorld, moves: SharpMoves): Rows {
  return { team_intelligence: teamIntelligenceRows(world, moves), ...personIntelligenceRows(world) };
}

function teamIntelligenceRows(world: DemoWorld, moves: SharpMoves): Rows[string] {
  return {
    columns: [
      'team_id',
      'season',
      'played',
      'home_played',
      'home_wins',
      'home_draws',
      'home_losses',
      'home_goals_for',
      'home_goals_against',
      'away_played',
      'away_wins',
      'away_draws',
      'away_losses',
      'away_goals_for',
      'away_goals_against',
      'form',
      'xg_for_avg',
      'xg_against_avg',
      'clean_sheet_rate',
      'btts_rate',
      'over25_rate',
      'attack_rating',
      'defence_rating',
      'elo',
      'market_alerts',
    ],
    rows: teamIntelligence(world, moves).map((x) => [
      x.teamId,
      x.season,
      x.played,
      x.homePlayed,
      x.homeWins,
      x.homeDraws,
      x.homeLosses,
      x.homeGoalsFor,
      x.homeGoalsAgainst,
      x.awayPlayed,
      x.awayWins,
      x.awayDraws,
      x.awayLosses,
      x.awayGoalsFor,
      x.awayGoalsAgainst,
      x.form,
      x.xgForAvg,
      x.xgAgainstAvg,
      x.cleanSheetRate,
      x.bttsRate,
      x.over25Rate,
      x.attackRating,
      x.defenceRating,
      x.elo,
      json(x.marketAlerts),
    ]),
  };
}

/** scorer_intelligence and coach_intelligence. */
function personIntelligenceRows(world: DemoWorld): Rows {
  const t: Rows = {};
  t.scorer_intelligence = {
    columns: [
      'player_id',
      'team_id',
      'season',
      'appearances',
      'minutes',
      'goals',
      'penalty_goals',
      'penalties_taken',
      'first_goals',
      'goals_per90',
      'anytime_prob',
      'first_goal_prob',
      'form_last5',
      'goals_by_period',
      'scoring_streak',
      'drought',
    ],
    rows: scorerIntelligence(world).map((s) => [
      s.playerId,
      s.teamId,
      s.season,
      s.appearances,
      s.minutes,
      s.goals,
      s.penaltyGoals,
      s.penaltiesTaken,
      s.firstGoals,
      s.goalsPer90,
      s.anytimeProb,
      s.firstGoalProb,
      json(s.formLast5),
      json(s.goalsByPeriod),
      s.scoringStreak,
      s.drought,
    ]),
  };
  t.coach_intelligence = {
    columns: [
      'coach_id',
      'team_id',
      'style',
      'formation',
      'matches',
      'wins',
      'draws',
      'losses',
      'xg_for_avg',
      'xg_against_avg',
      'goals_for_avg',
      'goals_against_avg',
      'matchup_record',
      'strengths',
      'weaknesses',
    ],
    rows: coachIntelligence(world).map((c) => [
      c.coachId,
      c.teamId,
      c.style,
      c.formation,
      c.matches,
      c.wins,
      c.draws,
      c.losses,
      c.xgForAvg,
      c.xgAgainstAvg,
      c.goalsForAvg,
      c.goalsAgainstAvg,
      json(c.matchupRecord),
      json(c.strengths),
      json(c.weaknesses),
    ]),
  };
  return t;
}

/** Reference tables, matches, events, ground truth and plants, as known at `now` (default: the anchor). */
export function entityRows(world: DemoWorld, now = world.anchor): Rows {
  return {
    ...referenceRows(world),
    matches: matchRows(world, now),
    match_events: eventRows(world, now),
    ...truthRows(world),
    demo_plants: plantRows(world),
  };
}

/** Leagues, teams, players, coaches and bookmakers. */
function referenceRows(world: DemoWorld): Rows {
  const t: Rows = {};
  t.leagues = { columns: ['league_code', 'name', 'country', 'tier'], rows: world.leagues.map((l) => [l.code, l.name, l.country, l.tier]) };
  t.teams = { columns: ['team_id', 'name', 'league_code', 'country'], rows: world.teams.map((x) => [x.id, x.name, x.league, x.country]) };
  t.players = {
    columns: ['player_id', 'team_id', 'name', 'position', 'shirt_number', 'goal_share', 'penalty_taker', 'expected_minutes'],
    rows: world.players.map((p) => [p.id, p.teamId, p.name, p.position, p.shirt, p.goalShare, p.penaltyTaker, p.expectedMinutes]),
  };
  t.coaches = {
    columns: ['coach_id', 'team_id', 'name', 'style', 'formation', 'tenure_start'],
    rows: world.coaches.map((c) => [c.id, c.teamId, c.name, c.style, c.formation, c.tenureStart]),
  };
  t.bookmakers = {
    columns: ['bookmaker', 'name', 'is_sharp', 'is_exchange', 'is_aggregate'],
    rows: world.bookmakers.map((b) => [b.bookmaker, b.name, b.kind === 'sharp', b.kind === 'exchange', false]),
  };
  return t;
}

/** The matches, with the result of those ended by `now`. */
function matchRows(world: DemoWorld, now: number): Rows[string] {
  return {
    columns: [
      'match_id',
      'league_code',
      'season',
      'kickoff',
      'home_team_id',
      'away_team_id',
      'status',
      'home_goals',
      'away_goals',
      'ht_home_goals',
      'ht_away_goals',
      'home_xg',
      'away_xg',
      'home_shots',
      'away_shots',
      'home_shots_target',
      'away_shots_target',
      'home_corners',
      'away_corners',
      'home_fouls',
      'away_fouls',
      'home_yellow',
      'away_yellow',
      'home_red',
      'away_red',
      'referee',
      'origin',
      'meeting',
    ],
    rows: world.matches.map((m) => {
      const r = m.result ?? (endedBy(m, now) ? m.outcome : undefined);
      const s = r?.stats;
      return [
        m.id,
        m.league,
        m.season,
        new Date(m.kickoff),
        m.homeId,
        m.awayId,
        r ? 'finished' : 'scheduled',
        r?.homeGoals,
        r?.awayGoals,
        r?.htHome,
        r?.htAway,
        r?.homeXg,
        r?.awayXg,
        s?.homeShots,
        s?.awayShots,
        s?.homeShotsTarget,
        s?.awayShotsTarget,
        s?.homeCorners,
        s?.awayCorners,
        s?.homeFouls,
        s?.awayFouls,
        s?.homeYellow,
        s?.awayYellow,
        s?.homeRed,
        s?.awayRed,
        r?.referee,
        'demo',
        1,
      ];
    }),
  };
}

/** The goals of the played matches and of the upcoming ones ended by `now`. */
function eventRows(world: DemoWorld, now: number): Rows[string] {
  const byId = new Map(world.matches.map((m) => [m.id, m]));
  return {
    columns: ['event_id', 'match_id', 'team_id', 'player_id', 'kind', 'minute', 'is_penalty', 'is_own_goal'],
    rows: [...world.events, ...world.futureEvents.filter((e) => endedBy(byId.get(e.matchId) as DemoMatch, now))].map((e) => [
      e.id,
      e.matchId,
      e.teamId,
      e.playerId,
      'goal',
      e.minute,
      e.isPenalty,
      e.isOwnGoal,
    ]),
  };
}

/** The demo's ground truth: fair probabilities of every market and coming-week scorer, strengths. */
function truthRows(world: DemoWorld): Rows {
  const t: Rows = {};
  const truth: CopyValue[][] = [];
  for (const m of world.matches) {
    for (const g of m.markets) g.selections.forEach((s, i) => truth.push([m.id, g.market, g.line, s, g.probs[i], 1 / g.probs[i]]));
  }
  t.demo_truth_probabilities = { columns: ['match_id', 'market', 'line', 'selection', 'probability', 'fair_odds'], rows: truth };
  const scorers: CopyValue[][] = [];
  for (const m of world.matches) {
    if (m.tier !== 'upcoming') continue;
    for (const x of scorerTruth(world, m)) {
      scorers.push([m.id, x.playerId, x.teamId, 'anytime', x.anytime, 1 / x.anytime]);
      scorers.push([m.id, x.playerId, x.teamId, 'first', x.first, 1 / x.first]);
    }
  }
  t.demo_truth_scorers = { columns: ['match_id', 'player_id', 'team_id', 'market', 'probability', 'fair_odds'], rows: scorers };
  t.demo_truth_teams = { columns: ['team_id', 'attack', 'defence'], rows: world.teams.map((x) => [x.id, x.attack, x.defence]) };
  t.demo_truth_leagues = {
    columns: ['league_code', 'base_goals', 'home_advantage', 'rho'],
    rows: world.leagues.map((l) => [l.code, l.baseGoals, l.homeAdvantage, l.rho]),
  };
  return t;
}

function plantRows(world: DemoWorld): Rows[string] {
  return {
    columns: ['plant_id', 'kind', 'match_id', 'bookmaker', 'market', 'line', 'selection', 'observed_at', 'details'],
    rows: world.plants.map((p) => [
      p.plantId,
      p.kind,
      p.matchId,
      p.bookmaker,
      p.market,
      p.line,
      p.selection,
      new Date(p.observedAt),
      json(plantDetailsJson(p)),
    ]),
  };
}

/** Plant details with times as ISO strings (the JSON a reader of demo_plants sees). */
export function plantDetailsJson(p: DemoPlant): Record<string, unknown> {
  const iso = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(iso);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, iso(x)]));
    return v;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.details)) {
    if ((k.endsWith('_at') || k === 'until') && typeof v === 'number') out[k] = new Date(v).toISOString();
    else if (k === 'followers' && Array.isArray(v)) {
      out[k] = v.map((f: { bookmaker: string; observed_at: number }) => ({
        bookmaker: f.bookmaker,
        observed_at: new Date(f.observed_at).toISOString(),
      }));
    } else out[k] = iso(v);
  }
  return out;
}

/** Generates the demo world and writes it. Refuses a source that already has matches, teams or
 * odds unless `force` (then TRUNCATE ... RESTART IDENTITY CASCADE of the demo tables first). */
export async function seedDemo(url: string, opts: SeedOptions = {}): Promise<SeedReport> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const now =
    opts.now === undefined
      ? opts.anchor === undefined
        ? Date.now()
        : anchorOf(opts.anchor)
      : typeof opts.now === 'number'
        ? opts.now
        : opts.now.getTime();
  if (!Number.isFinite(now)) throw new Error(`demo: bad now ${String(opts.now)}`);
  if (opts.migrate !== false) await migrateSource(url);
  const client = await connectClient(url, { applicationName: 'monps-demo-seed' });
  const rows: Record<string, number> = {};
  let world: DemoWorld;
  let generateSeconds = 0;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(724243)');
    const existing = (
      await client.query<{ matches: string; teams: string; odds: string }>(
        `SELECT (SELECT count(*) FROM matches) AS matches, (SELECT count(*) FROM teams) AS teams,
        (SELECT count(*) FROM (SELECT 1 FROM odds_history LIMIT 1000) o) AS odds`,
      )
    ).rows[0];
    const nonEmpty = Number(existing.matches) + Number(existing.teams) + Number(existing.odds) > 0;
    if (nonEmpty && !opts.force) {
      throw new SourceNotEmptyError(
        `demo: refusing to seed: the source already has ${existing.matches} matches, ${existing.teams} teams and ${Number(existing.odds) >= 1000 ? '1000+' : existing.odds} 1X2 quotes. ` +
          'Seed an empty database, or pass --force to TRUNCATE the demo tables first (this also empties every table that references matches, teams or players, such as picks and traps).',
      );
    }
    if (nonEmpty) {
      log('demo: --force: truncating the demo tables');
      await client.query(`TRUNCATE ${DEMO_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    }
    const tg = performance.now();
    world = generateWorld(opts);
    const entities = entityRows(world, now);
    generateSeconds = (performance.now() - tg) / 1000;
    log(
      `demo: generated ${world.matches.length} matches, ${world.events.length} goals and ${world.plants.length} plants in ${generateSeconds.toFixed(2)} s; writing`,
    );
    // Prices are generated while odds_history streams into PostgreSQL; totals and spreads follow.
    const odds = emptyRendered();
    let intelligence: Rows | undefined;
    for (const name of DEMO_TABLES) {
      const tt = performance.now();
      if (name === 'odds_history') {
        await copyRows(client, name, ODDS_COLUMNS[name], oddsChunks(world, odds, now));
        rows[name] = odds.counts[name];
      } else if (name === 'odds_totals' || name === 'odds_spreads' || name === 'odds_scorers') {
        await copyRows(client, name, ODDS_COLUMNS[name], odds.chunks[name]);
        rows[name] = odds.counts[name];
      } else {
        const t = entities[name] ?? (intelligence ??= intelligenceRows(world, odds.moves))[name];
        rows[name] = await copyRows(client, name, t.columns, t.rows);
      }
      log(`demo: ${name}: ${rows[name]} rows in ${((performance.now() - tt) / 1000).toFixed(2)} s`);
    }
    for (const [table, col] of [
      ['teams', 'team_id'],
      ['players', 'player_id'],
      ['coaches', 'coach_id'],
      ['matches', 'match_id'],
      ['match_events', 'event_id'],
    ]) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', '${col}'), GREATEST((SELECT max(${col}) FROM ${table}), 1))`);
    }
    // What the demo feed needs to regenerate this world and release the rest when it is due.
    await client.query(
      `INSERT INTO demo_feed_state (id, seed, scale, anchor, released_until) VALUES (1, $1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET seed = EXCLUDED.seed, scale = EXCLUDED.scale, anchor = EXCLUDED.anchor, released_until = EXCLUDED.released_until`,
      [world.seed, world.scale, new Date(world.anchor).toISOString().slice(0, 10), new Date(now)],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - t0) / 1000;
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return {
    seed: world.seed,
    scale: world.scale,
    anchor: new Date(world.anchor).toISOString().slice(0, 10),
    now: new Date(now).toISOString(),
    rows,
    totalRows,
    oddsRows: rows.odds_history + rows.odds_totals + rows.odds_spreads,
    scorerRows: rows.odds_scorers,
    generateSeconds,
    writeSeconds: seconds - generateSeconds,
    seconds,
    rowsPerSecond: totalRows / seconds,
  };
}
