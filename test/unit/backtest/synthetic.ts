// A small invented league for engine tests: a double round robin per season, goals from a seeded
// Poisson model, 1X2/totals/AH prices from a sharp book (2.5% margin) and two soft books (6%, with
// noise), pre-closing and closing. Everything is deterministic.
import { commissions, type BookRoles } from '../../../src-shared/domain/market-prices';
import type { BacktestData, BacktestFixture, MarketPrices } from '../../../src-main/features/agents/backtest';
import { asianHandicap, matchOdds, totals } from '../../../src-shared/quant/markets';
import { dixonColesMatrix } from '../../../src-shared/quant/poisson/score-matrix';
import { sfc32 } from '../../../src-shared/quant/random';

export const ROLES: BookRoles = {
  sharp: ['PS'],
  exchange: ['BFE'],
  aggregate: ['Max', 'Avg'],
  average: 'Avg',
  maximum: 'Max',
  order: ['B365', 'BW', 'PS', 'BFE', 'Max', 'Avg'],
  commission: commissions(['BFE']),
};

function poisson(rng: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng();
  } while (p > l);
  return k - 1;
}

const price = (p: number, margin: number, noise: number): number =>
  Math.max(1.01, Math.round((1 / (p * (1 + margin))) * (1 + noise) * 100) / 100);

function book(
  bookmaker: string,
  probs: number[],
  margin: number,
  rng: () => number,
  noise: number,
  at: string,
): MarketPrices['books'][number] {
  const odds = probs.map((p) => price(p, margin, noise * (rng() - 0.5)));
  return { bookmaker, odds, observedAt: at, priceSince: odds.map(() => at) };
}

export interface SyntheticOptions {
  teams?: number;
  seasons?: number;
  seed?: number;
}

/** `seasons` seasons from 2021-08; one round a week; team strengths fixed. */
export function syntheticLeague(opts: SyntheticOptions = {}): BacktestData {
  const n = opts.teams ?? 8;
  const rng = sfc32(opts.seed ?? 7);
  const attack = Array.from({ length: n }, () => (rng() - 0.5) * 0.6);
  const defence = Array.from({ length: n }, () => (rng() - 0.5) * 0.6);
  const fixtures: BacktestFixture[] = [];
  let order = 0;
  for (let s = 0; s < (opts.seasons ?? 3); s++) {
    const season = `${2021 + s}-${String((22 + s) % 100).padStart(2, '0')}`;
    let day = Date.UTC(2021 + s, 7, 7);
    for (let leg = 0; leg < 2; leg++) {
      for (let round = 0; round < n - 1; round++) {
        // circle method
        const ids = Array.from({ length: n }, (_, i) => i);
        const rot = [ids[0], ...ids.slice(1).map((_, i) => ids[1 + ((i + round) % (n - 1))])];
        for (let k = 0; k < n / 2; k++) {
          const [a, b] = [rot[k], rot[n - 1 - k]];
          const [h, aw] = leg === 0 ? [a, b] : [b, a];
          const lh = Math.exp(0.25 + 0.2 + attack[h] + defence[aw]);
          const la = Math.exp(0.25 + attack[aw] + defence[h]);
          const m = dixonColesMatrix(lh, la, -0.05);
          const x = matchOdds(m);
          const p1 = [x.home, x.draw, x.away];
          const t = totals(m, 2.5);
          const pt = [1 / t.over.fairOdds, 1 / t.under.fairOdds].map((v, _i, arr) => v / (arr[0] + arr[1]));
          const ah = asianHandicap(m, -0.5);
          const pa = [1 / ah.home.fairOdds, 1 / ah.away.fairOdds].map((v, _i, arr) => v / (arr[0] + arr[1]));
          const date = new Date(day).toISOString().slice(0, 10);
          const kickoff = `${date}T15:00:00.000Z`;
          const pre = `${new Date(day - 2 * 86_400_000).toISOString().slice(0, 10)}T16:00:00.000Z`;
          const prices = (at: string): MarketPrices[] => [
            {
              market: '1x2',
              line: null,
              books: [book('B365', p1, 0.06, rng, 0.12, at), book('BW', p1, 0.06, rng, 0.12, at), book('PS', p1, 0.025, rng, 0.01, at)],
              lastMoveAt: null,
            },
            {
              market: 'totals',
              line: 2.5,
              books: [book('B365', pt, 0.06, rng, 0.25, at), book('PS', pt, 0.025, rng, 0.01, at)],
              lastMoveAt: null,
            },
            {
              market: 'spreads',
              line: -0.5,
              books: [book('BW', pa, 0.06, rng, 0.25, at), book('PS', pa, 0.025, rng, 0.01, at)],
              lastMoveAt: null,
            },
          ];
          fixtures.push({
            key: `S|${season}|${order}`,
            matchId: order,
            league: 'SYN',
            season,
            date,
            kickoff,
            home: `Team ${h}`,
            away: `Team ${aw}`,
            order: order++,
            decision: prices(pre),
            closing: prices(kickoff),
            result: { homeGoals: poisson(rng, lh), awayGoals: poisson(rng, la) },
          });
        }
        day += 7 * 86_400_000;
      }
    }
  }
  return { description: `synthetic league, ${fixtures.length} matches`, fixtures, roles: ROLES, problems: [] };
}
