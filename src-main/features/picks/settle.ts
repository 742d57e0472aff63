// Settlement of one pick from its match: won / lost (1X2), the five results of totals and Asian
// lines (quarter lines as two half-stakes, by quant's settlement), void for a match postponed or
// cancelled. A settlement records the match state it used, so a later different state (a late or
// corrected score) re-settles once and the same state again changes nothing.
import { settleAsianHandicap, settlementProfit, settleTotal, type Settlement } from '../../../src-shared/quant/settlement';

export type TerminalStatus = 'finished' | 'postponed' | 'cancelled';

export interface MatchState {
  status: string;
  homeGoals: number | null;
  awayGoals: number | null;
}

export interface PickBet {
  market: string;
  line: number | null;
  selection: string;
  odds: number;
  stake: number;
}

export interface Settled {
  result: Settlement;
  /** stake × profit per unit (0 on a void). */
  profit: number;
  status: TerminalStatus;
  homeGoals: number | null;
  awayGoals: number | null;
  note: string | null;
}

/** What a settlement was based on, as stored with the pick. */
export interface SettledBasis {
  result: string | null;
  settledStatus: string | null;
  settledHomeGoals: number | null;
  settledAwayGoals: number | null;
}

/** Result per unit of a bet on a finished match. */
export function settleOnScore(p: PickBet, home: number, away: number): { result: Settlement; unit: number } {
  switch (p.market) {
    case '1x2': {
      const won = p.selection === (home > away ? 'home' : home < away ? 'away' : 'draw');
      const result: Settlement = won ? 'won' : 'lost';
      return { result, unit: settlementProfit(result, p.odds) };
    }
    case 'totals': {
      const r = settleTotal(p.selection as 'over' | 'under', lineOf(p), p.odds, home, away);
      return { result: r.result, unit: r.profit };
    }
    case 'spreads': {
      // the line is the home team's handicap for both sides (odds_spreads' convention)
      const l = lineOf(p);
      const r =
        p.selection === 'home' ? settleAsianHandicap('home', l, p.odds, home, away) : settleAsianHandicap('away', -l, p.odds, home, away);
      return { result: r.result, unit: r.profit };
    }
    default:
      throw new Error(`market '${p.market}' cannot be settled (1x2, totals, spreads)`);
  }
}

function lineOf(p: PickBet): number {
  if (p.line === null) throw new Error(`a ${p.market} pick has no line`);
  return p.line;
}

/** The settlement a match's state gives now, or null while it gives none (not played yet, or
 * finished without a score). */
export function settle(p: PickBet, m: MatchState): Settled | null {
  if (m.status === 'postponed' || m.status === 'cancelled') {
    return { result: 'void', profit: 0, status: m.status, homeGoals: null, awayGoals: null, note: `void: match ${m.status}` };
  }
  if (m.status !== 'finished' || m.homeGoals === null || m.awayGoals === null) return null;
  const { result, unit } = settleOnScore(p, m.homeGoals, m.awayGoals);
  return { result, profit: p.stake * unit, status: 'finished', homeGoals: m.homeGoals, awayGoals: m.awayGoals, note: null };
}

/** 'settle' an open pick whose match gives a settlement; 'resettle' one this desk settled on another
 * match state (a score corrected, a result after a postponement); null otherwise. A pick settled
 * elsewhere (a result without the basis columns) is left as its author settled it. */
export function settlementAction(stored: SettledBasis, m: MatchState): 'settle' | 'resettle' | null {
  const terminal =
    m.status === 'postponed' || m.status === 'cancelled' || (m.status === 'finished' && m.homeGoals !== null && m.awayGoals !== null);
  if (!terminal) return null;
  if (stored.result === null) return 'settle';
  if (stored.settledStatus === null) return null;
  const goals = m.status === 'finished';
  const same =
    stored.settledStatus === m.status &&
    stored.settledHomeGoals === (goals ? m.homeGoals : null) &&
    stored.settledAwayGoals === (goals ? m.awayGoals : null);
  return same ? null : 'resettle';
}

export function describeBasis(b: { status: string | null; homeGoals: number | null; awayGoals: number | null }): string {
  return b.status === 'finished' ? `${b.homeGoals}-${b.awayGoals}` : (b.status ?? 'unsettled');
}
