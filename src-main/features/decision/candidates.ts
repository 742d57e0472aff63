// CONSEIL's candidates, the same live and in replay: the rules Agent B reads them with, and the CLV a
// past fixture's candidates had against its closing line (PATRON's training rows).
import type { MarketKind } from '../../../src-shared/contract/market';
import type { BookRoles, MarketPrices } from '../../../src-shared/domain/market-prices';
import type { TrainingRow, Unscored } from '../agents/patron';
import { LIVE_DEFAULTS, type ValueRules } from '../agents/value';
import { betClv, closingOf } from './closing';

/** Agent B's rules as CONSEIL reads its candidates: every selection priced (no edge floor), the best
 * fresh price of each, consensus when no sharp price, market alone when no model. Live and in replay. */
export function candidateRules(w: number, p: { books: 'all' | 'soft'; markets: readonly MarketKind[] }): ValueRules {
  return {
    w,
    minEdge: -1,
    kellyFraction: 0,
    cap: 0,
    markets: p.markets,
    staking: 'best',
    noSharp: 'consensus',
    noModel: 'market',
    overround: LIVE_DEFAULTS.overround,
    staleCheck: true,
    books: p.books,
  };
}

/** What settling candidates reads of a past fixture (a backtest fixture, live or replayed). */
export interface SettledFixture {
  closing: readonly MarketPrices[];
  kickoff: string;
}

/** A past fixture's candidates with the CLV their prices had against its closing line. */
export function settleCandidates(f: SettledFixture, rows: readonly Unscored[], roles: BookRoles): TrainingRow[] {
  const out: TrainingRow[] = [];
  for (const r of rows) {
    const close = closingOf(f.closing, r.market, r.line, roles, f.kickoff);
    const { clv } = betClv(close, r.market, r.selection, r.bookmaker, r.odds);
    if (clv !== null) out.push({ inputs: r.inputs, clv, kickoff: f.kickoff, origin: 'history' });
  }
  return out;
}
