// Small hand-made sources for the sync tests (plain SQL inserts, deterministic values).
import pg from 'pg';
import { openCache } from '../../../src-main/platform/cache/open';
import type { JobContext } from '../../../src-main/platform/jobs/define';
import { compareTable, type TableChecksum } from '../../../src-main/sync/checksum';
import { listSourceTables } from '../../../src-main/sync/introspect';
import { loadManifest } from '../../../src-main/sync/manifest';
import { planTable } from '../../../src-main/sync/mirror';
import { connectSource } from '../../../src-main/sync/source';
import { withClient } from '../../../src-main/platform/pg/client';
import { runSync, type SyncParams } from '../../../src-main/sync/run';
import { addTable, introspect, quarantinePage, setManifest, syncStatus } from '../../../src-main/sync/service';
import type { ManifestEntryInput } from '../../../src-shared/contract/sync';

export { withClient };

/** The sync's functions bound to one cache and source, as the writer-lane jobs call them. */
export function syncService(cacheFile: string, sourceUrl: string) {
  return {
    status: () => syncStatus(cacheFile),
    start: (params: SyncParams = {}) => runSync(params, jobContext(cacheFile, sourceUrl)),
    setManifest: (entries: ManifestEntryInput[]) => setManifest(cacheFile, sourceUrl, entries),
    introspect: () => introspect(cacheFile, sourceUrl),
    addTable: (table: string, extra: Partial<ManifestEntryInput> = {}) => addTable(cacheFile, sourceUrl, table, extra),
    quarantine: (opts: { table?: string; limit?: number; offset?: number } = {}) => quarantinePage(cacheFile, opts),
  };
}

export function jobContext(cacheFile: string, sourceUrl: string | undefined, signal = new AbortController().signal): JobContext {
  return { cacheFile, sourceUrl, signal, progress: () => {} };
}

export interface SeedOptions {
  /** Matches; each has odds from 3 bookmakers × (1x2: 3, totals: 2, spreads: 2) selections. */
  matches: number;
  /** Quotes per selection and bookmaker (time series length). */
  quotes: number;
  now: Date;
}

/** Reference data, matches spread from 60 days ago to 10 days ahead (past ones finished), odds time
 * series before each kick-off, intelligence rows with JSON, and text with tabs, newlines, backslashes
 * and non-ASCII characters to exercise COPY's escaping. */
export async function seedSource(url: string, o: SeedOptions): Promise<void> {
  await withClient(url, async (c) => {
    await c.query(`INSERT INTO leagues (league_code, name, country, tier) VALUES
      ('E0', 'Premier League', 'England', 1), ('SP1', E'La Liga \\\\ "Primera"', 'España', 1), ('D1', E'Bundes\\tliga\\nline2', NULL, 1)`);
    await c.query(`INSERT INTO bookmakers (bookmaker, name, is_sharp, is_exchange) VALUES
      ('B365', 'Bet365', false, false), ('PS', 'Pinnacle', true, false), ('BF', 'Betfair ☃ 𝄞', false, true)`);
    await c.query(`INSERT INTO teams (name, league_code, country)
      SELECT 'Team ' || g || CASE WHEN g % 5 = 0 THEN E' \\t tab' WHEN g % 7 = 0 THEN ' Müller 😀' ELSE '' END,
             (ARRAY['E0','SP1','D1'])[1 + g % 3], 'X' FROM generate_series(1, 30) g`);
    await c.query(`INSERT INTO players (team_id, name, position, goal_share, penalty_taker, expected_minutes)
      SELECT 1 + (g % 30), 'Player ' || g, (ARRAY['GK','DF','MF','FW'])[1 + g % 4], (g % 10) / 30.0, g % 9 = 0, 45 + g % 45
        FROM generate_series(1, 120) g`);
    await c.query(`INSERT INTO coaches (team_id, name, style, tenure_start)
      SELECT g, 'Coach ' || g, 'possession', DATE '2020-01-01' + g FROM generate_series(1, 30) g`);
    await c.query(
      `INSERT INTO matches (league_code, season, kickoff, home_team_id, away_team_id, status, home_goals, away_goals, home_xg, referee)
       SELECT (ARRAY['E0','SP1','D1'])[1 + g % 3], '2026-27', k, 1 + (g % 30), 1 + ((g + 1 + g / 30) % 30),
              CASE WHEN k < $1::timestamptz - interval '2 hours' AND g % 11 <> 0 THEN 'finished' ELSE 'scheduled' END,
              CASE WHEN k < $1::timestamptz THEN g % 4 END, CASE WHEN k < $1::timestamptz THEN g % 3 END,
              CASE WHEN g % 2 = 0 THEN 1.0 / 3 + g END, CASE WHEN g % 4 = 0 THEN E'Ref \\\\ back' END
         FROM generate_series(1, $2::int) g, LATERAL (SELECT $1::timestamptz - interval '60 days' + (g * 70.0 / $2) * interval '1 day' AS k) t`,
      [o.now.toISOString(), o.matches],
    );
    await insertOdds(c, o.quotes);
    await c.query(`INSERT INTO team_intelligence (team_id, season, played, form, elo, market_alerts)
      SELECT g, '2026-27', g, 'WDLWW', 1500 + g * 0.1, jsonb_build_array(jsonb_build_object('kind', 'steam', 'message', E'line\\nbreak "q"', 'at', now()))
        FROM generate_series(1, 30) g`);
    await c.query(`INSERT INTO agent_analyses (analysis_id, match_id, agent, score, summary, payload)
      SELECT 'a-' || match_id, match_id, 'anomaly', match_id % 100, E'sum\\ttab', jsonb_build_object('n', match_id, 'nested', jsonb_build_object('x', 1.5))
        FROM matches WHERE match_id % 3 = 0`);
  });
}

/** Odds rows of every match, `quotes` observations per series, 30 minutes apart before kick-off. */
export async function insertOdds(c: pg.ClientBase, quotes: number, where = 'true'): Promise<void> {
  const series = `FROM matches m CROSS JOIN (VALUES ('B365'), ('PS'), ('BF')) b(bk) CROSS JOIN generate_series(1, ${quotes}) k WHERE ${where}`;
  await c.query(`INSERT INTO odds_history (match_id, bookmaker, selection, odds, observed_at, is_closing)
    SELECT m.match_id, b.bk, s.sel, 1.2 + ((m.match_id * 7 + k * 13 + length(s.sel)) % 500) / 100.0, least(m.kickoff, now()) - k * interval '30 minutes', k = 1
      ${series.replace('WHERE', "CROSS JOIN (VALUES ('home'), ('draw'), ('away')) s(sel) WHERE")}`);
  await c.query(`INSERT INTO odds_totals (match_id, bookmaker, line, selection, odds, observed_at)
    SELECT m.match_id, b.bk, 2.5, s.sel, 1.5 + ((m.match_id + k) % 90) / 100.0, least(m.kickoff, now()) - k * interval '30 minutes'
      ${series.replace('WHERE', "CROSS JOIN (VALUES ('over'), ('under')) s(sel) WHERE")}`);
  await c.query(`INSERT INTO odds_spreads (match_id, bookmaker, line, selection, odds, observed_at)
    SELECT m.match_id, b.bk, -0.25 * (m.match_id % 5), s.sel, 1.7 + ((m.match_id * 3 + k) % 50) / 100.0, least(m.kickoff, now()) - k * interval '30 minutes'
      ${series.replace('WHERE', "CROSS JOIN (VALUES ('home'), ('away')) s(sel) WHERE")}`);
}

export interface Comparison {
  table: string;
  source: TableChecksum;
  cache: TableChecksum;
}

/** Row count + checksum of every manifest table on both sides (source restricted to the window and
 * without quarantined rows). */
export async function compareAll(url: string, cacheFile: string, now: Date): Promise<Comparison[]> {
  const db = openCache(cacheFile);
  const client = await connectSource(url);
  try {
    const source = new Map((await listSourceTables(client)).map((t) => [t.table, t]));
    const out: Comparison[] = [];
    for (const entry of loadManifest(db).filter((e) => e.enabled))
      out.push(await compareTable(db, client, planTable(entry, source.get(entry.table)), now.getTime()));
    return out;
  } finally {
    await client.end();
    db.close();
  }
}

export function mismatches(cs: Comparison[]): string[] {
  return cs
    .filter((c) => c.source.rows !== c.cache.rows || c.source.sum !== c.cache.sum)
    .map((c) => `${c.table}: source ${c.source.rows}/${c.source.sum} cache ${c.cache.rows}/${c.cache.sum}`);
}
