// Hand-made pick-tracking cases on a real PostgreSQL and SQLite cache: each closing-line reference,
// quarter lines settled exactly, void on a postponement, a late score, picks the team recorded
// elsewhere left as they were, and bad input refused with a clear message and nothing written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../src-main/sync/run';
import { queryRows } from '../../../src-main/platform/pg/client';
import { openCache } from '../../../src-main/platform/cache/open';
import { settlePicksJob } from '../../../src-main/features/picks';
import type { PickRow } from '../../../src-shared/contract/picks';
import { settleCommand } from '../../../src-main/cli/commands/settle';
import { UsageError, type CommandIO } from '../../../src-main/cli/command';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { jobContext, runJob } from '../../support/jobs';
import { at, buildSource, K, MIN, pickOf } from './fixtures';
import { picksContract } from './support';

let src: TestDatabase;
let dir: string;
let cacheFile: string;
let api: ReturnType<typeof picksContract>;
const NOW = K + 6 * 60 * MIN;
const sync = (now = NOW) => runSync({ now: new Date(now).toISOString() }, jobContext(cacheFile, src.url));
const settle = (now = NOW) => runJob(settlePicksJob, { now: new Date(now).toISOString() }, jobContext(cacheFile));
const byId = async (): Promise<Map<string, PickRow>> => new Map((await api.call('picks.list', {})).rows.map((r) => [r.pickId, r]));
/** Fair probability of outcome i by normalising 1/odds (the multiplicative de-vig, written out). */
const fair = (odds: number[], i: number) => 1 / odds[i] / odds.reduce((s, o) => s + 1 / o, 0);

beforeAll(async () => {
  src = await createTestDatabase('monps_pick_cases');
  await buildSource(src.url);
  // two picks the team recorded elsewhere: one settled by its own pipeline (no basis columns), one open
  await queryRows(
    src.url,
    `INSERT INTO tracking_clv_picks (pick_id, match_id, market, selection, bookmaker, odds_taken, stake, source, picked_at, closing_odds, clv, result, profit, settled_at)
     VALUES ('team-settled', 1, '1x2', 'away', 'B365', 3.4, 10, 'legacy', $1, 3.55, 0.01, 'won', 24, $2),
            ('team-open', 1, '1x2', 'home', 'B365', 2.2, 10, 'legacy', $1, NULL, NULL, NULL, NULL, NULL)`,
    [at(-240), at(200)],
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-pick-cases-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  await sync();
  api = picksContract(cacheFile);
}, 120_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

describe('closing line: the reference and what is missing', () => {
  it('sharp book at the close, else the exchange, else the average of the real books; last quotes before kick-off; missing stays null', async () => {
    await api.call('picks.record', {
      picks: [
        pickOf({ pickId: 'm1-home', matchId: 1, market: '1x2', selection: 'home', bookmaker: 'B365', odds: 2.2 }),
        pickOf({ pickId: 'm2-away', matchId: 2, market: '1x2', selection: 'away', bookmaker: 'BFE', odds: 3.3 }),
        pickOf({ pickId: 'm3-home', matchId: 3, market: '1x2', selection: 'home', bookmaker: 'WH', odds: 2.6 }),
        pickOf({ pickId: 'm4-away', matchId: 4, market: '1x2', selection: 'away', bookmaker: 'PS', odds: 4.4, pickedAt: at(-150) }),
        pickOf({ pickId: 'm5-ah', matchId: 5, market: 'spreads', line: -1.25, selection: 'home', bookmaker: 'B365', odds: 2.3 }),
      ],
    });
    const r = await settle();
    expect(r.closing).toMatchObject({ captured: 4, lastQuote: 1, missing: 1 }); // team-open is captured too
    const p = await byId();
    expect(p.get('m1-home')).toMatchObject({ closingReference: 'PS', closingStatus: 'closing', closingOdds: 2.1, closingBookOdds: 2.05 });
    expect(p.get('m1-home')!.clv).toBeCloseTo(2.2 * fair([2.1, 3.4, 3.6], 0) - 1, 12);
    expect(p.get('m1-home')!.clvRaw).toBeCloseTo(2.2 / 2.1 - 1, 12);
    expect(p.get('m2-away')).toMatchObject({ closingReference: 'BFE', closingOdds: 3.1 });
    // BFE, an exchange, takes 5% of net winnings: the pick is tracked at 1 + 2.3 × 0.95 = 3.185, its CLV too
    expect(p.get('m2-away')).toMatchObject({ quotedOdds: 3.3, commission: 0.05 });
    expect(p.get('m2-away')!.odds).toBeCloseTo(3.185, 12);
    expect(p.get('m2-away')!.clv).toBeCloseTo(3.185 * fair([2.56, 3.15, 3.1], 2) - 1, 12);
    expect(p.get('m1-home')).toMatchObject({ odds: 2.2, quotedOdds: 2.2, commission: 0 });
    const avg = [(2.5 + 2.4) / 2, (3.2 + 3.3) / 2, (2.9 + 3.0) / 2]; // the Avg column (9.0) is no book
    expect(p.get('m3-home')).toMatchObject({ closingReference: 'average of 2 books', closingStatus: 'closing' });
    expect(p.get('m3-home')!.closingOdds).toBeCloseTo(avg[0], 12);
    expect(p.get('m3-home')!.clv).toBeCloseTo(2.6 * fair(avg, 0) - 1, 12);
    expect(p.get('m4-away')).toMatchObject({ closingReference: 'PS', closingStatus: 'last_quote', closingOdds: 4.9 }); // not the in-play 15.0
    expect(p.get('m4-away')!.clv).toBeCloseTo(4.4 * fair([1.8, 3.7, 4.9], 2) - 1, 12);
    expect(p.get('m5-ah')).toMatchObject({ closingStatus: 'missing', closingReference: null, closingOdds: null, clv: null, clvRaw: null });
    // the team's open pick is tracked; the one its own pipeline settled keeps that pipeline's numbers
    expect(p.get('team-open')).toMatchObject({ closingReference: 'PS', closingOdds: 2.1, result: 'won' });
    expect(p.get('team-open')!.profit).toBeCloseTo(12, 12);
    expect(p.get('team-settled')).toMatchObject({
      closingOdds: 3.55,
      clv: 0.01,
      result: 'won',
      profit: 24,
      closingStatus: null,
      settlementNote: null,
    });
  });

  it('a closing quote that syncs late replaces the last quote before kick-off', async () => {
    await queryRows(
      src.url,
      `INSERT INTO odds_history (match_id, bookmaker, selection, odds, observed_at, is_closing) VALUES
       (4, 'PS', 'home', 1.85, $1, true), (4, 'PS', 'draw', 3.6, $1, true), (4, 'PS', 'away', 4.7, $1, true)`,
      [at(0)],
    );
    await sync(NOW + MIN);
    const r = await settle(NOW + MIN);
    expect(r.closing.written).toBe(1);
    const p = (await byId()).get('m4-away')!;
    expect(p).toMatchObject({ closingStatus: 'closing', closingOdds: 4.7 });
    expect(p.clv).toBeCloseTo(4.4 * fair([1.85, 3.6, 4.7], 2) - 1, 12);
  });
});

describe('settlement', () => {
  it('settles quarter and whole Asian lines and totals exactly (half won, half lost, void)', async () => {
    await api.call('picks.record', {
      picks: [
        pickOf({ pickId: 'ah-home-075', matchId: 1, market: 'spreads', line: -0.75, selection: 'home', bookmaker: 'PS', odds: 2.02 }),
        pickOf({ pickId: 'ah-away-075', matchId: 1, market: 'spreads', line: -0.75, selection: 'away', bookmaker: 'PS', odds: 1.88 }),
        pickOf({ pickId: 'ou-over-125', matchId: 1, market: 'totals', line: 1.25, selection: 'over', bookmaker: 'PS', odds: 1.8 }),
        pickOf({ pickId: 'ou-over-075', matchId: 1, market: 'totals', line: 0.75, selection: 'over', bookmaker: 'PS', odds: 1.5 }),
        pickOf({ pickId: 'dnb-home', matchId: 2, market: 'spreads', line: 0, selection: 'home', bookmaker: 'PS', odds: 1.95 }),
        pickOf({ pickId: 'x2-away', matchId: 3, market: '1x2', selection: 'away', bookmaker: 'B365', odds: 2.9, stake: 4 }),
        // at the exchange BFE (5% of net winnings by default)
        pickOf({ pickId: 'bfe-ah-075', matchId: 1, market: 'spreads', line: -0.75, selection: 'home', bookmaker: 'BFE', odds: 2.02 }),
        pickOf({ pickId: 'bfe-x2-away', matchId: 3, market: '1x2', selection: 'away', bookmaker: 'BFE', odds: 3, stake: 10 }),
        pickOf({ pickId: 'bfe-ah-away', matchId: 1, market: 'spreads', line: -0.75, selection: 'away', bookmaker: 'BFE', odds: 1.88 }),
      ],
    });
    await settle();
    const p = await byId();
    // 1-0: home -0.75 = half on -0.5 (won) + half on -1 (push)
    expect(p.get('ah-home-075')).toMatchObject({ result: 'half_won', profit: (10 * 1.02) / 2 });
    // away +0.75: half on +1 (push) + half on +0.5 (lost)
    expect(p.get('ah-away-075')).toMatchObject({ result: 'half_lost', profit: -5 });
    // one goal: over 1.25 = half on 1 (push) + half on 1.5 (lost); over 0.75 = half on 0.5 (won) + half on 1 (push)
    expect(p.get('ou-over-125')).toMatchObject({ result: 'half_lost', profit: -5 });
    expect(p.get('ou-over-075')).toMatchObject({ result: 'half_won', profit: 2.5 });
    expect(p.get('dnb-home')).toMatchObject({ result: 'void', profit: 0 }); // 1-1
    expect(p.get('x2-away')!.result).toBe('won');
    expect(p.get('x2-away')!.profit).toBeCloseTo(4 * 1.9, 12);
    // a won BFE bet at 3.00 staked 10 pays 10 × 2 × 0.95 = +19.00; a half-won quarter line pays half its net winnings;
    // a half-lost one loses half the stake, no commission on a loss
    expect(p.get('bfe-x2-away')).toMatchObject({ result: 'won', quotedOdds: 3, commission: 0.05 });
    expect(p.get('bfe-x2-away')!.profit).toBeCloseTo(19, 12);
    expect(p.get('bfe-ah-075')!.result).toBe('half_won');
    expect(p.get('bfe-ah-075')!.profit).toBeCloseTo((10 * 1.02 * 0.95) / 2, 12);
    expect(p.get('bfe-ah-075')!.clv).toBeCloseTo((1 + 1.02 * 0.95) * fair([1.97, 1.93], 0) - 1, 12);
    expect(p.get('bfe-ah-away')).toMatchObject({ result: 'half_lost', profit: -5 });
    expect(p.get('ah-home-075')!.clv).toBeCloseTo(2.02 * fair([1.97, 1.93], 0) - 1, 12);
    expect(p.get('ou-over-075')!.clv).toBeCloseTo(1.5 * fair([1.5, 2.6], 0) - 1, 12);
  });

  it('a finished match without its score waits; the late score settles it; a cancelled match voids', async () => {
    await api.call('picks.record', {
      picks: [
        pickOf({ pickId: 'late', matchId: 7, market: '1x2', selection: 'draw', bookmaker: 'PS', odds: 3.2 }),
        pickOf({ pickId: 'tomorrow', matchId: 6, market: '1x2', selection: 'home', bookmaker: 'PS', odds: 2.0, pickedAt: at(60) }),
      ],
    });
    const first = await settle();
    expect(first.notes.join(' ')).toMatch(/1 picks on finished matches without a score/);
    expect((await byId()).get('late')).toMatchObject({ state: 'open', closingStatus: 'closing' });
    await queryRows(src.url, 'UPDATE matches SET home_goals = 2, away_goals = 2 WHERE match_id = 7');
    await queryRows(src.url, "UPDATE matches SET status = 'cancelled' WHERE match_id = 6");
    await sync(NOW + 2 * MIN);
    const r = await settle(NOW + 2 * MIN);
    expect(r.results).toMatchObject({ settled: 2, voided: 1 });
    const p = await byId();
    expect(p.get('late')).toMatchObject({ result: 'won', profit: 22 });
    expect(p.get('tomorrow')).toMatchObject({ result: 'void', profit: 0, settlementNote: 'void: match cancelled', closingStatus: null });
    // the match is played after all: the latest state settles it, once
    await queryRows(src.url, "UPDATE matches SET status = 'finished', home_goals = 0, away_goals = 1 WHERE match_id = 6");
    await sync(NOW + 3 * MIN);
    expect((await settle(NOW + 3 * MIN)).results.resettled).toBe(1);
    expect((await byId()).get('tomorrow')).toMatchObject({ result: 'lost', profit: -10 });
    expect((await settle(NOW + 3 * MIN)).results.written).toBe(0);
  });
});

describe('bad input is refused with a clear message, and nothing is written', () => {
  const count = () => {
    const db = openCache(cacheFile, { readonly: true, migrate: false });
    try {
      return (db.prepare('SELECT count(*) AS n FROM tracking_clv_picks').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const refused = async (name: 'picks.record' | 'picks.place' | 'picks.recordCombo', input: unknown) => {
    const r = await api.raw(name, input);
    if (r.ok) throw new Error(`${name} accepted ${JSON.stringify(input)}`);
    return r.error;
  };

  it('a placed bet at odds ≤ 1, with a negative stake or an unknown bookmaker', async () => {
    const before = count();
    const quiet = api.events.length;
    const base = { matchId: 6, market: '1x2', selection: 'away', bookmaker: 'B365', odds: 4.2, stake: 10, placedAt: at(60) };
    for (const odds of [1, 0.95, -2]) {
      const e = await refused('picks.place', { ...base, odds });
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain('odds: odds must be a decimal price above 1');
    }
    expect((await refused('picks.place', { ...base, odds: 'high' })).message).toContain('odds: odds must be a number');
    const neg = await refused('picks.place', { ...base, stake: -5 });
    expect(neg.message).toContain('stake: stake must not be negative');
    expect(neg.details).toEqual({ issues: [{ path: ['stake'], message: 'stake must not be negative' }] });
    expect((await refused('picks.place', { ...base, stake: 0 })).message).toContain('stake of a placed bet must be above 0');
    const unknown = await refused('picks.place', { ...base, bookmaker: 'Bookie McBookface' });
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.message).toBe("bookmaker: unknown bookmaker 'Bookie McBookface' (known: B365, BFE, PS, WH)");
    expect(unknown.details).toEqual({
      issues: [{ path: ['bookmaker'], message: "unknown bookmaker 'Bookie McBookface' (known: B365, BFE, PS, WH)" }],
    });
    expect((await refused('picks.place', { ...base, bookmaker: 'Avg' })).message).toContain("'Avg' is an aggregate of several books");
    expect((await refused('picks.place', { ...base, placedAt: at(24 * 60 + 5) })).message).toMatch(
      /placedAt: match 6 kicked off at .* in-play, not tracked/,
    );
    expect((await refused('picks.place', { ...base, matchId: 999 })).message).toBe('matchId: no match 999 in the cache');
    expect((await refused('picks.place', { pickId: 'nope', bookmaker: 'PS', odds: 2, stake: 1 })).code).toBe('NOT_FOUND');
    expect(count()).toBe(before);
    const announced = api.events.length;
    // the same bet, well formed, by name and any case
    const ok = await api.call('picks.place', { ...base, bookmaker: 'bet365' });
    expect(ok).toMatchObject({ kind: 'bet', bookmaker: 'B365', source: 'manual', odds: 4.2, stake: 10, parentPickId: null });
    expect(count()).toBe(before + 1);
    // every window hears of the bet; refusals announced nothing
    expect(announced).toBe(quiet);
    expect(api.events.slice(announced)).toEqual([['tracking_clv_picks']]);
  });

  it('picks: inconsistent market, a snapshot without the price taken, after kick-off; all or none', async () => {
    const before = count();
    const good = pickOf({ matchId: 6, market: '1x2', selection: 'home', bookmaker: 'PS', odds: 2.0, pickedAt: at(30) });
    const e1 = await refused('picks.record', { picks: [good, { ...good, line: 2.5 }] });
    expect(e1.message).toContain('picks.1.line: a 1x2 pick has no line (leave it null)');
    const e2 = await refused('picks.record', { picks: [{ ...good, market: 'totals', selection: 'home', line: 2.3 }] });
    expect(e2.message).toContain('selection of a totals pick must be one of over, under');
    expect(e2.message).toContain('line must be a multiple of 0.25');
    const e3 = await refused('picks.record', { picks: [{ ...good, odds: 2.05 }] });
    expect(e3.message).toContain('the odds snapshot has no quote of PS at 2.05 for home: it must show the price taken');
    const e4 = await refused('picks.record', {
      picks: [good, pickOf({ matchId: 1, market: '1x2', selection: 'home', bookmaker: 'PS', odds: 2.1, pickedAt: at(5) })],
    });
    expect(e4.message).toMatch(/^picks\.1\.pickedAt: match 1 kicked off at 2026-03-01T15:00:00\.000Z/);
    const e5 = await refused('picks.record', { picks: [{ ...good, decision: { ...good.decision, modelVersion: '' } }] });
    expect(e5.message).toContain('decision.modelVersion is required');
    expect(count()).toBe(before);
    // retried with the same id: accepted once, a different bet under that id is a conflict
    await api.call('picks.record', { picks: [{ ...good, pickId: 'engine-42' }] });
    await api.call('picks.record', { picks: [{ ...good, pickId: 'engine-42' }] });
    expect(count()).toBe(before + 1);
    const c = await refused('picks.record', { picks: [{ ...good, pickId: 'engine-42', stake: 99 }] });
    expect(c.code).toBe('CONFLICT');
  });
});

describe('monps settle', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } as CommandIO };
  };

  it('prints what it captured and settled; --json; no cache is exit 1; a bad --now is a usage error', async () => {
    await queryRows(src.url, 'UPDATE matches SET home_goals = 3 WHERE match_id = 3');
    await sync(NOW + 4 * MIN);
    const a = io();
    expect(await settleCommand.run(['--cache', cacheFile, '--now', new Date(NOW + 4 * MIN).toISOString()], a.io)).toBe(0);
    expect(a.out.join('\n')).toMatch(/results: \d+ picks to settle · 2 settled · 3 re-settled · 0 void · 5 written/); // the two on m6 finished meanwhile; x2-away, bfe-x2-away and m3-home corrected
    const b = io();
    expect(await settleCommand.run(['--cache', cacheFile, '--json'], b.io)).toBe(0);
    const report = JSON.parse(b.out.join('')) as { cacheFile: string; results: { written: number } };
    expect(report).toMatchObject({ cacheFile, results: { written: 0 } });
    const c = io();
    expect(await settleCommand.run(['--cache', path.join(dir, 'nothing.sqlite')], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/no cache at .*nothing\.sqlite: run monps sync first/);
    await expect(settleCommand.run(['--cache', cacheFile, '--now', 'tomorrow'], io().io)).rejects.toThrow(UsageError);
    const empty = path.join(dir, 'empty.sqlite');
    openCache(empty).close();
    const d = io();
    expect(await settleCommand.run(['--cache', empty], d.io)).toBe(1);
    expect(d.err.join('')).toMatch(/the cache has no tracking_clv_picks, matches yet: sync the source first/);
  });
});
