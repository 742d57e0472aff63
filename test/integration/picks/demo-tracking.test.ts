// Pick tracking on the demo world: a real PostgreSQL seeded at a small scale and synced; picks and
// placed bets made through the contract at prices the cache shows; the live feed advanced so the
// matches close and finish; closing capture and settlement run; every number compared with an
// independent computation from the source's own rows. Then idempotence, publication, a corrected
// score and a postponed match.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { runDemoFeed } from '../../../src-main/ingest/demo/feed';
import { DAY, HOUR } from '../../../src-main/ingest/demo/world';
import { runSync } from '../../../src-main/sync/run';
import { queryRows } from '../../../src-main/platform/pg/client';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { settlePicksJob } from '../../../src-main/features/picks';
import type { PickInput, PickRow, SettleReport } from '../../../src-shared/contract/picks';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { jobContext, runJob } from '../../support/jobs';
import { expectedUnit, picksContract, resultOfUnit } from './support';

const ANCHOR = '2026-11-25';
const A = Date.parse(`${ANCHOR}T00:00:00Z`);
const T0 = A + 10 * HOUR; // picks are made at T0
const T1 = A + DAY + 14 * HOUR; // the feed runs to T1: matches kicked off before T1 − 115 min are finished
const iso = (t: number) => new Date(t).toISOString();

let src: TestDatabase;
let dir: string;
let cacheFile: string;
let api: ReturnType<typeof picksContract>;
/** The demo's true probabilities, `${match}|${market}|${line}|${selection}`. */
const truthProbs = new Map<string, number>();

const sync = (now: number) => runSync({ now: iso(now) }, jobContext(cacheFile, src.url));
const settle = (now: number): Promise<SettleReport> => runJob(settlePicksJob, { now: iso(now) }, jobContext(cacheFile, src.url));
const read = <T>(fn: (db: Cache) => T): T => {
  const db = openCache(cacheFile, { readonly: true, migrate: false });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

interface Q {
  bookmaker: string;
  selection: string;
  line: number | null;
  odds: number;
  observed_at: string;
}

/** The latest quote of every book for each selection of one market line, as the cache shows it at `at`. */
function latestQuotes(db: Cache, matchId: number, market: string, line: number | null, at: string): Q[] {
  const table = market === '1x2' ? 'odds_history' : market === 'totals' ? 'odds_totals' : 'odds_spreads';
  const lineCol = market === '1x2' ? 'NULL' : 'o.line';
  const lineCond = market === '1x2' ? '' : 'AND o.line = @line';
  return db
    .prepare(
      `SELECT o.bookmaker, o.selection, ${lineCol} AS line, o.odds, o.observed_at FROM ${table} o
       WHERE o.match_id = @m ${lineCond} AND o.observed_at = (SELECT max(x.observed_at) FROM ${table} x WHERE x.match_id = o.match_id
         AND x.bookmaker = o.bookmaker AND x.selection = o.selection ${market === '1x2' ? '' : 'AND x.line = o.line'} AND x.observed_at <= @at)
       ORDER BY o.bookmaker, o.selection`,
    )
    .all({ m: matchId, at, ...(market === '1x2' ? {} : { line }) }) as Q[];
}

function linesOf(db: Cache, matchId: number, table: string, at: string): number[] {
  return db
    .prepare(`SELECT DISTINCT line FROM ${table} WHERE match_id = ? AND observed_at <= ? ORDER BY line`)
    .pluck()
    .all(matchId, at) as number[];
}

beforeAll(async () => {
  src = await createTestDatabase('monps_picks');
  await seedDemo(src.url, { seed: 11, scale: 0.25, anchor: ANCHOR, now: T0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-picks-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  await sync(T0);
  api = picksContract(cacheFile);
  const truth = await queryRows<{ match_id: string; market: string; line: number; selection: string; probability: number }>(
    src.url,
    'SELECT match_id, market, line, selection, probability FROM demo_truth_probabilities',
  );
  for (const r of truth) truthProbs.set(`${r.match_id}|${r.market}|${r.line}|${r.selection}`, r.probability);
}, 300_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

describe('pick tracking on the demo world (PostgreSQL → sync → picks → feed → capture → settlement)', () => {
  const made: PickRow[] = [];
  const bets: PickRow[] = [];

  it('records picks and placed bets at prices the cache shows', async () => {
    const inputs: PickInput[] = [];
    read((db) => {
      const matches = db
        .prepare(
          "SELECT match_id AS id, kickoff FROM matches WHERE status = 'scheduled' AND kickoff > ? AND kickoff < ? ORDER BY kickoff, match_id LIMIT 14",
        )
        .all(iso(T0 + HOUR), iso(T1 - 2 * HOUR)) as { id: number; kickoff: string }[];
      expect(matches.length).toBeGreaterThanOrEqual(10);
      const truth = (m: number, market: string, line: number, sel: string) => truthProbs.get(`${m}|${market}|${line}|${sel}`);
      matches.forEach((m, k) => {
        const pick = (
          market: 'totals' | 'spreads' | '1x2',
          line: number | null,
          selection: string,
          pickBook: (qs: Q[]) => Q | undefined,
        ) => {
          const qs = latestQuotes(db, m.id, market, line, iso(T0));
          const q = pickBook(qs.filter((x) => x.selection === selection));
          if (!q) return;
          const p = truth(m.id, market, line ?? 0, selection);
          inputs.push({
            matchId: m.id,
            market,
            line,
            selection,
            bookmaker: q.bookmaker,
            odds: q.odds,
            stake: 1 + (inputs.length % 4),
            pickedAt: iso(T0),
            source: k % 2 ? 'conseil' : 'agent-b',
            modelProb:
              market === '1x2' || (line !== null && Math.abs(line * 2 - Math.round(line * 2)) < 1e-9 && !Number.isInteger(line))
                ? (p ?? null)
                : null,
            fairOdds: p ? 1 / p : null,
            reasons: [`best ${selection} price`],
            decision: {
              modelVersion: 'test-engine 1',
              modelParams: { rule: 'best price' },
              weights: { market: 1 },
              oddsSnapshot: qs.map((x) => ({
                bookmaker: x.bookmaker,
                selection: x.selection,
                line: x.line,
                odds: x.odds,
                observedAt: x.observed_at,
              })),
            },
          });
        };
        const best = (qs: Q[]) => [...qs].sort((a, b) => b.odds - a.odds || a.bookmaker.localeCompare(b.bookmaker))[0];
        const book = (code: string) => (qs: Q[]) => qs.find((q) => q.bookmaker === code);
        pick('1x2', null, ['home', 'draw', 'away'][k % 3], best);
        pick('1x2', null, ['away', 'home', 'draw'][k % 3], book('BFE'));
        const totals = linesOf(db, m.id, 'odds_totals', iso(T0));
        pick('totals', totals[k % totals.length], k % 2 ? 'over' : 'under', best);
        const spreads = linesOf(db, m.id, 'odds_spreads', iso(T0));
        for (const l of spreads) pick('spreads', l, (k + Math.round(l * 4)) % 2 ? 'home' : 'away', best);
      });
    });
    expect(inputs.some((p) => p.market === 'spreads' && !Number.isInteger((p.line as number) * 2))).toBe(true); // quarter lines
    const r = await api.call('picks.record', { picks: inputs });
    made.push(...r.picks);
    expect(made).toHaveLength(inputs.length);
    expect(made.every((p) => p.state === 'open' && p.kind === 'pick' && p.clv === null)).toBe(true);

    // the analyst places three of them elsewhere, at other prices
    for (const p of made.slice(0, 3)) {
      const b = await api.call('picks.place', {
        pickId: p.pickId,
        bookmaker: 'B365',
        odds: Math.round((p.odds - 0.05) * 100) / 100,
        stake: 20,
        placedAt: iso(T0 + 60_000),
      });
      expect(b).toMatchObject({
        kind: 'bet',
        parentPickId: p.pickId,
        matchId: p.matchId,
        market: p.market,
        line: p.line,
        selection: p.selection,
        source: p.source,
      });
      bets.push(b);
    }
    // a pick keeps what it was decided on
    const d = await api.call('picks.get', { pickId: made[0].pickId });
    expect(d.decision?.modelVersion).toBe('test-engine 1');
    expect(d.decision?.oddsSnapshot?.length).toBeGreaterThan(1);
    expect(d.bets.map((b) => b.pickId)).toEqual([bets[0].pickId]);
  });

  it('captures the closing line at kick-off and settles from the result, as computed independently from the source', async () => {
    const fed = await runDemoFeed(src.url, { now: T1 });
    expect(fed.finished).toBeGreaterThan(10);
    await sync(T1);
    const report = await settle(T1);
    const all = [...made, ...bets];
    expect(report.closing.candidates).toBe(all.length);
    expect(report.closing.captured).toBe(all.length); // the sharp book's closing quote exists for every line picked
    expect(report.results.settled).toBe(all.length);

    const rows = (await api.call('picks.list', { limit: 1000 })).rows;
    expect(rows).toHaveLength(all.length);
    for (const p of rows) {
      const table = p.market === '1x2' ? 'odds_history' : p.market === 'totals' ? 'odds_totals' : 'odds_spreads';
      const closing = await queryRows<{ selection: string; odds: number }>(
        src.url,
        `SELECT o.selection, o.odds FROM ${table} o JOIN matches m USING (match_id) WHERE o.match_id = $1 AND o.bookmaker = 'PS'
           AND o.is_closing AND o.observed_at = m.kickoff ${p.market === '1x2' ? '' : 'AND o.line = $2'}`,
        p.market === '1x2' ? [p.matchId] : [p.matchId, p.line],
      );
      const sels = p.market === '1x2' ? ['home', 'draw', 'away'] : p.market === 'totals' ? ['over', 'under'] : ['home', 'away'];
      expect(closing.map((c) => c.selection).sort()).toEqual([...sels].sort());
      const inv = closing.reduce((s, c) => s + 1 / c.odds, 0);
      const mine = closing.find((c) => c.selection === p.selection)!;
      const fairP = 1 / mine.odds / inv;
      expect(p.closingReference).toBe('PS');
      expect(p.closingStatus).toBe('closing');
      expect(p.closingOdds).toBe(mine.odds);
      expect(p.closingFairOdds).toBeCloseTo(1 / fairP, 12);
      expect(p.clv).toBeCloseTo(p.odds * fairP - 1, 12);
      expect(p.clvRaw).toBeCloseTo(p.odds / mine.odds - 1, 12);

      const [m] = await queryRows<{ home_goals: number; away_goals: number; status: string }>(
        src.url,
        'SELECT home_goals, away_goals, status FROM matches WHERE match_id = $1',
        [p.matchId],
      );
      expect(m.status).toBe('finished');
      const unit = expectedUnit(p.market, p.line, p.selection, p.odds, m.home_goals, m.away_goals);
      expect(p.result).toBe(resultOfUnit(unit, p.odds));
      expect(p.profit).toBeCloseTo(p.stake * unit, 12);
      expect([p.homeGoals, p.awayGoals]).toEqual([m.home_goals, m.away_goals]);
    }
    // every kind of result a quarter line can give shows up, and half results are settled exactly
    expect(new Set(rows.map((r) => r.result))).toContain('won');
    expect(new Set(rows.map((r) => r.result))).toContain('lost');
    expect(rows.some((r) => r.result === 'half_won' || r.result === 'half_lost')).toBe(true);
  });

  it('a second pass changes nothing; the sync publishes the picks with their CLV and settlement', async () => {
    const outbox = () =>
      read((db) => db.prepare("SELECT key, generation FROM outbox WHERE table_name = 'tracking_clv_picks' ORDER BY key").all());
    const before = outbox();
    const again = await settle(T1);
    expect(again.closing.written + again.results.written + again.combos.written).toBe(0);
    expect(outbox()).toEqual(before);

    const s = await sync(T1 + 60_000);
    expect(s.published).toBe(made.length + bets.length);
    const pub = await queryRows<{
      pick_id: string;
      clv: number;
      result: string;
      profit: number;
      closing_reference: string;
      kind: string;
      model_version: string | null;
    }>(src.url, 'SELECT pick_id, clv, result, profit, closing_reference, kind, model_version FROM tracking_clv_picks ORDER BY pick_id');
    const cache = (await api.call('picks.list', { limit: 1000 })).rows.sort((a, b) => (a.pickId < b.pickId ? -1 : 1));
    expect(pub.map((r) => [r.pick_id, r.clv, r.result, r.profit, r.closing_reference, r.kind])).toEqual(
      cache.map((r) => [r.pickId, r.clv, r.result, r.profit, r.closingReference, r.kind]),
    );
    expect(pub.filter((r) => r.kind === 'pick').every((r) => r.model_version === 'test-engine 1')).toBe(true);
  });

  it('a corrected score re-settles once, to the latest result', async () => {
    const target = made.find((p) => p.market === 'totals')!;
    const [m] = await queryRows<{ home_goals: number; away_goals: number }>(
      src.url,
      'SELECT home_goals, away_goals FROM matches WHERE match_id = $1',
      [target.matchId],
    );
    await queryRows(src.url, 'UPDATE matches SET home_goals = home_goals + 2 WHERE match_id = $1', [target.matchId]);
    await sync(T1 + 2 * 60_000);
    const r = await settle(T1 + 2 * 60_000);
    const onMatch = [...made, ...bets].filter((p) => p.matchId === target.matchId);
    expect(r.results.resettled).toBe(onMatch.length);
    const rows = (await api.call('picks.list', { matchId: target.matchId })).rows;
    for (const p of rows) {
      const unit = expectedUnit(p.market, p.line, p.selection, p.odds, m.home_goals + 2, m.away_goals);
      expect(p.result).toBe(resultOfUnit(unit, p.odds));
      expect(p.profit).toBeCloseTo(p.stake * unit, 12);
      expect(p.settlementNote).toContain(`re-settled on ${m.home_goals + 2}-${m.away_goals} (was ${m.home_goals}-${m.away_goals}`);
    }
    // the same correction delivered again: settled once
    await queryRows(src.url, 'UPDATE matches SET home_goals = home_goals WHERE match_id = $1', [target.matchId]);
    await sync(T1 + 3 * 60_000);
    const twice = await settle(T1 + 3 * 60_000);
    expect(twice.results.written).toBe(0);
  });

  it('a pick on a match postponed before kick-off is voided with its reason', async () => {
    const [late] = read((db) =>
      db
        .prepare("SELECT match_id AS id FROM matches WHERE status = 'scheduled' AND kickoff > ? ORDER BY kickoff LIMIT 1")
        .all(iso(T1 + DAY)),
    ) as { id: number }[];
    const qs = read((db) => latestQuotes(db, late.id, '1x2', null, iso(T1)));
    const q = qs.find((x) => x.selection === 'home')!;
    const [p] = (
      await api.call('picks.record', {
        picks: [
          {
            matchId: late.id,
            market: '1x2',
            line: null,
            selection: 'home',
            bookmaker: q.bookmaker,
            odds: q.odds,
            stake: 5,
            pickedAt: iso(T1),
            decision: { modelVersion: 't', modelParams: {}, weights: {}, oddsSnapshot: [{ ...q, observedAt: q.observed_at }] },
          },
        ],
      })
    ).picks;
    await queryRows(src.url, "UPDATE matches SET status = 'postponed' WHERE match_id = $1", [late.id]);
    await sync(T1 + 4 * 60_000);
    const r = await settle(T1 + 4 * 60_000);
    expect(r.results.voided).toBe(1);
    const [row] = (await api.call('picks.list', { matchId: late.id })).rows;
    expect(row).toMatchObject({ pickId: p.pickId, result: 'void', profit: 0, settlementNote: 'void: match postponed', clv: null });
  });
});
