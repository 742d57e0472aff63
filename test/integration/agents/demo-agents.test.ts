// Agent A and the FERRARI trap detector measured on the default demo (seed 1, scale 1, today's anchor,
// as the embedded app seeds it), through the real pipeline: the demo seeded into PostgreSQL, synced into
// a SQLite cache, agents.run as the writer worker runs it, outputs published back through the outbox.
// The ground truth is the demo's demo_plants (README of src-main/ingest/demo): steam, outlier (a
// too_good trap's quote counts as an outlier too), reverse_line, trap (with its trap_kind).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { runDemoFeed } from '../../../src-main/ingest/demo/feed';
import { runSync } from '../../../src-main/sync/run';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { agentsRunJob, forgetKept } from '../../../src-main/features/agents/runner';
import { runJob } from '../../support/jobs';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import type { RunResult } from '../../../src-main/features/agents/runner';

interface Plant {
  plant_id: string;
  kind: string;
  match_id: string;
  bookmaker: string | null;
  market: string;
  line: number | null;
  selection: string;
  details: { trap_kind?: string; books?: string[] };
}
interface Found {
  kind: string;
  matchId: number;
  market: string;
  line: number | null;
  selection: string;
  bookmaker: string | null;
  trapKind?: string;
}

let src: TestDatabase;
let dir: string;
let file: string;
let anchor: string;
let plants: Plant[];
let first: RunResult;
const ctx = () => ({ cacheFile: file, sourceUrl: src.url, signal: new AbortController().signal, progress: () => {} });
const run = (params: Record<string, unknown>) => runJob(agentsRunJob, params, ctx()) as Promise<RunResult>;
const query = async <T>(sql: string, args: unknown[] = []): Promise<T[]> => {
  const c = new pg.Client({ connectionString: src.url });
  await c.connect();
  try {
    return (await c.query(sql, args)).rows as T[];
  } finally {
    await c.end();
  }
};

beforeAll(async () => {
  src = await createTestDatabase('monps_agents');
  anchor = new Date().toISOString().slice(0, 10);
  await seedDemo(src.url, { anchor });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-agents-demo-'));
  file = path.join(dir, 'cache.sqlite');
  openCache(file, { migrate: true }).close();
  await runSync({ now: `${anchor}T00:00:00.000Z` }, ctx());
  forgetKept();
  first = await run({ full: true, asOf: `${anchor}T00:00:00.000Z` });
  plants = await query<Plant>(
    `SELECT p.plant_id, p.kind, p.match_id, p.bookmaker, p.market, p.line, p.selection, p.details FROM demo_plants p
     JOIN matches m ON m.match_id = p.match_id WHERE m.status = 'scheduled' AND p.kind IN ('steam', 'outlier', 'reverse_line', 'trap')`,
  );
}, 600_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

function foundInCache(db: Cache): Found[] {
  const findings = (
    db.prepare("SELECT match_id AS matchId, payload FROM agent_analyses WHERE agent = 'anomaly'").all() as {
      matchId: number;
      payload: string;
    }[]
  ).map((r) => ({ matchId: r.matchId, ...(JSON.parse(r.payload) as Omit<Found, 'matchId'>) }));
  const traps = (
    db.prepare('SELECT match_id AS matchId, market, line, selection, bookmaker, kind FROM market_traps').all() as (Found & {
      kind: string;
    })[]
  ).map((t) => ({ ...t, trapKind: t.kind, kind: 'trap' }));
  return [...findings, ...traps];
}

const sameLine = (p: Plant, f: Found) =>
  Number(p.match_id) === f.matchId &&
  p.market === f.market &&
  p.selection === f.selection &&
  (p.market === '1x2' || Number(p.line) === f.line);
const matches = (p: Plant, f: Found): boolean => sameLine(p, f) && (p.kind !== 'outlier' || p.bookmaker === f.bookmaker);

/** The outlier truth: planted outliers and every too_good trap's quote (one book far from the others). */
function truthOf(kind: string): Plant[] {
  const own = plants.filter((p) => p.kind === kind);
  if (kind !== 'outlier') return own;
  return [
    ...own,
    ...plants
      .filter((p) => p.kind === 'trap' && p.details.trap_kind === 'too_good')
      .map((p) => ({ ...p, kind: 'outlier', bookmaker: (p.details.books ?? [])[0] ?? null })),
  ];
}

describe('Agent A and the trap detector on the default demo', () => {
  it('find the planted steam moves, outliers, reverse lines and traps: precision and recall ≥ 0.9 each', () => {
    const db = openCache(file, { readonly: true });
    const found = foundInCache(db);
    db.close();
    const rows: string[] = [
      `${'kind'.padEnd(22)}${'planted'.padStart(8)}${'found'.padStart(7)}${'TP'.padStart(5)}${'FP'.padStart(5)}${'FN'.padStart(5)}${'precision'.padStart(11)}${'recall'.padStart(8)}`,
    ];
    const line = (name: string, truth: Plant[], mine: Found[], match = matches) => {
      const tp = mine.filter((f) => truth.some((p) => match(p, f))).length;
      const hit = truth.filter((p) => mine.some((f) => match(p, f))).length;
      const precision = mine.length ? tp / mine.length : 1;
      const recall = truth.length ? hit / truth.length : 1;
      rows.push(
        `${name.padEnd(22)}${String(truth.length).padStart(8)}${String(mine.length).padStart(7)}${String(tp).padStart(5)}${String(mine.length - tp).padStart(5)}${String(truth.length - hit).padStart(5)}${precision.toFixed(3).padStart(11)}${recall.toFixed(3).padStart(8)}`,
      );
      return { precision, recall };
    };
    const results: Record<string, { precision: number; recall: number }> = {};
    for (const kind of ['steam', 'outlier', 'reverse_line', 'trap'])
      results[kind] = line(
        kind,
        truthOf(kind),
        found.filter((f) => f.kind === kind),
      );
    // per trap kind: a plant counts when a trap of that same kind is on its selection
    for (const tk of ['inflated_favourite', 'against_sharp', 'too_good', 'compound']) {
      const truth = plants.filter((p) => p.kind === 'trap' && p.details.trap_kind === tk);
      line(
        `  trap ${tk}`,
        truth,
        found.filter((f) => f.kind === 'trap' && f.trapKind === tk),
        sameLine,
      );
    }
    console.log(`confusion per kind (default demo, anchor ${anchor}):\n${rows.join('\n')}`);
    for (const [kind, r] of Object.entries(results)) {
      expect(r.precision, `${kind} precision`).toBeGreaterThanOrEqual(0.9);
      expect(r.recall, `${kind} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('5 to 10 traps per day of fixtures (the seed KPI), not hundreds', async () => {
    const days = await query<{ day: string; matches: number }>(
      `SELECT to_char(kickoff AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS matches FROM matches
       WHERE status = 'scheduled' GROUP BY 1 ORDER BY 1`,
    );
    const db = openCache(file, { readonly: true });
    const perDay = db
      .prepare(
        `SELECT substr(m.kickoff, 1, 10) AS day, count(*) AS traps FROM market_traps t JOIN matches m ON m.match_id = t.match_id
         WHERE m.status = 'scheduled' GROUP BY 1`,
      )
      .all() as { day: string; traps: number }[];
    db.close();
    const total = perDay.reduce((a, d) => a + d.traps, 0);
    const fixtureDays = days.filter((d) => d.matches >= 10).length;
    console.log(
      `traps per day of fixtures: ${perDay.map((d) => `${d.day} ${d.traps}`).join(', ')}; mean ${(total / fixtureDays).toFixed(1)}`,
    );
    expect(total / fixtureDays).toBeGreaterThanOrEqual(5);
    expect(total / fixtureDays).toBeLessThanOrEqual(10);
  });

  it('a re-run changes nothing: no row written, no outbox entry moved', async () => {
    const db = openCache(file, { readonly: true });
    const before = db.prepare('SELECT table_name, key, generation FROM outbox ORDER BY 1, 2').all();
    db.close();
    const again = await run({ full: true, asOf: `${anchor}T00:00:00.000Z` });
    expect(again.summary.findings.map((f) => f.written)).toEqual([0, 0, 0]);
    expect(again.summary.traps.written).toBe(0);
    expect(again.summary.scorerPicks.written).toBe(0);
    expect(again.summary.findings.map((f) => f.found)).toEqual(first.summary.findings.map((f) => f.found));
    const db2 = openCache(file, { readonly: true });
    expect(db2.prepare('SELECT table_name, key, generation FROM outbox ORDER BY 1, 2').all()).toEqual(before);
    db2.close();
  });

  it('the outputs reach the source through the outbox when the connection may write ("activate market_traps")', async () => {
    const r = await runSync({ now: `${anchor}T00:00:00.000Z` }, ctx());
    expect(r.publishNote).toBeNull();
    const db = openCache(file, { readonly: true });
    const local = (db.prepare('SELECT count(*) AS n FROM market_traps').get() as { n: number }).n;
    const analyses = (db.prepare("SELECT count(*) AS n FROM agent_analyses WHERE agent = 'anomaly'").get() as { n: number }).n;
    db.close();
    expect(local).toBe(first.summary.traps.found);
    const [t] = await query<{ n: number; lines: number }>('SELECT count(*)::int AS n, count(line)::int AS lines FROM market_traps');
    expect(t.n).toBe(local);
    const [a] = await query<{ n: number }>("SELECT count(*)::int AS n FROM agent_analyses WHERE agent = 'anomaly'");
    expect(a.n).toBe(analyses);
    const [p] = await query<{ n: number }>("SELECT count(*)::int AS n FROM agent_predictions WHERE agent = 'anomaly'");
    expect(p.n).toBeGreaterThan(0);
  });

  it('incremental after the feed moves on: only the matches whose quotes changed, the same results as a full run', async () => {
    forgetKept();
    await run({ full: true, asOf: `${anchor}T00:00:00.000Z` }); // the worker keeps its series from here
    const now = Date.parse(`${anchor}T00:00:00.000Z`) + 20 * 60_000;
    const feed = await runDemoFeed(src.url, { now });
    expect(feed.quotes).toBeGreaterThan(0);
    await runSync({ now: new Date(now).toISOString() }, ctx());
    const inc = await run({ full: false, asOf: new Date(now).toISOString() });
    expect(inc.summary.mode).toBe('incremental');
    expect(inc.summary.matches).toBeGreaterThan(0);
    expect(inc.summary.matches).toBeLessThan(first.summary.matches);
    expect(inc.summary.quotes).toBeLessThan(feed.quotes * 2);
    const db = openCache(file, { readonly: true });
    const afterInc = foundInCache(db);
    db.close();
    // the same cache examined whole gives the same findings and traps
    forgetKept();
    await run({ full: true, asOf: new Date(now).toISOString() });
    const db2 = openCache(file, { readonly: true });
    const afterFull = foundInCache(db2);
    db2.close();
    const key = (f: Found) => `${f.kind}|${f.matchId}|${f.market}|${f.line}|${f.selection}|${f.bookmaker}|${f.trapKind ?? ''}`;
    expect(afterInc.map(key).sort()).toEqual(afterFull.map(key).sort());
  });

  it('raises each trap and strong steam once: alerts for medium and high active traps only', async () => {
    const asOf = new Date(Date.parse(`${anchor}T00:00:00.000Z`) + 20 * 60_000).toISOString();
    const db = openCache(file);
    db.prepare('DELETE FROM agent_alerts').run();
    db.close();
    const a = await run({ full: true, alerts: true, asOf });
    const traps = a.alerts.filter((x) => x.kind === 'trap');
    expect(traps.length).toBeGreaterThan(0);
    expect(traps.every((x) => x.severity !== 'low' && x.panel === 'ferrari' && x.matchId !== null && x.id.startsWith('trap:'))).toBe(true);
    expect(new Set(a.alerts.map((x) => x.id)).size).toBe(a.alerts.length);
    const b = await run({ full: true, alerts: true, asOf });
    expect(b.alerts).toEqual([]);
  });
});
