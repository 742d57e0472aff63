// CONSEIL ULTIM's rule on hand-made candidates: the trap veto, the score and edge floors, one selection per
// market line, Kelly stakes capped per bet and held within the exposure limits per match, league and day.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Candidate } from '../../../src-main/features/agents/patron';
import { chooseCandidates, CONSEIL_DEFAULTS, emptyExposure, type Staking } from '../../../src-main/features/decision';
import { fractionalKelly } from '../../../src-shared/quant';

const staking: Staking = {
  bankroll: 1000,
  kellyFraction: 0.25,
  maxStakeShare: 0.02,
  minStake: 1,
  exposure: { perMatch: 0.05, perDay: 0.2, perLeague: 0.1 },
};

let n = 0;
function cand(over: Partial<Candidate> & { score?: number } = {}): Candidate {
  const score = over.score ?? 70;
  return {
    matchId: over.matchId ?? ++n,
    fixture: over.fixture ?? String(over.matchId ?? n),
    league: 'L1',
    market: '1x2',
    line: null,
    selection: 'home',
    bookmaker: 'B365',
    odds: 2.2,
    quoted: over.odds ?? 2.2,
    commission: 0,
    probability: 0.5,
    edge: 0.1,
    books: 6,
    stale: false,
    trap: null,
    patron: {
      expectedClv: (score - 50) / 1000,
      score,
      tier: score >= 75 ? 'diamond' : score >= 65 ? 'gold' : score >= 55 ? 'silver' : 'pass',
      contributions: [],
    },
    ...over,
  };
}

describe("CONSEIL ULTIM's rule", () => {
  it('a high-severity trap vetoes; medium is a warning; below the score or edge floor is not picked', () => {
    const { picks, refused } = chooseCandidates(
      [
        cand({ trap: { severity: 'high', kind: 'too_good' } }),
        cand({ trap: { severity: 'medium', kind: 'against_sharp' } }),
        cand({ score: 52 }),
        cand({ edge: -0.01 }),
      ],
      staking,
      CONSEIL_DEFAULTS,
    );
    expect(refused.map((r) => r.why).sort()).toEqual(['edge', 'score', 'trap veto']);
    expect(picks).toHaveLength(1);
    expect(picks[0].warnings[0]).toBe('FERRARI trap (against_sharp, medium) on this selection');
  });

  it('one selection per market line (the best score), ranked by score', () => {
    const { picks, refused } = chooseCandidates(
      [
        cand({ matchId: 1, selection: 'home', score: 60 }),
        cand({ matchId: 1, selection: 'away', score: 80 }),
        cand({ matchId: 2, score: 70 }),
      ],
      staking,
      CONSEIL_DEFAULTS,
    );
    expect(picks.map((p) => [p.matchId, p.selection])).toEqual([
      [1, 'away'],
      [2, 'home'],
    ]);
    expect(refused).toMatchObject([{ why: 'another selection of the line' }]);
  });

  it('stakes: bankroll × fractional Kelly, capped per bet, in cents', () => {
    const small = cand({ odds: 2.2, probability: 0.47 }); // Kelly fraction below the cap
    const big = cand({ odds: 2.2, probability: 0.6 });
    const { picks } = chooseCandidates([small, big], staking, CONSEIL_DEFAULTS);
    const bySmall = picks.find((p) => p.matchId === small.matchId)!;
    expect(bySmall.stake).toBe(Math.floor(1000 * fractionalKelly(0.47, 2.2, 0.25) * 100) / 100);
    expect(picks.find((p) => p.matchId === big.matchId)!.stake).toBe(20); // 2% of 1000
  });

  it('never exceeds the exposure limits, counting what the day already holds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            m: fc.integer({ min: 1, max: 6 }),
            l: fc.constantFrom('A', 'B', 'C'),
            p: fc.double({ min: 0.3, max: 0.7, noNaN: true }),
          }),
          {
            maxLength: 60,
          },
        ),
        fc.double({ min: 0, max: 150, noNaN: true }),
        (xs, already) => {
          const taken = emptyExposure();
          taken.day = already;
          const cs = xs.map((x, i) =>
            cand({
              matchId: x.m,
              fixture: String(x.m),
              league: x.l,
              probability: x.p,
              odds: 2.5,
              market: 'totals',
              line: i,
              selection: 'over',
            }),
          );
          const { picks } = chooseCandidates(cs, staking, CONSEIL_DEFAULTS, taken);
          const sum = (f: (p: (typeof picks)[number]) => boolean) => picks.filter(f).reduce((a, p) => a + p.stake, 0);
          expect(sum(() => true) + already).toBeLessThanOrEqual(200 + 1e-6);
          for (const m of [1, 2, 3, 4, 5, 6]) expect(sum((p) => p.matchId === m)).toBeLessThanOrEqual(50 + 1e-6);
          for (const l of ['A', 'B', 'C']) expect(sum((p) => p.league === l)).toBeLessThanOrEqual(100 + 1e-6);
          for (const p of picks) {
            expect(p.stake).toBeGreaterThanOrEqual(staking.minStake);
            expect(p.stake).toBeLessThanOrEqual(20);
          }
          expect(taken.day).toBeCloseTo(already + sum(() => true), 6);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a pick cut to fit the limits says so; under the minimum stake it is dropped', () => {
    const taken = emptyExposure();
    taken.day = 190; // 10 left today
    const { picks, refused } = chooseCandidates([cand({ probability: 0.6 }), cand({ probability: 0.6 })], staking, CONSEIL_DEFAULTS, taken);
    expect(picks).toHaveLength(1);
    expect(picks[0].stake).toBe(10);
    expect(picks[0].warnings.some((w) => /stake cut from 20\.00 to fit the exposure limits/.test(w))).toBe(true);
    expect(refused).toMatchObject([{ why: 'exposure' }]);
  });

  it('reasons name the score and the inputs that carried it', () => {
    const c = cand({ score: 80 });
    c.patron.contributions = [
      { input: 'edge', value: 0.08, clv: 0.03 },
      { input: 'outlier', value: 0.2, clv: -0.01 },
    ];
    const [p] = chooseCandidates([c], staking, CONSEIL_DEFAULTS).picks;
    expect(p.reasons[0]).toBe('PATRON 80 (diamond): expected CLV +3.00%');
    expect(p.reasons[1]).toBe('edge +8.0% at 2.2 with B365 against the blended fair price (adds +3.00% CLV)');
    expect(p.warnings.join(' ')).toMatch(/best price over the second best .* takes -1\.00% off the expected CLV/);
    expect(p.confidence).toBeCloseTo(0.8, 12);
  });
});

describe('a pick at an exchange', () => {
  it('is staked on its net price and says both prices in its reasons', () => {
    const c = cand({ bookmaker: 'BFE', odds: 4.99, quoted: 5.2, commission: 0.05, probability: 0.25, edge: 0.25 * 4.99 - 1 });
    c.patron.contributions = [{ input: 'edge', value: c.edge, clv: 0.02 }];
    const { picks } = chooseCandidates([c], staking, CONSEIL_DEFAULTS);
    expect(picks[0].reasons[1]).toBe(
      'edge +24.8% at 5.2 with BFE (4.99 net of its 5% commission) against the blended fair price (adds +2.00% CLV)',
    );
    expect(picks[0].stake).toBeCloseTo(
      Math.floor(Math.min(staking.maxStakeShare, fractionalKelly(0.25, 4.99, staking.kellyFraction)) * staking.bankroll * 100) / 100,
      2,
    );
  });
});
