import { z } from 'zod';
import { isoInstant } from './dates';
import { method } from './define';

// Command Center: the live odds board, market moves and the alerts feed.

export const marketKind = z.enum(['1x2', 'totals', 'spreads']);
export type MarketKind = z.infer<typeof marketKind>;

/** Selections of each market, in the order every computation uses. */
export const SELECTIONS: Record<MarketKind, readonly string[]> = {
  '1x2': ['home', 'draw', 'away'],
  totals: ['over', 'under'],
  spreads: ['home', 'away'],
};

export const boardMatch = z.object({
  matchId: z.number().int(),
  league: z.string(),
  leagueName: z.string(),
  kickoff: z.string(),
  status: z.string(),
  home: z.string(),
  away: z.string(),
});
export type BoardMatch = z.infer<typeof boardMatch>;

/** One selection of one market line of one match, from the latest quote of every bookmaker. */
export const boardRow = z.object({
  /** `${matchId}|${market}|${line}|${selection}`: stable across syncs (the grid's row id). */
  id: z.string(),
  matchId: z.number().int(),
  market: marketKind,
  /** null for 1X2; the goal line for totals; the home team's handicap for spreads. */
  line: z.number().nullable(),
  selection: z.string(),
  /** Bookmakers quoting this selection now. */
  books: z.number().int().nonnegative(),
  /** The best price for the bettor: the highest net of each book's commission on winnings
   * (1 + (quoted − 1)·(1 − commission)); the price the book quotes, and its commission (0 at a bookmaker). */
  bestOdds: z.number().nullable(),
  bestQuoted: z.number().nullable(),
  bestCommission: z.number().nullable(),
  bestBook: z.string().nullable(),
  /** Median of the de-vigged (multiplicative) complete books, renormalised. */
  fairProb: z.number().nullable(),
  fairOdds: z.number().nullable(),
  /** The sharp book's own de-vigged price, when it quotes the whole market. */
  sharpOdds: z.number().nullable(),
  sharpBook: z.string().nullable(),
  /** Median overround of the complete books on this market line (0.05 = 5%). */
  margin: z.number().nullable(),
  /** Consensus fair odds at each book's opening quote, and the relative change since (−0.1 = shortened 10%). */
  openFairOdds: z.number().nullable(),
  move: z.number().nullable(),
  /** Edge of the best net price against the consensus: fairProb × bestOdds − 1. */
  edge: z.number().nullable(),
  /** Newest quote seen in this row. */
  updatedAt: z.string(),
});
export type BoardRow = z.infer<typeof boardRow>;

export const MARKETS: readonly MarketKind[] = ['1x2', 'totals', 'spreads'];

const nums = z.array(z.number().nullable());
const ints = z.array(z.number().int());
const refs = z.array(z.number().int().nullable());

/** The board's rows column by column (50 000 rows cross the worker, HTTP and the browser as a few
 * arrays of numbers, not 50 000 objects). Row i is every array's element i; `market` indexes MARKETS,
 * `selection` indexes SELECTIONS[market], books index `bookmakers`. Ratios are rounded to 1e-6,
 * prices are exact. Encoded by src-main/features/market/encode.ts, decoded by the Command Center. */
export const boardColumns = z.object({
  matchId: ints,
  market: ints,
  line: nums,
  selection: ints,
  books: ints,
  /** Net of the book's commission; `bestQuoted` is the price the book quotes (equal at a bookmaker). */
  bestOdds: nums,
  bestQuoted: nums,
  bestBook: refs,
  fairProb: nums,
  sharpOdds: nums,
  sharpBook: refs,
  margin: nums,
  openFairOdds: nums,
  move: nums,
  edge: nums,
});
export type BoardColumns = z.infer<typeof boardColumns>;

export const board = z.object({
  generatedAt: z.string(),
  /** Changes when the cache's odds change; equal versions mean equal rows. */
  version: z.string(),
  asOf: z.string(),
  sharpBooks: z.array(z.string()),
  matches: z.array(boardMatch),
  bookmakers: z.array(z.string()),
  /** Commission on net winnings of the books that take one (the exchanges' default, then the Settings'). */
  commission: z.record(z.string(), z.number()),
  rowCount: z.number().int().nonnegative(),
  columns: boardColumns,
  /** Time the worker spent building the board (query + computation), ms; 0 when served from memory. */
  buildMs: z.number(),
});
export type Board = z.infer<typeof board>;

export const quotePoint = z.object({ at: z.string(), odds: z.number() });
export const bookSeries = z.object({
  bookmaker: z.string(),
  sharp: z.boolean(),
  points: z.array(quotePoint),
  opening: quotePoint.nullable(),
  closing: quotePoint.nullable(),
});
export type BookSeries = z.infer<typeof bookSeries>;

export const marketMoves = z.object({
  match: boardMatch,
  market: marketKind,
  line: z.number().nullable(),
  selection: z.string(),
  series: z.array(bookSeries),
});
export type MarketMoves = z.infer<typeof marketMoves>;

/** A move of one selection over a time window: median across bookmakers of the change of implied probability. */
export const topMove = z.object({
  id: z.string(),
  match: boardMatch,
  market: marketKind,
  line: z.number().nullable(),
  selection: z.string(),
  fromOdds: z.number(),
  toOdds: z.number(),
  /** Median change of 1/odds across the books that quoted before and in the window (+0.03 = shortened 3 points). */
  deltaProb: z.number(),
  /** Books that moved the same way as the median, and books that quoted. */
  booksMoved: z.number().int(),
  books: z.number().int(),
  at: z.string(),
});
export type TopMove = z.infer<typeof topMove>;

const severity = z.enum(['info', 'warning', 'critical']);
const alertBase = { id: z.string(), at: z.string(), severity, title: z.string(), message: z.string() };

/** The alerts feed: typed, so later agents (anomaly, traps, picks) add their own kinds. */
export const alert = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('large_move'), ...alertBase, move: topMove }),
  z.object({
    kind: z.literal('quarantined_quotes'),
    ...alertBase,
    table: z.string(),
    count: z.number().int(),
    reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  }),
  z.object({
    kind: z.literal('sync_state'),
    ...alertBase,
    state: z.enum(['never', 'fresh', 'stale', 'failed', 'running']),
    lastSyncAt: z.string().nullable(),
  }),
  z.object({ kind: z.literal('agent'), ...alertBase, agent: z.string(), matchId: z.number().int().nullable() }),
]);
export type Alert = z.infer<typeof alert>;
export type AlertKind = Alert['kind'];

const asOfInput = isoInstant('asOf').optional().describe('reference time (default now), ISO-8601');

export const marketMethods = {
  'market.board': method({
    summary: 'Odds board: every upcoming match × market line × selection with best price, consensus, margin, move (worker job)',
    input: z.object({ asOf: asOfInput }).strict(),
    output: board,
  }),
  'market.moves': method({
    summary: 'Odds of every bookmaker over time for one selection of one match, opening and closing marked',
    input: z
      .object({ matchId: z.number().int(), market: marketKind, line: z.number().nullable().default(null), selection: z.string().min(1) })
      .strict(),
    output: marketMoves,
  }),
  'market.topMoves': method({
    summary: 'Largest moves of the last hours across upcoming matches',
    input: z
      .object({
        hours: z
          .number()
          .positive()
          .max(24 * 14)
          .default(6),
        limit: z.number().int().positive().max(500).default(25),
        asOf: asOfInput,
      })
      .strict(),
    output: z.array(topMove),
  }),
  'market.alerts': method({
    summary: 'Alerts feed from what the cache shows now: large moves, quarantined quotes, sync state',
    input: z
      .object({
        hours: z
          .number()
          .positive()
          .max(24 * 14)
          .default(6),
        asOf: asOfInput,
      })
      .strict(),
    output: z.array(alert),
  }),
};
