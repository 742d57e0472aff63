import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settle, settlementAction } from '../../../src-main/features/picks/settle';
import { expectedUnit, resultOfUnit } from '../../support/settle-rules';

const goals = fc.integer({ min: 0, max: 7 });
const odds = fc.double({ min: 1.01, max: 20, noNaN: true });
const quarter = fc.integer({ min: -14, max: 14 }).map((k) => k / 4);
const market = fc.constantFrom(
  { market: '1x2', sel: ['home', 'draw', 'away'] },
  { market: 'totals', sel: ['over', 'under'] },
  { market: 'spreads', sel: ['home', 'away'] },
);

describe('settlement of a pick', () => {
  it('property: every market, whole, half and quarter line, any score: the result and profit of the rules', () => {
    fc.assert(
      fc.property(
        market,
        fc.nat(2),
        quarter,
        odds,
        fc.double({ min: 0, max: 1000, noNaN: true }),
        goals,
        goals,
        (m, k, l, o, stake, h, a) => {
          const selection = m.sel[k % m.sel.length];
          const line = m.market === '1x2' ? null : m.market === 'totals' ? Math.abs(l) : l;
          const s = settle({ market: m.market, line, selection, odds: o, stake }, { status: 'finished', homeGoals: h, awayGoals: a });
          const unit = expectedUnit(m.market, line, selection, o, h, a);
          expect(s).not.toBeNull();
          expect(s!.result).toBe(resultOfUnit(unit, o));
          expect(s!.profit).toBeCloseTo(stake * unit, 9);
          expect(s).toMatchObject({ status: 'finished', homeGoals: h, awayGoals: a, note: null });
        },
      ),
    );
  });

  it('hand cases: Asian -0.25 at 0-0 is half lost; over 2.75 at 2-1 half won; away +0.25 home handicap −0.25 at 1-1 half won', () => {
    const f = (market: string, line: number, selection: string, h: number, a: number) =>
      settle({ market, line, selection, odds: 2, stake: 10 }, { status: 'finished', homeGoals: h, awayGoals: a });
    expect(f('spreads', -0.25, 'home', 0, 0)).toMatchObject({ result: 'half_lost', profit: -5 });
    expect(f('totals', 2.75, 'over', 2, 1)).toMatchObject({ result: 'half_won', profit: 5 });
    expect(f('spreads', -0.25, 'away', 1, 1)).toMatchObject({ result: 'half_won', profit: 5 });
    expect(f('spreads', 0.5, 'away', 0, 0)).toMatchObject({ result: 'lost', profit: -10 });
  });

  it('void with its reason on a postponed or cancelled match; nothing before a score', () => {
    const p = { market: '1x2', line: null, selection: 'home', odds: 2.5, stake: 4 };
    expect(settle(p, { status: 'postponed', homeGoals: null, awayGoals: null })).toEqual({
      result: 'void',
      profit: 0,
      status: 'postponed',
      homeGoals: null,
      awayGoals: null,
      note: 'void: match postponed',
    });
    expect(settle(p, { status: 'cancelled', homeGoals: null, awayGoals: null })?.note).toBe('void: match cancelled');
    expect(settle(p, { status: 'finished', homeGoals: null, awayGoals: null })).toBeNull();
    expect(settle(p, { status: 'live', homeGoals: 1, awayGoals: 0 })).toBeNull();
  });

  it('settles once per match state: same state nothing, another state re-settles, a pick settled elsewhere is left', () => {
    const fin = (h: number, a: number) => ({ status: 'finished', homeGoals: h, awayGoals: a });
    const open = { result: null, settledStatus: null, settledHomeGoals: null, settledAwayGoals: null };
    const here = { result: 'won', settledStatus: 'finished', settledHomeGoals: 2, settledAwayGoals: 1 };
    expect(settlementAction(open, fin(2, 1))).toBe('settle');
    expect(settlementAction(open, { status: 'scheduled', homeGoals: null, awayGoals: null })).toBeNull();
    expect(settlementAction(here, fin(2, 1))).toBeNull();
    expect(settlementAction(here, fin(2, 2))).toBe('resettle');
    expect(settlementAction(here, { status: 'postponed', homeGoals: null, awayGoals: null })).toBe('resettle');
    expect(settlementAction(here, { status: 'live', homeGoals: 3, awayGoals: 1 })).toBeNull(); // re-opened: keeps its settlement
    expect(settlementAction({ ...here, settledStatus: null, settledHomeGoals: null, settledAwayGoals: null }, fin(0, 0))).toBeNull();
    const voided = { result: 'void', settledStatus: 'postponed', settledHomeGoals: null, settledAwayGoals: null };
    expect(settlementAction(voided, { status: 'postponed', homeGoals: null, awayGoals: null })).toBeNull();
    expect(settlementAction(voided, fin(1, 0))).toBe('resettle');
  });
});
