// What a detector returns, before it is stored: the contract's finding with epoch times and the
// numbers behind it (stored in agent_analyses.payload, so a person can check the explanation).
import type { Finding, FindingKind } from '../../../../src-shared/contract/intel';
import type { MarketKind } from '../../../../src-shared/contract/market';

export interface RawFinding {
  kind: FindingKind;
  matchId: number;
  market: MarketKind;
  line: number | null;
  selection: string;
  bookmaker: string | null;
  at: number;
  endAt: number | null;
  score: number;
  explanation: string;
  books: string[];
  probBefore: number | null;
  probAfter: number | null;
  sharpHeld: number | null;
  /** The fair probability Agent A believes now (sharp after the move, else the consensus), for agent_predictions. */
  probability: number | null;
  details: Record<string, number | string | null | string[]>;
}

const iso = (t: number): string => new Date(t).toISOString();

/** Same kind, match, selection, book and start time → same id, whatever the run. */
export function findingId(f: Pick<RawFinding, 'kind' | 'matchId' | 'market' | 'line' | 'selection' | 'bookmaker' | 'at'>): string {
  return `anomaly:${f.kind}:${f.matchId}:${f.market}:${f.line ?? ''}:${f.selection}:${f.bookmaker ?? ''}:${iso(f.at)}`;
}

export function toFinding(f: RawFinding): Finding {
  return {
    id: findingId(f),
    kind: f.kind,
    matchId: f.matchId,
    market: f.market,
    line: f.line,
    selection: f.selection,
    bookmaker: f.bookmaker,
    at: iso(f.at),
    endAt: f.endAt === null ? null : iso(f.endAt),
    score: f.score,
    explanation: f.explanation,
    books: f.books,
    probBefore: f.probBefore,
    probAfter: f.probAfter,
    sharpHeld: f.sharpHeld,
  };
}

export const clamp = (x: number, lo = 0, hi = 1): number => (x < lo ? lo : x > hi ? hi : x);
/** Score 0..100 rounded to 0.1 (stable text in the cache). */
export const score100 = (x: number): number => Math.round(clamp(x) * 1000) / 10;
/** Ratios kept with 6 decimals so a re-run writes byte-identical payloads. */
export const r6 = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 1e6) / 1e6);

export const fmtOdds = (o: number): string => (Math.round(o * 1000) % 10 === 0 ? o.toFixed(2) : o.toFixed(3));
export const fmtPct = (p: number): string => `${(p * 100).toFixed(1)}%`;
export const fmtSigned = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%`;
export const fmtTime = (t: number): string => iso(t).slice(11, 16);
export const fmtMinutes = (ms: number): string => {
  const m = Math.round(ms / 60_000);
  return m < 120 ? `${m} min` : `${(m / 60).toFixed(1)} h`;
};
