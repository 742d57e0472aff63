// Settling a bet from the final score, with quant's settlement (quarter lines split in two halves).
import { settleAsianHandicap, settleTotal, type SettledBet } from '../../../../src-shared/quant/settlement';
import type { FixtureResult, MarketKind } from './types';

/** 1X2 outcome index of a score: 0 home, 1 draw, 2 away. */
export const outcome1x2 = (r: FixtureResult): number => (r.homeGoals > r.awayGoals ? 0 : r.homeGoals === r.awayGoals ? 1 : 2);

const SEL_1X2 = ['home', 'draw', 'away'];

/** Won/lost (1X2) or the five settlements of a totals or Asian handicap line; profit per unit staked. */
export function settleBet(market: MarketKind, line: number | null, selection: string, odds: number, r: FixtureResult): SettledBet {
  if (market === '1x2') {
    const won = SEL_1X2.indexOf(selection) === outcome1x2(r);
    return won ? { result: 'won', profit: odds - 1 } : { result: 'lost', profit: -1 };
  }
  if (line === null) throw new Error(`a ${market} bet needs a line`);
  if (market === 'totals') return settleTotal(selection as 'over' | 'under', line, odds, r.homeGoals, r.awayGoals);
  // the stored line is the home side's handicap; the away side gets its opposite
  const side = selection as 'home' | 'away';
  return settleAsianHandicap(side, side === 'home' ? line : -line, odds, r.homeGoals, r.awayGoals);
}
