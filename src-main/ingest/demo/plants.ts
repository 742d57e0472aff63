// The plan of the planted market situations (ground truth for the detectors). odds.ts makes the
// prices obey it; demo_plants stores it. One plant per match (bad quotes aside), so plants never mix.
import { Rng } from './rng';
import type { DemoMatch, DemoPlant, DemoQuote, DemoWorld, MarketKind, OddsTable, TruthMarket } from './types';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** How many plants of each kind, in the coming week and in the played past. */
export const PLANT_COUNTS = {
  upcoming: { steam: 12, outlier: 8, reverse_line: 6, trap: 8 },
  past: { steam: 30, outlier: 20, reverse_line: 15, trap: 20 },
} as const;
export const BAD_REASONS = ['odds_le_1', 'absurd', 'nan', 'infinity', 'orphan_match', 'future'] as const;
export type BadReason = (typeof BAD_REASONS)[number];
/** Orphan bad quotes use match ids from here up: no match has them. */
export const ORPHAN_MATCH_BASE = 990_000;

export interface SteamDetails {
  shift: number;
  before_at: number;
  followers: { bookmaker: string; observed_at: number }[];
  stale_bookmaker: string | null;
}
export interface OutlierDetails {
  variant: 'outlier' | 'stale';
  factor?: number;
  until?: number;
  steam_plant?: string;
  frozen_at?: number;
}
export interface TrapDetails {
  start_at: number;
  end_at: number;
  sharp_drift: number;
  public_shorten: number;
  soft_books: string[];
}
export interface ReverseDetails {
  turn_at: number;
  end_at: number;
  opening_offset: number;
  first_move: number;
  soft_lag_minutes: number;
}

const minute = (t: number) => Math.round(t / MINUTE) * MINUTE;

function marketOf(m: DemoMatch, market: MarketKind, line?: number): TruthMarket {
  const ms = m.markets.filter((x) => x.market === market);
  if (line !== undefined) return ms.find((x) => x.line === line) ?? ms[0];
  return ms[Math.floor(ms.length / 2)];
}

export function planPlants(world: DemoWorld): void {
  const r = Rng.stream(world.seed, 'plants');
  const plants: DemoPlant[] = [];
  const used = new Set<number>();
  const counters = new Map<string, number>();
  const id = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind}-${String(n).padStart(3, '0')}`;
  };
  const pools = {
    upcoming: world.matches.filter((m) => m.tier === 'upcoming'),
    past: world.matches.filter((m) => m.tier === 'full'),
  };
  /** An unused match, preferring one that `fits` (a favourite priced for a trap, say). */
  const take = (pool: DemoMatch[], fits: (m: DemoMatch) => boolean = () => true): DemoMatch => {
    for (let attempt = 0; ; attempt++) {
      const m = r.pick(pool);
      if (!used.has(m.id) && (attempt > 200 || fits(m))) {
        used.add(m.id);
        return m;
      }
    }
  };
  const favProb = (m: DemoMatch) => Math.max(m.markets[0].probs[0], m.markets[0].probs[2]);
  const publicFavourite = (m: DemoMatch) => favProb(m) >= 0.42 && favProb(m) <= 0.72;
  const favourite = (m: DemoMatch) => (m.markets[0].probs[0] >= m.markets[0].probs[2] ? 'home' : 'away');

  for (const when of ['upcoming', 'past'] as const) {
    const pool = pools[when];
    const counts = PLANT_COUNTS[when];
    for (let k = 0; k < counts.steam; k++) {
      const u = r.next();
      const market: MarketKind = u < 0.6 ? '1x2' : u < 0.8 ? 'totals' : 'spreads';
      // a selection priced between 1.5 and 5, where a jump in implied probability shows clearly
      const inRange = (mm: DemoMatch) =>
        marketOf(mm, market, market === 'totals' ? 2.5 : undefined).probs.some((p) => p >= 0.2 && p <= 0.65);
      const m = take(pool, inRange);
      const tm = marketOf(m, market, market === 'totals' ? 2.5 : undefined);
      const open = tm.selections.filter((_, i) => tm.probs[i] >= 0.2 && tm.probs[i] <= 0.65);
      const selection = r.pick(open.length ? open : tm.selections);
      const span = m.endAt - m.openAt;
      const ts = Math.min(minute(m.openAt + span * r.uniform(0.45, 0.85)), m.endAt - 30 * MINUTE);
      const others = m.books[market].filter((b) => b !== 'PS');
      const stale = others.length >= 3 && k % 3 === 0 ? r.pick(others.filter((b) => b !== 'BFE')) : null;
      const followers = others.filter((b) => b !== stale).map((b) => ({ bookmaker: b, observed_at: ts + r.int(2, 9) * MINUTE }));
      const plantId = id('steam');
      const details: SteamDetails = { shift: r.uniform(0.18, 0.3), before_at: ts - 5 * MINUTE, followers, stale_bookmaker: stale };
      plants.push({
        plantId,
        kind: 'steam',
        matchId: m.id,
        bookmaker: 'PS',
        market,
        line: market === '1x2' ? null : tm.line,
        selection,
        observedAt: ts,
        details: { ...details },
      });
      if (stale) {
        const stalePlant: OutlierDetails = { variant: 'stale', steam_plant: plantId, frozen_at: ts - 10 * MINUTE };
        plants.push({
          plantId: id('outlier'),
          kind: 'outlier',
          matchId: m.id,
          bookmaker: stale,
          market,
          line: market === '1x2' ? null : tm.line,
          selection,
          observedAt: ts + 10 * MINUTE,
          details: { ...stalePlant },
        });
      }
    }
    for (let k = 0; k < counts.outlier; k++) {
      const m = take(pool);
      const market: MarketKind = r.pick(['1x2', '1x2', 'totals', 'spreads']);
      const tm = marketOf(m, market, market === 'totals' ? 2.5 : undefined);
      const books = m.books[market].filter((b) => b !== 'PS' && b !== 'BFE');
      const selection = r.pick(tm.selections);
      const span = m.endAt - m.openAt;
      const to = Math.min(minute(m.openAt + span * r.uniform(0.3, 0.9)), m.endAt - 20 * MINUTE);
      const details: OutlierDetails = {
        variant: 'outlier',
        factor: r.uniform(1.12, 1.25),
        until: Math.min(m.endAt, to + r.int(1, 6) * HOUR),
      };
      plants.push({
        plantId: id('outlier'),
        kind: 'outlier',
        matchId: m.id,
        bookmaker: r.pick(books),
        market,
        line: market === '1x2' ? null : tm.line,
        selection,
        observedAt: to,
        details: { ...details },
      });
    }
    for (let k = 0; k < counts.trap; k++) {
      const m = take(pool, publicFavourite);
      const span = m.endAt - m.openAt;
      const t0 = minute(m.openAt + span * r.uniform(0.3, 0.5));
      const details: TrapDetails = {
        start_at: t0,
        end_at: minute(t0 + Math.min(18 * HOUR, (m.endAt - t0) * 0.8)),
        sharp_drift: r.uniform(0.14, 0.2),
        public_shorten: r.uniform(0.14, 0.2),
        soft_books: m.books['1x2'].filter((b) => b !== 'PS' && b !== 'BFE'),
      };
      plants.push({
        plantId: id('trap'),
        kind: 'trap',
        matchId: m.id,
        bookmaker: null,
        market: '1x2',
        line: null,
        selection: favourite(m),
        observedAt: t0,
        details: { ...details },
      });
    }
    for (let k = 0; k < counts.reverse_line; k++) {
      const m = take(pool, publicFavourite);
      const span = m.endAt - m.openAt;
      const turn = minute(m.openAt + span * r.uniform(0.3, 0.5));
      const details: ReverseDetails = {
        turn_at: turn,
        end_at: minute(turn + Math.min(12 * HOUR, (m.endAt - turn) * 0.7)),
        opening_offset: r.uniform(0.08, 0.12),
        first_move: r.uniform(0.08, 0.12),
        soft_lag_minutes: 30,
      };
      plants.push({
        plantId: id('reverse_line'),
        kind: 'reverse_line',
        matchId: m.id,
        bookmaker: 'PS',
        market: '1x2',
        line: null,
        selection: favourite(m),
        observedAt: turn,
        details: { ...details },
      });
    }
  }

  // Bad quotes: extra rows the sync must quarantine, each identified by its table and primary key.
  const badQuotes: DemoQuote[] = [];
  const tables: OddsTable[] = ['odds_history', 'odds_totals', 'odds_spreads', 'odds_history'];
  const marketOfTable: Record<OddsTable, MarketKind> = { odds_history: '1x2', odds_totals: 'totals', odds_spreads: 'spreads' };
  const values: Record<BadReason, number[]> = {
    odds_le_1: [1, 0.5, 0, 1],
    absurd: [1000, 2500, 1000, 999.99],
    nan: [NaN, NaN, NaN, NaN],
    infinity: [Infinity, Infinity, Infinity, Infinity],
    orphan_match: [2.1, 1.95, 1.87, 3.4],
    future: [1.95, 2.05, 1.9, 2.4],
  };
  let orphan = 0;
  for (const reason of BAD_REASONS) {
    for (let k = 0; k < 4; k++) {
      const table = tables[k];
      const market = marketOfTable[table];
      const m = r.pick(k % 2 === 0 ? pools.upcoming : pools.past);
      const tm = marketOf(m, market);
      const span = m.endAt - m.openAt;
      let matchId = m.id;
      let observedAt = minute(m.openAt + span * r.uniform(0.2, 0.8)) + 17_000;
      if (reason === 'orphan_match') {
        orphan++;
        matchId = ORPHAN_MATCH_BASE + orphan;
        observedAt = world.anchor - orphan * HOUR + 17_000;
      }
      if (reason === 'future') observedAt = world.anchor + 400 * DAY + k * HOUR + 17_000;
      const q: DemoQuote = {
        table,
        matchId,
        bookmaker: r.pick(m.books[market]),
        line: market === '1x2' ? null : tm.line,
        selection: r.pick(tm.selections),
        odds: values[reason][k],
        observedAt,
        isClosing: false,
      };
      badQuotes.push(q);
      plants.push({
        plantId: id('bad_quote'),
        kind: 'bad_quote',
        matchId: q.matchId,
        bookmaker: q.bookmaker,
        market,
        line: q.line,
        selection: q.selection,
        observedAt: q.observedAt,
        details: { table, reason, odds: String(q.odds) },
      });
    }
  }
  world.plants = plants;
  world.badQuotes = badQuotes;
}
