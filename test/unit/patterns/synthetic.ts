// A synthetic league history with known truth for Agent C's tests: double round robins, one round a week
// with a midweek round now and then (so rest varies), Poisson goals from team strengths, prices from the true
// probabilities with a margin, an earlier price that the closing one corrects. `plant` can make one
// situation's price too long (a real edge) to see whether mining finds it.
import { dixonColesMatrix } from '../../../src-shared/quant/poisson/score-matrix';
import { matchOdds, totals } from '../../../src-shared/quant/markets';
import { sfc32 } from '../../../src-shared/quant/random';
import type { HistoryMatch } from '../../../src-main/features/agents/patterns';

export interface SyntheticOptions {
  seed: number;
  leagues: string[];
  teams: number;
  seasons: number;
  /** Overround of every book (0 = fair prices). */
  margin: number;
  /** Multiplier of the closing home price of a match (1 = none), from its league and true home probability. */
  plant?: (league: string, pHome: number, pAway: number) => number;
}

const DAY = 86_400_000;

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

export function syntheticHistory(o: SyntheticOptions): HistoryMatch[] {
  const rng = sfc32(o.seed);
  const out: HistoryMatch[] = [];
  for (const league of o.leagues) {
    const names = Array.from({ length: o.teams }, (_, i) => `${league}-T${i}`);
    for (let s = 0; s < o.seasons; s++) {
      const strength = names.map(() => 0.35 * normal(rng));
      const season = `${2019 + s}-${String(20 + s).padStart(2, '0')}`;
      let day = Date.UTC(2019 + s, 7, 3);
      // circle method: rounds of a single round robin, then the same with venues swapped
      const rounds: [number, number][][] = [];
      const idx = names.map((_, i) => i);
      for (let r = 0; r < o.teams - 1; r++) {
        const round: [number, number][] = [];
        for (let k = 0; k < o.teams / 2; k++) round.push(r % 2 ? [idx[k], idx[o.teams - 1 - k]] : [idx[o.teams - 1 - k], idx[k]]);
        rounds.push(round);
        idx.splice(1, 0, idx.pop() as number);
      }
      for (const round of [...rounds, ...rounds.map((rd) => rd.map(([h, a]) => [a, h] as [number, number]))]) {
        day += (rng() < 0.2 ? 3 : 7) * DAY;
        for (const [h, a] of round) {
          const lh = 1.45 * Math.exp(strength[h] - strength[a]);
          const la = 1.15 * Math.exp(strength[a] - strength[h]);
          const m = dixonColesMatrix(lh, la, 0, 10);
          const x = matchOdds(m);
          const truth = [x.home, x.draw, x.away];
          const over = totals(m, 2.5).over.win;
          // the score, drawn from the same matrix
          let u = rng();
          let cell = 0;
          while (cell < m.p.length - 1 && u >= m.p[cell]) u -= m.p[cell++];
          const hg = Math.floor(cell / 11);
          const ag = cell % 11;
          const price = (p: number[]) => p.map((q) => Math.max(1.01, 1 / (q * (1 + o.margin))));
          const earlyP = truth.map((q) => q * Math.exp(0.12 * normal(rng)));
          const sum = earlyP.reduce((t, q) => t + q, 0);
          const close = price(truth);
          close[0] *= o.plant?.(league, x.home, x.away) ?? 1;
          const kickoff = new Date(day + 15 * 3_600_000).toISOString();
          out.push({
            id: `${league}:${out.length}`,
            league,
            season,
            date: kickoff.slice(0, 10),
            kickoff,
            home: names[h],
            away: names[a],
            homeGoals: hg,
            awayGoals: ag,
            oneXTwo: { book: 'PS', role: 'sharp', close, early: price(earlyP.map((q) => q / sum)) },
            totals25: { book: 'PS', role: 'sharp', close: price([over, 1 - over]), early: null },
          });
        }
      }
    }
  }
  return out;
}
