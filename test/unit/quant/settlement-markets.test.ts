import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  asianHandicap,
  bothTeamsToScore,
  cell,
  correctScores,
  dixonColesMatrix,
  matchOdds,
  outcome1x2,
  settle1x2,
  settleAsianHandicap,
  settleTotal,
  totals,
} from '../../../src-shared/quant';
import { close, fixture } from './fixtures';

interface SettleCase {
  side: string;
  line: number;
  odds: number;
  home_goals: number;
  away_goals: number;
  result: string;
  profit: number;
}
const settle = fixture<{ asian_handicap: SettleCase[]; totals: SettleCase[] }>('settlement.json');

describe('settlement against the reference', () => {
  it(`Asian handicap, whole/half/quarter lines (${settle.asian_handicap.length} bets)`, () => {
    expect(settle.asian_handicap.length).toBeGreaterThanOrEqual(50);
    const seen = new Set<string>();
    for (const [i, c] of settle.asian_handicap.entries()) {
      const r = settleAsianHandicap(c.side as 'home' | 'away', c.line, c.odds, c.home_goals, c.away_goals);
      expect(r.result, `#${i} ${JSON.stringify(c)}`).toBe(c.result);
      close(r.profit, c.profit, 1e-9, `profit #${i}`);
      seen.add(r.result);
    }
    expect(seen.size).toBe(5);
  });
  it(`totals (${settle.totals.length} bets)`, () => {
    expect(settle.totals.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of settle.totals.entries()) {
      const r = settleTotal(c.side as 'over' | 'under', c.line, c.odds, c.home_goals, c.away_goals);
      expect(r.result, `#${i} ${JSON.stringify(c)}`).toBe(c.result);
      close(r.profit, c.profit, 1e-9, `profit #${i}`);
    }
  });
  it('worked examples and bad input', () => {
    expect(settleAsianHandicap('home', -0.75, 2.0, 1, 0)).toEqual({ result: 'half_won', profit: 0.5 });
    expect(settleAsianHandicap('away', 0.75, 2.0, 1, 0)).toEqual({ result: 'half_lost', profit: -0.5 });
    expect(settleAsianHandicap('home', -1, 1.9, 1, 0)).toEqual({ result: 'void', profit: 0 });
    expect(settleTotal('over', 2.25, 1.8, 1, 1)).toEqual({ result: 'half_lost', profit: -0.5 });
    expect(() => settleAsianHandicap('home', -0.3, 2, 1, 0)).toThrow(/multiple of 0.25/);
    expect(() => settleTotal('over', 2.5, 2, -1, 0)).toThrow(/home goals = -1/);
  });
  it('property: the two sides of an AH market net to at most zero profit at even odds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -16, max: 16 }), fc.nat(7), fc.nat(7), (q, h, a) => {
        const home = settleAsianHandicap('home', q / 4, 2, h, a);
        const away = settleAsianHandicap('away', -q / 4, 2, h, a);
        close(home.profit + away.profit, 0, 1e-12);
      }),
    );
  });
});

interface MarketCase {
  lambda_home: number;
  lambda_away: number;
  rho: number;
  home: number;
  draw: number;
  away: number;
  btts_yes: number;
  cs_1_1: number;
  cs_2_0: number;
  ah_line: number;
  ah_home_fair: number;
  ah_away_fair: number;
  total_line: number;
  over_fair: number;
  under_fair: number;
}
const markets = fixture<{ cases: MarketCase[] }>('markets.json');

describe('markets from a Dixon-Coles score matrix against the reference', () => {
  it(`1X2, BTTS, correct score, AH and totals fair prices (${markets.cases.length} matrices)`, () => {
    expect(markets.cases.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of markets.cases.entries()) {
      const m = dixonColesMatrix(c.lambda_home, c.lambda_away, c.rho, 15);
      const x = matchOdds(m);
      close(x.home, c.home, 1e-9, `home #${i}`);
      close(x.draw, c.draw, 1e-9, `draw #${i}`);
      close(x.away, c.away, 1e-9, `away #${i}`);
      close(bothTeamsToScore(m).yes, c.btts_yes, 1e-9, `btts #${i}`);
      close(cell(m, 1, 1), c.cs_1_1, 1e-9, `1-1 #${i}`);
      close(cell(m, 2, 0), c.cs_2_0, 1e-9, `2-0 #${i}`);
      const ah = asianHandicap(m, c.ah_line);
      close(ah.home.fairOdds, c.ah_home_fair, 1e-6, `AH home ${c.ah_line} #${i}`);
      close(ah.away.fairOdds, c.ah_away_fair, 1e-6, `AH away #${i}`);
      const t = totals(m, c.total_line);
      close(t.over.fairOdds, c.over_fair, 1e-6, `over ${c.total_line} #${i}`);
      close(t.under.fairOdds, c.under_fair, 1e-6, `under #${i}`);
    }
  });
  it('half lines have no push and fair prices of both sides imply probabilities summing to 1', () => {
    const m = dixonColesMatrix(1.6, 1.1, -0.08);
    const t = totals(m, 2.5);
    expect(t.over.push).toBe(0);
    close(1 / t.over.fairOdds + 1 / t.under.fairOdds, 1, 1e-12);
    const ah = asianHandicap(m, -1);
    expect(ah.home.push).toBeGreaterThan(0);
    close(ah.home.win + ah.home.push + ah.home.lose, 1, 1e-12);
    expect(correctScores(m, 3)[0].probability).toBeGreaterThanOrEqual(correctScores(m, 3)[1].probability);
  });
});

describe('1X2 settlement', () => {
  it('the result of every score up to 6–6, and the side bet on wins o − 1 or loses the stake', () => {
    for (let h = 0; h <= 6; h++)
      for (let a = 0; a <= 6; a++) {
        const result = h > a ? 'home' : h === a ? 'draw' : 'away';
        expect(outcome1x2(h, a)).toBe(result);
        for (const side of ['home', 'draw', 'away'] as const)
          expect(settle1x2(side, 2.5, h, a)).toEqual(side === result ? { result: 'won', profit: 1.5 } : { result: 'lost', profit: -1 });
      }
  });

  it('refuses a bad score or price', () => {
    expect(() => outcome1x2(-1, 0)).toThrow(/home goals/);
    expect(() => outcome1x2(1, 0.5)).toThrow(/away goals/);
    expect(() => settle1x2('home', 1, 1, 0)).toThrow(/odds/);
  });
});
