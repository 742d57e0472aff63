// The plan of the planted market situations (ground truth for the detectors). odds.ts and scorers.ts
// make the prices obey it; demo_plants stores it. One plant per match (bad quotes aside), so plants never
// mix. The trap kinds and their exact definitions are in trap-rules.ts (and the README).
import { planBadQuotes, planBadScorerQuotes } from './bad-quotes';
import {
  clearFavourite,
  DAY,
  favourite,
  HOUR,
  marketOf,
  minute,
  MINUTE,
  newPlanner,
  publicFavourite,
  softOf,
  type Planner,
} from './planner';
import { scorerBooks, scorerOpenAt, scorerTruth, type ScorerDetails } from './scorers';
import type { DemoMatch, DemoPlant, DemoWorld, MarketKind, ScorerMarket } from './types';

export { BAD_REASONS, BAD_SCORER_REASONS, ORPHAN_MATCH_BASE, type BadReason } from './bad-quotes';

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

/** A soft book's usual implied probability of a 1X2 favourite / the sharp fair probability (~+5%, the
 * real files' mean dispersion of favourites): where trap prices start from. */
export const NORMAL_SOFT_LEVEL = 1.05;

/** Plans every plant of the world (market situations of the coming week, then of the played past,
 * then the bad quotes) into world.plants, world.badQuotes and world.badScorerQuotes. */
export function planPlants(world: DemoWorld): void {
  const p = newPlanner(world);
  const trapPool = trapPools(p);
  const plants = [...marketPlants(p, 'upcoming', trapPool), ...marketPlants(p, 'past', trapPool)];
  const bad = planBadQuotes(p);
  const badScorers = planBadScorerQuotes(p);
  world.plants = [...plants, ...bad.plants, ...badScorers.plants];
  world.badQuotes = bad.quotes;
  world.badScorerQuotes = badScorers.quotes;
}

/** The plants of one tier, kind after kind (PLANT_COUNTS). */
function marketPlants(p: Planner, when: 'upcoming' | 'past', trapPool: TrapPool): DemoPlant[] {
  const pool = p.pools[when];
  const counts = PLANT_COUNTS[when];
  const plants: DemoPlant[] = [];
  // scorer markets open three days before kick-off: these plants need one open well before the anchor
  for (let k = 0; k < counts.scorer_value; k++) plants.push(planScorer(p, k));
  for (let k = 0; k < counts.steam; k++) plants.push(...planSteam(p, pool, k));
  for (let k = 0; k < counts.outlier; k++) plants.push(planOutlier(p, pool));
  for (const kind of TRAP_KINDS) for (let k = 0; k < counts.trap[kind]; k++) plants.push(planTrap(p, kind, when, trapPool));
  for (let k = 0; k < counts.reverse_line; k++) plants.push(planReverse(p, pool));
  return plants;
}

/** A planted mispriced scorer: one book quotes a likely scorer well above his true fair odds for a while. */
function planScorer(p: Planner, k: number): DemoPlant {
  const { r, world } = p;
  const m = p.take(p.pools.upcoming, (x) => scorerOpenAt(x) <= world.anchor - 10 * HOUR);
  const market: ScorerMarket = k % 3 === 2 ? 'first' : 'anytime';
  const truth = scorerTruth(world, m).filter((t) => t.anytime >= 0.15);
  const t = r.pick(truth);
  const prob = market === 'anytime' ? t.anytime : t.first;
  const factor = r.uniform(1.55, 1.9);
  const from = scorerOpenAt(m) + 4 * HOUR;
  const start = minute(from + r.next() * Math.max(0, world.anchor - 3 * HOUR - from));
  const details: ScorerDetails = {
    player_id: t.playerId,
    team_id: t.teamId,
    true_probability: prob,
    fair_odds: 1 / prob,
    factor,
    odds: Math.floor((factor / prob) * 100) / 100,
    start_at: start,
    end_at: Math.min(world.anchor - 10 * MINUTE, start + r.int(60, 360) * MINUTE),
  };
  const bookmaker = r.pick(scorerBooks(world, market));
  const selection = String(t.playerId);
  return {
    plantId: p.id('scorer_value'),
    kind: 'scorer_value',
    matchId: m.id,
    bookmaker,
    market,
    line: null,
    selection,
    observedAt: start,
    details: { ...details },
  };
}

/** A sharp move the other books follow within minutes; every third one leaves a book stale (an
 * 'outlier' plant of variant 'stale' follows the steam plant). */
function planSteam(p: Planner, pool: DemoMatch[], k: number): DemoPlant[] {
  const { r } = p;
  const u = r.next();
  const market: MarketKind = u < 0.6 ? '1x2' : u < 0.8 ? 'totals' : 'spreads';
  // a selection priced between 1.5 and 5, where a jump in implied probability shows clearly
  const inRange = (mm: DemoMatch) => marketOf(mm, market, market === 'totals' ? 2.5 : undefined).probs.some((x) => x >= 0.2 && x <= 0.65);
  const m = p.take(pool, inRange);
  const tm = marketOf(m, market, market === 'totals' ? 2.5 : undefined);
  const open = tm.selections.filter((_, i) => tm.probs[i] >= 0.2 && tm.probs[i] <= 0.65);
  const selection = r.pick(open.length ? open : tm.selections);
  const span = m.endAt - m.openAt;
  const ts = Math.min(minute(m.openAt + span * r.uniform(0.45, 0.85)), m.endAt - 30 * MINUTE);
  const others = m.books[market].filter((b) => b !== 'PS');
  const stale = others.length >= 3 && k % 3 === 0 ? r.pick(others.filter((b) => b !== 'BFE')) : null;
  const followers = others.filter((b) => b !== stale).map((b) => ({ bookmaker: b, observed_at: ts + r.int(2, 9) * MINUTE }));
  const plantId = p.id('steam');
  const details: SteamDetails = { shift: r.uniform(0.18, 0.26), before_at: ts - 5 * MINUTE, followers, stale_bookmaker: stale };
  const line = market === '1x2' ? null : tm.line;
  const steam: DemoPlant = {
    plantId,
    kind: 'steam',
    matchId: m.id,
    bookmaker: 'PS',
    market,
    line,
    selection,
    observedAt: ts,
    details: { ...details },
  };
  if (!stale) return [steam];
  const stalePlant: OutlierDetails = { variant: 'stale', steam_plant: plantId, frozen_at: ts - 10 * MINUTE };
  const observedAt = ts + 10 * MINUTE;
  return [
    steam,
    {
      plantId: p.id('outlier'),
      kind: 'outlier',
      matchId: m.id,
      bookmaker: stale,
      market,
      line,
      selection,
      observedAt,
      details: { ...stalePlant },
    },
  ];
}

/** One soft book prices a selection well above the others for a few hours. */
function planOutlier(p: Planner, pool: DemoMatch[]): DemoPlant {
  const { r } = p;
  const m = p.take(pool);
  const market: MarketKind = r.pick(['1x2', '1x2', 'totals', 'spreads']);
  const tm = marketOf(m, market, market === 'totals' ? 2.5 : undefined);
  const books = softOf(m, market);
  const selection = r.pick(tm.selections);
  const span = m.endAt - m.openAt;
  const to = Math.min(minute(m.openAt + span * r.uniform(0.3, 0.9)), m.endAt - 20 * MINUTE);
  const details: OutlierDetails = { variant: 'outlier', factor: r.uniform(1.12, 1.22), until: Math.min(m.endAt, to + r.int(1, 6) * HOUR) };
  return {
    plantId: p.id('outlier'),
    kind: 'outlier',
    matchId: m.id,
    bookmaker: r.pick(books),
    market,
    line: market === '1x2' ? null : tm.line,
    selection,
    observedAt: to,
    details: { ...details },
  };
}

/** The sharp book moves the public favourite one way, then turns it back. */
function planReverse(p: Planner, pool: DemoMatch[]): DemoPlant {
  const { r } = p;
  const m = p.take(pool, publicFavourite);
  const span = m.endAt - m.openAt;
  const turn = minute(m.openAt + span * r.uniform(0.3, 0.5));
  const details: ReverseDetails = {
    turn_at: turn,
    end_at: minute(turn + Math.min(12 * HOUR, (m.endAt - turn) * 0.7)),
    opening_offset: r.uniform(0.08, 0.12),
    first_move: r.uniform(0.08, 0.12),
    soft_lag_minutes: 30,
  };
  const selection = favourite(m);
  return {
    plantId: p.id('reverse_line'),
    kind: 'reverse_line',
    matchId: m.id,
    bookmaker: 'PS',
    market: '1x2',
    line: null,
    selection,
    observedAt: turn,
    details: { ...details },
  };
}

/** The pool of the next trap: coming-week traps go round the days of fixtures, so that every day has
 * its share (the KPI is per day); past traps draw from every played match. */
type TrapPool = (when: 'upcoming' | 'past') => DemoMatch[];
function trapPools(p: Planner): TrapPool {
  let trapDay = 0;
  const dayOf = (m: DemoMatch) => Math.floor((m.kickoff - p.world.anchor) / DAY);
  const days = Math.max(...p.pools.upcoming.map(dayOf)) + 1;
  return (when) => {
    if (when === 'past') return p.pools.past;
    const day = trapDay++ % days;
    return p.pools.upcoming.filter((m) => dayOf(m) === day);
  };
}

/** One trap plant (trap-rules.ts defines what each kind shows; odds.ts prices it). */
function planTrap(p: Planner, kind: TrapKind, when: 'upcoming' | 'past', trapPool: TrapPool): DemoPlant {
  const plantId = p.id('trap');
  const pool = trapPool(when);
  return kind === 'too_good' ? planTooGood(p, plantId, pool) : planFavouriteTrap(p, plantId, kind, pool);
}

/** too_good: one soft book quotes a selection far above the sharp fair odds for a while. */
function planTooGood(p: Planner, plantId: string, pool: DemoMatch[]): DemoPlant {
  const { r } = p;
  const m = p.take(pool);
  const market: MarketKind = r.pick(['1x2', '1x2', 'totals', 'spreads']);
  const tm = marketOf(m, market, market === 'totals' ? 2.5 : undefined);
  const book = r.pick(softOf(m, market));
  const selection = r.pick(tm.selections);
  const span = m.endAt - m.openAt;
  const start = Math.min(minute(m.openAt + span * r.uniform(0.3, 0.85)), m.endAt - 40 * MINUTE);
  const factor = r.uniform(1.55, 1.9);
  const details: TrapDetails = {
    trap_kind: 'too_good',
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

/** inflated_favourite, against_sharp, compound: the soft books move a clear 1X2 favourite against
 * (or beyond) what the sharp book says. */
function planFavouriteTrap(p: Planner, plantId: string, kind: Exclude<TrapKind, 'too_good'>, pool: DemoMatch[]): DemoPlant {
  const { r } = p;
  const m = p.take(pool, clearFavourite);
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
  const selection = favourite(m);
  return {
    plantId,
    kind: 'trap',
    matchId: m.id,
    bookmaker: null,
    market: '1x2',
    line: null,
    selection,
    observedAt: start,
    details: { ...details },
  };
}
