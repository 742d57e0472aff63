// The correlation arithmetic: phi and its delta-method interval (against quant's legCorrelation, the scipy
// reference's numerical delta method, and its coverage in simulation), and the scorer leg (the model's
// thinning against a simulation; the empirical leg from goal events, earlier days only).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mixturePhi, phiFromCounts } from '../../../src-shared/quant/phi';
import { scorerJoint, scorerObservations, type GoalEvent } from '../../../src-main/features/agents/patterns/scorer-legs';
import { SCORER_PARTNERS } from '../../../src-main/features/agents/patterns/legs';
import { mineCorrelations, type HistoryMatch } from '../../../src-main/features/agents/patterns';
import { dixonColesMatrix, legCorrelation, sfc32 } from '../../../src-shared/quant';
import { syntheticHistory } from './synthetic';

describe('phi from counts', () => {
  it('is quant’s legCorrelation of the observed joint; null when a leg never varies', () => {
    const rng = sfc32(5);
    for (let k = 0; k < 200; k++) {
      const n = 20 + Math.floor(rng() * 2000);
      const cells = [rng(), rng(), rng(), rng()];
      const t = cells.reduce((a, b) => a + b, 0);
      const [c11, c10, c01] = cells.map((c) => Math.floor((c / t) * n));
      const c00 = n - c11 - c10 - c01;
      const e = phiFromCounts(n, c11 + c10, c11 + c01, c11);
      const q = legCorrelation({ p11: c11 / n, p10: c10 / n, p01: c01 / n, p00: c00 / n });
      if (q === null) expect(e).toBeNull();
      else expect(e!.phi).toBeCloseTo(q, 12);
    }
    expect(phiFromCounts(10, 10, 4, 4)).toBeNull();
    expect(phiFromCounts(10, 3, 0, 0)).toBeNull();
    expect(phiFromCounts(50, 20, 20, 20)!.phi).toBe(1);
  });

  it('its standard error equals the numerical delta method of the scipy reference', () => {
    const ref = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/real/patterns_reference.json'), 'utf8')) as {
      correlations: { id: string; n: number; a: number; b: number; both: number; se: number; lower: number; upper: number }[];
    };
    for (const r of ref.correlations) {
      const e = phiFromCounts(r.n, r.a, r.b, r.both)!;
      expect(Math.abs(e.standardError - r.se), r.id).toBeLessThanOrEqual(1e-9 + 1e-6 * r.se);
      expect(Math.abs(e.lower - r.lower), r.id).toBeLessThan(1e-8);
    }
  });

  it('its 95% interval covers the true phi about 95% of the time', () => {
    const joint = [0.3, 0.2, 0.1, 0.4]; // p11, p10, p01, p00
    const truth = legCorrelation({ p11: 0.3, p10: 0.2, p01: 0.1, p00: 0.4 })!;
    const rng = sfc32(17);
    let covered = 0;
    const runs = 1000;
    for (let s = 0; s < runs; s++) {
      const c = [0, 0, 0, 0];
      for (let i = 0; i < 300; i++) {
        const u = rng();
        c[u < joint[0] ? 0 : u < joint[0] + joint[1] ? 1 : u < 0.6 ? 2 : 3]++;
      }
      const e = phiFromCounts(300, c[0] + c[1], c[0] + c[2], c[0])!;
      if (e.lower <= truth && truth <= e.upper) covered++;
    }
    // binomial sd at 95% over 1000 runs ≈ 0.7%
    expect(covered / runs).toBeGreaterThan(0.925);
    expect(covered / runs).toBeLessThan(0.975);
  });

  it('the mixture phi is the phi of the mean joint', () => {
    expect(mixturePhi(0.3, 0.5, 0.4)).toBeCloseTo(legCorrelation({ p11: 0.3, p10: 0.2, p01: 0.1, p00: 0.4 })!, 14);
    expect(mixturePhi(0.2, 1, 0.2)).toBeNull();
  });
});

describe('the scorer leg', () => {
  it('model: P(he scores | k team goals) = 1 − (1 − share)^k, checked by simulating the thinning', () => {
    const m = dixonColesMatrix(1.7, 1.1, -0.08, 15);
    const share = 0.35;
    const rng = sfc32(23);
    const runs = 200_000;
    for (const side of ['home', 'away'] as const) {
      for (const partner of SCORER_PARTNERS) {
        let a = 0;
        let both = 0;
        for (let r = 0; r < runs; r++) {
          let u = rng();
          let cell = 0;
          while (cell < m.p.length - 1 && u >= m.p[cell]) u -= m.p[cell++];
          const [h, g] = [Math.floor(cell / 16), cell % 16];
          const [f, o] = side === 'home' ? [h, g] : [g, h];
          let scores = false;
          for (let k = 0; k < f; k++) if (rng() < share) scores = true;
          if (scores) {
            a++;
            if (partner.wins(f, o)) both++;
          }
        }
        const j = scorerJoint(m, side, share, partner);
        const sd = (p: number) => Math.sqrt((p * (1 - p)) / runs);
        expect(Math.abs(a / runs - j.a)).toBeLessThan(4 * sd(j.a));
        expect(Math.abs(both / runs - j.both)).toBeLessThan(4 * sd(j.both));
      }
      // scoring implies his team scored: the joint is the leg itself
      const own = scorerJoint(m, side, share, SCORER_PARTNERS[0]);
      expect(own.both).toBeCloseTo(own.a, 14);
    }
  });

  const match = (id: string, date: string, home: string, away: string, hg: number, ag: number): HistoryMatch => ({
    id,
    league: 'L',
    season: '2024-25',
    date,
    kickoff: `${date}T15:00:00.000Z`,
    home,
    away,
    homeGoals: hg,
    awayGoals: ag,
    oneXTwo: null,
    totals25: null,
  });
  const goal = (matchId: string, team: string, player: string | null, ownGoal = false): GoalEvent => ({ matchId, team, player, ownGoal });

  it("empirical: the team's top scorer of earlier days (3+ goals, own goals and incomplete matches left out)", () => {
    const sorted = [
      match('1', '2024-08-10', 'A', 'B', 2, 0),
      match('2', '2024-08-17', 'C', 'A', 0, 1),
      match('3', '2024-08-24', 'A', 'D', 1, 1), // events miss a goal: left out
      match('4', '2024-08-31', 'A', 'C', 1, 0), // the own goal by C's player credits A
      match('5', '2024-09-07', 'B', 'A', 0, 2), // p9 reaches 3 here: not yet the top scorer for this match
      match('6', '2024-09-14', 'A', 'D', 0, 0),
      match('7', '2024-09-14', 'C', 'B', 1, 0), // same day as 6: 6 never informs 7 (C's own tally is empty)
      match('8', '2024-09-21', 'D', 'A', 0, 3),
    ];
    const events = [
      goal('1', 'A', 'p9'),
      goal('1', 'A', 'p7'),
      goal('2', 'A', 'p9'),
      goal('3', 'A', 'p9'),
      goal('4', 'A', 'c5', true),
      goal('5', 'A', 'p9'),
      goal('5', 'A', 'p7'),
      goal('7', 'C', 'c5'),
      goal('8', 'A', 'p7'),
      goal('8', 'A', 'p7'),
      goal('8', 'A', 'p1'),
    ];
    const obs = scorerObservations(sorted, events);
    expect(obs).toEqual([
      { match: 5, side: 'home', player: 'p9', share: 3 / 6, scored: false },
      { match: 7, side: 'away', player: 'p9', share: 3 / 6, scored: false },
    ]);
  });

  it('on a history with goal events, the scorer pairs get rows beside the score pairs', () => {
    const history = syntheticHistory({ seed: 2, leagues: ['S1'], teams: 10, seasons: 3, margin: 0.03 });
    // each goal scored by player 1 of its team with probability 0.4, else player 2..6
    const rng = sfc32(4);
    const events: GoalEvent[] = history.flatMap((m) => [
      ...Array.from({ length: m.homeGoals }, () => goal(m.id, m.home, `${m.home}#${rng() < 0.4 ? 1 : 2 + Math.floor(rng() * 5)}`)),
      ...Array.from({ length: m.awayGoals }, () => goal(m.id, m.away, `${m.away}#${rng() < 0.4 ? 1 : 2 + Math.floor(rng() * 5)}`)),
    ]);
    const c = mineCorrelations(
      history.sort((a, b) => (a.kickoff < b.kickoff ? -1 : 1)),
      { events },
    );
    expect(c.scorerObservations).toBeGreaterThan(300);
    const own = c.rows.find(
      (r) => r.league === 'ALL' && r.marketA === 'scorer:team-top-scorer:anytime' && r.marketB === 'team:own:goals>=1',
    )!;
    expect(own.empirical.phi).toBeGreaterThan(0.3);
    expect(own.empirical.rateBoth).toBe(own.empirical.rateA); // he never scores without his team scoring
    expect(own.modelCorrelation).not.toBeNull();
    // simulated with the mechanism the model assumes; the model's share is the top scorer's share so far,
    // a noisy (and, being a maximum, slightly high) estimate of the true 0.4: close, not equal
    expect(Math.abs(own.modelCorrelation! - own.empirical.phi)).toBeLessThan(0.05);
  });
});
