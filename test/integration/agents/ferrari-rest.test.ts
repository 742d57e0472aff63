// The app's wiring and the seed's REST routes over real HTTP: the headless server on a demo source;
// a sync (as "Sync now" runs it) is followed by the agents' incremental run, whose new traps raise
// alert.raised once each; /api/unified/traps-active, /api/ferrari/health, /api/ferrari/traps/{home}/{away}
// and /api/ferrari/scorers/{team} answer from the cache, unknown teams with a typed 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { runDemoFeed } from '../../../src-main/ingest/demo/feed';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { openCache } from '../../../src-main/platform/cache/open';
import type { RaisedAlert } from '../../../src-shared/contract/alerts';
import type { FerrariHealth, FerrariTeamScorers, Trap, TrapDetail, AgentRunSummary } from '../../../src-shared/contract/intel';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

let db: TestDatabase;
let app: Headless;
let base: string;
const alerts: RaisedAlert[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-ferrari-rest-'));

/** Resolves once the agents' run that follows a sync is over and what it raised is out (the alerts
 * go out in the same turn of the event loop as the job's end). */
function agentsDone(): Promise<void> {
  return new Promise((resolve) => {
    const stop = app.services.bus.onAny((name, payload) => {
      const job = payload as { kind?: string; state?: string };
      if (name === 'job.progress' && job.kind === 'agents.run' && job.state !== 'running') {
        stop();
        setImmediate(resolve);
      }
    });
  });
}

beforeAll(async () => {
  db = await createTestDatabase('monps_ferrari');
  await seedDemo(db.url, { anchor: new Date().toISOString().slice(0, 10) });
  app = await startHeadless({ port: 0, source: db.url, dataDir, background: false });
  base = app.server.url.replace(/\/$/, '');
  app.services.bus.onAny((name, payload) => {
    if (name === 'alert.raised') alerts.push(payload as RaisedAlert);
  });
  const done = agentsDone();
  await app.services.sync.run({});
  await done;
}, 600_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A REST route: the value itself on success, {ok: false, error} otherwise. */
const get = async <T>(
  route: string,
): Promise<{ status: number; body: T & { ok?: boolean; error?: { code: string; message: string } } }> => {
  const res = await fetch(`${base}${route}`);
  return { status: res.status, body: (await res.json()) as T & { ok?: boolean; error?: { code: string; message: string } } };
};
const rpc = async <T>(method: string, input: unknown): Promise<T> => {
  const res = await fetch(`${base}/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(JSON.stringify(body.error));
  return body.value;
};

describe('FERRARI over HTTP after a sync', () => {
  it('the sync was followed by the agents: new medium/high traps raised alert.raised, once each', async () => {
    const traps = alerts.filter((a) => a.kind === 'trap');
    expect(traps.length).toBeGreaterThan(0);
    expect(traps.every((a) => a.severity === 'medium' || a.severity === 'high')).toBe(true);
    expect(traps.every((a) => a.panel === 'ferrari' && a.title.startsWith('Trap: '))).toBe(true);
    expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
    // the feed moves on, another sync, another run: no id raised twice
    const before = alerts.length;
    await runDemoFeed(db.url, { now: Date.now() + 30 * 60_000 });
    const done = agentsDone();
    await app.services.sync.run({});
    await done;
    const ids = alerts.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(alerts.length).toBeGreaterThanOrEqual(before);
  });

  it('/api/unified/traps-active lists the active traps, best first, with their match', async () => {
    const { status, body } = await get<Trap[]>('/api/unified/traps-active');
    expect(status).toBe(200);
    const traps = body;
    expect(traps.length).toBeGreaterThan(0);
    expect(traps.every((t) => t.status === 'active' && t.match.home && t.match.away)).toBe(true);
    expect(traps.map((t) => t.score)).toEqual([...traps.map((t) => t.score)].sort((a, b) => b - a));
    const cache = openCache(app.services.config.cacheFile, { readonly: true });
    const n = (
      cache
        .prepare("SELECT count(*) AS n FROM market_traps t JOIN matches m USING (match_id) WHERE t.status = 'active' AND m.kickoff >= ?")
        .get(new Date(Date.now() - 3 * 3_600_000).toISOString()) as { n: number }
    ).n;
    cache.close();
    expect(traps.length).toBe(n);
  });

  it('/api/ferrari/health: the source, the cache age, the last agent run', async () => {
    const { status, body } = await get<FerrariHealth>('/api/ferrari/health');
    expect(status).toBe(200);
    const h = body;
    expect(h.status).toBe('ok');
    expect(h.source).toMatchObject({ kind: 'configured', reachable: true });
    expect(h.cache.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(h.lastAgentRun?.traps).toBeGreaterThan(0);
    const active = (await get<Trap[]>('/api/unified/traps-active')).body;
    expect(h.activeTraps).toBe(active.length);
  });

  it('/api/ferrari/traps/{home}/{away}: the traps of their next match; unknown teams are a typed 404', async () => {
    const [t] = (await get<Trap[]>('/api/unified/traps-active')).body;
    const { status, body } = await get<{ match: { matchId: number }; traps: Trap[] }>(
      `/api/ferrari/traps/${encodeURIComponent(t.match.home.toUpperCase())}/${encodeURIComponent(t.match.away)}`,
    );
    expect(status).toBe(200);
    expect(body.match.matchId).toBe(t.match.matchId);
    expect(body.traps.map((x) => x.trapId)).toContain(t.trapId);
    const missing = await get(`/api/ferrari/traps/${encodeURIComponent('Nobody United')}/${encodeURIComponent(t.match.away)}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: "unknown team 'Nobody United'" } });
  });

  it("/api/ferrari/scorers/{team}: the model's scorer probabilities with each book's best price, edge and bias", async () => {
    const [t] = (await get<Trap[]>('/api/unified/traps-active')).body;
    const { status, body } = await get<FerrariTeamScorers>(`/api/ferrari/scorers/${encodeURIComponent(t.match.home)}`);
    expect(status).toBe(200);
    const s = body;
    const priced = s.scorers.filter((x) => x.market.anytime.bestOdds !== null);
    expect(priced.length).toBeGreaterThan(3);
    for (const x of priced) {
      expect(x.market.anytime.fairOdds).toBeCloseTo(1 / (x.anytime as number), 4);
      expect(x.market.anytime.edge).toBeCloseTo((x.anytime as number) * (x.market.anytime.bestOdds as number) - 1, 5);
    }
    expect(s.bookBias.length).toBeGreaterThan(0);
    expect(s.marketNote).toBeNull();
    expect((await get(`/api/ferrari/scorers/${encodeURIComponent('Nobody United')}`)).status).toBe(404);
  });

  it("ferrari.trap: a trap's evidence, the prices of the books involved and similar past situations", async () => {
    const [t] = (await get<Trap[]>('/api/unified/traps-active')).body;
    const d = await rpc<TrapDetail>('ferrari.trap', { trapId: t.trapId });
    expect(d.trap.trapId).toBe(t.trapId);
    expect(d.series[0]).toMatchObject({ bookmaker: 'PS', sharp: true });
    expect(d.series.length).toBeGreaterThan(1);
    expect(Object.keys(d.evidence)).toContain('signals');
    expect(d.similar.n).toBe(d.trap.historicalN);
  });

  it('agents.run over RPC: a full run answers its summary', async () => {
    const s = await rpc<AgentRunSummary>('agents.run', { full: true });
    expect(s.mode).toBe('full');
    expect(s.matches).toBeGreaterThan(100);
    expect(s.traps.found).toBeGreaterThan(0);
  });
});
