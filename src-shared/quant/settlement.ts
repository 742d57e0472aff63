// Settlement of 1X2 bets, and of Asian handicap and totals bets on whole, half and quarter lines.
// A quarter line (e.g. -0.75, 2.25) is two half-stakes on the neighbouring lines (-0.5 and -1; 2 and 2.5).
import { QuantError } from './errors';

export type Settlement = 'won' | 'half_won' | 'void' | 'half_lost' | 'lost';

export interface SettledBet {
  result: Settlement;
  /** Profit per unit staked at decimal `odds` (stake returned on void: 0). */
  profit: number;
}

/** The one or two lines a stake is split over (quarter lines split in two). */
export function splitLine(line: number): [number] | [number, number] {
  if (!Number.isFinite(line)) throw new QuantError(`line ${String(line)} is not a finite number`, undefined, line);
  const q = Math.round(line * 4);
  if (Math.abs(q - line * 4) > 1e-9) throw new QuantError(`line ${line} is not a multiple of 0.25`, undefined, line);
  return q % 2 === 0 ? [q / 4] : [(q - 1) / 4, (q + 1) / 4];
}

/** Settles a bet whose margin over the line is `margin(lineHalf)` (> 0 wins, 0 pushes, < 0 loses). */
function settle(line: number, odds: number, margin: (l: number) => number): SettledBet {
  if (!Number.isFinite(odds) || odds <= 1)
    throw new QuantError(`odds = ${String(odds)} must be a finite decimal price > 1`, undefined, odds);
  const parts = splitLine(line);
  let score = 0; // +1 per winning part, -1 per losing part
  for (const l of parts) {
    const m = margin(l);
    score += m > 1e-9 ? 1 : m < -1e-9 ? -1 : 0;
  }
  const w = parts.length === 1 ? 2 * score : score; // in half-stakes: -2..2
  const result: Settlement = w === 2 ? 'won' : w === 1 ? 'half_won' : w === 0 ? 'void' : w === -1 ? 'half_lost' : 'lost';
  const profit = w > 0 ? (w / 2) * (odds - 1) : w / 2;
  return { result, profit };
}

function checkGoals(home: number, away: number): void {
  for (const [g, name] of [
    [home, 'home goals'],
    [away, 'away goals'],
  ] as const) {
    if (!Number.isInteger(g) || g < 0) throw new QuantError(`${name} = ${String(g)} must be a non-negative integer`, undefined, g);
  }
}

export type Outcome1x2 = 'home' | 'draw' | 'away';

/** The full-time 1X2 result of a score. */
export function outcome1x2(homeGoals: number, awayGoals: number): Outcome1x2 {
  checkGoals(homeGoals, awayGoals);
  return homeGoals > awayGoals ? 'home' : homeGoals === awayGoals ? 'draw' : 'away';
}

/** 1X2: the side bet on wins o − 1 per unit when it is the result, else the stake is lost (no push). */
export function settle1x2(side: Outcome1x2, odds: number, homeGoals: number, awayGoals: number): SettledBet {
  const won = outcome1x2(homeGoals, awayGoals) === side;
  return settle(0, odds, () => (won ? 1 : -1));
}

/** Asian handicap: `line` is given to the side bet on (home −0.75 → side 'home', line −0.75;
 * the away side of the same market is side 'away', line +0.75). */
export function settleAsianHandicap(side: 'home' | 'away', line: number, odds: number, homeGoals: number, awayGoals: number): SettledBet {
  checkGoals(homeGoals, awayGoals);
  const diff = side === 'home' ? homeGoals - awayGoals : awayGoals - homeGoals;
  return settle(line, odds, (l) => diff + l);
}

/** Totals (over/under `line` goals). */
export function settleTotal(side: 'over' | 'under', line: number, odds: number, homeGoals: number, awayGoals: number): SettledBet {
  checkGoals(homeGoals, awayGoals);
  if (line < 0) throw new QuantError(`total line ${line} must not be negative`, undefined, line);
  const goals = homeGoals + awayGoals;
  return settle(line, odds, (l) => (side === 'over' ? goals - l : l - goals));
}

/** The five settlements, best to worst. */
export const SETTLEMENTS: readonly Settlement[] = ['won', 'half_won', 'void', 'half_lost', 'lost'];

/** Probability of each settlement of one bet (keys left out are 0), e.g. from `asianHandicapSettlements`. */
export type SettlementProbabilities = Partial<Record<Settlement, number>>;

/** Profit per unit staked of a settlement at decimal `odds`: o − 1, (o − 1)/2, 0, −½, −1. */
export function settlementProfit(result: Settlement, odds: number): number {
  if (!Number.isFinite(odds) || odds <= 1)
    throw new QuantError(`odds = ${String(odds)} must be a finite decimal price > 1`, undefined, odds);
  switch (result) {
    case 'won':
      return odds - 1;
    case 'half_won':
      return (odds - 1) / 2;
    case 'void':
      return 0;
    case 'half_lost':
      return -0.5;
    case 'lost':
      return -1;
    default:
      throw new QuantError(`settlement '${String(result)}' is not one of ${SETTLEMENTS.join(', ')}`, undefined, result);
  }
}

/** Checks settlement probabilities (each in [0, 1], summing to 1 within 1e-9, no unknown key) and returns
 * them with every key filled in. */
export function checkSettlementProbabilities(
  probabilities: SettlementProbabilities,
  what = 'settlement probabilities',
): Record<Settlement, number> {
  if (typeof probabilities !== 'object' || probabilities === null)
    throw new QuantError(`${what} = ${String(probabilities)} is not an object`, undefined, probabilities);
  for (const k of Object.keys(probabilities)) {
    if (!SETTLEMENTS.includes(k as Settlement))
      throw new QuantError(`${what}: '${k}' is not one of ${SETTLEMENTS.join(', ')}`, undefined, k);
  }
  const out = { won: 0, half_won: 0, void: 0, half_lost: 0, lost: 0 } as Record<Settlement, number>;
  let total = 0;
  for (const k of SETTLEMENTS) {
    const p = probabilities[k] ?? 0;
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      throw new QuantError(`${what}.${k} = ${String(p)} is not a probability in [0, 1]`, undefined, p);
    out[k] = p;
    total += p;
  }
  if (Math.abs(total - 1) > 1e-9) throw new QuantError(`${what} sum to ${total}, not 1`, undefined, total);
  return out;
}
