// The live agents' signals on each selection of the day's matches, read from the cache as of the decision
// time (nothing detected after it): FERRARI's active traps (highest severity), Agent A's steam moves
// (signed: toward the selection or against it), and Agent C's patterns that survived the multiple-testing
// correction and whose cut (league, price band) the candidate falls in (their ROI).
import { inPriceBand } from '../../../src-shared/domain/price-bands';
import type { Cache } from '../../platform/cache/open';
import type { CandidateSignals } from '../agents/patron';
import { anomalyAnalyses, significantPatterns, trapsAsOf, type Severity } from './queries';

const key = (matchId: number, market: string, line: number | null, selection: string) => `${matchId}|${market}|${line ?? ''}|${selection}`;
const RANK = { low: 1, medium: 2, high: 3 } as const;

export interface DaySignals {
  at(matchId: number, league: string, market: string, line: number | null, selection: string, odds: number): CandidateSignals;
}

export function daySignals(db: Cache, matchIds: readonly number[], now: Date): DaySignals {
  const traps = new Map<string, { severity: Severity; kind: string }>();
  for (const r of trapsAsOf(db, matchIds, now.toISOString())) {
    const k = key(r.match_id, r.market, r.line, r.selection);
    const cur = traps.get(k);
    if (!cur || RANK[r.severity] > RANK[cur.severity]) traps.set(k, { severity: r.severity, kind: r.kind });
  }
  const steam = new Map<string, number>();
  {
    const rows = anomalyAnalyses(db, matchIds);
    for (const r of rows) {
      let p: {
        kind?: string;
        market?: string;
        line?: number | null;
        selection?: string;
        at?: string;
        probBefore?: number;
        probAfter?: number;
      };
      try {
        p = JSON.parse(r.payload) as typeof p;
      } catch {
        continue;
      }
      if (p.kind !== 'steam' || !p.market || !p.selection || (p.at && p.at > now.toISOString())) continue;
      const dir = (p.probAfter ?? 0) >= (p.probBefore ?? 0) ? 1 : -1;
      const v = (dir * (r.score ?? 0)) / 100;
      const k = key(r.match_id, p.market, p.line ?? null, p.selection);
      if (Math.abs(v) > Math.abs(steam.get(k) ?? 0)) steam.set(k, v);
    }
  }
  const patterns: { market: string; selection: string; league: string | null; band: string | null; roi: number }[] = [];
  {
    const rows = significantPatterns(db);
    for (const r of rows) {
      let f: Record<string, unknown>;
      try {
        f = JSON.parse(r.filters) as Record<string, unknown>;
      } catch {
        continue;
      }
      // only cuts a candidate's own facts decide (league, price band); others need match context
      if (Object.keys(f).some((k) => !['league', 'oddsBand', 'market', 'selection'].includes(k))) continue;
      patterns.push({
        market: r.market,
        selection: r.selection,
        league: typeof f.league === 'string' ? f.league : null,
        band: typeof f.oddsBand === 'string' ? f.oddsBand : null,
        roi: r.roi,
      });
    }
  }
  return {
    at(matchId, league, market, line, selection, odds) {
      const k = key(matchId, market, line, selection);
      const matching = patterns.filter(
        (p) =>
          p.market === market && p.selection === selection && (!p.league || p.league === league) && (!p.band || inPriceBand(odds, p.band)),
      );
      const pattern = matching.length ? matching.reduce((a, b) => (Math.abs(b.roi) > Math.abs(a.roi) ? b : a)).roi : 0;
      return { trapInfo: traps.get(k) ?? null, steam: steam.get(k) ?? 0, pattern };
    },
  };
}
