import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boardRows, type SeriesQuote } from '../../../src-main/features/market/board';
import { alertsJob, boardJob, movesJob, topMovesJob } from '../../../src-main/features/market/jobs';
import { jobContext, runJob } from '../../support/jobs';
import type { AnyJobDef } from '../../../src-main/platform/jobs/define';
import type { Alert, Board, MarketKind, MarketMoves, TopMove } from '../../../src-shared/contract/market';
import type { Cache } from '../../../src-main/platform/cache/open';
import { buildFixtureCache, type Fixture } from './cache-fixture';
import { toGridRows } from '../../../src-renderer/panels/command-center/rows';
import { writeRawSettings } from '../../../src-main/platform/settings';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import { netOdds } from '../../../src-shared/quant/commission';

let dir: string;
let file: string;
let db: Cache;
let fx: Fixture;

const byOp = { board: boardJob, moves: movesJob, topMoves: topMovesJob, alerts: alertsJob };
/** One of the market jobs, by the name of its contract method. */
const run = <R>({ op, ...params }: { op: keyof typeof byOp } & Record<string, unknown>): Promise<R> =>
  runJob(byOp[op] as AnyJobDef, params, jobContext(file)) as Promise<R>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-market-'));
  file = path.join(dir, 'cache.sqlite');
  ({ db, fixture: fx } = buildFixtureCache(file));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const marketOf = { odds_history: '1x2', odds_totals: 'totals', odds_spreads: 'spreads' } as const;

/** Brute force over the inserted quotes: first and last valid quote per series, real books, upcoming matches. */
function expectedQuotes(): SeriesQuote[] {
  const series = new Map<string, { first: (typeof fx.quotes)[number]; last: (typeof fx.quotes)[number] }>();
  for (const q of fx.quotes) {
    if (!fx.upcoming.includes(q.matchId) || q.bookmaker === 'Max' || q.odds <= 1 || q.observedAt > fx.asOf) continue;
    const k = `${q.table}|${q.matchId}|${q.bookmaker}|${q.line}|${q.selection}`;
    const s = series.get(k);
    if (!s) series.set(k, { first: q, last: q });
    else {
      if (q.observedAt < s.first.observedAt) s.first = q;
      if (q.observedAt > s.last.observedAt) s.last = q;
    }
  }
  return [...series.values()].map(({ first, last }) => ({
    matchId: last.matchId,
    market: marketOf[last.table] as MarketKind,
    line: last.line,
    selection: last.selection,
    bookmaker: last.bookmaker,
    odds: last.odds,
    observedAt: last.observedAt,
    openOdds: first.odds,
    openAt: first.observedAt,
  }));
}

describe('market queries on the cache', () => {
  it("board: best prices and edges net of each book's commission in the Settings (a book best gross may not be best net)", async () => {
    const settingsFile = path.join(dir, 'settings.json');
    writeRawSettings(settingsFile, {
      settings: { ...DEFAULT_SETTINGS, markets: { ...DEFAULT_SETTINGS.markets, commission: { B365: 0.1 } } },
    });
    const gross = toGridRows(await run<Board>({ op: 'board', asOf: fx.asOf }));
    const b = await runJob(boardJob, { asOf: fx.asOf }, { ...jobContext(file), settingsFile });
    // the rates of the books the board names (a book that is nowhere best is not in its list)
    expect(b.commission).toEqual(b.bookmakers.includes('B365') ? { B365: 0.1 } : {});
    const net = toGridRows(b);
    const want = new Map(boardRows(expectedQuotes(), ['PS'], { B365: 0.1 }).map((r) => [r.id, r]));
    expect(net.length).toBe(want.size);
    // brute force: the highest of every book's latest price net of its commission
    const latest = expectedQuotes();
    for (const r of net) {
      const w = want.get(r.id)!;
      expect([r.bestOdds, r.bestQuoted, r.bestBook, r.bestCommission]).toEqual([w.bestOdds, w.bestQuoted, w.bestBook, w.bestCommission]);
      const [mid, market, line, selection] = r.id.split('|');
      const nets = latest
        .filter((q) => q.matchId === Number(mid) && q.market === market && String(q.line ?? '') === line && q.selection === selection)
        .map((q) => netOdds(q.odds, q.bookmaker === 'B365' ? 0.1 : 0));
      expect(r.bestOdds).toBeCloseTo(Math.max(...nets), 12);
      expect(r.edge).toBeCloseTo(r.fairProb! * r.bestOdds! - 1, 5);
      if (r.bestBook === 'B365') expect(r.bestOdds).toBeCloseTo(netOdds(r.bestQuoted!, 0.1), 12);
    }
    // B365 loses some of its first places to the books that take nothing
    const lost = gross.filter((g) => g.bestBook === 'B365' && net.find((r) => r.id === g.id)!.bestBook !== 'B365');
    expect(lost.length).toBeGreaterThan(0);
  });

  it('board = rows computed from the latest/opening quote of every real book of the upcoming matches', async () => {
    const b = await run<Board>({ op: 'board', asOf: fx.asOf });
    const want = boardRows(expectedQuotes(), ['PS'], {});
    const rows = toGridRows(b);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows.length).toBe(want.length);
    expect(rows.length).toBe(6 * (3 + 2 + 2 + 2));
    // through the column encoding: prices exact, ratios to 1e-6
    for (const w of want) {
      const r = byId.get(w.id)!;
      const { updatedAt: _u, ...exact } = w;
      expect({ ...r, fairProb: 0, fairOdds: 0, sharpOdds: 0, margin: 0, openFairOdds: 0, move: 0, edge: 0 }).toMatchObject({
        ...exact,
        fairProb: 0,
        fairOdds: 0,
        sharpOdds: 0,
        margin: 0,
        openFairOdds: 0,
        move: 0,
        edge: 0,
      });
      for (const k of ['fairProb', 'fairOdds', 'sharpOdds', 'margin', 'openFairOdds', 'move', 'edge'] as const)
        expect(r[k]).toBeCloseTo(w[k]!, 5);
    }
    expect(b.matches.map((m) => m.matchId).sort()).toEqual(fx.upcoming);
    expect(b.sharpBooks).toEqual(['PS']);
    expect(rows.every((r) => r.bestBook !== 'Max')).toBe(true);
    // the 1.0 quote is not a price, and IW's older draw is not mixed into its latest 1X2 snapshot
    const draw2 = fx.quotes.filter((q) => q.matchId === 2 && q.bookmaker === 'IW' && q.table === 'odds_history' && q.selection === 'draw');
    expect(draw2[4].odds).toBe(1);
    expect(byId.get('2|1x2||draw')!.books).toBe(fx.books.length - 1);
    expect(byId.get('2|1x2||home')!.books).toBe(fx.books.length);
    expect(b.matches.find((m) => m.matchId === 1)).toMatchObject({
      league: 'E0',
      leagueName: 'Premier League',
      home: 'Team 1',
      away: 'Team 2',
    });
  });

  it('is memoised per cache version and rebuilt after another connection writes', async () => {
    const a = await run<Board>({ op: 'board', asOf: fx.asOf });
    const b = await run<Board>({ op: 'board', asOf: fx.asOf });
    expect(b.version).toBe(a.version);
    expect(b.buildMs).toBe(0);
    db.prepare("UPDATE odds_history SET odds = 9.5 WHERE match_id = 3 AND bookmaker = 'WH' AND selection = 'away' AND observed_at = ?").run(
      new Date(Date.parse(fx.asOf) - 3_600_000).toISOString(),
    );
    const c = await run<Board>({ op: 'board', asOf: fx.asOf });
    expect(c.version).not.toBe(a.version);
    const row = toGridRows(c).find((r) => r.id === '3|1x2||away')!;
    expect(row).toMatchObject({ bestOdds: 9.5, bestBook: 'WH' });
  });

  it('once the sync keeps checkpoints, only a sync of the tables it reads makes the board stale', async () => {
    for (const t of ['matches', 'odds_history', 'odds_totals', 'odds_spreads']) {
      db.prepare("INSERT INTO sync_state (table_name, updated_at) VALUES (?, '2026-11-25T07:00:00.000Z')").run(t);
    }
    const a = await run<Board>({ op: 'board', asOf: fx.asOf });
    db.prepare("INSERT OR REPLACE INTO app_settings (key, value) VALUES ('x', '1')").run(); // another writer, other tables
    db.prepare("UPDATE sync_state SET updated_at = '2026-11-25T07:30:00.000Z' WHERE table_name = 'quarantine_only'").run();
    expect((await run<Board>({ op: 'board', asOf: fx.asOf })).version).toBe(a.version);
    db.prepare("UPDATE odds_history SET odds = 9.9 WHERE match_id = 3 AND bookmaker = 'WH' AND selection = 'away' AND observed_at = ?").run(
      new Date(Date.parse(fx.asOf) - 3_600_000).toISOString(),
    );
    db.prepare("UPDATE sync_state SET updated_at = '2026-11-25T07:31:00.000Z' WHERE table_name = 'odds_history'").run(); // the sync's checkpoint, same transaction
    const c = await run<Board>({ op: 'board', asOf: fx.asOf });
    expect(c.version).not.toBe(a.version);
    expect(toGridRows(c).find((r) => r.id === '3|1x2||away')).toMatchObject({ bestOdds: 9.9 });
  });

  it('moves: every book over time, opening marked, the aggregate left out', async () => {
    const m = await run<MarketMoves>({ op: 'moves', matchId: 1, market: '1x2', line: null, selection: 'home' });
    expect(m.series.map((s) => s.bookmaker)).toEqual([...fx.books].sort());
    for (const s of m.series) {
      expect(s.points.length).toBe(6);
      expect(s.opening).toEqual(s.points[0]);
      expect(s.points.at(-1)!.odds).toBe(1.8);
    }
    expect(m.series.find((s) => s.bookmaker === 'PS')!.sharp).toBe(true);
    const closed = await run<MarketMoves>({ op: 'moves', matchId: 7, market: 'totals', line: 2.5, selection: 'over' });
    expect(closed.series[0].closing).toEqual(closed.series[0].points.at(-1));
    // a typed refusal crosses the worker as a value (the worker would turn a thrown one into INTERNAL)
    await expect(run({ op: 'moves', matchId: 999, market: '1x2', line: null, selection: 'home' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'no match 999 in the cache',
    });
  });

  it('top moves: the steamed selection first, with the median change of implied probability', async () => {
    const t = await run<TopMove[]>({ op: 'topMoves', hours: 3, limit: 5, asOf: fx.asOf });
    expect(t[0].id).toBe('1|1x2||home');
    expect(t[0].toOdds).toBe(1.8);
    expect(t[0].booksMoved).toBe(5);
    expect(t[0].deltaProb).toBeGreaterThan(0.05);
    expect(t.length).toBe(5);
  });

  it('alerts: large move, quarantined quotes and sync state, typed', async () => {
    db.prepare("INSERT INTO quarantine VALUES ('odds_history', '[1]', '{}', 'odds_price', 'odds 1.0 <= 1', '{}', ?, ?)").run(
      fx.asOf,
      fx.asOf,
    );
    db.prepare("UPDATE sync_status SET state = 'ok', last_success_at = ? WHERE id = 1").run(fx.asOf);
    const a = await run<Alert[]>({ op: 'alerts', hours: 3, asOf: fx.asOf });
    const kinds = a.map((x) => x.kind);
    expect(kinds).toContain('large_move');
    const q = a.find((x) => x.kind === 'quarantined_quotes');
    expect(q).toMatchObject({ table: 'odds_history', count: 1, reasons: [{ reason: 'odds_price', count: 1 }] });
    const s = a.find((x) => x.kind === 'sync_state');
    expect(s).toMatchObject({ state: 'fresh', lastSyncAt: fx.asOf });
    const lm = a.find((x) => x.kind === 'large_move');
    expect(lm?.kind === 'large_move' && lm.move.id).toBe('1|1x2||home');
  });

  it('"now" is rebuilt once when it has aged, then served from memory again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await run<Board>({ op: 'board' });
      vi.setSystemTime(Date.now() + 6 * 60_000);
      const rebuilt = await run<Board>({ op: 'board' });
      const again = await run<Board>({ op: 'board' });
      expect(rebuilt.buildMs).toBeGreaterThan(0);
      expect(again.buildMs).toBe(0); // not a new build at every request
      expect(again.version).toBe(rebuilt.version);
    } finally {
      vi.useRealTimers();
    }
  });
});
