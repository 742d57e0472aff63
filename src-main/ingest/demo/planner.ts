// What every plant planner shares: the plants' random stream, the pools of matches, the set of matches
// already planted (one plant per match) and the per-kind plant ids. The order of the stream's draws is
// the world: planners draw in a fixed order (test/unit/data/demo-golden.test.ts holds it).
import { Rng } from './rng';
import type { DemoMatch, DemoWorld, MarketKind, TruthMarket } from './types';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const minute = (t: number) => Math.round(t / MINUTE) * MINUTE;

export interface Planner {
  world: DemoWorld;
  r: Rng;
  pools: Record<'upcoming' | 'past', DemoMatch[]>;
  /** An unused match, preferring one that `fits` (a favourite priced for a trap, say). */
  take: (pool: DemoMatch[], fits?: (m: DemoMatch) => boolean) => DemoMatch;
  /** The next id of a kind: 'steam-001', 'steam-002', … */
  id: (kind: string) => string;
}

export function newPlanner(world: DemoWorld): Planner {
  const r = Rng.stream(world.seed, 'plants');
  const used = new Set<number>();
  const counters = new Map<string, number>();
  const take = (pool: DemoMatch[], fits: (m: DemoMatch) => boolean = () => true): DemoMatch => {
    for (let attempt = 0; ; attempt++) {
      const m = r.pick(pool);
      if (!used.has(m.id) && (attempt > 200 || fits(m))) {
        used.add(m.id);
        return m;
      }
    }
  };
  const id = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind}-${String(n).padStart(3, '0')}`;
  };
  const pools = {
    upcoming: world.matches.filter((m) => m.tier === 'upcoming'),
    past: world.matches.filter((m) => m.tier === 'full'),
  };
  return { world, r, pools, take, id };
}

/** The market of a match at `line`, or its middle line. */
export function marketOf(m: DemoMatch, market: MarketKind, line?: number): TruthMarket {
  const ms = m.markets.filter((x) => x.market === market);
  if (line !== undefined) return ms.find((x) => x.line === line) ?? ms[0];
  return ms[Math.floor(ms.length / 2)];
}

const favProb = (m: DemoMatch) => Math.max(m.markets[0].probs[0], m.markets[0].probs[2]);
export const publicFavourite = (m: DemoMatch) => favProb(m) >= 0.42 && favProb(m) <= 0.72;
export const favourite = (m: DemoMatch) => (m.markets[0].probs[0] >= m.markets[0].probs[2] ? 'home' : 'away');
/** A favourite no move of the window can turn into the underdog. */
export const clearFavourite = (m: DemoMatch) =>
  publicFavourite(m) && favProb(m) - Math.min(m.markets[0].probs[0], m.markets[0].probs[2]) >= 0.15;
export const softOf = (m: DemoMatch, market: MarketKind) => m.books[market].filter((b) => b !== 'PS' && b !== 'BFE');
