// Synthetic market lines for the detectors: books with their role and a few snapshots (minutes from
// a fixed origin, decimal odds per selection), as series.ts would build them from the cache.
import type { MarketKind } from '../../../src-shared/contract/market';
import { SELECTIONS } from '../../../src-shared/contract/market';
import { snapshot, type BookRole, type MarketGroup } from '../../../src-main/features/agents/anomaly/series';

export const T0 = Date.parse('2026-11-20T00:00:00.000Z');
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const at = (minutes: number): number => T0 + minutes * MIN;

export interface BookSpec {
  book: string;
  role?: BookRole;
  snaps: [minutes: number, odds: number[]][];
}

export function group(
  books: BookSpec[],
  opts: { market?: MarketKind; line?: number | null; kickoffMinutes?: number; matchId?: number } = {},
): MarketGroup {
  const market = opts.market ?? '1x2';
  return {
    matchId: opts.matchId ?? 1,
    market,
    line: opts.line ?? (market === '1x2' ? null : 2.5),
    selections: SELECTIONS[market],
    kickoff: at(opts.kickoffMinutes ?? 10 * 24 * 60),
    books: books
      .map((b) => ({
        bookmaker: b.book,
        role: b.role ?? (b.book === 'PS' ? 'sharp' : b.book === 'BFE' ? 'exchange' : 'soft'),
        snaps: b.snaps.map(([m, odds]) => snapshot(at(m), odds)),
      }))
      .sort((a, b) => (a.bookmaker < b.bookmaker ? -1 : 1)),
  };
}

/** A 1X2 price with a proportional margin from probabilities (home, draw, away). */
export const price = (p: readonly number[], margin = 0.05): number[] => p.map((x) => Math.round((1 / (x * (1 + margin))) * 100) / 100);

export const SOFT = ['B365', 'BW', 'IW', 'LB', 'VC', 'WH'];
