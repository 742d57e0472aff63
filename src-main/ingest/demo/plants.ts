// The plan of the planted market situations (ground truth for the detectors). odds.ts and scorers.ts
// make the prices obey it; demo_plants stores it. One plant per match (bad quotes aside), so plants never
// mix. The trap kinds and their exact definitions are in trap-rules.ts (and the README).
import { Rng } from './rng';
import { pricedPlayers, scorerBooks, scorerOpenAt, scorerTruth, type ScorerDetails } from './scorers';
import type {
  DemoMatch,
  DemoPlant,
  DemoQuote,
  DemoScorerQuote,
  DemoWorld,
  MarketKind,
  OddsTable,
  ScorerMarket,
  TruthMarket,
} from './types';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export const TRAP_KINDS = ['against_sharp', 'inflated_favourite', 'too_good', 'compound'] as const;
export type TrapKind = (typeof TRAP_KINDS)[number];

/** How many plants of each kind, in the coming week and in the played past (about 7 traps a day of
 * fixtures in the coming week: the seed's KPI is 5-10). */
export const PLANT_COUNTS = {
  upcoming: {
    steam: 12,
    outlier: 8,
    reverse_line: 6,
    trap: { against_sharp: 12, inflated_favourite: 14, too_good: 14, compound: 8 },
    scorer_value: 8,
  },
  past: {
    steam: 30,
    outlier: 20,
    reverse_line: 15,
    trap: { against_sharp: 40, inflated_favourite: 40, too_good: 40, compound: 30 },
    scorer_value: 0,
  },
} as const;
export const BAD_REASONS = ['odds_le_1', 'absurd', 'nan', 'infinity', 'orphan_match', 'future'] as const;
export type BadReason = (typeof BAD_REASONS)[number];
/** Reasons of the bad goalscorer quotes (one row each, in odds_scorers). */
export const BAD_SCORER_REASONS = ['odds_le_1', 'nan', 'orphan_match', 'future'] as const;
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
/** A planted trap (kind 'trap'). Times are epoch ms here, ISO strings in demo_plants. */
export interface TrapDetails {
  trap_kind: TrapKind;
  /** The window: the trap's prices are quoted from start_at (included) to end_at (excluded; an
   * against_sharp / compound end state stays until kick-off). */
  start_at: number;
  end_at: number;
  /** The books that make the trap: the soft books that inflate or shorten the selection, or the one
   * too-good book. The sharp reference is 'PS'. */
  books: string[];
  sharp_book: 'PS';
  /** inflated_favourite, compound: implied probability of the books / PS fair probability − 1 reached
   * in the window (their normal level is ~+0.05). */
  inflation?: number;
  /** against_sharp, compound: PS fair odds at end_at / at start_at − 1 (> 0: the sharp book drifts it). */
  sharp_move?: number;
  /** against_sharp, compound: the books' odds at end_at / at start_at − 1 (< 0: they shorten it). */
  soft_move?: number;
  /** too_good: the quote / PS fair odds; `odds` is the planted price at start_at. */
  factor?: number;
  odds?: number;
  /** One number per kind: inflation, sharp_move − soft_move (the gap opened), or factor − 1. */
  size: number;
}
export interface ReverseDetails {
  turn_at: number;
  end_at: number;
  opening_offset: number;
  first_move: number;
  soft_lag_minutes: number;
}

const minute = (t: number) => Math.round(t / MINUTE) * MINUTE;
/** A soft book's usual implied probability of a 1X2 favourite / the sharp fair probability (~+5%, the
 * real files' mean dispersion of favourites): where trap prices start from. */
export const NORMAL_SOFT_LEVEL = 1.05;

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
  /** A favourite no move of the window can turn into the underdog. */
  const clearFavourite = (m: DemoMatch) =>
    publicFavourite(m) && favProb(m) - Math.min(m.markets[0].probs[0], m.markets[0].probs[2]) >= 0.15;
  const softOf = (m: DemoMatch, market: MarketKind) => m.books[market].filter((b) => b !== 'PS' && b !== 'BFE');

  /** A planted mispriced scorer: one book quotes a likely scorer well above his true fair odds for a while. */
  const planScorer = (k: number): DemoPlant => {
    const m = take(pools.upcoming, (x) => scorerOpenAt(x) <= world.anchor - 10 * HOUR);
    const market: ScorerMarket = k % 3 === 2 ? 'first' : 'anytime';
    const truth = scorerTruth(world, m).filter((t) => t.anytime >= 0.15);
    const t = r.pick(truth);
    const p = market === 'anytime' ? t.anytime : t.first;
    const factor = r.uniform(1.55, 1.9);
    const from = scorerOpenAt(m) + 4 * HOUR;
    const start = minute(from + r.next() * Math.max(0, world.anchor - 3 * HOUR - from));
    const details: ScorerDetails = {
      player_id: t.playerId,
      team_id: t.teamId,
      true_probability: p,
      fair_odds: 1 / p,
      factor,
      odds: Math.floor((factor / p) * 100) / 100,
      start_at: start,
      end_at: Math.min(world.anchor - 10 * MINUTE, start + r.int(60, 360) * MINUTE),
    };
    const bookmaker = r.pick(scorerBooks(world, market));
    return {
      plantId: id('scorer_value'),
      kind: 'scorer_value',
      matchId: m.id,
      bookmaker,
      market,
      line: null,
      selection: String(t.playerId),
      observedAt: start,
      details: { ...details },
    };
  };

  /** One trap plant (trap-rules.ts defines what each kind shows; odds.ts prices it). */
  // coming-week traps go round the days of fixtures, so that every day has its share (the KPI is per day)
  let trapDay = 0;
  const dayOf = (m: DemoMatch) => Math.floor((m.kickoff - world.anchor) / DAY);
  const days = Math.max(...pools.upcoming.map(dayOf)) + 1;
  const trapPool = (when: 'upcoming' | 'past'): DemoMatch[] => {
    if (when === 'past') return pools.past;
    const day = trapDay++ % days;
    return pools.upcoming.filter((m) => dayOf(m) === day);
  };
  const planTrap = (kind: TrapKind, when: 'upcoming' | 'past'): DemoPlant => {
    const plantId = id('trap');
    const pool = trapPool(when);
    if (kind === 'too_good') {
      const m = take(pool);
      const market: MarketKind = r.pick(['1x2', '1x2', 'totals', 'spreads']);
      const tm = marketOf(m, market, market === 'totals' ? 2.5 : undefined);
      const book = r.pick(softOf(m, market));
      const selection = r.pick(tm.selections);
      const span = m.endAt - m.openAt;
      const start = Math.min(minute(m.openAt + span * r.uniform(0.3, 0.85)), m.endAt - 40 * MINUTE);
      const factor = r.uniform(1.55, 1.9);
      const details: TrapDetails = {
        trap_kind: kind,
        start_at: start,
        end_at: Math.min(m.endAt - 10 * MINUTE, start + r.int(20, 180) * MINUTE),
        books: [book],
        sharp_book: 'PS',
        factor,
        size: factor - 1,
      };
      const line = market === '1x2' ? null : tm.line;
      return { plantId, kind: 'trap', matchId: m.id, bookmaker: book, market, line, selection, observedAt: start, details: { ...details } };
    }
    const m = take(pool, clearFavourite);
    const soft = softOf(m, '1x2');
    const span = m.endAt - m.openAt;
    const start = minute(m.openAt + span * r.uniform(0.25, 0.5));
    const end = minute(Math.min(start + r.uniform(6, 16) * HOUR, m.endAt - 30 * MINUTE));
    const base = { trap_kind: kind, start_at: start, end_at: end, sharp_book: 'PS' as const };
    let details: TrapDetails;
    if (kind === 'inflated_favourite') {
      const inflation = r.uniform(0.19, 0.26);
      const books = soft.length > 4 ? r.sample(soft, r.int(4, soft.length - 1)).sort() : soft;
      details = { ...base, books, inflation, size: inflation };
    } else if (kind === 'against_sharp') {
      const sharp = r.uniform(0.065, 0.08);
      const move = -r.uniform(0.06, 0.075);
      details = { ...base, books: soft, sharp_move: sharp, soft_move: move, inflation: r.uniform(0.07, 0.09), size: sharp - move };
    } else {
      const sharp = r.uniform(0.06, 0.08);
      const inflation = r.uniform(0.2, 0.26);
      // from their normal level (~1.05 × the sharp fair probability) to 1 + inflation × the drifted one
      const move = (NORMAL_SOFT_LEVEL * (1 + sharp)) / (1 + inflation) - 1;
      details = { ...base, books: soft, sharp_move: sharp, soft_move: move, inflation, size: sharp - move };
    }
    return {
      plantId,
      kind: 'trap',
      matchId: m.id,
      bookmaker: null,
      market: '1x2',
      line: null,
      selection: favourite(m),
      observedAt: start,
      details: { ...details },
    };
  };

  for (const when of ['upcoming', 'past'] as const) {
    const pool = pools[when];
    const counts = PLANT_COUNTS[when];
    // scorer markets open three days before kick-off: these plants need one open well before the anchor
    for (let k = 0; k < counts.scorer_value; k++) plants.push(planScorer(k));
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
      const details: SteamDetails = { shift: r.uniform(0.18, 0.26), before_at: ts - 5 * MINUTE, followers, stale_bookmaker: stale };
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
        factor: r.uniform(1.12, 1.22),
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
    for (const kind of TRAP_KINDS) for (let k = 0; k < counts.trap[kind]; k++) plants.push(planTrap(kind, when));
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
  // Bad goalscorer quotes: one row each in odds_scorers, on a priced player of a coming-week match.
  const badScorerQuotes: DemoScorerQuote[] = [];
  const scorerPool = pools.upcoming.filter((m) => scorerOpenAt(m) <= world.anchor - 6 * HOUR);
  for (const [k, reason] of BAD_SCORER_REASONS.entries()) {
    const m = r.pick(scorerPool);
    const player = r.pick(pricedPlayers(world, m));
    const market: ScorerMarket = k % 2 === 0 ? 'anytime' : 'first';
    const open = scorerOpenAt(m);
    let matchId = m.id;
    let observedAt = minute(open + r.uniform(0.2, 0.8) * (world.anchor - open)) + 17_000;
    if (reason === 'orphan_match') {
      matchId = ORPHAN_MATCH_BASE + 100 + k;
      observedAt = world.anchor - (k + 1) * HOUR + 17_000;
    }
    if (reason === 'future') observedAt = world.anchor + 400 * DAY + k * HOUR + 17_000;
    const odds = reason === 'odds_le_1' ? 1 : reason === 'nan' ? NaN : 4.5;
    const q: DemoScorerQuote = {
      table: 'odds_scorers',
      matchId,
      playerId: player.id,
      bookmaker: r.pick(scorerBooks(world, market)),
      market,
      odds,
      observedAt,
      isClosing: false,
    };
    badScorerQuotes.push(q);
    plants.push({
      plantId: id('bad_quote'),
      kind: 'bad_quote',
      matchId,
      bookmaker: q.bookmaker,
      market,
      line: null,
      selection: String(q.playerId),
      observedAt,
      details: { table: 'odds_scorers', reason, odds: String(odds) },
    });
  }
  world.plants = plants;
  world.badQuotes = badQuotes;
  world.badScorerQuotes = badScorerQuotes;
}
