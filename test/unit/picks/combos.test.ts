import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCombo, settleComboLegs, settleLeg, type PricedLeg } from '../../../src-main/features/picks/combos';
import { comboLegKey } from '../../../src-shared/domain/combo-legs';

const leg = (matchId: number, probability: number, market = '1x2', selection = 'home'): PricedLeg => ({
  matchId,
  market,
  line: null,
  selection,
  odds: 1 / probability,
  probability,
  key: `${market}:${selection}`,
});

describe('combo pricing', () => {
  it('property: same-match pair through p11 = pA·pB + φ·σ, other matches multiplied', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, c, u) => {
          const sd = Math.sqrt(a * (1 - a) * b * (1 - b));
          // a phi inside the Fréchet range: p11 between max(0, a + b − 1) and min(a, b)
          const lo = (Math.max(0, a + b - 1) - a * b) / sd;
          const hi = (Math.min(a, b) - a * b) / sd;
          const phi = lo + u * (hi - lo);
          const r = priceCombo([leg(1, a), leg(2, c), leg(1, b, 'totals', 'over')], () => ({ value: phi, source: 'given' }));
          expect(r.probability).toBeCloseTo((a * b + phi * sd) * c, 12);
          expect(r.independentProbability).toBeCloseTo(a * b * c, 14);
          expect(r.pricing).toHaveLength(1);
          expect(r.pricing[0]).toMatchObject({ matchId: 1, legs: [0, 2], correlation: phi, correlationSource: 'given' });
        },
      ),
    );
  });

  it('refuses three legs of one match and a correlation the two legs cannot have', () => {
    expect(() =>
      priceCombo([leg(1, 0.5), leg(1, 0.3, 'totals', 'over'), leg(1, 0.4, 'totals', 'under')], () => ({ value: 0, source: '' })),
    ).toThrow(/at most two legs per match/);
    expect(() => priceCombo([leg(1, 0.2), leg(1, 0.9, 'totals', 'over')], () => ({ value: 0.9, source: '' }))).toThrow(
      /legs 0 and 1 \(match 1\): correlation 0.9 is outside/,
    );
  });

  it('names legs for patterns_correlations as Agent C writes them', () => {
    expect(comboLegKey({ market: '1x2', line: null, selection: 'draw' })).toBe('1x2:draw');
    expect(comboLegKey({ market: 'totals', line: 2.5, selection: 'over' })).toBe('totals:over:2.5');
    expect(comboLegKey({ market: 'spreads', line: -0.5, selection: 'away' })).toBe('ah:away:-0.5');
    expect(comboLegKey({ market: 'first_goalscorer', line: null, selection: '17' }, 'away')).toBe('first_goalscorer:away');
    expect(() => comboLegKey({ market: 'anytime_goalscorer', line: null, selection: '17' })).toThrow(/player's side/);
  });
});

describe('combo settlement, leg by leg', () => {
  const fin = (h: number, a: number) => ({ status: 'finished', homeGoals: h, awayGoals: a });
  const goals = [
    { playerId: 9, minute: 3, eventId: 10, isOwnGoal: true },
    { playerId: 7, minute: 40, eventId: 12, isOwnGoal: false },
    { playerId: 8, minute: 40, eventId: 11, isOwnGoal: false },
  ];
  const scorer = (market: string, id: number) => ({ matchId: 1, market, line: null, selection: String(id), odds: 5 });

  it('first scorer: own goals do not count, same minute by event order; anytime: any goal of his', () => {
    expect(settleLeg(scorer('first_goalscorer', 8), fin(2, 1), goals)).toBe('won');
    expect(settleLeg(scorer('first_goalscorer', 7), fin(2, 1), goals)).toBe('lost');
    expect(settleLeg(scorer('first_goalscorer', 9), fin(2, 1), goals)).toBe('lost');
    expect(settleLeg(scorer('anytime_goalscorer', 7), fin(2, 1), goals)).toBe('won');
    expect(settleLeg(scorer('first_goalscorer', 8), fin(0, 0), [])).toBe('lost');
    expect(settleLeg(scorer('anytime_goalscorer', 7), { status: 'postponed', homeGoals: null, awayGoals: null }, [])).toBe('void');
    expect(settleLeg(scorer('anytime_goalscorer', 7), { status: 'scheduled', homeGoals: null, awayGoals: null }, [])).toBeNull();
    expect(settleLeg({ matchId: 1, market: 'spreads', line: -1, selection: 'home', odds: 2 }, fin(1, 0), [])).toBe('void'); // home −1 at 1-0 pushes
  });

  it('lost at the first lost leg; void legs drop out of the price; all void is void', () => {
    expect(settleComboLegs(['won', 'lost', null], [2, 2, 2], 8, 0, 5)).toEqual({ result: 'lost', profit: -5 });
    expect(settleComboLegs(['won', null], [2, 2], 4, 0, 5)).toBeNull();
    expect(settleComboLegs(['won', 'won'], [2, 2.5], 5.5, 0, 2)).toEqual({ result: 'won', profit: 9 });
    expect(settleComboLegs(['won', 'void'], [2, 2.5], 5, 0, 2)).toEqual({ result: 'won', profit: 2 * (5 / 2.5 - 1) });
    expect(settleComboLegs(['void', 'void'], [2, 2.5], 5, 0, 2)).toEqual({ result: 'void', profit: 0 });
  });

  it('takes the commission on the net winnings, after void legs drop out of the quoted price', () => {
    // 5.5 quoted at 5%: wins 2 × 4.5 × 0.95
    expect(settleComboLegs(['won', 'won'], [2, 2.5], 5.5, 0.05, 2)!.profit).toBeCloseTo(2 * 4.5 * 0.95, 12);
    // a void 2.5 leg leaves 5 / 2.5 = 2 quoted: wins 2 × 1 × 0.95 (not the net price divided by the leg)
    expect(settleComboLegs(['won', 'void'], [2, 2.5], 5, 0.05, 2)!.profit).toBeCloseTo(2 * 1 * 0.95, 12);
    expect(settleComboLegs(['won', 'lost'], [2, 2.5], 5, 0.05, 2)).toEqual({ result: 'lost', profit: -2 });
  });
});
