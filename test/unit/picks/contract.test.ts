import { describe, expect, it } from 'vitest';
import { pickInput, placeBetInput } from '../../../src-shared/contract/picks';

/** "path: message" of each issue, as the form shows them beside its fields. */
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the placed-bet schema (the form checks with it before the call; the contract checks again)', () => {
  const ok = { matchId: 5, market: '1x2', selection: 'home', bookmaker: 'B365', odds: 2.1, stake: 10 };
  it('accepts a bet on its own or following a pick', () => {
    expect(placeBetInput.safeParse(ok).success).toBe(true);
    expect(placeBetInput.safeParse({ pickId: 'pick-1', bookmaker: 'PS', odds: 1.01, stake: 0.5 }).success).toBe(true);
  });
  it('refuses odds ≤ 1, a negative or zero stake, a missing bookmaker, with clear messages', () => {
    expect(issues(placeBetInput.safeParse({ ...ok, odds: 1 }))).toEqual([
      'odds: odds must be a decimal price above 1 (a price of 1 or less returns nothing)',
    ]);
    expect(issues(placeBetInput.safeParse({ ...ok, odds: Number.POSITIVE_INFINITY }))).toEqual(['odds: odds must be a number']);
    expect(issues(placeBetInput.safeParse({ ...ok, stake: -1 }))).toEqual(['stake: stake must not be negative']);
    expect(issues(placeBetInput.safeParse({ ...ok, stake: 0 }))).toEqual(['stake: stake of a placed bet must be above 0']);
    expect(issues(placeBetInput.safeParse({ ...ok, bookmaker: '  ' }))).toEqual(['bookmaker: bookmaker is required']);
    expect(issues(placeBetInput.safeParse({ ...ok, odds: undefined }))).toEqual(['odds: odds is required']);
  });
  it('needs the match, market and selection without a pick, and none of them with one', () => {
    expect(issues(placeBetInput.safeParse({ bookmaker: 'PS', odds: 2, stake: 1 }))).toEqual([
      'matchId: matchId is required (or a pickId)',
      'market: market is required (or a pickId)',
      'selection: selection is required (or a pickId)',
    ]);
    expect(issues(placeBetInput.safeParse({ ...ok, pickId: 'pick-1' }))).toContain(
      'matchId: matchId comes from the pick: leave it out with pickId',
    );
    expect(issues(placeBetInput.safeParse({ ...ok, market: 'spreads', selection: 'draw' }))).toEqual([
      'selection: selection of a spreads pick must be one of home, away',
      'line: a spreads pick needs its line',
    ]);
  });
});

describe('the pick schema', () => {
  const pick = {
    matchId: 1,
    market: 'totals',
    line: 2.25,
    selection: 'over',
    bookmaker: 'PS',
    odds: 1.95,
    stake: 0,
    decision: {
      modelVersion: 'v',
      modelParams: {},
      weights: {},
      oddsSnapshot: [{ bookmaker: 'PS', selection: 'over', line: 2.25, odds: 1.95, observedAt: '2026-03-01T12:00:00Z' }],
    },
  };
  it('accepts a paper pick (stake 0) with what it was decided on; defaults the rest', () => {
    const r = pickInput.parse(pick);
    expect(r).toMatchObject({ source: 'conseil', reasons: [], warnings: [], modelProb: null, outcomeProbs: null });
  });
  it('outcome probabilities sum to 1; the snapshot shows the price taken; lines are quarter multiples', () => {
    expect(issues(pickInput.safeParse({ ...pick, outcomeProbs: { won: 0.5, lost: 0.4 } }))).toEqual([
      'outcomeProbs: outcomeProbs must sum to 1',
    ]);
    expect(issues(pickInput.safeParse({ ...pick, line: 2.3 }))).toContain('line: line must be a multiple of 0.25 between -20 and 20');
    expect(issues(pickInput.safeParse({ ...pick, odds: 2 }))).toEqual([
      'decision.oddsSnapshot: the odds snapshot has no quote of PS at 2 for over: it must show the price taken',
    ]);
    expect(issues(pickInput.safeParse({ ...pick, decision: { ...pick.decision, oddsSnapshot: [] } }))[0]).toBe(
      'decision.oddsSnapshot: decision.oddsSnapshot must hold the quotes the pick was decided on',
    );
  });
});
