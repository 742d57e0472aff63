// The real pipeline: the demo world seeded into PostgreSQL, synced into a SQLite cache, then the
// Command Center's board and the match preview read from that cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { runSync } from '../../../src-main/sync/run';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { alertsJob, boardJob, movesJob, topMovesJob } from '../../../src-main/features/market/jobs';
import { matchesJob, previewByTeamsJob, previewJob } from '../../../src-main/features/analysis/jobs';
import { runJob } from '../../support/jobs';
import type { AnyJobDef } from '../../../src-main/platform/jobs/define';
import type { Alert, Board, BoardMatch, TopMove } from '../../../src-shared/contract/market';
import type { Preview } from '../../../src-shared/contract/analysis';
import { consensusProbabilities } from '../../../src-shared/quant/consensus';
import { netOdds } from '../../../src-shared/quant/commission';
import { matchOdds } from '../../../src-shared/quant/markets';
import { fitDixonColes, predictMatrix } from '../../../src-shared/quant/poisson/dixon-coles';
import { toGridRows } from '../../../src-renderer/panels/command-center/rows';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

let src: TestDatabase;
let dir: string;
let file: string;
let cache: Cache;
const ctx = () => ({ cacheFile: file, sourceUrl: src.url, signal: new AbortController().signal, progress: () => {} });
const byOp = { board: boardJob, moves: movesJob, topMoves: topMovesJob, alerts: alertsJob };
/** One of the market jobs, by the name of its contract method. */
const market = <R>({ op, ...params }: { op: keyof typeof byOp } & Record<string, unknown>): Promise<R> =>
  runJob(byOp[op] as AnyJobDef, params, ctx()) as Promise<R>;

beforeAll(async () => {
  src = await createTestDatabase('monps_market');
  const today = new Date();
  await seedDemo(src.url, { seed: 5, anchor: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-market-demo-'));
  file = path.join(dir, 'cache.sqlite');
  openCache(file, { migrate: true }).close();
  await runSync({}, ctx());
  cache = openCache(file, { readonly: true });
});

afterAll(async () => {
  cache?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

describe('board and preview on a synced demo cache', () => {
  it('every 1X2 row: best price and consensus from the latest quote of each real book (brute force on the mirror)', async () => {
    const b = await market<Board>({ op: 'board' });
    const rows = toGridRows(b).filter((r) => r.market === '1x2');
    expect(rows.length).toBeGreaterThan(300);
    const now = new Date().toISOString();
    const latest = cache.prepare(
      `SELECT o.bookmaker AS bookmaker, o.selection AS selection, o.odds AS odds FROM odds_history o
       WHERE o.match_id = ? AND o.odds > 1 AND o.observed_at <= ? AND o.bookmaker NOT IN (SELECT bookmaker FROM bookmakers WHERE is_aggregate = 1)
         AND o.observed_at = (SELECT MAX(observed_at) FROM odds_history x WHERE x.match_id = o.match_id AND x.bookmaker = o.bookmaker
           AND x.selection = o.selection AND x.odds > 1 AND x.observed_at <= ?)`,
    );
    const sels = ['home', 'draw', 'away'];
    const exchanges = new Set(
      (cache.prepare('SELECT bookmaker FROM bookmakers WHERE is_exchange = 1').all() as { bookmaker: string }[]).map((x) => x.bookmaker),
    );
    expect(exchanges.size).toBeGreaterThan(0);
    for (const r of rows.filter((_, i) => i % 7 === 0)) {
      const q = latest.all(r.matchId, now, now) as { bookmaker: string; selection: string; odds: number }[];
      const books = new Map<string, (number | null)[]>();
      for (const x of q) {
        const o = books.get(x.bookmaker) ?? [null, null, null];
        o[sels.indexOf(x.selection)] = x.odds;
        books.set(x.bookmaker, o);
      }
      const mine = q.filter((x) => x.selection === r.selection);
      // the best for the bettor: net of the demo exchange's 5% commission on winnings
      const net = (x: { bookmaker: string; odds: number }) => netOdds(x.odds, exchanges.has(x.bookmaker) ? 0.05 : 0);
      expect(r.bestOdds).toBe(Math.max(...mine.map(net)));
      expect(b.commission[r.bestBook!] ?? 0).toBe(exchanges.has(r.bestBook!) ? 0.05 : 0);
      expect(r.books).toBe(mine.length);
      const c = consensusProbabilities([...books].sort(([a], [b2]) => (a < b2 ? -1 : 1)).map(([bookmaker, odds]) => ({ bookmaker, odds })));
      expect(r.fairProb).toBeCloseTo(c.probabilities[sels.indexOf(r.selection)], 8);
    }
  });

  it("the consensus sits near the demo's true probabilities", async () => {
    const b = await market<Board>({ op: 'board' });
    const rows = toGridRows(b).filter((r) => r.market === '1x2' && r.fairProb !== null);
    const c = new pg.Client({ connectionString: src.url });
    await c.connect();
    try {
      const truth = await c.query<{ match_id: string; selection: string; probability: number }>(
        "SELECT match_id, selection, probability FROM demo_truth_probabilities WHERE market = '1x2'",
      );
      const t = new Map(truth.rows.map((x) => [`${x.match_id}|${x.selection}`, Number(x.probability)]));
      const errs = rows.map((r) => Math.abs(r.fairProb! - t.get(`${r.matchId}|${r.selection}`)!));
      const mae = errs.reduce((a, e) => a + e, 0) / errs.length;
      expect(mae).toBeLessThan(0.03);
    } finally {
      await c.end();
    }
  });

  it('preview: model probabilities equal an own fit on the finished matches of the cache', async () => {
    const matches = (await runJob(matchesJob, { limit: 50 }, ctx())) as BoardMatch[];
    const p = (await runJob(previewJob, { matchId: matches[3].matchId }, ctx())) as Preview;
    expect(p.model).not.toBeNull();
    const results = (
      cache
        .prepare(
          "SELECT substr(kickoff, 1, 10) AS date, home_team_id AS h, away_team_id AS a, home_goals AS hg, away_goals AS ag FROM matches WHERE league_code = ? AND status = 'finished' AND home_goals IS NOT NULL ORDER BY kickoff, match_id",
        )
        .all(p.match.league) as { date: string; h: number; a: number; hg: number; ag: number }[]
    ).map((r) => ({ date: r.date, home: String(r.h), away: String(r.a), homeGoals: r.hg, awayGoals: r.ag }));
    const model = fitDixonColes(results, { asOf: p.model!.asOf, xi: p.model!.xi });
    const x = matchOdds(predictMatrix(model, String(p.match.homeTeamId), String(p.match.awayTeamId)));
    const one = (s: string) => p.markets.find((r) => r.market === '1x2' && r.selection === s)!;
    expect(one('home').modelProb).toBeCloseTo(x.home, 5);
    expect(one('away').modelProb).toBeCloseTo(x.away, 5);
    expect(one('home').marketProb).not.toBeNull();
    // every edge at the best net price (net of its book's commission), the quoted price beside it
    for (const r of p.markets.filter((x) => x.market === '1x2' && x.bestOdds !== null)) {
      expect(r.bestOdds).toBeCloseTo(netOdds(r.bestQuoted!, r.bestCommission!), 12);
      expect(r.edge).toBeCloseTo(r.modelProb * r.bestOdds! - 1, 12);
    }
    expect(p.form.home.last.length).toBeGreaterThan(0);
    expect(p.scorers.home.length).toBeGreaterThan(0);
    await expect(runJob(previewByTeamsJob, { home: 'Nowhere FC', away: p.match.away }, ctx())).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: "unknown team 'Nowhere FC'",
      details: { team: 'Nowhere FC' },
    });
  });

  it('top moves and the alerts feed: the planted bad quotes are quarantined, the sync is fresh', async () => {
    const t = await market<TopMove[]>({ op: 'topMoves', hours: 12, limit: 10 });
    expect(t.length).toBeGreaterThan(0);
    const a = await market<Alert[]>({ op: 'alerts', hours: 12 });
    expect(a.find((x) => x.kind === 'sync_state')).toMatchObject({ state: 'fresh' });
    expect(a.filter((x) => x.kind === 'quarantined_quotes').length).toBeGreaterThan(0);
  });
});
