// Combos on a real PostgreSQL and cache: priced with the correlation Agent C left in
// patterns_correlations (or one given), not as independent legs; settled leg by leg from results and
// goal events; a void leg drops out; a corrected score re-settles; bad combos refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../src-main/sync/run';
import { queryRows } from '../../../src-main/platform/pg/client';
import { settlePicksJob } from '../../../src-main/features/picks';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { jobContext, runJob } from '../../support/jobs';
import { at, buildSource, K, MIN } from './fixtures';
import { picksContract } from './support';

let src: TestDatabase;
let dir: string;
let cacheFile: string;
let api: ReturnType<typeof picksContract>;
const NOW = K + 6 * 60 * MIN;
const sync = (now = NOW) => runSync({ now: new Date(now).toISOString() }, jobContext(cacheFile, src.url));
const settle = (now = NOW) => runJob(settlePicksJob, { now: new Date(now).toISOString() }, jobContext(cacheFile));

/** p11 of two binary legs with correlation phi, written from its definition (independent of quant). */
const both = (a: number, b: number, phi: number) => a * b + phi * Math.sqrt(a * (1 - a) * b * (1 - b));

beforeAll(async () => {
  src = await createTestDatabase('monps_combos');
  await buildSource(src.url);
  await queryRows(
    src.url,
    // the within-match phi (model_within) prices a combo, with enough of the model's sample; the empirical
    // column (0.7) never does
    `INSERT INTO patterns_correlations (correlation_id, market_a, market_b, correlation, sample_size, league, model_within, model_sample, mined_at)
     VALUES ('fg-home-win', '1x2:home', 'first_goalscorer:home', 0.7, 800, 'ALL', 0.25, 800, '2026-01-01'),
            ('fg-home-win-small', 'first_goalscorer:home', '1x2:home', 0.7, 40, 'ALL', 0.6, 40, '2026-02-01')`,
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-combos-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  await sync();
  api = picksContract(cacheFile);
}, 120_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

const fgLeg = { matchId: 1, market: 'first_goalscorer', selection: '101', odds: 5.5, probability: 0.2 };
const homeLeg = { matchId: 1, market: '1x2', selection: 'home', odds: 2.1, probability: 0.45 };
const overLeg = { matchId: 1, market: 'totals', line: 2.5, selection: 'over', odds: 1.9, probability: 0.5 };

describe('combos', () => {
  it("prices same-match legs with Agent C's within-match phi (enough sample), other matches as independent", async () => {
    const c = await api.call('picks.recordCombo', {
      comboId: 'fg-win',
      kind: 'first_goalscorer',
      legs: [fgLeg, homeLeg, { matchId: 8, market: 'anytime_goalscorer', selection: '111', odds: 2.2, probability: 0.4 }],
      odds: 21,
      stake: 2,
      bookmaker: 'B365',
      pickedAt: at(-120),
    });
    const p11 = both(0.2, 0.45, 0.25);
    expect(c.modelProb).toBeCloseTo(p11 * 0.4, 14);
    expect(c.fairOdds).toBeCloseTo(1 / (p11 * 0.4), 10);
    expect(c.independentProb).toBeCloseTo(0.2 * 0.45 * 0.4, 14);
    expect(c.pricing).toEqual([
      {
        matchId: 1,
        legs: [0, 1],
        correlation: 0.25,
        correlationSource: "Agent C fg-home-win: the model's within-match phi averaged over 800 matches",
        probability: expect.any(Number),
        lift: expect.any(Number),
      },
    ]);
    expect(c.pricing[0].lift).toBeCloseTo(p11 / (0.2 * 0.45), 12);
    expect(c.legs.map((l) => l.label)).toEqual(['Ann Striker (Team 1 – Team 2)', 'Team 1 – Team 2', 'Di Nine (Team 11 – Team 12)']);

    // a correlation given by the engine wins over the table; no known correlation: independent, said so
    const given = await api.call('picks.recordCombo', {
      kind: 'first_goalscorer',
      legs: [fgLeg, homeLeg],
      odds: 9,
      stake: 1,
      pickedAt: at(-120),
      correlations: [{ legs: [1, 0], value: 0.1 }],
    });
    expect(given.modelProb).toBeCloseTo(both(0.2, 0.45, 0.1), 14);
    expect(given.pricing[0].correlationSource).toBe('given');
    const none = await api.call('picks.recordCombo', {
      kind: 'accumulator',
      legs: [homeLeg, { matchId: 1, market: 'totals', line: 2.5, selection: 'over', odds: 1.9, probability: 0.5 }],
      odds: 4,
      stake: 1,
      pickedAt: at(-120),
    });
    expect(none.modelProb).toBeCloseTo(0.45 * 0.5, 14);
    expect(none.pricing[0]).toMatchObject({ correlation: 0 });
    expect(none.pricing[0].correlationSource).toMatch(
      /^none known: priced as independent — no model and no known correlation for the pair \(no model: /,
    );
  });

  it('refuses what cannot be priced or settled, naming it', async () => {
    const refuse = async (input: unknown) => {
      const r = await api.raw('picks.recordCombo', input);
      if (r.ok) throw new Error('accepted');
      return r.error.message;
    };
    const base = { kind: 'accumulator', odds: 5, stake: 1, pickedAt: at(-120) };
    expect(await refuse({ ...base, legs: [homeLeg, fgLeg, overLeg] })).toContain('at most two legs per match');
    // home and away of one match never win together: one settles the other, a single at a false price
    expect(await refuse({ ...base, legs: [homeLeg, { ...homeLeg, selection: 'away' }] })).toBe(
      'legs.1: leg 1 and leg 0 settle each other on every score: a single, not a combo',
    );
    expect(
      await refuse({
        ...base,
        legs: [homeLeg, { matchId: 2, market: 'spreads', line: -0.75, selection: 'home', odds: 2, probability: 0.5 }],
      }),
    ).toContain('legs.1.line: combo legs take whole or half lines, not quarter lines');
    expect(await refuse({ ...base, legs: [homeLeg, { ...homeLeg, matchId: 2 }], correlations: [{ legs: [0, 1], value: 0.2 }] })).toContain(
      'legs 0 and 1 are on different matches: they are independent',
    );
    expect(await refuse({ ...base, legs: [fgLeg, homeLeg], correlations: [{ legs: [0, 1], value: 0.9 }] })).toMatch(
      /legs 0 and 1 \(match 1\): correlation 0.9 is outside \[-0\.\d+, 0\.55\d+\]/,
    );
    expect(await refuse({ ...base, legs: [{ ...fgLeg, selection: '111' }, homeLeg] })).toContain(
      'player 111 (Di Nine) plays for neither side of match 1',
    );
    expect(await refuse({ ...base, kind: 'first_goalscorer', legs: [homeLeg, { ...homeLeg, matchId: 2 }] })).toContain(
      'a first_goalscorer combo needs a first_goalscorer leg',
    );
    expect(await refuse({ ...base, legs: [homeLeg, { ...homeLeg, matchId: 2 }], odds: 1 })).toContain(
      'odds: odds must be a decimal price above 1',
    );
  });

  it('settles leg by leg: own goals do not make a first scorer, a void leg drops out, a corrected score re-settles', async () => {
    await api.call('picks.recordCombo', {
      comboId: 'with-void',
      kind: 'accumulator',
      legs: [homeLeg, { matchId: 6, market: '1x2', selection: 'home', odds: 2.0, probability: 0.5 }],
      odds: 4.2,
      stake: 10,
      pickedAt: at(-120),
    });
    await queryRows(src.url, "UPDATE matches SET status = 'postponed' WHERE match_id = 6");
    await sync(NOW + MIN);
    const r = await settle(NOW + MIN);
    expect(r.combos.settled).toBe(4);
    const combos = new Map((await api.call('picks.combos', {})).map((c) => [c.comboId, c]));
    const fg = combos.get('fg-win')!;
    expect(fg.legs.map((l) => l.result)).toEqual(['won', 'won', 'won']); // 101 scored first after an own goal; 1-0; Di Nine scored
    expect(fg).toMatchObject({ result: 'won', profit: 40 });
    const v = combos.get('with-void')!;
    expect(v.legs.map((l) => l.result)).toEqual(['won', 'void']);
    expect(v.result).toBe('won');
    expect(v.profit).toBeCloseTo(10 * (4.2 / 2.0 - 1), 12);

    // the goal was in fact the defender's: Ann Striker did not score first
    await queryRows(src.url, 'UPDATE match_events SET player_id = 103 WHERE event_id = 2');
    await sync(NOW + 2 * MIN);
    const again = await settle(NOW + 2 * MIN);
    expect(again.combos.settled).toBe(2); // fg-win and the given-correlation one lose
    const after = new Map((await api.call('picks.combos', {})).map((c) => [c.comboId, c]));
    expect(after.get('fg-win')).toMatchObject({ result: 'lost', profit: -2, settlementNote: 're-settled (was won)' });
    expect(after.get('fg-win')!.legs.map((l) => l.result)).toEqual(['lost', 'won', 'won']);
    expect((await settle(NOW + 2 * MIN)).combos.written).toBe(0);
    // published with the rest of the app's outputs
    const s = await sync(NOW + 3 * MIN);
    expect(s.published).toBe(2); // the two re-settled (the rest went out with the earlier syncs)
    const [pub] = await queryRows<{ result: string; model_prob: number; pricing: unknown[] }>(
      src.url,
      "SELECT result, model_prob, pricing FROM fg_combo_tracking WHERE combo_id = 'fg-win'",
    );
    expect(pub).toMatchObject({ result: 'lost' });
    expect(pub.model_prob).toBeCloseTo(both(0.2, 0.45, 0.25) * 0.4, 14);
    expect(pub.pricing).toHaveLength(1);
  });

  it('priceCombo previews what recordCombo records (one path), writes nothing, and both count the commission', async () => {
    const before = (await api.call('picks.combos', {})).length;
    const diLeg = { matchId: 8, market: 'anytime_goalscorer', selection: '111', odds: 2.2, probability: 0.4 };
    const combo = { kind: 'accumulator', legs: [homeLeg, diLeg], odds: 6, bookmaker: 'BFE', pickedAt: at(-120) };
    const preview = await api.call('picks.priceCombo', combo);
    // BFE is an exchange: 5% of the net winnings by default, 1 + 5 × 0.95 net
    expect(preview).toMatchObject({ bookmaker: 'BFE', quotedOdds: 6, commission: 0.05, pricing: [] });
    expect(preview.netOdds).toBeCloseTo(5.75, 12);
    expect(preview.modelProb).toBeCloseTo(0.45 * 0.4, 14);
    expect(preview.edge).toBeCloseTo(0.45 * 0.4 * 5.75 - 1, 12);
    expect((await api.call('picks.combos', {})).length).toBe(before);

    // same-match legs: the preview names the correlation and its source, beside the independent price
    const fg = await api.call('picks.priceCombo', { kind: 'first_goalscorer', legs: [fgLeg, homeLeg], pickedAt: at(-120) });
    expect(fg).toMatchObject({ quotedOdds: null, netOdds: null, edge: null, bookmaker: null });
    expect(fg.pricing[0]).toMatchObject({
      correlation: 0.25,
      correlationSource: "Agent C fg-home-win: the model's within-match phi averaged over 800 matches",
    });
    expect(fg.modelProb).toBeCloseTo(both(0.2, 0.45, 0.25), 14);
    expect(fg.independentFairOdds).toBeCloseTo(1 / (0.2 * 0.45), 10);
    expect(fg.legs.map((l) => l.key)).toEqual(['first_goalscorer:home', '1x2:home']);
    const refused = await api.raw('picks.priceCombo', {
      kind: 'accumulator',
      legs: [homeLeg, fgLeg, overLeg],
      pickedAt: at(-120),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('at most two legs per match') });

    const recorded = await api.call('picks.recordCombo', { ...combo, comboId: 'netted', stake: 4, source: 'manual' });
    expect(recorded).toMatchObject({ quotedOdds: 6, commission: 0.05, bookmaker: 'BFE', source: 'manual' });
    expect(recorded.odds).toBeCloseTo(5.75, 12);
    expect(recorded.modelProb).toBe(preview.modelProb);
    expect(recorded.fairOdds).toBe(preview.fairOdds);
    expect(recorded.deskId).toMatch(/\S/);
    expect(recorded.comboId).toBe('netted');
    expect(api.events.at(-1)).toEqual(['fg_combo_tracking']);
    // a commission given wins over the book's
    const own = await api.call('picks.recordCombo', { ...combo, commission: 0.02, stake: 1 });
    expect(own.odds).toBeCloseTo(1 + 5 * 0.98, 12);
    expect(own.comboId).toContain(`combo-${recorded.deskId}-`);

    await settle(NOW + 4 * MIN);
    const settled = (await api.call('picks.combos', {})).find((c) => c.comboId === 'netted')!;
    expect(settled.legs.map((l) => l.result)).toEqual(['won', 'won']);
    expect(settled.result).toBe('won');
    expect(settled.profit).toBeCloseTo(4 * 5 * 0.95, 12);
  });

  it('Performance counts every settled combo once, as its own market, beside the picks (legs are not counted)', async () => {
    const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
    const picks = (await api.call('picks.list', {})).rows;
    const combos = await api.call('picks.combos', {});
    const settledPicks = picks.filter((r) => r.result !== null && r.stake > 0);
    const settledCombos = combos.filter((c) => c.result !== null && c.stake > 0);
    expect(settledCombos.length).toBeGreaterThanOrEqual(5);
    const comboProfit = sum(settledCombos.map((c) => c.profit!));
    const perf = await api.call('picks.performance', {});
    expect(perf.counts.bets).toBe(picks.length + combos.length);
    expect(perf.counts.settled).toBe(picks.filter((r) => r.result !== null).length + combos.filter((c) => c.result !== null).length);
    expect(perf.summary!.profit).toBeCloseTo(sum(settledPicks.map((r) => r.profit!)) + comboProfit, 9);
    expect(perf.summary!.staked).toBeCloseTo(sum(settledPicks.map((r) => r.stake)) + sum(settledCombos.map((c) => c.stake)), 9);
    expect(perf.curve.profit.at(-1)).toBeCloseTo(perf.summary!.profit, 9);
    expect(perf.curve.at).toHaveLength(settledPicks.length + settledCombos.length);
    const row = perf.by.market.find((m) => m.key === 'combo')!;
    expect(row).toMatchObject({ bets: combos.length, settled: settledCombos.length, meanClv: null });
    expect(row.profit).toBeCloseTo(comboProfit, 9);
    expect(row.hitRate).toBeCloseTo(settledCombos.filter((c) => c.result === 'won').length / settledCombos.length, 12);

    // the combos alone, and the analyst's own (source 'manual') among the bets
    const only = await api.call('picks.performance', { market: 'combo' });
    expect(only.summary!.profit).toBeCloseTo(comboProfit, 9);
    expect(only.counts.bets).toBe(combos.length);
    const bets = await api.call('picks.performance', { kind: 'bet', market: 'combo' });
    expect(bets.counts.bets).toBe(combos.filter((c) => c.source === 'manual').length);
    expect(bets.summary!.profit).toBeCloseTo(4 * 5 * 0.95, 9);
    // flat staking: one unit at the combo's own settled return (the void leg's lower price included)
    const flat = await api.call('picks.performance', { market: 'combo', staking: 'flat' });
    expect(flat.summary!.profit).toBeCloseTo(sum(settledCombos.map((c) => c.profit! / c.stake)), 9);
    expect((await api.call('picks.performance', { market: '1x2' })).by.market.map((m) => m.key)).not.toContain('combo');
  });

  it("keeps another desk's combo out of 'mine' (list, Performance) and never settles it", async () => {
    const legs = JSON.stringify([
      { match_id: 1, market: '1x2', line: null, selection: 'home', odds: 2.1, probability: 0.45, result: null },
      { match_id: 8, market: '1x2', line: null, selection: 'home', odds: 2, probability: 0.5, result: null },
    ]);
    await queryRows(
      src.url,
      `INSERT INTO fg_combo_tracking (combo_id, kind, legs, odds, stake, model_prob, source, picked_at, desk_id)
       VALUES ('other-desk-combo', 'accumulator', $1::jsonb, 4.2, 5, 0.2, 'manual', $2, 'desk-other')`,
      [legs, at(-120)],
    );
    await sync(NOW + 5 * MIN);
    await settle(NOW + 5 * MIN);
    const team = await api.call('picks.combos', { desk: 'team' });
    const mine = await api.call('picks.combos', { desk: 'mine' });
    const other = team.find((c) => c.comboId === 'other-desk-combo')!;
    expect(other).toMatchObject({ deskId: 'desk-other', result: null });
    expect(mine.map((c) => c.comboId)).not.toContain('other-desk-combo');
    expect(mine.length).toBe(team.length - 1);
    const perfTeam = await api.call('picks.performance', { market: 'combo' });
    const perfMine = await api.call('picks.performance', { market: 'combo', desk: 'mine' });
    expect(perfTeam.counts.bets - perfMine.counts.bets).toBe(1);
    expect(perfTeam.counts.open - perfMine.counts.open).toBe(1);
  });
});
