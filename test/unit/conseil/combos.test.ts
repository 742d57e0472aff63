// CONSEIL's combo rule: a same-match double is proposed only where its fair price WITH the legs'
// correlation beats the offered one (the product of the legs' net prices at one book).
import { describe, expect, it } from 'vitest';
import {
  comboReasons,
  proposeCombos,
  type BookQuote,
  type ComboFixtureIn,
  type ComboLegIn,
} from '../../../src-main/features/conseil/combos';
import { emptyExposure, type Staking } from '../../../src-main/features/decision';
import { cappedKelly } from '../../../src-shared/quant';

const staking: Staking = {
  bankroll: 1000,
  kellyFraction: 0.25,
  maxStakeShare: 0.02,
  minStake: 0,
  exposure: { perMatch: 0.05, perDay: 0.2, perLeague: 0.1 },
};
const params = { minEdge: 0.05, maxPerDay: 3 };
const none = { count: 0, matches: new Set<number>() };

const q = (quoted: number, commission = 0): BookQuote => ({ quoted, net: 1 + (quoted - 1) * (1 - commission), commission });
const leg = (over: Partial<ComboLegIn> & Pick<ComboLegIn, 'market' | 'selection'>, quotes: Record<string, BookQuote>): ComboLegIn => ({
  line: over.market === '1x2' ? null : 2.5,
  probability: 0.5,
  trap: null,
  ...over,
  quotes: new Map(Object.entries(quotes)),
});
const fixture = (matchId: number, phi: number, a: ComboLegIn, b: ComboLegIn): ComboFixtureIn => ({
  matchId,
  league: 'E0',
  legs: [a, b],
  correlation: () => ({ phi, source: 'test phi' }),
});

describe('CONSEIL proposes a combo only where the correlated fair price beats the offered one', () => {
  it('NOT proposed: the independent product beats the offer, the correlated price does not', () => {
    // P(A) = P(B) = 0.5, offered 2.1 × 2.1 = 4.41: as if independent 0.25 × 4.41 = +10.3%; with phi −0.2,
    // P(both) = 0.25 − 0.2 × 0.25 = 0.2 and 0.2 × 4.41 = −11.8%
    const f = fixture(
      1,
      -0.2,
      leg({ market: '1x2', selection: 'home' }, { B1: q(2.1) }),
      leg({ market: 'totals', selection: 'over' }, { B1: q(2.1) }),
    );
    const r = proposeCombos([f], params, staking, emptyExposure(), none);
    expect(r.combos).toEqual([]);
    expect(r.refused).toEqual({ 'edge only as if independent': 1 });
  });

  it('proposed: the independent product does not beat the offer, the correlated price does', () => {
    // offered 1.9 × 1.9 = 3.61: as if independent 0.25 × 3.61 = −9.75%; with phi +0.2, P(both) = 0.3: +8.3%
    const f = fixture(
      2,
      0.2,
      leg({ market: '1x2', selection: 'home' }, { B1: q(1.9) }),
      leg({ market: 'totals', selection: 'over' }, { B1: q(1.9) }),
    );
    const r = proposeCombos([f], params, staking, emptyExposure(), none);
    expect(r.combos).toHaveLength(1);
    const c = r.combos[0];
    expect(c.offered).toBeCloseTo(3.61, 12);
    expect(c.probability).toBeCloseTo(0.3, 12);
    expect(c.independentProbability).toBeCloseTo(0.25, 12);
    expect(c.edge).toBeCloseTo(0.3 * 3.61 - 1, 12);
    expect(c.edgeIndependent).toBeCloseTo(0.25 * 3.61 - 1, 12);
    expect(c.correlationSource).toBe('test phi');
    // the singles' staking: capped fractional Kelly on the correlated probability, rounded down to a cent
    expect(c.stake).toBe(Math.floor(cappedKelly(0.3, 3.61, 0.25, 0.02) * 1000 * 100) / 100);
    const why = comboReasons(c);
    expect(why[0]).toMatch(
      /fair price 3\.33 with the legs' correlation \(phi 0\.200, test phi\) against 3\.61 offered at B1: edge \+8\.3%/,
    );
    expect(why[1]).toMatch(/as if independent: fair 4\.00, edge -9\.8%/);
  });

  it('the offer is one book quoting both legs, the best product of NET prices (a commission counts)', () => {
    const a = leg({ market: '1x2', selection: 'home' }, { ONLY_A: q(3), B1: q(2), B2: q(2.05, 0.05) });
    const b = leg({ market: 'totals', selection: 'over' }, { ONLY_B: q(3), B1: q(1.95), B2: q(2, 0.05) });
    const r = proposeCombos([fixture(3, 0.3, a, b)], params, staking, emptyExposure(), none);
    // B2 quotes more (2.05 × 2 = 4.10) but nets 1.9975 × 1.95 = 3.895 < B1's 3.90
    expect(r.combos[0].bookmaker).toBe('B1');
    expect(r.combos[0].offered).toBeCloseTo(3.9, 12);
    expect(r.combos[0].offeredQuoted).toBeCloseTo(3.9, 12);
    const split = proposeCombos(
      [fixture(4, 0.3, leg({ market: '1x2', selection: 'home' }, { X: q(3) }), leg({ market: 'totals', selection: 'over' }, { Y: q(3) }))],
      params,
      staking,
      emptyExposure(),
      none,
    );
    expect(split.combos).toEqual([]);
    expect(split.refused).toEqual({ 'no book quotes both legs': 1 });
  });

  it('a trap vetoes, a correlation the probabilities cannot have refuses, only results × goal lines pair', () => {
    const trapped = leg({ market: '1x2', selection: 'home', trap: 'high' }, { B1: q(2) });
    const over = leg({ market: 'totals', selection: 'over' }, { B1: q(2) });
    expect(proposeCombos([fixture(5, 0.3, trapped, over)], params, staking, emptyExposure(), none).refused).toEqual({
      'trap veto on a leg': 1,
    });
    // P(A) = 0.2, P(B) = 0.8: phi at most 0.25
    const a = leg({ market: '1x2', selection: 'home', probability: 0.2 }, { B1: q(6) });
    const b = leg({ market: 'totals', selection: 'over', probability: 0.8 }, { B1: q(1.3) });
    expect(proposeCombos([fixture(6, 0.5, a, b)], params, staking, emptyExposure(), none).refused).toEqual({
      'correlation outside what the legs’ probabilities allow': 1,
    });
    const nested = fixture(
      8,
      0.4,
      leg({ market: 'spreads', line: -1.5, selection: 'away' }, { B1: q(2) }),
      leg({ market: 'totals', line: 1.5, selection: 'under' }, { B1: q(6) }),
    );
    expect(proposeCombos([nested], params, staking, emptyExposure(), none).refused).toEqual({
      'one leg settles the other (a single at a false price)': 1,
    });
    const twoTotals = fixture(
      7,
      0.5,
      leg({ market: 'totals', selection: 'over' }, { B1: q(2) }),
      leg({ market: 'totals', selection: 'under' }, { B1: q(2) }),
    );
    expect(proposeCombos([twoTotals], params, staking, emptyExposure(), none)).toEqual({ combos: [], refused: {} });
  });
});

describe('CONSEIL keeps few combos: the best pair per match, a daily cap, the exposure left', () => {
  it('best pair per match, largest edges first up to the day cap (earlier runs count), within the exposure left', () => {
    const match = (id: number, odds: number) =>
      ({
        matchId: id,
        league: 'E0',
        legs: [
          leg({ market: '1x2', selection: 'home' }, { B1: q(odds) }),
          leg({ market: '1x2', selection: 'away' }, { B1: q(odds - 0.1) }),
          leg({ market: 'totals', selection: 'over' }, { B1: q(2) }),
        ],
        correlation: () => ({ phi: 0.2, source: 'test' }),
      }) satisfies ComboFixtureIn;
    const day = [match(10, 2.0), match(11, 2.2), match(12, 2.1), match(13, 2.3)];
    const r = proposeCombos(day, { minEdge: 0.05, maxPerDay: 3 }, staking, emptyExposure(), { count: 1, matches: new Set([13]) });
    expect(r.combos.map((c) => [c.matchId, c.legs[0].selection])).toEqual([
      [11, 'home'],
      [12, 'home'],
    ]);
    expect(r.refused).toMatchObject({
      'a combo of the match proposed earlier today': 1,
      'another pair of the match has a larger edge': 3,
      'the day’s combo cap': 1,
    });
    const full = emptyExposure();
    full.day = 0.2 * staking.bankroll;
    expect(proposeCombos([match(11, 2.2)], params, staking, full, none).refused).toMatchObject({ exposure: 1 });
  });

  it('never proposes a combo whose correlated edge is at or under the threshold (random pairs)', () => {
    let proposed = 0;
    for (let i = 0; i < 2000; i++) {
      const u = (k: number) => (((Math.sin(i * 12.9898 + k * 78.233) * 43758.5453) % 1) + 1) % 1;
      const pa = 0.15 + 0.7 * u(1);
      const pb = 0.15 + 0.7 * u(2);
      const phi = -0.3 + 0.6 * u(3);
      const f = fixture(
        i,
        phi,
        leg({ market: '1x2', selection: 'home', probability: pa }, { B: q(1.02 / pa + 0.3 * u(4)) }),
        leg({ market: 'totals', selection: 'over', probability: pb }, { B: q(1.02 / pb + 0.3 * u(5)) }),
      );
      for (const c of proposeCombos([f], params, staking, emptyExposure(), none).combos) {
        proposed++;
        expect(c.probability * c.offered - 1).toBeGreaterThan(params.minEdge);
        expect(c.edge).toBeCloseTo(c.probability * c.offered - 1, 12);
      }
    }
    expect(proposed).toBeGreaterThan(50);
  });
});
