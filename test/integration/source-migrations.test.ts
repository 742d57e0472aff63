import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrateSource } from '../../src-main/platform/pg/migrate';
import { createTestDatabase, type TestDatabase } from '../support/pg';

describe('source migrations on a real PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('creates every table of SPEC 3.1, once, and plain indexed odds tables without TimescaleDB', async () => {
    const first = await migrateSource(db.url);
    expect(first.applied.length).toBeGreaterThanOrEqual(5);
    const again = await migrateSource(db.url);
    expect(again.applied).toEqual([]);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = (
        await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
      ).rows.map((r) => r.table_name);
      for (const t of [
        'matches',
        'teams',
        'players',
        'coaches',
        'match_events',
        'odds_history',
        'odds_totals',
        'odds_spreads',
        'odds_scorers',
        'agent_analyses',
        'agent_predictions',
        'agent_feedback',
        'team_intelligence',
        'scorer_intelligence',
        'coach_intelligence',
        'tracking_clv_picks',
        'fg_combo_tracking',
        'market_patterns',
        'patterns_correlations',
        'market_traps',
        'scorer_market_picks',
      ])
        expect(tables).toContain(t);
      if (!first.timescale) {
        const brin = await client.query("SELECT indexname FROM pg_indexes WHERE indexdef ILIKE '%USING brin%'");
        expect(brin.rowCount).toBe(4); // odds_history, odds_totals, odds_spreads, odds_scorers
      }
      // updated_at moves on update (the sync's watermark)
      await client.query("INSERT INTO leagues (league_code, name) VALUES ('E0', 'Premier League')");
      const before = (await client.query('SELECT updated_at FROM leagues')).rows[0].updated_at as Date;
      await client.query("UPDATE leagues SET name = 'EPL'");
      const after = (await client.query('SELECT updated_at FROM leagues')).rows[0].updated_at as Date;
      expect(after.getTime()).toBeGreaterThan(before.getTime());
    } finally {
      await client.end();
    }
  });
});
