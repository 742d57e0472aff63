// Combos in the reports' ledgers: each combo one bet (its legs are not picks, so nothing counts
// twice) at its net price, stake and settled profit, on the day its last leg kicks off. Combos have
// no closing line: their CLV stays blank, never 0. Pure.
import { COMBO_MARKET } from '../../../src-shared/contract/picks';
import type { PickFigures } from './figures';
import type { ComboRow } from './queries';

export function comboFigures(c: ComboRow): PickFigures {
  return {
    pickId: c.comboId,
    matchId: 0,
    kickoff: c.lastKickoff,
    matchStatus: c.result === null ? 'pending' : 'settled',
    league: 'combos (several matches)',
    home: '',
    away: '',
    homeGoals: null,
    awayGoals: null,
    market: COMBO_MARKET,
    line: null,
    selection: c.kind,
    bookmaker: c.bookmaker ?? 'unknown',
    odds: c.odds,
    fairOdds: c.fairOdds,
    stake: c.stake,
    confidence: null,
    source: c.source ?? 'unknown',
    pickedAt: c.createdAt,
    closingOdds: null,
    closingFairOdds: null,
    closingReference: null,
    clv: null,
    result: c.result,
    profit: c.profit,
    settledAt: c.settledAt,
    reasons: null,
    warnings: null,
    edge: c.fairOdds !== null && c.fairOdds > 0 ? c.odds / c.fairOdds - 1 : null,
    clvFair: null,
    clvRaw: null,
    // a settled combo's profit is the one its legs gave (a void leg lowers its price): stored, never rebuilt
    profitValue: c.result !== null && c.profit !== null && Number.isFinite(c.profit) ? c.profit : null,
    reasonList: [],
    warningList: [],
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Settled picks and combos in settlement order (settled time, else kick-off), as settledPicks reads picks. */
export function inSettlementOrder(rows: readonly PickFigures[]): PickFigures[] {
  return [...rows].sort(
    (a, b) => cmp(a.settledAt ?? a.kickoff, b.settledAt ?? b.kickoff) || cmp(a.kickoff, b.kickoff) || cmp(a.pickId, b.pickId),
  );
}

/** A note on the combos a ledger holds (said, never silent). */
export function comboNote(combos: readonly PickFigures[]): string[] {
  const settled = combos.filter((c) => c.profitValue !== null && c.stake > 0).length;
  return settled
    ? [
        `${settled} settled combo${settled === 1 ? '' : 's'} count in profit and ROI as one bet each (market 'combo'); combos have no closing line, so no CLV.`,
      ]
    : [];
}
