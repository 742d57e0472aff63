// The one name of a combo leg in patterns_correlations (market_a, market_b): Agent C writes the
// correlation of two legs of one match under these keys (agents/patterns/legs.ts builds its keys here),
// and every reader (the combo slip, CONSEIL's doubles) looks them up with the same function.
//   1x2:home | 1x2:draw | 1x2:away
//   totals:over:2.5 | totals:under:2.5            (goal line)
//   ah:home:-0.5 | ah:away:-0.5                   (Asian handicap: the home team's line, as in odds_spreads)
//   first_goalscorer:home | anytime_goalscorer:away | …   (the scorer's side)
// A binary leg and its complement carry one correlation of opposite signs: on a half line, under is
// "not over" and away is "not home", so Agent C measures only over and home and a reader turns the sign.

export interface LegForKey {
  market: string;
  line: number | null;
  selection: string;
}

const MARKET_KEYS: Readonly<Record<string, string>> = { spreads: 'ah' };

const isHalf = (line: number | null): line is number => line !== null && Number.isFinite(line) && Math.abs((line * 2) % 2) === 1;

/** The key of a leg; `playerSide` is the side of a goalscorer leg's player. */
export function comboLegKey(leg: LegForKey, playerSide?: 'home' | 'away'): string {
  if (leg.market === 'first_goalscorer' || leg.market === 'anytime_goalscorer') {
    if (!playerSide) throw new Error(`a ${leg.market} leg needs its player's side`);
    return `${leg.market}:${playerSide}`;
  }
  const market = MARKET_KEYS[leg.market] ?? leg.market;
  return leg.line === null ? `${market}:${leg.selection}` : `${market}:${leg.selection}:${leg.line}`;
}

/** The key a leg's correlation is stored under and the sign to read it with: a half-line under or away
 * leg is the complement of the over or home leg (phi(not A, B) = −phi(A, B)); any other leg is itself.
 * Whole lines push, so their under is no complement of their over. */
export function correlationKey(leg: LegForKey, playerSide?: 'home' | 'away'): { key: string; sign: 1 | -1; complementOf?: string } {
  const flip = (leg.market === 'totals' && leg.selection === 'under') || (leg.market === 'spreads' && leg.selection === 'away');
  if (!flip || !isHalf(leg.line)) return { key: comboLegKey(leg, playerSide), sign: 1 };
  const base = { ...leg, selection: leg.market === 'totals' ? 'over' : 'home' };
  const key = comboLegKey(base);
  return { key, sign: -1, complementOf: key };
}
