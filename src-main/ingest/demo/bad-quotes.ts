// The planted bad quotes: extra rows the sync must quarantine (prices at or under 1, absurd, NaN,
// infinite, on no match, from the future), each a 'bad_quote' plant identified by its table and key.
import { DAY, HOUR, marketOf, minute, type Planner } from './planner';
import { pricedPlayers, scorerBooks, scorerOpenAt } from './scorers';
import type { DemoPlant, DemoQuote, DemoScorerQuote, MarketKind, OddsTable, ScorerMarket } from './types';

export const BAD_REASONS = ['odds_le_1', 'absurd', 'nan', 'infinity', 'orphan_match', 'future'] as const;
export type BadReason = (typeof BAD_REASONS)[number];
/** Reasons of the bad goalscorer quotes (one row each, in odds_scorers). */
export const BAD_SCORER_REASONS = ['odds_le_1', 'nan', 'orphan_match', 'future'] as const;
/** Orphan bad quotes use match ids from here up: no match has them. */
export const ORPHAN_MATCH_BASE = 990_000;

/** Four quotes per reason, one per table (odds_history twice). */
const TABLES: OddsTable[] = ['odds_history', 'odds_totals', 'odds_spreads', 'odds_history'];
const MARKET_OF_TABLE: Record<OddsTable, MarketKind> = { odds_history: '1x2', odds_totals: 'totals', odds_spreads: 'spreads' };
const VALUES: Record<BadReason, number[]> = {
  odds_le_1: [1, 0.5, 0, 1],
  absurd: [1000, 2500, 1000, 999.99],
  nan: [NaN, NaN, NaN, NaN],
  infinity: [Infinity, Infinity, Infinity, Infinity],
  orphan_match: [2.1, 1.95, 1.87, 3.4],
  future: [1.95, 2.05, 1.9, 2.4],
};

/** The k-th bad quote of a reason; `orphan` numbers the orphan quotes (their match ids and times). */
function badQuote(p: Planner, reason: BadReason, k: number, orphan: number): DemoQuote {
  const { r, world } = p;
  const table = TABLES[k];
  const market = MARKET_OF_TABLE[table];
  const m = r.pick(k % 2 === 0 ? p.pools.upcoming : p.pools.past);
  const tm = marketOf(m, market);
  const span = m.endAt - m.openAt;
  let matchId = m.id;
  let observedAt = minute(m.openAt + span * r.uniform(0.2, 0.8)) + 17_000;
  if (reason === 'orphan_match') {
    matchId = ORPHAN_MATCH_BASE + orphan;
    observedAt = world.anchor - orphan * HOUR + 17_000;
  }
  if (reason === 'future') observedAt = world.anchor + 400 * DAY + k * HOUR + 17_000;
  return {
    table,
    matchId,
    bookmaker: r.pick(m.books[market]),
    line: market === '1x2' ? null : tm.line,
    selection: r.pick(tm.selections),
    odds: VALUES[reason][k],
    observedAt,
    isClosing: false,
  };
}

export function planBadQuotes(p: Planner): { quotes: DemoQuote[]; plants: DemoPlant[] } {
  const quotes: DemoQuote[] = [];
  const plants: DemoPlant[] = [];
  let orphan = 0;
  for (const reason of BAD_REASONS) {
    for (let k = 0; k < 4; k++) {
      if (reason === 'orphan_match') orphan++;
      const q = badQuote(p, reason, k, orphan);
      quotes.push(q);
      plants.push({
        plantId: p.id('bad_quote'),
        kind: 'bad_quote',
        matchId: q.matchId,
        bookmaker: q.bookmaker,
        market: MARKET_OF_TABLE[q.table],
        line: q.line,
        selection: q.selection,
        observedAt: q.observedAt,
        details: { table: q.table, reason, odds: String(q.odds) },
      });
    }
  }
  return { quotes, plants };
}

/** Bad goalscorer quotes: one row each in odds_scorers, on a priced player of a coming-week match. */
export function planBadScorerQuotes(p: Planner): { quotes: DemoScorerQuote[]; plants: DemoPlant[] } {
  const { r, world } = p;
  const quotes: DemoScorerQuote[] = [];
  const plants: DemoPlant[] = [];
  const scorerPool = p.pools.upcoming.filter((m) => scorerOpenAt(m) <= world.anchor - 6 * HOUR);
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
    const bookmaker = r.pick(scorerBooks(world, market));
    const q: DemoScorerQuote = {
      table: 'odds_scorers',
      matchId,
      playerId: player.id,
      bookmaker,
      market,
      odds,
      observedAt,
      isClosing: false,
    };
    quotes.push(q);
    const details = { table: 'odds_scorers', reason, odds: String(odds) };
    plants.push({
      plantId: p.id('bad_quote'),
      kind: 'bad_quote',
      matchId,
      bookmaker,
      market,
      line: null,
      selection: String(q.playerId),
      observedAt,
      details,
    });
  }
  return { quotes, plants };
}
