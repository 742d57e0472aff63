import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_TABLES, seedDemo } from '../../../src-main/ingest/demo/seed';
import { runDemoFeed } from '../../../src-main/ingest/demo/feed';
import { demoFeedJob, ensureDemoJob } from '../../../src-main/ingest/demo/jobs';
import { runJob } from '../../support/jobs';
import { combinedChecksum, tableChecksums } from '../../../src-main/ingest/demo/checksum';
import { endedBy, heldBack, MATCH_MS, releasedBetween } from '../../../src-main/ingest/demo/release';
import { generateWorld, DAY, HOUR } from '../../../src-main/ingest/demo/world';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { runSync } from '../../../src-main/sync/run';
import { queryRows } from '../../../src-main/platform/pg/client';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { compareAll, jobContext, mismatches } from '../sync/fixtures';

const ANCHOR = '2026-11-25';
const A = Date.parse(`${ANCHOR}T00:00:00Z`);
const PARAMS = { seed: 4, scale: 0.25, anchor: ANCHOR };
const T0 = A + 10 * HOUR;
const T1 = A + DAY + 2 * HOUR + 30 * 60_000;

const query = queryRows;

const counts = (url: string) =>
  query<{ odds: number; finished: number; events: number }>(
    url,
    `
  SELECT (SELECT count(*) FROM odds_history)::int + (SELECT count(*) FROM odds_totals)::int + (SELECT count(*) FROM odds_spreads)::int
           + (SELECT count(*) FROM odds_scorers)::int AS odds,
         (SELECT count(*) FROM matches WHERE status = 'finished')::int AS finished, (SELECT count(*) FROM match_events)::int AS events`,
  ).then((r) => r[0]);

describe('demo feed on a real PostgreSQL', () => {
  let fed: TestDatabase;
  let direct: TestDatabase;
  let plain: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    [fed, direct, plain] = await Promise.all([
      createTestDatabase('monps_feed'),
      createTestDatabase('monps_feed'),
      createTestDatabase('monps_feed'),
    ]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-feed-'));
  });
  afterAll(async () => {
    await Promise.all([fed, direct, plain].map((d) => d.drop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds what is known at T0, releases what became due by T1 exactly once, and the sync picks it up', async () => {
    const seeded = await seedDemo(fed.url, { ...PARAMS, now: T0 });
    expect(seeded.now).toBe(new Date(T0).toISOString());
    const [state] = await query<{ seed: number; scale: number; anchor: string; released_until: Date }>(
      fed.url,
      "SELECT seed, scale, to_char(anchor, 'YYYY-MM-DD') AS anchor, released_until FROM demo_feed_state",
    );
    expect(state).toEqual({ seed: 4, scale: 0.25, anchor: ANCHOR, released_until: new Date(T0) });
    const before = await counts(fed.url);
    const [late] = await query<{ n: number }>(
      fed.url,
      `SELECT count(*)::int AS n FROM odds_history o JOIN matches m USING (match_id)
      WHERE o.observed_at > $1 AND o.observed_at < $2::timestamptz + interval '300 days' AND m.kickoff >= $2`,
      [new Date(T0), new Date(A)],
    ); // planted 'future' quotes aside
    expect(late.n).toBe(0);

    const cacheFile = path.join(dir, 'cache.sqlite');
    const first = await runSync({ now: new Date(T0).toISOString() }, jobContext(cacheFile, fed.url));
    expect(first.quarantined).toBeGreaterThan(0);

    // the expected release, from the generator
    const world = generateWorld(PARAMS);
    const due = releasedBetween(heldBack(world, T0), T0, T1);
    expect(due.quotes.length).toBeGreaterThan(1000);
    expect(due.matches.length).toBeGreaterThan(15);

    const r = await runDemoFeed(fed.url, { now: T1 });
    console.log(
      `demo feed (scale 0.25, cold): ${r.seconds.toFixed(2)} s (${r.generateSeconds.toFixed(2)} s regenerating), ${r.quotes} quotes, ${r.finished} results, ${r.events} goals`,
    );
    expect(r).toMatchObject({ released: true, quotes: due.quotes.length, finished: due.matches.length, events: due.events.length });
    // goalscorer prices are released with the odds
    expect(r.scorerQuotes).toBe(due.quotes.filter((q) => q.table === 'odds_scorers').length);
    expect(r.scorerQuotes).toBeGreaterThan(100);
    const after = await counts(fed.url);
    expect(after.odds - before.odds).toBe(due.quotes.length);
    expect(after.finished - before.finished).toBe(due.matches.length);
    expect(after.events - before.events).toBe(due.events.length);

    // a match past its end is finished with the generated score and goals
    const m = world.matches.find(
      (x) => x.tier === 'upcoming' && endedBy(x, T1) && !endedBy(x, T0) && (x.outcome?.homeGoals ?? 0) + (x.outcome?.awayGoals ?? 0) > 0,
    );
    expect(m).toBeDefined();
    if (!m?.outcome) throw new Error('no ended match with goals');
    const [row] = await query<{
      status: string;
      home_goals: number;
      away_goals: number;
      ht_home_goals: number;
      goals: number;
      closing: number;
    }>(
      fed.url,
      `
      SELECT status, home_goals, away_goals, ht_home_goals, (SELECT count(*) FROM match_events e WHERE e.match_id = m.match_id)::int AS goals,
             (SELECT count(*) FROM odds_history o WHERE o.match_id = m.match_id AND o.is_closing AND o.observed_at = m.kickoff)::int AS closing
      FROM matches m WHERE match_id = $1`,
      [m.id],
    );
    expect(row).toEqual({
      status: 'finished',
      home_goals: m.outcome.homeGoals,
      away_goals: m.outcome.awayGoals,
      ht_home_goals: m.outcome.htHome,
      goals: m.outcome.homeGoals + m.outcome.awayGoals,
      closing: 9 * 3,
    });
    // a match not ended yet stays scheduled
    const [pending] = await query<{ n: number }>(
      fed.url,
      "SELECT count(*)::int AS n FROM matches WHERE status = 'finished' AND kickoff + interval '115 minutes' > $1",
      [new Date(T1)],
    );
    expect(pending.n).toBe(0);

    // again at T1: up to date; and with the watermark wound back, nothing is doubled either
    const again = await runDemoFeed(fed.url, { now: T1 });
    expect(again).toMatchObject({ released: false, quotes: 0, reason: 'up to date' });
    await query(fed.url, 'UPDATE demo_feed_state SET released_until = $1', [new Date(T0)]);
    const replay = await runDemoFeed(fed.url, { now: T1 });
    expect(replay).toMatchObject({ released: true, quotes: 0, finished: 0, events: 0 });
    expect(await counts(fed.url)).toEqual(after);

    // the whole source is what a seed at T1 writes (every demo table, updated_at aside)
    await seedDemo(direct.url, { ...PARAMS, now: T1 });
    expect(combinedChecksum(await tableChecksums(fed.url, DEMO_TABLES))).toBe(
      combinedChecksum(await tableChecksums(direct.url, DEMO_TABLES)),
    );

    // the incremental sync picks the new rows up (updated_at moved): the cache equals the source
    const second = await runSync({ now: new Date(T1).toISOString() }, jobContext(cacheFile, fed.url));
    expect(second.quarantined).toBe(0);
    expect(mismatches(await compareAll(fed.url, cacheFile, new Date(T1)))).toEqual([]);
    expect(MATCH_MS).toBe(115 * 60_000);
  }, 300_000);

  it('leaves a source without a recorded demo world alone (the job too)', async () => {
    await migrateSource(plain.url);
    const r = await runDemoFeed(plain.url, { now: T1 });
    expect(r.released).toBe(false);
    expect(r.reason).toMatch(/no demo world/);
    const ctx = jobContext(path.join(dir, 'none.sqlite'), undefined);
    expect(await runJob(demoFeedJob, {}, ctx)).toMatchObject({ released: false, reason: 'no source' });
    // a bad clock is refused by the job's parameters (the worker checks them before it runs)
    await expect(runJob(demoFeedJob, { now: 'yesterday' }, jobContext(path.join(dir, 'x.sqlite'), plain.url))).rejects.toThrow(
      /expected an ISO time/,
    );
  });

  it('demo.ensure keeps a live demo and regenerates one seeded before the feed existed', async () => {
    const db = await createTestDatabase('monps_feed');
    try {
      await seedDemo(db.url, { seed: 7, scale: 0.25, now: Date.now() });
      const ctx = jobContext(path.join(dir, 'ensure.sqlite'), db.url);
      expect(await runJob(ensureDemoJob, { scale: 0.25 }, ctx)).toMatchObject({ seeded: false, reason: 'demo data present' });
      await query(db.url, 'DELETE FROM demo_feed_state');
      const r = await runJob(ensureDemoJob, { scale: 0.25 }, ctx);
      expect(r).toMatchObject({ seeded: true, reason: expect.stringMatching(/earlier version/) });
      expect(await query(db.url, 'SELECT seed, scale FROM demo_feed_state')).toEqual([{ seed: 1, scale: 0.25 }]);
    } finally {
      await db.drop();
    }
  }, 300_000);
});
