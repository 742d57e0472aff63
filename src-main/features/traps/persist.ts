// Traps → market_traps through the outbox (so "activate market_traps" happens at the source too).
// Deterministic ids (match, market line, selection, start); a row is written only when it changed.
// A trap is never deleted: it expires (status 'expired', expired_at) when its signal stops, when its
// match kicks off, or when a re-examination of its match no longer finds it.
import type { Trap, TrapKind, TrapSignal } from '../../../src-shared/contract/intel';
import type { BoardMatch } from '../../../src-shared/contract/market';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { writeOwnOutput } from '../../sync';
import { canonical, storedContent } from '../../platform/cache/content';
import type { RawTrap } from './detect';
import { similarStats } from './history';

export const trapId = (t: Pick<RawTrap, 'matchId' | 'market' | 'line' | 'selection' | 'start'>): string =>
  `trap:${t.matchId}:${t.market}:${t.line ?? ''}:${t.selection}:${new Date(t.start).toISOString()}`;

const COLUMNS = [
  'match_id',
  'market',
  'line',
  'selection',
  'bookmaker',
  'kind',
  'severity',
  'score',
  'explanation',
  'evidence',
  'historical_roi',
  'historical_n',
  'status',
  'detected_at',
  'expired_at',
] as const;

/** The mirror's columns: a source not yet migrated to 010 has no line / expired_at (then they live in evidence only). */
function mirrorColumns(db: Cache): Set<string> {
  return new Set((db.prepare("SELECT name FROM pragma_table_info('market_traps')").all() as { name: string }[]).map((c) => c.name));
}

export function trapRow(db: Cache, t: RawTrap, asOf: number, kickoff: number): Record<string, unknown> {
  const expired = t.end !== null || kickoff <= asOf;
  const expiredAt = t.end ?? (kickoff <= asOf ? kickoff : null);
  const hist = similarStats(db, t.kind, t.market, t.odds);
  return {
    trap_id: trapId(t),
    match_id: t.matchId,
    market: t.market,
    line: t.line,
    selection: t.selection,
    bookmaker: t.bookmaker,
    kind: t.kind,
    severity: t.severity,
    score: t.score,
    explanation: t.explanation,
    evidence: {
      ...t.evidence,
      line: t.line,
      signals: t.evidence.signals,
      signalList: t.signals,
      books: t.books,
      odds: t.odds,
      fairOdds: t.fairOdds,
      edge: t.edge,
      end: t.end === null ? null : new Date(t.end).toISOString(),
    },
    historical_roi: hist.roi,
    historical_n: hist.n,
    status: expired ? 'expired' : 'active',
    detected_at: new Date(t.start).toISOString(),
    expired_at: expiredAt === null ? null : new Date(expiredAt).toISOString(),
  };
}

export interface TrapWrite {
  written: number;
  expired: number;
}

/** Writes the traps of the examined matches; stored active traps of those matches that were not
 * found again expire now. */
export function writeTraps(
  db: Cache,
  traps: readonly RawTrap[],
  examined: ReadonlyMap<number, number>,
  asOf: number,
  now: Date,
): TrapWrite {
  if (!tableExists(db, 'market_traps')) return { written: 0, expired: 0 };
  const have = mirrorColumns(db);
  const rows = traps.map((t) => trapRow(db, t, asOf, examined.get(t.matchId) ?? t.start));
  const ids = new Set(rows.map((r) => r.trap_id as string));
  const cols = COLUMNS.filter((c) => have.has(c));
  const stored = storedContent(
    db,
    'market_traps',
    'trap_id',
    cols,
    rows.map((r) => r.trap_id as string),
  );
  const changed = rows
    .filter((r) => stored.get(r.trap_id as string) !== canonical(cols.map((c) => r[c])))
    .map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => c === 'trap_id' || have.has(c))));
  // stored traps of the examined matches that this run did not find: their signal is gone
  const gone = (
    db
      .prepare(`SELECT trap_id FROM market_traps WHERE status = 'active' AND match_id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(JSON.stringify([...examined.keys()])) as string[]
  ).filter((id) => !ids.has(id));
  const nowIso = new Date(asOf).toISOString();
  const expire = gone.map((id) => ({ trap_id: id, status: 'expired', ...(have.has('expired_at') ? { expired_at: nowIso } : {}) }));
  db.transaction(() => {
    if (changed.length) writeOwnOutput(db, 'market_traps', changed, now);
    if (expire.length) writeOwnOutput(db, 'market_traps', expire, now);
  })();
  return { written: changed.length, expired: expire.length };
}

/** Active traps of matches that kicked off (outside every run's scope by then) expire at kick-off. */
export function expireKickedOff(db: Cache, asOf: number, now: Date): number {
  if (!tableExists(db, 'market_traps') || !tableExists(db, 'matches')) return 0;
  const have = mirrorColumns(db);
  const rows = db
    .prepare(
      `SELECT t.trap_id AS id, m.kickoff FROM market_traps t JOIN matches m ON m.match_id = t.match_id
       WHERE t.status = 'active' AND (m.kickoff <= ? OR m.status IN ('finished', 'cancelled', 'postponed'))`,
    )
    .all(new Date(asOf).toISOString()) as { id: string; kickoff: string }[];
  if (!rows.length) return 0;
  writeOwnOutput(
    db,
    'market_traps',
    rows.map((r) => ({ trap_id: r.id, status: 'expired', ...(have.has('expired_at') ? { expired_at: r.kickoff } : {}) })),
    now,
  );
  return rows.length;
}

interface StoredTrap {
  trap_id: string;
  match_id: number;
  market: string;
  selection: string;
  bookmaker: string | null;
  kind: string;
  severity: string;
  score: number;
  explanation: string;
  evidence: string;
  historical_roi: number | null;
  historical_n: number | null;
  status: string;
  detected_at: string;
  line?: number | null;
  expired_at?: string | null;
}

/** A stored row as the contract's trap. */
export function toTrap(r: StoredTrap, match: BoardMatch): Trap {
  const ev = JSON.parse(r.evidence) as {
    line?: number | null;
    signalList?: TrapSignal[];
    books?: string[];
    odds?: number | null;
    fairOdds?: number | null;
    edge?: number | null;
    end?: string | null;
  };
  return {
    trapId: r.trap_id,
    match,
    market: r.market as Trap['market'],
    line: r.line ?? ev.line ?? null,
    selection: r.selection,
    bookmaker: r.bookmaker,
    kind: r.kind as TrapKind,
    signals: ev.signalList ?? (r.kind === 'compound' ? [] : [r.kind as TrapSignal]),
    severity: r.severity as Trap['severity'],
    score: r.score,
    explanation: r.explanation,
    odds: ev.odds ?? null,
    fairOdds: ev.fairOdds ?? null,
    edge: ev.edge ?? null,
    books: ev.books ?? [],
    historicalRoi: r.historical_roi,
    historicalN: r.historical_n,
    status: r.status === 'expired' ? 'expired' : 'active',
    detectedAt: r.detected_at,
    expiredAt: r.expired_at ?? ev.end ?? null,
  };
}
