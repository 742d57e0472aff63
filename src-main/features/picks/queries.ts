// Cache reads of pick tracking: the picks with their match, the bookmakers' flags, the odds series
// of one market line, the settlement candidates. SQL with bound values only.
import { commissions } from '../../../src-shared/domain/market-prices';
import { ContractError } from '../../../src-shared/contract/errors';
import type { PickFilter, PickRow } from '../../../src-shared/contract/picks';
import type { Cache } from '../../platform/cache/open';
import { requireTables, tableExists } from '../../platform/cache/tables';
import { currentDeskId, deskNames } from '../../platform/desk';
import type { BookFlags, Quote } from './closing';

/** Columns of tracking_clv_picks this module needs beyond the original table (migration 012). */
const PICK_COLUMNS_012 = [
  'kind',
  'parent_pick_id',
  'model_version',
  'odds_snapshot',
  'closing_status',
  'settled_status',
  'settlement_note',
  // migration 014: the quoted price and the book's commission beside the net price taken
  'quoted_odds',
  'commission',
  // migration 015: the desk that wrote the row (a team on one database)
  'desk_id',
];
const COMBO_COLUMNS_012 = [
  'pricing',
  'fair_odds',
  'independent_prob',
  'settlement_note',
  // migration 015: the desk; 016: the quoted price and the commission beside the net price
  'desk_id',
  'quoted_odds',
  'commission',
];

function requireColumns(db: Cache, table: string, columns: readonly string[]): void {
  const have = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
  const missing = columns.filter((c) => !have.has(c));
  if (missing.length)
    throw new ContractError(
      'UNAVAILABLE',
      `the cache's ${table} lacks ${missing.join(', ')}: the source needs its migrations (012, 014, 015, 016: the app applies them at start), then a sync`,
    );
}

/** The picks table as this module writes it: present and migrated, or a clear UNAVAILABLE. */
export function requirePickTables(db: Cache): void {
  requireTables(db, ['tracking_clv_picks', 'matches']);
  requireColumns(db, 'tracking_clv_picks', PICK_COLUMNS_012);
}

export function requireComboTables(db: Cache): void {
  requireTables(db, ['fg_combo_tracking', 'matches']);
  requireColumns(db, 'fg_combo_tracking', COMBO_COLUMNS_012);
}

/** Each book's commission on net winnings: an exchange's default, then the Settings' per-book rates. */
export function bookCommissions(db: Cache, overrides: Readonly<Record<string, number>>): Record<string, number> {
  return commissions(
    bookmakerFlags(db)
      .filter((b) => b.exchange)
      .map((b) => b.code),
    overrides,
  );
}

export function bookmakerFlags(db: Cache): (BookFlags & { name: string })[] {
  if (!tableExists(db, 'bookmakers')) return [];
  return (
    db
      .prepare(
        'SELECT bookmaker AS code, name, is_sharp AS sharp, is_exchange AS exchange, is_aggregate AS aggregate FROM bookmakers ORDER BY bookmaker',
      )
      .all() as { code: string; name: string; sharp: number; exchange: number; aggregate: number }[]
  ).map((b) => ({ code: b.code, name: b.name, sharp: b.sharp === 1, exchange: b.exchange === 1, aggregate: b.aggregate === 1 }));
}

export interface MatchRow {
  matchId: number;
  kickoff: string;
  status: string;
  homeGoals: number | null;
  awayGoals: number | null;
  homeTeamId: number;
  awayTeamId: number;
  league: string;
}

export function matchById(db: Cache, matchId: number): MatchRow | undefined {
  return db
    .prepare(
      `SELECT match_id AS matchId, kickoff, status, home_goals AS homeGoals, away_goals AS awayGoals, home_team_id AS homeTeamId,
              away_team_id AS awayTeamId, league_code AS league FROM matches WHERE match_id = ?`,
    )
    .get(matchId) as MatchRow | undefined;
}

const QUOTES: Record<string, string> = {
  '1x2': `SELECT bookmaker, selection, odds, observed_at AS observedAt, is_closing AS isClosing FROM odds_history
          WHERE match_id = @match AND (observed_at <= @kickoff OR is_closing = 1)`,
  totals: `SELECT bookmaker, selection, odds, observed_at AS observedAt, is_closing AS isClosing FROM odds_totals
          WHERE match_id = @match AND line = @line AND (observed_at <= @kickoff OR is_closing = 1)`,
  spreads: `SELECT bookmaker, selection, odds, observed_at AS observedAt, is_closing AS isClosing FROM odds_spreads
          WHERE match_id = @match AND line = @line AND (observed_at <= @kickoff OR is_closing = 1)`,
};
const ODDS_TABLE: Record<string, string> = { '1x2': 'odds_history', totals: 'odds_totals', spreads: 'odds_spreads' };

// Prepared once per connection: the capture reads one market line after another.
const prepared = new WeakMap<Cache, Map<string, ReturnType<Cache['prepare']>>>();
function statement(db: Cache, sql: string): ReturnType<Cache['prepare']> {
  let m = prepared.get(db);
  if (!m) prepared.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Quotes of one market line of a match up to kick-off, and its closing-marked ones (any time). */
export function closingQuotes(db: Cache, match: number, market: string, line: number | null, kickoff: string): Quote[] {
  const present = statement(db, "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?")
    .pluck()
    .get(ODDS_TABLE[market]);
  if (!present) return [];
  const rows = statement(db, QUOTES[market]).all({ match, kickoff, ...(market === '1x2' ? {} : { line }) }) as (Omit<Quote, 'isClosing'> & {
    isClosing: number;
  })[];
  return rows.map((r) => ({ ...r, isClosing: r.isClosing === 1 }));
}

const PICK_SELECT = `SELECT p.pick_id AS pickId, p.desk_id AS deskId, p.kind, p.parent_pick_id AS parentPickId, p.match_id AS matchId, m.league_code AS league,
    m.kickoff, h.name AS home, a.name AS away, m.status AS matchStatus, m.home_goals AS homeGoals, m.away_goals AS awayGoals,
    p.market, p.line, p.selection, p.bookmaker, p.odds_taken AS odds,
    COALESCE(p.quoted_odds, p.odds_taken) AS quotedOdds, p.commission, p.stake, p.fair_odds AS fairOdds,
    COALESCE(p.model_prob, pp.model_prob) AS modelProb, COALESCE(p.outcome_probs, pp.outcome_probs) AS outcomeProbs,
    p.edge, p.confidence, p.source, p.picked_at AS pickedAt, p.closing_odds AS closingOdds, p.closing_fair_odds AS closingFairOdds,
    p.closing_reference AS closingReference, p.closing_status AS closingStatus, p.closing_book_odds AS closingBookOdds, p.clv,
    p.clv_raw AS clvRaw, p.result, p.profit, p.settled_at AS settledAt, p.settlement_note AS settlementNote
  FROM tracking_clv_picks p LEFT JOIN matches m ON m.match_id = p.match_id
  LEFT JOIN teams h ON h.team_id = m.home_team_id LEFT JOIN teams a ON a.team_id = m.away_team_id
  LEFT JOIN tracking_clv_picks pp ON pp.pick_id = p.parent_pick_id`;

const FILTER = `(@kind = 'all' OR p.kind = @kind)
  AND (@state = 'all' OR (@state = 'open' AND p.result IS NULL) OR (@state = 'settled' AND p.result IS NOT NULL))
  AND (@from IS NULL OR m.kickoff >= @from) AND (@to IS NULL OR m.kickoff < date(@to, '+1 day'))
  AND (@market IS NULL OR p.market = @market) AND (@league IS NULL OR m.league_code = @league)
  AND (@bookmaker IS NULL OR p.bookmaker = @bookmaker) AND (@source IS NULL OR p.source = @source)
  AND (@matchId IS NULL OR p.match_id = @matchId) AND (@desk IS NULL OR p.desk_id = @desk)`;

type RawPick = Omit<PickRow, 'state' | 'outcomeProbs' | 'deskName'> & { outcomeProbs: string | null };

/** A row as the contract gives it: its state, its probabilities parsed, its desk named (`names`: deskNames). */
const withStateIn =
  (names: Map<string, string>) =>
  (r: RawPick): PickRow => ({
    ...withState(r),
    deskName: r.deskId === null ? null : (names.get(r.deskId) ?? null),
  });

function withState(r: RawPick): Omit<PickRow, 'deskName'> {
  return {
    ...r,
    kind: r.kind ?? 'pick',
    source: r.source ?? '',
    outcomeProbs: r.outcomeProbs ? (JSON.parse(r.outcomeProbs) as Record<string, number>) : null,
    state: r.result ?? 'open',
  };
}

/** 'mine': this desk's id (none yet: a desk that has written nothing, so no row is its). */
function filterParams(db: Cache, f: PickFilter): Record<string, unknown> {
  return {
    desk: f.desk === 'mine' ? (currentDeskId(db) ?? '') : null,
    kind: f.kind ?? 'all',
    state: f.state ?? 'all',
    from: f.from ?? null,
    to: f.to ?? null,
    market: f.market ?? null,
    league: f.league ?? null,
    bookmaker: f.bookmaker ?? null,
    source: f.source ?? null,
    matchId: f.matchId ?? null,
  };
}

/** Picks matching a filter, newest kick-off first. */
export function listPicks(db: Cache, f: PickFilter, limit: number): { rows: PickRow[]; total: number } {
  const params = filterParams(db, f);
  const total = (
    db
      .prepare(`SELECT count(*) AS n FROM tracking_clv_picks p LEFT JOIN matches m ON m.match_id = p.match_id WHERE ${FILTER}`)
      .get(params) as { n: number }
  ).n;
  const rows = db
    .prepare(`${PICK_SELECT} WHERE ${FILTER} ORDER BY COALESCE(m.kickoff, p.picked_at) DESC, p.picked_at DESC, p.pick_id LIMIT @limit`)
    .all({ ...params, limit }) as RawPick[];
  return { rows: rows.map(withStateIn(deskNames(db))), total };
}

/** Picks matching a filter in kick-off order (the ledger's order). */
export function picksForStats(db: Cache, f: PickFilter): PickRow[] {
  return (
    db
      .prepare(`${PICK_SELECT} WHERE ${FILTER} ORDER BY COALESCE(m.kickoff, p.picked_at), p.picked_at, p.pick_id`)
      .all(filterParams(db, f)) as RawPick[]
  ).map(withStateIn(deskNames(db)));
}

export function pickRowsById(db: Cache, ids: readonly string[]): PickRow[] {
  const one = db.prepare(`${PICK_SELECT} WHERE p.pick_id = ?`);
  return ids
    .map((id) => one.get(id) as RawPick | undefined)
    .filter((r): r is RawPick => r !== undefined)
    .map(withStateIn(deskNames(db)));
}

export function childBets(db: Cache, pickId: string): PickRow[] {
  return (db.prepare(`${PICK_SELECT} WHERE p.parent_pick_id = ? ORDER BY p.picked_at, p.pick_id`).all(pickId) as RawPick[]).map(
    withStateIn(deskNames(db)),
  );
}

export interface StoredDecision {
  outcome_probs: string | null;
  reasons: string | null;
  warnings: string | null;
  note: string | null;
  model_version: string | null;
  model_params: string | null;
  weights: string | null;
  odds_snapshot: string | null;
  inputs: string | null;
  closing_observed_at: string | null;
  captured_at: string | null;
}

export function storedDecision(db: Cache, pickId: string): StoredDecision | undefined {
  return db
    .prepare(
      `SELECT outcome_probs, reasons, warnings, note, model_version, model_params, weights, odds_snapshot, inputs, closing_observed_at, captured_at
       FROM tracking_clv_picks WHERE pick_id = ?`,
    )
    .get(pickId) as StoredDecision | undefined;
}

/** Traps detected per day over [from, to), or null when the cache has no market_traps. */
export function trapsBetween(db: Cache, from: string, to: string): number | null {
  if (!tableExists(db, 'market_traps')) return null;
  return (db.prepare('SELECT count(*) AS n FROM market_traps WHERE detected_at >= ? AND detected_at < ?').get(from, to) as { n: number }).n;
}
