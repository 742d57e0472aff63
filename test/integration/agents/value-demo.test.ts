// Agent B and Agent D on the real pipeline: the demo world seeded into PostgreSQL, synced into a SQLite
// cache, then the value columns and bets read from it (checked by brute force on the mirror), the blend
// weight calibrated by the backtester and stored, the agent's outputs written with deterministic ids, the
// demo's planted stale quotes refused, and a backtest job over the cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { runSync } from '../../../src-main/sync/run';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { withClient } from '../../../src-main/platform/pg/client';
import { toContractError } from '../../../src-main/platform/errors';
import { decideValue, liveRules, valueBetsJob, valueBoardJob, valueRunJob } from '../../../src-main/features/agents/value';
import { bookRoles, collectSeries, iterateQuoteChanges, pricesAt } from '../../../src-main/features/market';
import type { MarketKind } from '../../../src-shared/contract/market';
import { backtestRunJob, calibrateJob } from '../../../src-main/features/agents/backtest';
import type { BacktestResult, BlendVersion, ValueBets, ValueBoard } from '../../../src-shared/contract/agents';
import { devig } from '../../../src-shared/quant/margins';
import { netOdds } from '../../../src-shared/quant/commission';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import { writeRawSettings } from '../../../src-main/platform/settings';
import { runJob, jobContext } from '../../support/jobs';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

let src: TestDatabase;
let dir: string;
let file: string;
let cache: Cache;
const ctx = () => jobContext(file, src.url);

beforeAll(async () => {
  src = await createTestDatabase('monps_value');
  const today = new Date();
  const anchor = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  // quotes and results known up to the real clock: the steam moves planted before now are in the cache
  await seedDemo(src.url, { seed: 5, anchor, now: Date.now() });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-value-demo-'));
  file = path.join(dir, 'cache.sqlite');
  openCache(file, { migrate: true }).close();
  await runSync({}, ctx());
  cache = openCache(file, { readonly: true });
}, 300_000);

afterAll(async () => {
  cache?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

const params = { minEdge: 0.02, kellyFraction: 0.25, cap: 0.05 };

describe('Agent B on the synced demo', () => {
  it('before any calibration: market only (w = 0), said; every upcoming quoted match has rows; 1X2 rows match the mirror', async () => {
    const b = await runJob(valueBoardJob, params, ctx());
    expect(b.blend).toBeNull();
    expect(b.warnings.join(' ')).toMatch(/not calibrated yet.*w = 0/);
    // every league of the upcoming matches has its Dixon-Coles model (the badge would name one without)
    expect(b.models.length).toBeGreaterThan(0);
    expect(b.models.filter((m) => !m.fitted)).toEqual([]);
    expect(b.matches).toBeGreaterThan(50);
    const ids = b.columns.id;
    expect(new Set(ids.map((id) => Number(id.split('|')[0]))).size).toBe(b.matches);
    // brute force: a 1X2 row's edge = sharp de-vigged probability × best fresh price − 1
    const latest = cache.prepare(
      `SELECT bookmaker, selection, odds FROM odds_history o WHERE match_id = ? AND is_closing = 0 AND odds > 1 AND observed_at <= ?
         AND observed_at = (SELECT MAX(observed_at) FROM odds_history x WHERE x.match_id = o.match_id AND x.bookmaker = o.bookmaker AND x.selection = o.selection AND x.is_closing = 0 AND x.observed_at <= ?)`,
    );
    const now = new Date().toISOString();
    // every price net of its book's commission: the demo's exchange takes 5% of net winnings
    const exchanges = (cache.prepare('SELECT bookmaker FROM bookmakers WHERE is_exchange = 1').all() as { bookmaker: string }[]).map(
      (r) => r.bookmaker,
    );
    expect(exchanges.length).toBeGreaterThan(0);
    const net = (x: { bookmaker: string; odds: number }) => (exchanges.includes(x.bookmaker) ? 1 + (x.odds - 1) * 0.95 : x.odds);
    let checked = 0;
    ids.forEach((id, i) => {
      const [mid, market, , selection] = id.split('|');
      if (market !== '1x2' || i % 5 !== 0 || b.columns.edge[i] === null || /stale/.test(b.columns.note[i])) return;
      const q = latest.all(Number(mid), now, now) as { bookmaker: string; selection: string; odds: number }[];
      const ps = ['home', 'draw', 'away'].map((s) => q.find((x) => x.bookmaker === 'PS' && x.selection === s)?.odds);
      if (ps.some((o) => o === undefined)) return;
      const k = ['home', 'draw', 'away'].indexOf(selection);
      const p = devig(ps as number[]).probabilities[k];
      // Agent B may take any book's price (the sharp one too); the demo has no aggregate column
      const best = Math.max(...q.filter((x) => x.selection === selection).map(net));
      expect(b.columns.edge[i]).toBeCloseTo(p * best - 1, 5);
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
  });

  it("the demo's planted stale quotes (a book that did not follow a steam move) are refused as best price, and named", async () => {
    // every stale plant the demo made, decided on the prices as they stood 15 minutes after its steam move
    const plants = await withClient(src.url, (c) =>
      c.query<{ match_id: string; bookmaker: string; market: string; line: number | null; selection: string; steam_at: Date }>(
        `SELECT o.match_id, o.bookmaker, o.market, o.line, o.selection, s.observed_at AS steam_at
           FROM demo_plants o JOIN demo_plants s ON s.plant_id = o.details->>'steam_plant'
          WHERE o.kind = 'outlier' AND o.details->>'variant' = 'stale' AND s.observed_at <= now()`,
      ),
    );
    expect(plants.rows.length).toBeGreaterThan(0);
    let named = 0;
    let checked = 0;
    const roles = bookRoles(cache);
    for (const p of plants.rows) {
      // the match's quotes as they stood then (finished matches of the sync window too: the cache keeps their series)
      const market = p.market as MarketKind;
      const series = collectSeries([...iterateQuoteChanges(cache, market, 'all')].filter((q) => q.matchId === Number(p.match_id))).get(
        Number(p.match_id),
      );
      // plants of past seasons (the trap history's) lie outside the cache's odds window: nothing to decide on
      if (!series) continue;
      checked++;
      const at = new Date(p.steam_at.getTime() + 15 * 60_000).toISOString();
      const d = decideValue(
        pricesAt(series, at, { sharpBooks: roles.sharp }),
        roles,
        { matrix: null, missing: null },
        liveRules(0, params),
      );
      const row = d.rows.find((r) => r.market === market && (r.line ?? null) === (p.line ?? null) && r.selection === p.selection);
      expect(row, `plant on match ${p.match_id}`).toBeDefined();
      expect(row!.bestBook).not.toBe(p.bookmaker);
      if (row!.staleBest) {
        expect(row!.staleBest.bookmaker).toBe(p.bookmaker);
        named++;
      }
    }
    // the frozen price of a book that did not follow the move is the highest on the line: named as stale
    expect(checked).toBeGreaterThan(0);
    expect(named).toBeGreaterThan(0);
  });

  it('value.calibrate: the backtester chooses w on the finished matches and stores it; the board then uses it', async () => {
    const v: BlendVersion = await runJob(calibrateJob, { days: 365 }, ctx());
    expect(v.fixtures).toBeGreaterThan(50);
    expect(v.w).toBeGreaterThanOrEqual(0);
    expect(v.w).toBeLessThanOrEqual(1);
    expect(v.loss!.chosen).toBeLessThanOrEqual(Math.min(v.loss!.marketOnly, v.loss!.modelOnly) + 1e-12);
    expect(v.method).toMatch(/minimum walk-forward log loss .* closing line/);
    const b: ValueBoard = await runJob(valueBoardJob, params, ctx());
    expect(b.blend).toEqual(v);
    expect(b.warnings.join(' ')).not.toMatch(/not calibrated/);
    const bets: ValueBets = await runJob(valueBetsJob, { ...params, limit: 20 }, ctx());
    expect(bets.bets.length).toBeGreaterThan(0);
    expect(bets.bets.every((x) => x.bet && (x.edge as number) > 0.02 && (x.stake as number) <= 0.05)).toBe(true);
    const edges = bets.bets.map((x) => x.edge as number);
    expect(edges).toEqual([...edges].sort((a, c) => c - a));
    for (const x of bets.bets) expect(x.blendOdds).toBeCloseTo(1 / (v.w * (x.modelProb ?? x.marketProb!) + (1 - v.w) * x.marketProb!), 6);
  });

  it('value.run writes one analysis per match and one prediction per selection, ids fixed by what they are about', async () => {
    const first = await runJob(valueRunJob, params, ctx());
    expect(first.analyses).toBeGreaterThan(50);
    const count = (t: string) => (cache.prepare(`SELECT count(*) AS n FROM ${t} WHERE agent = 'value'`).get() as { n: number }).n;
    expect(count('agent_analyses')).toBe(first.analyses);
    expect(count('agent_predictions')).toBe(first.predictions);
    const again = await runJob(valueRunJob, params, ctx());
    expect(count('agent_analyses')).toBe(again.analyses);
    expect(count('agent_predictions')).toBe(again.predictions);
    const a = cache
      .prepare("SELECT analysis_id, match_id, score, summary, payload FROM agent_analyses WHERE agent = 'value' AND score > 0 LIMIT 1")
      .get() as {
      analysis_id: string;
      match_id: number;
      score: number;
      summary: string;
      payload: string;
    };
    expect(a.analysis_id).toBe(`value:${a.match_id}`);
    expect(a.summary).toMatch(/value bet/);
    expect(JSON.parse(a.payload).bets.length).toBeGreaterThan(0);
    const p = cache
      .prepare(
        "SELECT prediction_id, match_id, market, line, selection, probability, fair_odds FROM agent_predictions WHERE agent = 'value' LIMIT 1",
      )
      .get() as Record<string, string | number | null>;
    expect(p.prediction_id).toBe(`value:${p.match_id}|${p.market}|${p.line ?? ''}|${p.selection}`);
    expect(p.fair_odds as number).toBeCloseTo(1 / (p.probability as number), 12);
    const pending = cache.prepare("SELECT count(*) AS n FROM outbox WHERE table_name IN ('agent_analyses', 'agent_predictions')").get() as {
      n: number;
    };
    expect(pending.n).toBe(first.analyses + first.predictions);
  });
});

describe('Agent D over the cache', () => {
  it('backtest.run replays a strategy over the cached matches; fixtures outside the odds window are said', async () => {
    const r: BacktestResult = await runJob(backtestRunJob, { strategy: 'sharp-reference', source: { kind: 'cache' } }, ctx());
    expect(r.summary.bets).toBeGreaterThan(0);
    expect(r.skipped['no sharp 1X2 price']).toBeGreaterThan(0);
    expect(r.summary.closingReference.sharp).toBeGreaterThan(0);
    // upcoming matches have no result yet and no closing line: unsettled, never a CLV of 0
    expect(r.bets.filter((b) => b.result === 'unsettled').every((b) => b.profit === null)).toBe(true);
    expect(r.bets.filter((b) => b.closing === 'none').every((b) => b.clv === null)).toBe(true);
  });

  it("backtest.run over the cache reads each book's commission from the Settings (an exchange's 5% by default)", async () => {
    const exchanges = (cache.prepare('SELECT bookmaker FROM bookmakers WHERE is_exchange = 1').all() as { bookmaker: string }[]).map(
      (r) => r.bookmaker,
    );
    expect(exchanges.length).toBeGreaterThan(0);
    const ex = exchanges[0];
    const run = async (commission: Record<string, number> | null): Promise<BacktestResult> => {
      const settingsFile = path.join(dir, `settings-${commission ? 'set' : 'default'}.json`);
      if (commission)
        writeRawSettings(settingsFile, { settings: { ...DEFAULT_SETTINGS, markets: { ...DEFAULT_SETTINGS.markets, commission } } });
      const c = { ...ctx(), ...(commission ? { settingsFile } : {}) };
      return runJob(backtestRunJob, { strategy: 'value', source: { kind: 'cache' }, params: { w: 0 }, withBets: true }, c);
    };
    const byDefault = await run(null);
    expect((byDefault.params.commission as Record<string, number>)[ex]).toBe(0.05);
    for (const b of byDefault.bets) expect(b.commission).toBe(b.bookmaker === ex ? 0.05 : 0);
    // the book the value rule bets with most, at 10% in the Settings: its prices are read net of it
    const count = new Map<string, number>();
    for (const b of byDefault.bets) count.set(b.bookmaker, (count.get(b.bookmaker) ?? 0) + 1);
    const top = [...count].sort((a, b) => b[1] - a[1])[0][0];
    const set = await run({ [top]: 0.1 });
    expect((set.params.commission as Record<string, number>)[top]).toBe(0.1);
    const at = (r: BacktestResult) => r.bets.filter((b) => b.bookmaker === top);
    expect(at(set).length).toBeLessThan(at(byDefault).length);
    for (const b of at(set)) {
      expect(b.commission).toBe(0.1);
      expect(b.odds).toBeCloseTo(netOdds(b.quotedOdds, 0.1), 12);
    }
  }, 120_000);

  it('a cancelled backtest job ends CANCELLED', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const err = await runJob(backtestRunJob, { strategy: 'value', source: { kind: 'cache' } }, jobContext(file, src.url, ctl.signal)).then(
      () => null,
      (e: unknown) => toContractError(e),
    );
    expect(err?.code).toBe('CANCELLED');
  });
});
