// How a combo leg is named in patterns_correlations (market_a, market_b): Agent C writes the
// correlation of two legs of one match under these keys, the combo pricing reads it back.
//   1x2:home | 1x2:draw | 1x2:away
//   totals:over@2.5 | totals:under@2.5          (goal line)
//   spreads:home@-0.5 | spreads:away@-0.5       (the home team's handicap, as in odds_spreads)
//   first_goalscorer:home | first_goalscorer:away | anytime_goalscorer:home | …   (the scorer's side)

export interface LegForKey {
  market: string;
  line: number | null;
  selection: string;
}

/** The key of a leg; `playerSide` is the side of a goalscorer leg's player. */
export function comboLegKey(leg: LegForKey, playerSide?: 'home' | 'away'): string {
  if (leg.market === 'first_goalscorer' || leg.market === 'anytime_goalscorer') {
    if (!playerSide) throw new Error(`a ${leg.market} leg needs its player's side`);
    return `${leg.market}:${playerSide}`;
  }
  return leg.line === null ? `${leg.market}:${leg.selection}` : `${leg.market}:${leg.selection}@${leg.line}`;
}
