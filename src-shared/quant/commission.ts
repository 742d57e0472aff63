// Commission on net winnings (a betting exchange's): the price a bettor really gets. A bet at quoted
// decimal odds o with commission c on winnings pays stake·(o − 1)·(1 − c) when it wins and loses the stake
// when it loses, exactly as a commission-free bet at the net price 1 + (o − 1)·(1 − c). Edges, Kelly
// stakes, CLV and settlement computed at the net price are therefore the bettor's true figures.
import { QuantError } from './errors';
import { settlementProfit, type Settlement } from './settlement';

/** Commission rate on net winnings: a number in [0, 1). */
export function assertCommission(commission: number, what = 'commission'): void {
  if (typeof commission !== 'number' || !Number.isFinite(commission) || commission < 0 || commission >= 1)
    throw new QuantError(`${what} = ${String(commission)} must be a rate in [0, 1) (0.05 = 5% of net winnings)`, undefined, commission);
}

/** The decimal price net of a commission on winnings: 1 + (odds − 1)·(1 − commission). */
export function netOdds(odds: number, commission: number): number {
  if (typeof odds !== 'number' || !Number.isFinite(odds) || odds <= 1)
    throw new QuantError(`odds = ${String(odds)} must be a finite decimal price > 1`, undefined, odds);
  assertCommission(commission);
  return commission === 0 ? odds : 1 + (odds - 1) * (1 - commission);
}

/** Profit per unit staked of a settled bet at quoted `odds` with commission on its net winnings
 * (a half-won quarter line pays half the net winnings; losses and voids carry no commission). */
export function netSettlementProfit(result: Settlement, odds: number, commission: number): number {
  return settlementProfit(result, netOdds(odds, commission));
}
