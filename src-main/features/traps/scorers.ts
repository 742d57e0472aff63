// Scorer markets (SPEC 5): the books' anytime and first-goalscorer prices (odds_scorers) against the
// quant core's scorer probabilities (the league's Dixon-Coles λ, each player's share of the goals,
// minutes and penalties): fair odds, edge, a value rating and each book's bias. The comparison of a
// team's next match is served live (analysis.ferrariScorers); the priced players with an edge are
// written to scorer_market_picks through the outbox.
import type { FerrariScorer, FerrariTeamScorers } from '../../../src-shared/contract/intel';
import type { Scorer } from '../../../src-shared/contract/analysis';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { canonical, storedContent } from '../../platform/cache/content';
import { writeOwnOutput } from '../../sync';
import { matchScorerRows, previewMatchById, scorers as teamScorers } from '../analysis';
import type { ScopeMatch } from '../agents/anomaly';

export type ScorerMarket = 'anytime' | 'first';
export const SCORER_MARKETS: readonly ScorerMarket[] = ['anytime', 'first'];

/** A priced player with at least this edge is a pick. */
export const MIN_PICK_EDGE = 0.02;

export interface ScorerQuote {
  matchId: number;
  playerId: number;
  bookmaker: string;
  market: ScorerMarket;
  odds: number;
}

/** Each book's latest valid price of every player of the given matches (odds ≤ 1 or not finite are left out). */
export function latestScorerQuotes(db: Cache, matchIds: readonly number[], asOf: number): ScorerQuote[] {
  if (!tableExists(db, 'odds_scorers') || !matchIds.length) return [];
  const rows = db
    .prepare(
      `SELECT match_id, player_id, bookmaker, market, MAX(observed_at || '|' || printf('%.17g', odds)) FROM odds_scorers
       WHERE match_id IN (SELECT value FROM json_each(?)) AND observed_at <= ?
         AND bookmaker NOT IN (SELECT bookmaker FROM bookmakers WHERE is_aggregate = 1)
       GROUP BY match_id, player_id, bookmaker, market`,
    )
    .raw()
    .all(JSON.stringify(matchIds), new Date(asOf).toISOString()) as [number, number, string, string, string][];
  const out: ScorerQuote[] = [];
  for (const [matchId, playerId, bookmaker, market, last] of rows) {
    const odds = Number(last.slice(last.indexOf('|') + 1));
    if ((market === 'anytime' || market === 'first') && Number.isFinite(odds) && odds > 1)
      out.push({ matchId, playerId, bookmaker, market, odds });
  }
  return out;
}

const round = (x: number | null, d = 6): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

/** The price of one market of one player: best book, fair odds, edge, value rating. */
export function priceOf(quotes: readonly ScorerQuote[], prob: number | null, minutes: number) {
  let best: ScorerQuote | null = null;
  for (const q of quotes) if (!best || q.odds > best.odds || (q.odds === best.odds && q.bookmaker < best.bookmaker)) best = q;
  const edge = best && prob ? prob * best.odds - 1 : null;
  return {
    bestOdds: best?.odds ?? null,
    bestBook: best?.bookmaker ?? null,
    books: quotes.length,
    fairOdds: prob ? round(1 / prob) : null,
    edge: round(edge),
    // the edge counts for more when the model is surer the player plays
    valueRating: edge === null ? null : round(100 * Math.max(0, Math.min(1, edge / 0.25)) * Math.min(1, minutes / 70), 1),
  };
}

/** Each book's bias on one market: mean of implied probability / model probability − 1 over the players it prices. */
export function bookBiases(quotes: readonly ScorerQuote[], probs: ReadonlyMap<string, number>) {
  const acc = new Map<string, { s: number; n: number; market: ScorerMarket; bookmaker: string }>();
  for (const q of quotes) {
    const p = probs.get(`${q.playerId}|${q.market}`);
    if (!p) continue;
    const key = `${q.bookmaker}|${q.market}`;
    const a = acc.get(key) ?? { s: 0, n: 0, market: q.market, bookmaker: q.bookmaker };
    a.s += 1 / q.odds / p - 1;
    a.n++;
    acc.set(key, a);
  }
  return [...acc.values()]
    .map((a) => ({ bookmaker: a.bookmaker, market: a.market, bias: round(a.s / a.n, 4) as number, n: a.n }))
    .sort((x, y) => x.market.localeCompare(y.market) || x.bookmaker.localeCompare(y.bookmaker));
}

function withMarket(rows: readonly Scorer[], quotes: readonly ScorerQuote[]): FerrariScorer[] {
  return rows.map((s) => {
    const mine = quotes.filter((q) => q.playerId === s.playerId);
    return {
      ...s,
      market: {
        anytime: priceOf(
          mine.filter((q) => q.market === 'anytime'),
          s.anytime,
          s.expectedMinutes,
        ),
        first: priceOf(
          mine.filter((q) => q.market === 'first'),
          s.first,
          s.expectedMinutes,
        ),
      },
    };
  });
}

/** A team's scorer cards for its next match with the market's prices, edges and the books' bias. */
export function ferrariScorers(db: Cache, team: string, now: Date): FerrariTeamScorers {
  const base = teamScorers(db, team, now);
  if (!tableExists(db, 'odds_scorers'))
    return {
      ...base,
      scorers: withMarket(base.scorers, []),
      bookBias: [],
      marketNote: 'no goalscorer prices in the cache (odds_scorers is not synced)',
    };
  if (!base.match?.matchId) return { ...base, scorers: withMarket(base.scorers, []), bookBias: [], marketNote: 'no upcoming match' };
  const teamPlayers = new Set(base.scorers.map((s) => s.playerId));
  const quotes = latestScorerQuotes(db, [base.match.matchId], now.getTime()).filter((q) => teamPlayers.has(q.playerId));
  const probs = new Map<string, number>();
  for (const s of base.scorers) {
    if (s.anytime) probs.set(`${s.playerId}|anytime`, s.anytime);
    if (s.first) probs.set(`${s.playerId}|first`, s.first);
  }
  return {
    ...base,
    scorers: withMarket(base.scorers, quotes),
    bookBias: bookBiases(quotes, probs),
    marketNote: quotes.length ? null : 'no goalscorer prices for this match yet',
  };
}

const PICK_COLUMNS = [
  'match_id',
  'player_id',
  'market',
  'bookmaker',
  'odds',
  'model_prob',
  'fair_odds',
  'edge',
  'value_rating',
  'bookmaker_bias',
] as const;

/** Scorer picks of the matches in scope: every priced player with an edge, and the stored picks of
 * those matches updated (a pick whose edge went away keeps its row, with the new numbers). */
export function runScorerPicks(
  db: Cache,
  scope: readonly ScopeMatch[],
  asOf: number,
  now: Date,
): { found: number; written: number; note: string | null } {
  if (!tableExists(db, 'odds_scorers')) return { found: 0, written: 0, note: 'no odds_scorers table in the cache' };
  if (!tableExists(db, 'scorer_market_picks')) return { found: 0, written: 0, note: 'no scorer_market_picks mirror yet (sync once)' };
  const quotes = latestScorerQuotes(
    db,
    scope.map((m) => m.matchId),
    asOf,
  );
  const byMatch = new Map<number, ScorerQuote[]>();
  for (const q of quotes) (byMatch.get(q.matchId) ?? byMatch.set(q.matchId, []).get(q.matchId))?.push(q);
  const existing = new Set(
    db
      .prepare('SELECT pick_id FROM scorer_market_picks WHERE match_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify([...byMatch.keys()])) as string[],
  );
  const rows: Record<string, unknown>[] = [];
  let fromModel = 0;
  for (const [matchId, qs] of byMatch) {
    const sides = matchScorerRows(db, previewMatchById(db, matchId), new Date(asOf));
    if (sides.source !== 'market') fromModel++;
    const players = [...sides.home, ...sides.away];
    const probs = new Map<string, number>();
    for (const s of players) {
      if (s.anytime) probs.set(`${s.playerId}|anytime`, s.anytime);
      if (s.first) probs.set(`${s.playerId}|first`, s.first);
    }
    const bias = new Map(bookBiases(qs, probs).map((b) => [`${b.bookmaker}|${b.market}`, b.bias]));
    for (const s of players)
      for (const market of SCORER_MARKETS) {
        const prob = probs.get(`${s.playerId}|${market}`) ?? null;
        const mine = qs.filter((q) => q.playerId === s.playerId && q.market === market);
        if (!prob || !mine.length) continue;
        const p = priceOf(mine, prob, s.expectedMinutes);
        const id = `scorer:${matchId}:${s.playerId}:${market}`;
        if ((p.edge ?? -1) < MIN_PICK_EDGE && !existing.has(id)) continue;
        rows.push({
          pick_id: id,
          match_id: matchId,
          player_id: s.playerId,
          market,
          bookmaker: p.bestBook,
          odds: p.bestOdds,
          model_prob: round(prob),
          fair_odds: p.fairOdds,
          edge: p.edge,
          value_rating: p.valueRating,
          bookmaker_bias: bias.get(`${p.bestBook}|${market}`) ?? null,
        });
      }
  }
  const stored = storedContent(
    db,
    'scorer_market_picks',
    'pick_id',
    PICK_COLUMNS,
    rows.map((r) => r.pick_id as string),
  );
  const changed = rows.filter((r) => stored.get(r.pick_id as string) !== canonical(PICK_COLUMNS.map((c) => r[c])));
  if (changed.length) writeOwnOutput(db, 'scorer_market_picks', changed, now);
  const note = fromModel
    ? `${fromModel} of ${byMatch.size} matches without a 1X2 price: their scorer probabilities use the league model's goal expectations`
    : null;
  return { found: rows.filter((r) => (r.edge as number) >= MIN_PICK_EDGE).length, written: changed.length, note };
}
