// The embedded demo's live feed: releases into the source what became known since the last run —
// quotes of the coming week observed by now (up to the closing quote at kick-off) and the results,
// status and goal events of matches ended by now. Regenerates the seeded world from the parameters
// the seed recorded in demo_feed_state (kept in the worker's memory between runs), and moves the
// release watermark in the same transaction: a run repeated or crashed half-way doubles nothing.
// Only the embedded default runs it (SyncRunner); a source without demo_feed_state is left alone.
import type pg from 'pg';
import { connectClient } from '../../platform/pg/client';
import type { JobContext } from '../../platform/jobs/define';
import { throwIfCancelled } from '../../platform/jobs/define';
import { heldBack, releasedBetween, upperBound, type HeldBack } from './release';
import { generateWorld } from './world';
import type { DemoEvent, DemoMatch, DemoQuote, DemoScorerQuote, OddsTable } from './types';

export interface DemoFeedParams {
  /** The feed's clock (ISO time; default: the real clock). Tests inject it. */
  now?: string;
}

export interface DemoFeedReport {
  released: boolean;
  reason: string;
  from: string | null;
  to: string | null;
  /** Quotes released, goalscorer prices included. */
  quotes: number;
  /** Of which goalscorer prices (odds_scorers). */
  scorerQuotes: number;
  finished: number;
  events: number;
  /** Time spent regenerating the world (0 when the worker still had it). */
  generateSeconds: number;
  seconds: number;
}

interface Cached {
  key: string;
  held: HeldBack;
  /** Everything up to here was dropped from `held` (released already). */
  droppedUntil: number;
}
let cache: Cached | null = null;

/** The held-back part of the world of these parameters, generated once per worker. */
function heldFor(seed: number, scale: number, anchor: string, from: number): { held: HeldBack; generated: boolean } {
  const key = `${seed}|${scale}|${anchor}`;
  if (cache && cache.key === key && cache.droppedUntil <= from) return { held: cache.held, generated: false };
  const world = generateWorld({ seed, scale, anchor });
  cache = { key, held: heldBack(world, from), droppedUntil: from };
  return { held: cache.held, generated: true };
}

/** Drops what is released (memory shrinks as the week goes by). */
function forget(upTo: number): void {
  if (!cache) return;
  cache.held.quotes.splice(
    0,
    upperBound(cache.held.quotes, upTo, (q) => q.observedAt),
  );
  cache.droppedUntil = Math.max(cache.droppedUntil, upTo);
}

const BATCH = 20_000;

async function insertScorerQuotes(client: pg.ClientBase, qs: DemoScorerQuote[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < qs.length; i += BATCH) {
    const b = qs.slice(i, i + BATCH);
    const r = await client.query(
      `INSERT INTO odds_scorers (match_id, player_id, bookmaker, market, odds, observed_at, is_closing)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::float8[], $6::timestamptz[], $7::boolean[])
       ON CONFLICT DO NOTHING`,
      [
        b.map((q) => q.matchId),
        b.map((q) => q.playerId),
        b.map((q) => q.bookmaker),
        b.map((q) => q.market),
        b.map((q) => q.odds),
        b.map((q) => new Date(q.observedAt)),
        b.map((q) => q.isClosing),
      ],
    );
    inserted += r.rowCount ?? 0;
  }
  return inserted;
}

async function insertQuotes(client: pg.ClientBase, table: OddsTable, qs: DemoQuote[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < qs.length; i += BATCH) {
    const b = qs.slice(i, i + BATCH);
    const cols = [
      b.map((q) => q.matchId),
      b.map((q) => q.bookmaker),
      b.map((q) => q.selection),
      b.map((q) => q.odds),
      b.map((q) => new Date(q.observedAt)),
      b.map((q) => q.isClosing),
    ];
    const sql =
      table === 'odds_history'
        ? `INSERT INTO odds_history (match_id, bookmaker, selection, odds, observed_at, is_closing)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::float8[], $5::timestamptz[], $6::boolean[])
         ON CONFLICT DO NOTHING`
        : `INSERT INTO ${table} (match_id, bookmaker, selection, odds, observed_at, is_closing, line)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::float8[], $5::timestamptz[], $6::boolean[], $7::float8[])
         ON CONFLICT DO NOTHING`;
    const r = await client.query(sql, table === 'odds_history' ? cols : [...cols, b.map((q) => q.line)]);
    inserted += r.rowCount ?? 0;
  }
  return inserted;
}

/** The released matches' results, on rows still scheduled (a rerun finishes nothing twice). */
async function finishMatches(client: pg.ClientBase, matches: DemoMatch[]): Promise<number> {
  let finished = 0;
  for (const m of matches) {
    const r = m.outcome;
    if (!r) continue;
    const s = r.stats;
    const u = await client.query(
      `UPDATE matches SET status = 'finished', home_goals = $2, away_goals = $3, ht_home_goals = $4, ht_away_goals = $5, home_xg = $6, away_xg = $7,
         home_shots = $8, away_shots = $9, home_shots_target = $10, away_shots_target = $11, home_corners = $12, away_corners = $13,
         home_fouls = $14, away_fouls = $15, home_yellow = $16, away_yellow = $17, home_red = $18, away_red = $19, referee = $20
       WHERE match_id = $1 AND status = 'scheduled' AND origin = 'demo'`,
      [
        m.id,
        r.homeGoals,
        r.awayGoals,
        r.htHome,
        r.htAway,
        r.homeXg,
        r.awayXg,
        s.homeShots,
        s.awayShots,
        s.homeShotsTarget,
        s.awayShotsTarget,
        s.homeCorners,
        s.awayCorners,
        s.homeFouls,
        s.awayFouls,
        s.homeYellow,
        s.awayYellow,
        s.homeRed,
        s.awayRed,
        r.referee,
      ],
    );
    finished += u.rowCount ?? 0;
  }
  return finished;
}

/** The released goals, on matches that exist; the event id sequence moved past them. */
async function insertEvents(client: pg.ClientBase, e: DemoEvent[]): Promise<number> {
  if (!e.length) return 0;
  const r = await client.query(
    `INSERT INTO match_events (event_id, match_id, team_id, player_id, kind, minute, is_penalty, is_own_goal)
   SELECT id, match_id, team_id, player_id, 'goal', minute, is_penalty, is_own_goal
   FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::smallint[], $6::boolean[], $7::boolean[])
     AS v (id, match_id, team_id, player_id, minute, is_penalty, is_own_goal)
   WHERE EXISTS (SELECT 1 FROM matches m WHERE m.match_id = v.match_id)
   ON CONFLICT DO NOTHING`,
    [
      e.map((x) => x.id),
      e.map((x) => x.matchId),
      e.map((x) => x.teamId),
      e.map((x) => x.playerId),
      e.map((x) => x.minute),
      e.map((x) => x.isPenalty),
      e.map((x) => x.isOwnGoal),
    ],
  );
  await client.query(
    "SELECT setval(pg_get_serial_sequence('match_events', 'event_id'), GREATEST((SELECT max(event_id) FROM match_events), 1))",
  );
  return r.rowCount ?? 0;
}

/** One release, up to `now`. */
export async function runDemoFeed(url: string, opts: { now?: number; signal?: AbortSignal } = {}): Promise<DemoFeedReport> {
  const t0 = performance.now();
  const now = opts.now ?? Date.now();
  const report: DemoFeedReport = {
    released: false,
    reason: '',
    from: null,
    to: null,
    quotes: 0,
    scorerQuotes: 0,
    finished: 0,
    events: 0,
    generateSeconds: 0,
    seconds: 0,
  };
  const client = await connectClient(url, { applicationName: 'monps-demo-feed' });
  try {
    await client.query('BEGIN');
    const exists = await client.query("SELECT to_regclass('demo_feed_state') IS NOT NULL AS ok");
    const state = exists.rows[0].ok
      ? (
          await client.query<{ seed: number; scale: number; anchor: string; released_until: Date }>(
            "SELECT seed, scale, to_char(anchor, 'YYYY-MM-DD') AS anchor, released_until FROM demo_feed_state WHERE id = 1 FOR UPDATE",
          )
        ).rows[0]
      : undefined;
    if (!state) {
      await client.query('ROLLBACK');
      return {
        ...report,
        reason: 'no demo world recorded in demo_feed_state: nothing to release',
        seconds: (performance.now() - t0) / 1000,
      };
    }
    const from = state.released_until.getTime();
    report.from = state.released_until.toISOString();
    report.to = new Date(Math.max(from, now)).toISOString();
    if (now <= from) {
      await client.query('ROLLBACK');
      return { ...report, reason: 'up to date', seconds: (performance.now() - t0) / 1000 };
    }
    const tg = performance.now();
    const { held, generated } = heldFor(state.seed, state.scale, state.anchor, from);
    if (generated) report.generateSeconds = (performance.now() - tg) / 1000;
    if (opts.signal) throwIfCancelled(opts.signal);
    const due = releasedBetween(held, from, now);
    for (const table of ['odds_history', 'odds_totals', 'odds_spreads'] as const) {
      report.quotes += await insertQuotes(
        client,
        table,
        due.quotes.filter((q): q is DemoQuote => q.table === table),
      );
    }
    const scorers = due.quotes.filter((q): q is DemoScorerQuote => q.table === 'odds_scorers');
    report.scorerQuotes = await insertScorerQuotes(client, scorers);
    report.quotes += report.scorerQuotes;
    report.finished = await finishMatches(client, due.matches);
    report.events = await insertEvents(client, due.events);
    await client.query('UPDATE demo_feed_state SET released_until = $1 WHERE id = 1', [new Date(now)]);
    if (opts.signal) throwIfCancelled(opts.signal);
    await client.query('COMMIT');
    forget(now);
    report.released = true;
    report.reason = `released ${report.quotes} quotes, ${report.finished} results`;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

/** Writer-lane job 'demo.feed' (SyncRunner runs it before each scheduled sync of the embedded default). */
export async function demoFeed(params: DemoFeedParams, ctx: JobContext): Promise<DemoFeedReport> {
  if (!ctx.sourceUrl)
    return {
      released: false,
      reason: 'no source',
      from: null,
      to: null,
      quotes: 0,
      scorerQuotes: 0,
      finished: 0,
      events: 0,
      generateSeconds: 0,
      seconds: 0,
    };
  const now = params?.now === undefined ? Date.now() : Date.parse(params.now);
  if (!Number.isFinite(now)) throw new Error(`demo.feed: bad 'now' ${String(params.now)} (expected an ISO time)`);
  ctx.progress({ fraction: 0.1, message: 'demo feed: releasing what became due' });
  const r = await runDemoFeed(ctx.sourceUrl, { now, signal: ctx.signal });
  ctx.progress({ fraction: 1, message: `demo feed: ${r.reason}` });
  return r;
}
