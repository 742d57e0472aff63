import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, DEMO_TABLES, SourceNotEmptyError } from '../../../src-main/ingest/demo/seed';
import { combinedChecksum, tableChecksums } from '../../../src-main/ingest/demo/checksum';
import { queryRows } from '../../../src-main/platform/pg/client';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

const ANCHOR = '2026-11-25';
/** Another seed, at a small scale and another anchor (the scale only thins the price series). */
const OTHER = { seed: 2, scale: 0.25, anchor: '2025-03-01' };

const query = queryRows;

describe('monps seed into a real PostgreSQL', () => {
  const dbs: TestDatabase[] = [];
  let a: TestDatabase;
  let b: TestDatabase;
  let c: TestDatabase;
  beforeAll(async () => {
    [a, b, c] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    dbs.push(a, b, c);
  });
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  // its speed (target < 20 s) is the bench's: npm run bench -- seed
  it('writes the default world, identically for the same seed, differently for another', async () => {
    const first = await seedDemo(a.url, { seed: 1, anchor: ANCHOR });
    console.log(
      `seed (default scale): ${first.seconds.toFixed(2)} s, ${first.totalRows} rows, ${first.oddsRows} quotes, ${Math.round(first.rowsPerSecond)} rows/s`,
    );
    // ~330K since the trap ground truth (three soft books on last season's 1X2, denser coming-week series)
    expect(first.oddsRows).toBeGreaterThan(300_000);
    expect(first.oddsRows).toBeLessThan(370_000);
    expect(first.scorerRows).toBeGreaterThan(5_000);
    for (const t of DEMO_TABLES) expect(first.rows[t], t).toBeGreaterThan(0);

    await seedDemo(b.url, { seed: 1, anchor: ANCHOR });
    await seedDemo(c.url, OTHER);
    const [sa, sb, sc] = await Promise.all([a, b, c].map((d) => tableChecksums(d.url, DEMO_TABLES)));
    expect(sb).toEqual(sa);
    expect(combinedChecksum(sb)).toBe(combinedChecksum(sa));
    expect(combinedChecksum(sc)).not.toBe(combinedChecksum(sa));
    for (const t of ['odds_history', 'odds_scorers', 'matches', 'players', 'demo_plants', 'demo_truth_scorers'])
      expect(sc[t].md5, t).not.toBe(sa[t].md5);
    for (const t of DEMO_TABLES) expect(sa[t].rows, t).toBe(first.rows[t]);
  }, 600_000);

  it('stores bad quotes the sync must quarantine, each located by demo_plants', async () => {
    const plants = await query<{
      plant_id: string;
      match_id: string;
      bookmaker: string;
      market: string;
      line: number | null;
      selection: string;
      observed_at: Date;
      details: { table: string; reason: string };
    }>(a.url, "SELECT * FROM demo_plants WHERE kind = 'bad_quote'");
    expect(plants.length).toBeGreaterThanOrEqual(6);
    expect(plants.filter((p) => p.details.table === 'odds_scorers')).toHaveLength(4);
    for (const p of plants) {
      const { table, reason } = p.details;
      // a bad goalscorer quote: selection = the player, market = anytime | first
      const where =
        table === 'odds_history'
          ? 'match_id = $1 AND bookmaker = $2 AND selection = $3 AND observed_at = $4'
          : table === 'odds_scorers'
            ? 'match_id = $1 AND bookmaker = $2 AND player_id = $3::bigint AND observed_at = $4 AND market = $5'
            : 'match_id = $1 AND bookmaker = $2 AND selection = $3 AND observed_at = $4 AND line = $5';
      const params =
        table === 'odds_history'
          ? [p.match_id, p.bookmaker, p.selection, p.observed_at]
          : [p.match_id, p.bookmaker, p.selection, p.observed_at, table === 'odds_scorers' ? p.market : p.line];
      const rows = await query<{ odds: number; orphan: boolean; observed_at: Date }>(
        a.url,
        `SELECT odds, NOT EXISTS (SELECT 1 FROM matches m WHERE m.match_id = o.match_id) AS orphan, observed_at
         FROM ${table} o WHERE ${where}`,
        params,
      );
      expect(rows, p.plant_id).toHaveLength(1);
      const r = rows[0];
      if (reason === 'odds_le_1') expect(r.odds).toBeLessThanOrEqual(1);
      if (reason === 'absurd') expect(r.odds).toBeGreaterThanOrEqual(999);
      if (reason === 'nan') expect(Number.isNaN(r.odds)).toBe(true);
      if (reason === 'infinity') expect(r.odds).toBe(Infinity);
      if (reason === 'orphan_match') expect(r.orphan).toBe(true);
      if (reason === 'future') expect(r.observed_at.getTime()).toBeGreaterThan(Date.parse(`${ANCHOR}T00:00:00Z`) + 300 * 86_400_000);
    }
    // Everything else is clean: finite prices above 1 on known matches, at or before the anchor for upcoming matches.
    const dirty = await query<{ n: number }>(
      a.url,
      `
      SELECT count(*)::int AS n FROM odds_history o
      WHERE (o.odds <= 1 OR o.odds >= 999 OR o.odds = 'NaN' OR o.odds = 'Infinity' OR o.observed_at > $1::timestamptz + interval '300 days'
             OR NOT EXISTS (SELECT 1 FROM matches m WHERE m.match_id = o.match_id))`,
      [ANCHOR],
    );
    const planted = plants.filter((p) => p.details.table === 'odds_history').length;
    expect(dirty[0].n).toBe(planted);
  });

  it('writes the goalscorer prices known at the anchor with their truth, and the trap and scorer plants', async () => {
    const [x] = await query<{ quotes: number; late: number; orphan: number; truth: number; untrue: number; markets: string[] }>(
      a.url,
      `SELECT (SELECT count(*) FROM odds_scorers)::int AS quotes,
              (SELECT count(*) FROM odds_scorers WHERE observed_at > $1::timestamptz AND observed_at < $1::timestamptz + interval '300 days')::int AS late,
              (SELECT count(*) FROM odds_scorers o WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.match_id = o.match_id))::int AS orphan,
              (SELECT count(*) FROM demo_truth_scorers)::int AS truth,
              (SELECT count(*) FROM odds_scorers o WHERE NOT EXISTS (SELECT 1 FROM demo_truth_scorers t
                 WHERE t.match_id = o.match_id AND t.player_id = o.player_id AND t.market = o.market))::int AS untrue,
              (SELECT array_agg(DISTINCT market ORDER BY market) FROM odds_scorers) AS markets`,
      [ANCHOR],
    );
    expect(x.quotes).toBeGreaterThan(5_000);
    expect(x.late).toBe(0); // the rest of the week is held back for the feed
    expect(x.orphan).toBe(1); // the planted orphan
    expect(x.untrue).toBe(1); // every price has its truth, the planted orphan aside
    expect(x.markets).toEqual(['anytime', 'first']);
    expect(x.truth).toBeGreaterThan(181 * 2 * 10); // ~15 priced players a match, anytime and first
    const kinds = await query<{ kind: string; n: number }>(
      a.url,
      `SELECT coalesce(p.details->>'trap_kind', p.kind) AS kind, count(*)::int AS n FROM demo_plants p JOIN matches m USING (match_id)
       WHERE m.kickoff >= $1::timestamptz AND p.kind IN ('trap', 'scorer_value') GROUP BY 1 ORDER BY 1`,
      [ANCHOR],
    );
    expect(kinds).toEqual([
      { kind: 'against_sharp', n: 12 },
      { kind: 'compound', n: 8 },
      { kind: 'inflated_favourite', n: 14 },
      { kind: 'scorer_value', n: 8 },
      { kind: 'too_good', n: 14 },
    ]);
    const [scorer] = await query<{ details: Record<string, unknown>; truth: number }>(
      a.url,
      `SELECT p.details, t.probability AS truth FROM demo_plants p
       JOIN demo_truth_scorers t ON t.match_id = p.match_id AND t.player_id = p.selection::bigint AND t.market = p.market
       WHERE p.kind = 'scorer_value' ORDER BY p.plant_id LIMIT 1`,
    );
    expect(scorer.details.true_probability).toBeCloseTo(scorer.truth, 12);
    expect(Number(scorer.details.odds) / Number(scorer.details.fair_odds)).toBeGreaterThanOrEqual(1.5);
  });

  it('fills matches, intelligence and sequences coherently', async () => {
    const [m] = await query<{ finished: number; scheduled: number; closing: number; goals: number; events: number }>(
      a.url,
      `
      SELECT count(*) FILTER (WHERE status = 'finished')::int AS finished, count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled,
             (SELECT count(*) FROM odds_history WHERE is_closing)::int AS closing,
             (SELECT sum(home_goals + away_goals) FROM matches)::int AS goals, (SELECT count(*) FROM match_events)::int AS events
      FROM matches`,
    );
    expect(m.scheduled).toBeGreaterThanOrEqual(140);
    expect(m.goals).toBe(m.events);
    expect(m.closing).toBeGreaterThan(m.finished * 3 * 2);
    const [ti] = await query<{ n: number; alerts: number }>(
      a.url,
      'SELECT count(*)::int AS n, count(*) FILTER (WHERE jsonb_array_length(market_alerts) > 0)::int AS alerts FROM team_intelligence',
    );
    expect(ti.n).toBe(152);
    expect(ti.alerts).toBeGreaterThan(0);
    // identity sequences continue after the explicit ids
    await query(a.url, "INSERT INTO teams (name) VALUES ('After Seed FC')");
    const [t] = await query<{ team_id: string }>(a.url, "SELECT team_id FROM teams WHERE name = 'After Seed FC'");
    expect(Number(t.team_id)).toBe(153);
  });

  it('refuses a source that already has matches, and --force reseeds it', async () => {
    const before = await tableChecksums(b.url, DEMO_TABLES);
    await expect(seedDemo(b.url, { seed: 3, anchor: ANCHOR })).rejects.toThrow(SourceNotEmptyError);
    await expect(seedDemo(b.url, { seed: 3, anchor: ANCHOR })).rejects.toThrow(/already has 6\d{3} matches.*--force/);
    expect(await tableChecksums(b.url, DEMO_TABLES)).toEqual(before);
    const forced = await seedDemo(b.url, { ...OTHER, force: true });
    expect(forced.rows.matches).toBeGreaterThan(6000);
    expect(combinedChecksum(await tableChecksums(b.url, DEMO_TABLES))).toBe(combinedChecksum(await tableChecksums(c.url, DEMO_TABLES)));
  }, 600_000);

  it('seeds the coming week of any anchor (another seed, scale and anchor)', async () => {
    const [x] = await query<{ n: number; days: number }>(
      c.url,
      `SELECT count(*)::int AS n, count(DISTINCT kickoff::date)::int AS days
      FROM matches WHERE kickoff >= '2025-03-01' AND kickoff < '2025-03-08' AND status = 'scheduled'`,
    );
    expect(x.n).toBeGreaterThanOrEqual(140);
    expect(x.days).toBe(7);
    const [q] = await query<{ late: number }>(
      c.url,
      `SELECT count(*)::int AS late FROM odds_history o JOIN matches m USING (match_id)
      WHERE m.status = 'scheduled' AND o.observed_at > '2025-03-01'
        AND NOT EXISTS (SELECT 1 FROM demo_plants p WHERE p.kind = 'bad_quote' AND p.match_id = o.match_id AND p.bookmaker = o.bookmaker
                        AND p.selection = o.selection AND p.observed_at = o.observed_at)`,
    );
    expect(q.late).toBe(0);
  });
});
