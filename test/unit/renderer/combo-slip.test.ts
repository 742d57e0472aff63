// The combo slip (src-renderer/ui/combo-slip-logic.ts, app/store/combo-slip.ts): legs from picks (one
// per pick, none without a model probability), the inputs it sends, and which leg or field each
// refusal of the schema or of the contract lands beside.
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractCallError } from '../../../src-renderer/api/client';
import { legRefusal, useComboSlip, winProbability, type LegSource, type SlipLeg } from '../../../src-renderer/app/store/combo-slip';
import { previewInput, recordInput, sharedBook, slipErrorsOfCall } from '../../../src-renderer/ui/combo-slip-logic';

const source = (pickId: string, over: Partial<LegSource> = {}): LegSource => ({
  pickId,
  matchId: 1,
  market: '1x2',
  line: null,
  selection: 'home',
  quotedOdds: 2.1,
  bookmaker: 'B365',
  probability: 0.5,
  label: 'A – B · Home',
  ...over,
});

beforeEach(() => useComboSlip.getState().clear());

describe('combo slip', () => {
  it('takes a pick once, never one without a model probability, and gives it back on remove', () => {
    const s = useComboSlip.getState();
    s.add(source('p1'));
    s.add(source('p1'));
    s.add(source('p2', { probability: null }));
    expect(legRefusal(source('p2', { probability: null }))).toMatch(/no model probability/);
    expect(useComboSlip.getState().legs.map((l) => l.from)).toEqual(['p1']);
    s.add(source('p3', { matchId: 2, bookmaker: 'PS' }));
    expect(sharedBook(useComboSlip.getState().legs)).toBe('');
    s.remove('p3');
    expect(sharedBook(useComboSlip.getState().legs)).toBe('B365');
  });

  it("prices a leg with the model's win probability: a push on a whole line is no loss", () => {
    // over 2.0: wins 50%, pushes 20%, loses 30%; the card's fair price (1.6, net of the push) is not the chance
    const whole = { market: 'totals', line: 2, outcomeProbs: { won: 0.5, void: 0.2, lost: 0.3 }, fairOdds: 1.6 };
    expect(winProbability(whole)).toBe(0.5);
    expect(winProbability({ ...whole, outcomeProbs: null })).toBeNull();
    expect(winProbability({ market: '1x2', line: null, modelProb: 0.41, fairOdds: 2 })).toBe(0.41);
    expect(winProbability({ market: 'totals', line: 2.5, modelProb: null, fairOdds: 2 })).toBe(0.5);
    expect(winProbability({ market: 'spreads', line: -0.25, fairOdds: 2 })).toBeNull();
    expect(legRefusal(source('w', { market: 'totals', line: 2, selection: 'over', probability: null }))).toMatch(/whole line can push/);
    expect(legRefusal(source('q', { market: 'spreads', line: -0.75, selection: 'home', probability: 0.5 }))).toMatch(/quarter line/);
    expect(legRefusal(source('h', { market: 'totals', line: 2, selection: 'over', probability: 0.5 }))).toBeNull();
  });

  it("sends the legs at their quoted price, the price only once it is one, and records as the analyst's own", () => {
    const s = useComboSlip.getState();
    s.add(source('p1'));
    s.add(source('p2', { matchId: 2, market: 'totals', line: 2.5, selection: 'over', quotedOdds: 1.9, probability: 0.55 }));
    const legs: SlipLeg[] = useComboSlip.getState().legs;
    const p = previewInput(legs, 1, ' ');
    expect(p.success && p.data).toMatchObject({ kind: 'accumulator', legs: [{ odds: 2.1, probability: 0.5 }, { line: 2.5 }] });
    expect(p.success && 'odds' in p.data && p.data.odds).toBe(false);
    const r = recordInput(legs, 4.2, 2, 'BFE');
    expect(r.success && r.data).toMatchObject({ odds: 4.2, stake: 2, bookmaker: 'BFE', source: 'manual' });
    const bad = recordInput(legs, 1, undefined, '');
    expect(bad.success).toBe(false);
  });

  it("puts the contract's refusals beside their leg, the legs together, or their field", () => {
    const err = new ContractCallError('picks.priceCombo', 'VALIDATION', 'refused', {
      issues: [
        { path: ['legs', '1', 'matchId'], message: 'no match 9 in the cache' },
        { path: ['legs'], message: 'at most two legs per match' },
        { path: ['bookmaker'], message: "unknown bookmaker 'X'" },
      ],
    });
    expect(slipErrorsOfCall(err)).toEqual({
      legs: { 1: 'no match 9 in the cache' },
      fields: { legs: 'at most two legs per match', bookmaker: "unknown bookmaker 'X'" },
    });
    expect(slipErrorsOfCall(new ContractCallError('picks.recordCombo', 'UNAVAILABLE', 'no cache'))).toEqual({
      legs: {},
      fields: { form: 'no cache' },
    });
  });
});
