// Picks du Jour's pure logic: the bet in words (Asian lines are the home team's handicap for both sides),
// the factor bars' scaling, the summary line, the ranking, and a placed bet folded into its pick.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConseilPick, PicksToday } from '../../../src-shared/contract/conseil';
import type { PickRow } from '../../../src-shared/contract/picks';
import {
  betText,
  factorBars,
  formatOdds,
  isTrapWarning,
  money,
  ranked,
  selectionText,
  summarise,
  todayUtc,
  trapOnPick,
} from '../../../src-renderer/panels/picks/labels';
import { inputName } from '../../../src-renderer/ui/bet-labels';
import { withPlaced } from '../../../src-renderer/panels/picks/merge';

const pick = (over: Partial<ConseilPick> = {}): ConseilPick => ({
  pickId: 'c-1',
  matchId: 7,
  league: 'E0',
  kickoff: '2026-11-29T15:00:00Z',
  home: 'Arsenal',
  away: 'Chelsea',
  market: 'spreads',
  line: -0.25,
  selection: 'away',
  bookmaker: 'B365',
  odds: 2.05,
  quotedOdds: 2.05,
  commission: 0,
  fairOdds: 1.95,
  modelProb: null,
  outcomeProbs: null,
  edge: 0.051,
  stake: 12.5,
  confidence: null,
  score: 70,
  tier: 'gold',
  expectedClv: 0.02,
  contributions: [],
  reasons: [],
  warnings: [],
  traps: [],
  scorers: [],
  pickedAt: '2026-11-29T08:00:00Z',
  placed: [],
  status: 'open',
  clv: null,
  ...over,
});

describe('the bet in words', () => {
  it("shows each side's own Asian handicap: the line is the home team's for both sides", () => {
    expect(selectionText('spreads', -0.25, 'away')).toBe('Away +0.25');
    expect(selectionText('spreads', -0.25, 'home')).toBe('Home −0.25');
    expect(selectionText('spreads', 0.75, 'away')).toBe('Away −0.75');
    expect(selectionText('spreads', 1, 'home')).toBe('Home +1');
    expect(selectionText('spreads', 0, 'away')).toBe('Away 0');
  });
  it('names totals and 1X2 selections', () => {
    expect(selectionText('totals', 2.5, 'over')).toBe('Over 2.5');
    expect(selectionText('totals', 3.25, 'under')).toBe('Under 3.25');
    expect(selectionText('1x2', null, 'draw')).toBe('Draw');
  });
  it('gives the market and the team the bet backs', () => {
    expect(betText(pick())).toBe('Asian handicap · Away +0.25 (Chelsea)');
    expect(betText(pick({ market: '1x2', line: null, selection: 'home' }))).toBe('1X2 · Home (Arsenal)');
    expect(betText(pick({ market: 'totals', line: 2.5, selection: 'under' }))).toBe('Totals · Under 2.5');
  });
  it('the two sides of an Asian line read opposite handicaps, whatever the line', () => {
    const quarter = fc.integer({ min: -40, max: 40 }).map((k) => k / 4);
    fc.assert(
      fc.property(quarter, (line) => {
        const num = (s: string) => Number(s.split(' ')[1].replace('−', '-'));
        expect(num(selectionText('spreads', line, 'home')) + num(selectionText('spreads', line, 'away'))).toBe(0);
        expect(num(selectionText('spreads', line, 'home'))).toBe(line);
      }),
    );
  });
  it('names an input in words', () => {
    expect(inputName('marketEdge')).toBe('Market edge');
    expect(inputName('consensusOnly')).toBe('Consensus only');
    expect(inputName('trap')).toBe('Trap');
  });
  it('shows a price with the decimals it was quoted with', () => {
    expect(formatOdds(8.313)).toBe('8.313');
    expect(formatOdds(3.5)).toBe('3.50');
    expect(formatOdds(2.05)).toBe('2.05');
    expect(formatOdds(1.8333333)).toBe('1.833');
  });
  it('amounts carry the currency when it is known', () => {
    expect(money(12.5, 'EUR')).toBe('12.50 EUR');
    expect(money(3, null)).toBe('3.00');
  });
});

describe('factor bars', () => {
  const c = (input: string, clv: number) => ({ input, label: `label of ${input}`, value: 1, clv });
  it('scale to the largest |CLV part| and list it first, with its sign', () => {
    const bars = factorBars([c('edge', 0.01), c('trap', -0.02), c('steam', 0.005), c('pattern', 0)]);
    expect(bars.map((b) => b.input)).toEqual(['trap', 'edge', 'steam', 'pattern']);
    expect(bars.map((b) => b.width)).toEqual([1, 0.5, 0.25, 0]);
    expect(bars.map((b) => b.sign)).toEqual(['negative', 'positive', 'positive', 'zero']);
    expect(bars[0].text).toBe('−2.00%');
    expect(bars[1].label).toBe('label of edge');
    expect(bars[1].name).toBe('Edge');
  });
  it('have no bar when every part is zero, and keep a non-finite part out of the scale', () => {
    expect(factorBars([c('edge', 0), c('model', 0)]).map((b) => b.width)).toEqual([0, 0]);
    const bars = factorBars([c('edge', Number.NaN), c('model', 0.01)]);
    expect(bars.find((b) => b.input === 'model')?.width).toBe(1);
    expect(bars.find((b) => b.input === 'edge')).toMatchObject({ width: 0, sign: 'zero' });
  });
  it('widths stay within 0..1 and the largest is 1', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (clvs) => {
        const bars = factorBars(clvs.map((v, i) => c(`i${i}`, v)));
        for (const b of bars) expect(b.width).toBeGreaterThanOrEqual(0);
        for (const b of bars) expect(b.width).toBeLessThanOrEqual(1);
        if (clvs.some((v) => v !== 0)) expect(bars[0].width).toBe(1);
      }),
    );
  });
});

describe('the day', () => {
  it('ranks by PATRON score, ties in the contract order', () => {
    const a = pick({ pickId: 'a', score: 60 });
    const b = pick({ pickId: 'b', score: 80 });
    const c = pick({ pickId: 'c', score: 60 });
    expect(ranked([a, b, c]).map((p) => p.pickId)).toEqual(['b', 'a', 'c']);
    expect(ranked([c, b, a]).map((p) => p.pickId)).toEqual(['b', 'c', 'a']);
  });
  it('sums the stakes and averages the expected CLV', () => {
    expect(summarise([pick({ stake: 10, expectedClv: 0.01 }), pick({ stake: 5.5, expectedClv: 0.03 })])).toEqual({
      picks: 2,
      totalStake: 15.5,
      meanExpectedClv: 0.02,
    });
    expect(summarise([])).toEqual({ picks: 0, totalStake: 0, meanExpectedClv: null });
  });
  it('highlights trap warnings and the traps on the bet itself', () => {
    expect(isTrapWarning('FERRARI trap on the away side (medium)')).toBe(true);
    expect(isTrapWarning('thin market: 2 books')).toBe(false);
    const p = pick();
    expect(trapOnPick({ market: 'spreads', line: -0.25, selection: 'away' }, p)).toBe(true);
    expect(trapOnPick({ market: 'spreads', line: -0.5, selection: 'away' }, p)).toBe(false);
    expect(trapOnPick({ market: 'spreads', line: -0.25, selection: 'home' }, p)).toBe(false);
  });
  it('today is the UTC day', () => {
    expect(todayUtc(Date.parse('2026-11-29T23:30:00-02:00'))).toBe('2026-11-30');
  });
});

describe('a placed bet folded into its pick', () => {
  const today = (picks: ConseilPick[]): PicksToday => ({ date: '2026-11-29', picks, combos: [], patron: null, note: null });
  const bet = (over: Partial<PickRow> = {}) =>
    ({
      pickId: 'bet-1',
      parentPickId: 'c-1',
      bookmaker: 'PS',
      odds: 2.1,
      quotedOdds: 2.1,
      commission: 0,
      stake: 20,
      pickedAt: '2026-11-29T09:00:00Z',
      ...over,
    }) as PickRow;

  it('joins the placed list of the pick it follows, the other picks untouched', () => {
    const other = pick({ pickId: 'c-2' });
    const before = today([pick(), other]);
    const after = withPlaced(before, bet());
    expect(after.picks[0].placed).toEqual([
      { pickId: 'bet-1', bookmaker: 'PS', odds: 2.1, quotedOdds: 2.1, commission: 0, stake: 20, placedAt: '2026-11-29T09:00:00Z' },
    ]);
    expect(after.picks[1]).toBe(other);
    expect(before.picks[0].placed).toEqual([]); // the old state is not mutated
  });
  it('is not added twice when the refresh already brought it, nor anywhere when it follows no pick of the day', () => {
    const once = withPlaced(today([pick()]), bet());
    expect(withPlaced(once, bet()).picks[0].placed).toHaveLength(1);
    const day = today([pick()]);
    expect(withPlaced(day, bet({ parentPickId: 'elsewhere' }))).toBe(day);
    expect(withPlaced(day, bet({ parentPickId: null }))).toBe(day);
    const second = withPlaced(once, bet({ pickId: 'bet-2', odds: 2.0 }));
    expect(second.picks[0].placed.map((b) => b.pickId)).toEqual(['bet-1', 'bet-2']);
  });
});
