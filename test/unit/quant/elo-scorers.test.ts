import { describe, expect, it } from 'vitest';
import { eloDelta, eloExpected, eloRatings, goalDifferenceMultiplier, scorerProbabilities } from '../../../src-shared/quant';
import { close, fixture } from './fixtures';

describe('Elo (World Football Elo conventions)', () => {
  it('expected result with home advantage 100 and the goal-difference multiplier', () => {
    close(eloExpected(1500, 1500, 100), 1 / (1 + 10 ** (-100 / 400)), 1e-15);
    expect([0, 1, 2, 3, 4, 7].map(goalDifferenceMultiplier)).toEqual([1, 1, 1.5, 14 / 8, 15 / 8, 18 / 8]);
    // eloratings.net worked case: equal teams, neutral, 3-0 win with K = 60: 60 · 1.75 · 0.5 = 52.5
    close(eloDelta(1800, 1800, 3, 0, { k: 60, homeAdvantage: 0 }), 52.5, 1e-12);
    close(eloDelta(1800, 1800, 0, 0, { k: 60, homeAdvantage: 0 }), 0, 1e-12);
  });
  it('ratings are zero-sum and the stronger team climbs', () => {
    const r = eloRatings([
      { home: 'A', away: 'B', homeGoals: 2, awayGoals: 0 },
      { home: 'B', away: 'C', homeGoals: 1, awayGoals: 1 },
      { home: 'C', away: 'A', homeGoals: 0, awayGoals: 4 },
    ]);
    close(
      [...r.values()].reduce((a, b) => a + b, 0),
      4500,
      1e-9,
    );
    expect(r.get('A')!).toBeGreaterThan(r.get('B')!);
    expect(() => eloRatings([{ home: 'A', away: 'B', homeGoals: -1, awayGoals: 0 }])).toThrow(/matches\[0\]/);
  });
});

describe('goalscorer probabilities', () => {
  it('anytime = 1 − exp(−λ·share·minutes/90) without penalties', () => {
    const r = scorerProbabilities({ teamExpectedGoals: 1.8, opponentExpectedGoals: 1.0, share: 0.3, minutes: 90 });
    close(r.expectedGoals, 0.54, 1e-12);
    close(r.anytime, 1 - Math.exp(-0.54), 1e-12);
    // first scorer over the full match: share of the total rate times P(at least one goal)
    close(r.first, (0.54 / 2.8) * (1 - Math.exp(-2.8)), 1e-12);
    close(r.noGoalInMatch, Math.exp(-2.8), 1e-12);
  });
  it('first-scorer probabilities of everyone plus "no goal" sum to 1', () => {
    // home team split over four players (shares sum to 1) and away over two, all 90 minutes
    const home = [0.4, 0.3, 0.2, 0.1].map(
      (share) => scorerProbabilities({ teamExpectedGoals: 1.6, opponentExpectedGoals: 1.2, share, minutes: 90 }).first,
    );
    const away = [0.7, 0.3].map(
      (share) => scorerProbabilities({ teamExpectedGoals: 1.2, opponentExpectedGoals: 1.6, share, minutes: 90 }).first,
    );
    close([...home, ...away].reduce((a, b) => a + b, 0) + Math.exp(-2.8), 1, 1e-12);
  });
  it('penalties add to the taker; a substitute gets the late window', () => {
    const base = {
      teamExpectedGoals: 1.5,
      opponentExpectedGoals: 1.1,
      share: 0.25,
      minutes: 90,
      penaltiesPerMatch: 0.25,
      penaltyConversion: 0.8,
    };
    const taker = scorerProbabilities({ ...base, penaltyShare: 1 });
    const other = scorerProbabilities({ ...base, penaltyShare: 0 });
    close(taker.expectedGoals, (1.5 - 0.2) * 0.25 + 0.2, 1e-12);
    expect(taker.anytime).toBeGreaterThan(other.anytime);
    const sub = scorerProbabilities({ ...base, minutes: 30, startMinute: 60 });
    const starter30 = scorerProbabilities({ ...base, minutes: 30, startMinute: 0 });
    close(sub.anytime, starter30.anytime, 1e-12);
    expect(sub.first).toBeLessThan(starter30.first);
    expect(() => scorerProbabilities({ ...base, share: 1.2 })).toThrow(/share = 1.2/);
  });
});

interface RefElo {
  k: number;
  home_advantage: number;
  matches: Array<{ home: string; away: string; homeGoals: number; awayGoals: number }>;
  ratings: Record<string, number>;
}
interface RefScorer {
  team: number;
  opponent: number;
  share: number;
  minutes: number;
  start: number;
  penalties: number;
  conversion: number;
  penalty_share: number;
  anytime: number;
  first: number;
}
const ref = fixture<{ elo: RefElo[]; scorers: RefScorer[] }>('ratings_scorers.json');

describe('Elo and goalscorers against the python reference', () => {
  it(`Elo ratings after a run of matches (${ref.elo.length} leagues)`, () => {
    expect(ref.elo.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.elo.entries()) {
      const r = eloRatings(c.matches, { k: c.k, homeAdvantage: c.home_advantage });
      for (const [team, rating] of Object.entries(c.ratings)) close(r.get(team)!, rating, 1e-9, `#${i} ${team}`);
    }
  });
  it(`anytime and first scorer (first by numerical integration in the reference) (${ref.scorers.length})`, () => {
    expect(ref.scorers.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.scorers.entries()) {
      const r = scorerProbabilities({
        teamExpectedGoals: c.team,
        opponentExpectedGoals: c.opponent,
        share: c.share,
        minutes: c.minutes,
        startMinute: c.start,
        penaltiesPerMatch: c.penalties,
        penaltyConversion: c.conversion,
        penaltyShare: c.penalty_share,
      });
      close(r.anytime, c.anytime, 1e-9, `anytime #${i}`);
      close(r.first, c.first, 1e-9, `first #${i}`);
    }
  });
});
