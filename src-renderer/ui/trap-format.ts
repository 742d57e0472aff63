// Pure helpers of the trap views: labels, the join of traps onto board rows, the history summary and
// the evidence in words. No React, no contract calls: unit-tested in test/unit/renderer/ferrari.test.ts.
import type { Trap, TrapDetail, TrapKind, TrapSeverity, TrapSignal } from '../../src-shared/contract/intel';
import { priceBand as sharedBand } from '../../src-shared/domain/price-bands';
import { lineLabel, marketLabel } from './market-labels';

export const KIND_LABEL: Record<TrapKind, string> = {
  inflated_favourite: 'Inflated favourite',
  against_sharp: 'Against the sharp',
  too_good: 'Too good to be true',
  compound: 'Compound',
};

/** For the grid's narrow Kind column. */
export const KIND_SHORT: Record<TrapKind, string> = {
  inflated_favourite: 'Inflated fav.',
  against_sharp: 'Against sharp',
  too_good: 'Too good',
  compound: 'Compound',
};

export const SIGNAL_LABEL: Record<TrapSignal, string> = {
  inflated_favourite: 'inflated favourite',
  against_sharp: 'moving against the sharp book',
  too_good: 'too good to be true',
};

export const SEVERITY_RANK: Record<TrapSeverity, number> = { low: 1, medium: 2, high: 3 };

/** The board row a trap is on: the id the Command Center's rows carry (`matchId|market|line|selection`). */
export const trapRowKey = (t: Pick<Trap, 'market' | 'line' | 'selection'> & { matchId: number }): string =>
  `${t.matchId}|${t.market}|${t.line ?? ''}|${t.selection}`;

/** What a board row shows of its traps: the worst one (severity, then score) and how many there are. */
export interface TrapMark {
  trapSeverity: TrapSeverity | null;
  /** "Trap: compound (inflated favourite + too good to be true), high severity, score 82" — the marker's tooltip and aria-label. */
  trapNote: string;
}

export const NO_TRAP: TrapMark = { trapSeverity: null, trapNote: '' };

export function trapNote(t: Pick<Trap, 'kind' | 'signals' | 'severity' | 'score'>, count = 1): string {
  const signals = t.kind === 'compound' && t.signals.length ? ` (${t.signals.map((s) => SIGNAL_LABEL[s]).join(' + ')})` : '';
  const more = count > 1 ? `; ${count} traps on this price` : '';
  return `Trap: ${KIND_LABEL[t.kind].toLowerCase()}${signals}, ${t.severity} severity, score ${Math.round(t.score)}${more}`;
}

/** Active traps by board row id: the worst trap of each row. Expired traps mark nothing. */
export function trapMarks(traps: readonly Trap[]): Map<string, TrapMark> {
  const worst = new Map<string, { t: Trap; n: number }>();
  for (const t of traps) {
    if (t.status !== 'active') continue;
    const key = trapRowKey({ ...t, matchId: t.match.matchId });
    const cur = worst.get(key);
    if (!cur) worst.set(key, { t, n: 1 });
    else {
      const rank = SEVERITY_RANK[t.severity] - SEVERITY_RANK[cur.t.severity] || t.score - cur.t.score;
      worst.set(key, { t: rank > 0 ? t : cur.t, n: cur.n + 1 });
    }
  }
  const out = new Map<string, TrapMark>();
  for (const [key, { t, n }] of worst) out.set(key, { trapSeverity: t.severity, trapNote: trapNote(t, n) });
  return out;
}

/** A stable signature of the marks (a refresh that changes none of them redraws nothing). */
export function marksSignature(marks: ReadonlyMap<string, TrapMark>): string {
  return [...marks]
    .map(([k, m]) => `${k}=${m.trapNote}`)
    .sort()
    .join('\n');
}

export interface SimilarSummary {
  /** Every similar situation of the history (same kind, market and price band) and backing's ROI over them. */
  n: number;
  roi: number | null;
  /** Over the situations listed (the newest ones): how many, how many won, the hit rate, mean odds and profit. */
  shown: number;
  won: number;
  hitRate: number | null;
  meanOdds: number | null;
  profit: number;
}

export function similarSummary(similar: TrapDetail['similar']): SimilarSummary {
  const s = similar.situations;
  const won = s.filter((x) => x.won).length;
  return {
    n: similar.n,
    roi: similar.roi,
    shown: s.length,
    won,
    hitRate: s.length ? won / s.length : null,
    meanOdds: s.length ? s.reduce((a, x) => a + x.odds, 0) / s.length : null,
    profit: s.reduce((a, x) => a + x.profit, 0),
  };
}

/** The price band of similar situations, as the trap history groups them (the shared price bands). */
export function priceBand(odds: number | null): string | null {
  if (odds === null || !Number.isFinite(odds)) return null;
  return sharedBand(odds).label;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const o2 = (v: number | null): string => (v === null ? '—' : v.toFixed(2));
const pct1 = (v: number | null): string => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toFixed(1)}%`);

/** "Sat 14:05" in UTC (the detector's explanations speak UTC too). */
export function utcTime(iso: string | null): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t);
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
}

/** One sentence per signal of the evidence, from the numbers the detector kept (peak and latest reading). */
function signalSentence(signal: string, x: Record<string, unknown>, sharp: string): string {
  const peak = (x.peak ?? {}) as Record<string, unknown>;
  const latest = (x.latest ?? {}) as Record<string, unknown>;
  const when = `from ${utcTime(str(x.from))} to ${utcTime(str(x.to))}`;
  switch (signal) {
    case 'inflated_favourite':
      return (
        `Inflated favourite ${when}: at its peak ${num(peak.books) ?? '?'} soft books priced the favourite shorter than ${sharp}'s fair ` +
        `${o2(num(peak.sharpFairOdds))}, the shortest ${pct1(num(peak.topLevel))} in implied probability (the third ${pct1(num(peak.thirdLevel))}; ~+5% is usual); ` +
        `latest ${num(latest.books) ?? '?'} books, ${pct1(num(latest.topLevel))}.`
      );
    case 'against_sharp':
      return (
        `Moving against the sharp book ${when}: since ${utcTime(str(peak.since))} ${sharp}'s fair odds moved ${pct1(num(peak.sharpMove))} ` +
        `while ${num(peak.books) ?? '?'} soft books moved the other way (the third ${pct1(num(peak.thirdSoftMove))}).`
      );
    case 'too_good':
      return (
        `Too good to be true ${when}: ${o2(num(peak.odds))} at its peak, ${o2(num(peak.factor))}× ${sharp}'s fair ${o2(num(peak.sharpFairOdds))} ` +
        `(latest ${o2(num(latest.odds))}, ${o2(num(latest.factor))}×): a stale or palpable-error quote a book is likely to void or move.`
      );
    default:
      return `${signal} ${when}.`;
  }
}

/** The trap explained in words: what it is, each signal with its numbers and times, the price against fair, the history. */
export function evidenceSentences(d: Pick<TrapDetail, 'trap' | 'evidence' | 'similar'>): string[] {
  const t = d.trap;
  const e = d.evidence;
  const sharp = str(e.sharp) ?? 'the sharp book';
  const out: string[] = [];
  const price =
    t.odds !== null && t.fairOdds !== null
      ? ` ${t.bookmaker ?? 'A soft book'} offers ${o2(t.odds)} where ${sharp}'s de-vigged fair price is ${o2(t.fairOdds)} (${pct1(t.edge)} against fair).`
      : '';
  out.push(`${KIND_LABEL[t.kind]} on ${t.selection}, ${t.severity} severity (score ${Math.round(t.score)}/100).${price}`);
  const signals = (e.signals ?? {}) as Record<string, unknown>;
  for (const [s, x] of Object.entries(signals))
    if (x && typeof x === 'object') out.push(signalSentence(s, x as Record<string, unknown>, sharp));
  const first = str(e.start);
  const last = str(e.lastSeen);
  if (first) out.push(`First seen ${utcTime(first)}${last ? `, last confirmed ${utcTime(last)}` : ''}.`);
  const s = similarSummary(d.similar);
  out.push(
    s.n === 0
      ? 'No similar situation in the synced history (same kind, market and price band): no track record to judge it by.'
      : `In ${s.n} similar past situations (same kind, market and price band ${priceBand(t.odds) ?? '—'}), backing the selection returned ${pct1(s.roi)} per unit` +
          (s.hitRate === null ? '.' : `; it won ${s.won} of the ${s.shown} most recent (${(s.hitRate * 100).toFixed(0)}%).`),
  );
  return out;
}

/** "1X2 home", "O/U 2.5 over", "AH −0.5 home". */
export function selectionLabel(t: Pick<Trap, 'market' | 'line' | 'selection'>): string {
  const line = lineLabel(t.market, t.line, t.selection);
  return `${marketLabel(t.market)}${line ? ` ${line}` : ''} ${t.selection}`;
}
