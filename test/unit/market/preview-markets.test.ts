import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PENALTIES_PER_MATCH,
  penaltyRate,
  previewMarkets,
  scorerRows,
  twoWayEdge,
  DEFAULT_LINES,
} from '../../../src-main/features/analysis/markets';
import type { PlayerRow } from '../../../src-main/features/analysis/queries';
import { asianHandicap, bothTeamsToScore, matchOdds, totals } from '../../../src-shared/quant/markets';
import { dixonColesMatrix } from '../../../src-shared/quant/poisson/score-matrix';
import { scorerProbabilities } from '../../../src-shared/quant/scorers';

const m = dixonColesMatrix(1.6, 1.1, -0.08, 12);
const q = (market: 'totals' | 'spreads' | '1x2', line: number | null, selection: string, fairProb: number, bestOdds: number) => ({
  market,
  line,
  selection,
  fairProb,
  fairOdds: 1 / fairProb,
  bestOdds,
  bestQuoted: bestOdds,
  bestCommission: 0,
  bestBook: 'PS',
});

describe('preview: model against market', () => {
  it('1X2 from the score matrix, with the edge of the best price p·o − 1', () => {
    const rows = previewMarkets(m, [q('1x2', null, 'home', 0.45, 2.3)]);
    const x = matchOdds(m);
    const home = rows.find((r) => r.market === '1x2' && r.selection === 'home')!;
    expect(home.modelProb).toBe(x.home);
    expect(home.modelFairOdds).toBe(1 / x.home);
    expect(home).toMatchObject({ marketProb: 0.45, bestOdds: 2.3, bestBook: 'PS' });
    expect(home.edge).toBeCloseTo(x.home * 2.3 - 1, 15);
    expect(rows.find((r) => r.selection === 'draw')!.edge).toBeNull();
  });

  it('quarter and whole lines count pushes: fair odds from quant, edge = win·(o − 1) − lose', () => {
    const rows = previewMarkets(m, [
      q('spreads', -0.25, 'home', 0.5, 1.95),
      q('spreads', -0.25, 'away', 0.5, 1.95),
      q('totals', 3, 'over', 0.4, 2.5),
    ]);
    const ah = asianHandicap(m, -0.25);
    const home = rows.find((r) => r.market === 'spreads' && r.line === -0.25 && r.selection === 'home')!;
    expect(home.modelFairOdds).toBe(ah.home.fairOdds);
    expect(home.modelProb).toBeCloseTo(1 / ah.home.fairOdds, 15);
    expect(home.edge).toBeCloseTo(ah.home.win * 0.95 - ah.home.lose, 15);
    // a whole line: a push returns the stake, so the edge is not p·o − 1 with p = 1/fair
    const t3 = totals(m, 3).over;
    const over3 = rows.find((r) => r.market === 'totals' && r.line === 3 && r.selection === 'over')!;
    expect(t3.push).toBeGreaterThan(0.1);
    expect(over3.edge).toBeCloseTo(t3.win * 1.5 - t3.lose, 15);
    expect(over3.edge).not.toBeCloseTo(over3.modelProb * 2.5 - 1, 3);
    expect(twoWayEdge(t3, t3.fairOdds)).toBeCloseTo(0, 12);
    // only the lines the market quotes
    expect(new Set(rows.filter((r) => r.market === 'spreads').map((r) => r.line))).toEqual(new Set([-0.25]));
    expect(new Set(rows.filter((r) => r.market === 'totals').map((r) => r.line))).toEqual(new Set([3]));
  });

  it('default lines without a market, and BTTS model-only', () => {
    const rows = previewMarkets(m, []);
    expect([...new Set(rows.filter((r) => r.market === 'totals').map((r) => r.line))]).toEqual(DEFAULT_LINES.totals);
    expect([...new Set(rows.filter((r) => r.market === 'spreads').map((r) => r.line))]).toEqual(DEFAULT_LINES.spreads);
    const b = bothTeamsToScore(m);
    expect(rows.find((r) => r.market === 'btts' && r.selection === 'yes')).toMatchObject({
      modelProb: b.yes,
      marketProb: null,
      edge: null,
    });
    expect(rows.every((r) => r.bestOdds === null && r.edge === null)).toBe(true);
  });
});

describe('preview: likely scorers', () => {
  const player = (id: number, share: number, minutes: number, pen = false, extra: Partial<PlayerRow> = {}): PlayerRow => ({
    playerId: id,
    name: `P${id}`,
    position: 'FW',
    goalShare: share,
    expectedMinutes: minutes,
    penaltyTaker: pen ? 1 : 0,
    goals: 5,
    appearances: 10,
    penaltiesTaken: pen ? 3 : 0,
    sourceAnytime: 0.3,
    ...extra,
  });

  it("quant's scorer model with the team's λ, penalties from the squad's record, most likely first", () => {
    const players = [player(1, 0.1, 85), player(2, 0.35, 88, true), player(3, 0.2, 30)];
    const rows = scorerRows(players, 1.7, 1.2);
    expect(rows.map((r) => r.playerId)).toEqual(
      [2, 1, 3].sort((a, b) => rows.findIndex((r) => r.playerId === a) - rows.findIndex((r) => r.playerId === b)),
    );
    expect(rows[0].playerId).toBe(2);
    const want = scorerProbabilities({
      teamExpectedGoals: 1.7,
      opponentExpectedGoals: 1.2,
      share: 0.35,
      minutes: 88,
      startMinute: 0,
      penaltiesPerMatch: (3 + 60 * 0.12) / (10 + 60),
      penaltyShare: 1,
    });
    expect(rows[0].anytime).toBe(want.anytime);
    expect(rows[0].first).toBe(want.first);
    const sub = rows.find((r) => r.playerId === 3)!;
    expect(sub.anytime).toBe(
      scorerProbabilities({
        teamExpectedGoals: 1.7,
        opponentExpectedGoals: 1.2,
        share: 0.2,
        minutes: 30,
        startMinute: 60,
        penaltiesPerMatch: (3 + 60 * 0.12) / (10 + 60),
        penaltyShare: 0,
      }).anytime,
    );
  });

  it("a season's penalty record is shrunk toward the typical rate: a lucky run does not make its taker a favourite", () => {
    // the demo's Quinuk: 6 penalties in 15 matches (5 of his team's 12 goals), the world's rate ~0.17
    expect(penaltyRate(6, 15)).toBeCloseTo((6 + 7.2) / 75, 12);
    expect(penaltyRate(0, 0)).toBeCloseTo(DEFAULT_PENALTIES_PER_MATCH, 12);
    expect(penaltyRate(90, 380)).toBeCloseTo(97.2 / 440, 12); // a long record speaks for itself
    const lucky = scorerRows([player(1, 0.22, 88, true, { penaltiesTaken: 6, appearances: 15 })], 1.06, 0.83)[0];
    const raw = scorerProbabilities({
      teamExpectedGoals: 1.06,
      opponentExpectedGoals: 0.83,
      share: 0.22,
      minutes: 88,
      penaltiesPerMatch: 6 / 15,
      penaltyShare: 1,
    });
    expect(lucky.anytime!).toBeLessThan(raw.anytime - 0.05);
  });

  it('without a model: no probabilities, the source figure kept', () => {
    const rows = scorerRows([player(1, 0.3, 90)], null, null);
    expect(rows[0]).toMatchObject({ anytime: null, first: null, sourceAnytime: 0.3 });
  });
});
