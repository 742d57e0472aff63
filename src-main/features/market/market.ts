// The Command Center's reads of the cache, run in the worker (jobs.ts): board (memoised per cache version), moves of one
// selection, largest moves of a window, and the alerts feed.
import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Alert, Board, BoardMatch, MarketKind, MarketMoves, TopMove } from '../../../src-shared/contract/market';
import type { Cache } from '../../platform/cache/open';
import { boardRows, type Commissions } from './board';
import { encodeRows } from './encode';
import { bookSeries, largeMoveAlerts, topMoves } from './moves';
import {
  bookRoles,
  matchById,
  selectionHistory,
  iterateSeriesQuotes,
  sharpBooks,
  upcomingMatches,
  windowQuotes,
  ODDS_TABLES,
} from './queries';
import { missingTables, requireTables, tableExists } from '../../platform/cache/tables';
import { tablesSignature, VersionedMemo } from '../../platform/cache/reader';

const MARKETS = Object.keys(ODDS_TABLES) as MarketKind[];
const REQUIRED = ['matches', 'teams', 'leagues', 'bookmakers'];
/** A board asked for "now" is rebuilt at most this old even if no sync wrote (kick-offs pass). */
const NOW_MAX_AGE_MS = 5 * 60_000;
const session = randomUUID().slice(0, 8);
let builds = 0;

/** Tables the board reads: a sync that wrote any of them makes the board stale. */
const BOARD_TABLES = ['matches', 'teams', 'leagues', 'bookmakers', ...Object.values(ODDS_TABLES).map((t) => t.table)];
const boardMemo = new VersionedMemo<Board>((db) => tablesSignature(db, BOARD_TABLES), 4);

/** The board as of `asOf`, its best prices and edges net of each book's commission: the exchanges'
 * default, then `commission` (the Settings' per-book rates, `settingsCommission`). */
export function buildBoard(db: Cache, asOf: string, commission: Commissions): Board {
  const t0 = performance.now();
  requireTables(db, REQUIRED);
  const matches = upcomingMatches(db, asOf);
  const sharp = sharpBooks(db);
  const rates = bookRoles(db, commission).commission;
  const rows = boardRows(
    (function* () {
      for (const m of MARKETS) yield* iterateSeriesQuotes(db, m, asOf);
    })(),
    sharp,
    rates,
  );
  const quoted = new Set(rows.map((r) => r.matchId));
  const { bookmakers, columns } = encodeRows(rows);
  return {
    generatedAt: new Date().toISOString(),
    version: `${session}-${++builds}`,
    asOf,
    sharpBooks: sharp,
    matches: matches.filter((m) => quoted.has(m.matchId)),
    bookmakers,
    commission: Object.fromEntries(bookmakers.filter((b) => (rates[b] ?? 0) > 0).map((b) => [b, rates[b]])),
    rowCount: rows.length,
    columns,
    buildMs: performance.now() - t0,
  };
}

export function board(db: Cache, asOf: string | undefined, commission: Commissions): Board {
  // "now" moves on: one build per cache version and NOW_MAX_AGE_MS window, kept for the next requests;
  // a commission changed in the Settings is another board
  const key = `${asOf ?? `now@${Math.floor(Date.now() / NOW_MAX_AGE_MS)}`}|${JSON.stringify(commission)}`;
  const { value, fresh } = boardMemo.get(db, key, () => buildBoard(db, asOf ?? new Date().toISOString(), commission));
  return fresh ? value : { ...value, buildMs: 0 };
}

export function moves(db: Cache, p: { matchId: number; market: MarketKind; line: number | null; selection: string }): MarketMoves {
  requireTables(db, REQUIRED);
  const match = matchById(db, p.matchId);
  if (!match) throw new ContractError('NOT_FOUND', `no match ${p.matchId} in the cache`);
  const line = p.market === '1x2' ? null : p.line;
  if (p.market !== '1x2' && line === null) throw new ContractError('VALIDATION', `a ${p.market} market needs a line`);
  const sharp = new Set(sharpBooks(db));
  return {
    match,
    market: p.market,
    line,
    selection: p.selection,
    series: bookSeries(selectionHistory(db, p.matchId, p.market, line, p.selection), sharp),
  };
}

/** Newest quote no later than `asOf` in any odds table: "the last hours" end there, so a cache
 * that has not been synced for a while (offline) still shows its last moves. */
function lastQuoteAt(db: Cache, asOf: string): string {
  let last = '';
  for (const { table } of Object.values(ODDS_TABLES)) {
    if (!tableExists(db, table)) continue;
    const r = db.prepare(`SELECT MAX(observed_at) AS t FROM ${table} WHERE observed_at <= ?`).get(asOf) as { t: string | null };
    if (r.t && r.t > last) last = r.t;
  }
  return last || asOf;
}

/** The feed and the side list both ask for the moves of the same window after every sync: computed once. */
const movesMemo = new VersionedMemo<TopMove[]>((db) => tablesSignature(db, BOARD_TABLES), 8);
const MOVES_KEPT = 500;

export function top(db: Cache, hours: number, limit: number, asOf: string | undefined): TopMove[] {
  // "now" moves on: a fresh computation every NOW_MAX_AGE_MS at most
  const key = `${hours}|${asOf ?? `now@${Math.floor(Date.now() / NOW_MAX_AGE_MS)}`}`;
  return movesMemo.get(db, key, () => computeTop(db, hours, MOVES_KEPT, asOf)).value.slice(0, limit);
}

function computeTop(db: Cache, hours: number, limit: number, asOf: string | undefined): TopMove[] {
  requireTables(db, REQUIRED);
  const now = lastQuoteAt(db, asOf ?? new Date().toISOString());
  const from = new Date(Date.parse(now) - hours * 3600_000).toISOString();
  // upcoming relative to the real time, the window relative to the last quote
  const real = asOf ?? new Date().toISOString();
  const matches = new Map<number, BoardMatch>(upcomingMatches(db, real).map((m) => [m.matchId, m]));
  const quotes = MARKETS.flatMap((market) => windowQuotes(db, market, now, from, real).map((q) => ({ ...q, market })));
  return topMoves(quotes, matches, limit);
}

export function alerts(db: Cache, hours: number, asOf: string | undefined): Alert[] {
  const now = asOf ?? new Date().toISOString();
  const out: Alert[] = [];
  if (tableExists(db, 'sync_status')) {
    const s = db
      .prepare(
        'SELECT state, last_success_at AS lastSuccessAt, last_error AS lastError, offline_since AS offlineSince FROM sync_status WHERE id = 1',
      )
      .get() as { state: string; lastSuccessAt: string | null; lastError: string | null; offlineSince: string | null } | undefined;
    if (s) out.push(syncAlert(s, now));
  }
  if (tableExists(db, 'quarantine')) {
    const rows = db
      .prepare(
        'SELECT table_name AS tableName, reason, COUNT(*) AS n, MAX(last_seen) AS at FROM quarantine GROUP BY table_name, reason ORDER BY table_name, n DESC',
      )
      .all() as { tableName: string; reason: string; n: number; at: string }[];
    const byTable = new Map<string, typeof rows>();
    for (const r of rows) byTable.set(r.tableName, [...(byTable.get(r.tableName) ?? []), r]);
    for (const [table, rs] of byTable) {
      const count = rs.reduce((a, r) => a + r.n, 0);
      out.push({
        kind: 'quarantined_quotes',
        id: `quarantine:${table}`,
        at: rs.reduce((a, r) => (r.at > a ? r.at : a), ''),
        severity: 'warning',
        title: `${count} row${count === 1 ? '' : 's'} of ${table} quarantined`,
        message: rs.map((r) => `${r.reason} ×${r.n}`).join(', '),
        table,
        count,
        reasons: rs.map((r) => ({ reason: r.reason, count: r.n })),
      });
    }
  }
  if (missingTables(db, REQUIRED).length === 0) out.push(...largeMoveAlerts(top(db, hours, 50, asOf)));
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Data older than this (since the last successful sync) is called stale. */
export const STALE_AFTER_MS = 30 * 60_000;

function syncAlert(
  s: { state: string; lastSuccessAt: string | null; lastError: string | null; offlineSince: string | null },
  now: string,
): Alert {
  const base = { kind: 'sync_state' as const, id: 'sync_state', lastSyncAt: s.lastSuccessAt };
  const age = s.lastSuccessAt ? Date.parse(now) - Date.parse(s.lastSuccessAt) : Infinity;
  const ago = Number.isFinite(age) ? `${Math.max(0, Math.round(age / 60_000))} min ago` : 'never';
  if (s.state === 'never')
    return {
      ...base,
      at: now,
      severity: 'warning',
      state: 'never',
      title: 'Never synced',
      message: 'The cache has not been synced from the source yet.',
    };
  if (s.state === 'running')
    return { ...base, at: now, severity: 'info', state: 'running', title: 'Sync running', message: `Last complete sync ${ago}.` };
  if (s.state === 'offline' || s.state === 'error') {
    return {
      ...base,
      at: s.offlineSince ?? now,
      severity: 'critical',
      state: 'failed',
      title: s.state === 'offline' ? 'Source unreachable' : 'Sync failed',
      message: `${s.lastError ?? 'unknown error'} — data as of ${ago}.`,
    };
  }
  if (age > STALE_AFTER_MS)
    return {
      ...base,
      at: s.lastSuccessAt ?? now,
      severity: 'warning',
      state: 'stale',
      title: 'Data is stale',
      message: `Last sync ${ago}.`,
    };
  return { ...base, at: s.lastSuccessAt ?? now, severity: 'info', state: 'fresh', title: 'Data is fresh', message: `Last sync ${ago}.` };
}
