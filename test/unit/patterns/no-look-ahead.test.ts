// No look-ahead: what a situation knows of a match (rest, form, role, odds band, move) comes from that
// match's own prices and from matches of earlier days. Changing every result from a day on leaves every
// match up to that day exactly where it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betsOf, type HistoryMatch } from '../../../src-main/features/agents/patterns';
import { teamContexts } from '../../../src-main/features/agents/patterns/team-context';
import { byKickoff } from '../../../src-main/features/agents/patterns/history';
import { syntheticHistory } from './synthetic';

const history = syntheticHistory({ seed: 11, leagues: ['A1'], teams: 8, seasons: 2, margin: 0.03 });

describe('no look-ahead', () => {
  it('rest and form: from the team’s earlier matches of the season only', () => {
    const sorted = byKickoff(history);
    const ctx = teamContexts(sorted);
    // brute force for every match
    sorted.forEach((m, i) => {
      for (const side of ['home', 'away'] as const) {
        const team = m[side];
        const before = sorted.filter((x) => (x.home === team || x.away === team) && x.season === m.season && x.date < m.date);
        const last = before.at(-1);
        const rest = last ? (Date.parse(m.date) - Date.parse(last.date)) / 86_400_000 : null;
        const pts = before.slice(-5).map((x) => {
          const [f, g] = x.home === team ? [x.homeGoals, x.awayGoals] : [x.awayGoals, x.homeGoals];
          return (f > g ? 3 : f === g ? 1 : 0) as number;
        });
        expect(ctx[i][side], `${m.id} ${side}`).toEqual({ rest, form: before.length >= 5 ? pts.reduce((a, b) => a + b, 0) : null });
      }
    });
    expect(ctx.filter((c) => c.home.rest === 3).length).toBeGreaterThan(0); // midweek rounds exist
  });

  it('changing the results (and prices) of every match from a day on changes nothing known before it', () => {
    const days = [...new Set(history.map((m) => m.date))].sort();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: days.length - 1 }), fc.integer({ min: 0, max: 1000 }), (cut, salt) => {
        const day = days[cut];
        const changed: HistoryMatch[] = history.map((m, i) =>
          m.date > day
            ? {
                ...m,
                homeGoals: (m.homeGoals + salt + i) % 5,
                awayGoals: (m.awayGoals + 2 * salt + i) % 4,
                oneXTwo: m.oneXTwo && { ...m.oneXTwo, close: m.oneXTwo.close.map((o) => o * 1.3) },
              }
            : m,
        );
        const a = betsOf(history);
        const b = betsOf(changed);
        const known = (set: typeof a) =>
          set.bets.filter((x) => set.matches[x.match].date <= day).map((x) => ({ ...x, match: set.matches[x.match].id }));
        expect(known(b)).toEqual(known(a));
      }),
      { numRuns: 25 },
    );
  });
});
