// Settling a replayed bet from the final score with the pick tracker's own settlement (one implementation
// live and in replay): won/lost on 1X2, the five results of totals and Asian lines (quarter lines split).
import type { Settlement } from '../../../../src-shared/quant/settlement';
import { settleOnScore } from '../../picks';
import type { BetIntent } from './strategy';
import type { FixtureResult } from './types';

/** 1X2 outcome index of a score: 0 home, 1 draw, 2 away. */
export const outcome1x2 = (r: FixtureResult): number => (r.homeGoals > r.awayGoals ? 0 : r.homeGoals === r.awayGoals ? 1 : 2);

/** The bet's result and its profit per unit staked. */
export function settleBet(
  b: Pick<BetIntent, 'market' | 'line' | 'selection' | 'odds'>,
  r: FixtureResult,
): { result: Settlement; unit: number } {
  return settleOnScore({ market: b.market, line: b.line, selection: b.selection, odds: b.odds, stake: 1 }, r.homeGoals, r.awayGoals);
}
