// The situations Agent C mines: named, documented cuts of the bets of finished matches. Each dimension is
// known before kick-off (the reference closing price is the last price before it; rest and form come from
// earlier matches only), so a situation could have been bet on the day.
import type { PatternFilters } from '../../../../src-shared/contract/patterns';
import { PRICE_BANDS, priceBand } from '../../../../src-shared/domain/price-bands';

export type Selection = 'home' | 'draw' | 'away' | 'over' | 'under';
export type Market = '1x2' | 'totals';
export type Dimension = 'league' | 'oddsBand' | 'role' | 'move' | 'rest' | 'restEdge' | 'form';

/** Bands of the reference closing price: the shared price bands (src-shared/domain/price-bands). */
export const ODDS_BANDS = PRICE_BANDS;

export const oddsBand = (odds: number): string => priceBand(odds).key;

/** Move = closing minus earlier de-vigged probability of the selection, same book: > 0 the price shortened. */
export const MOVE_SMALL = 0.01;
export const MOVE_LARGE = 0.03;
export function moveBand(delta: number): NonNullable<PatternFilters['move']> {
  if (delta >= MOVE_LARGE) return 'shortened-large';
  if (delta >= MOVE_SMALL) return 'shortened';
  if (delta <= -MOVE_LARGE) return 'drifted-large';
  if (delta <= -MOVE_SMALL) return 'drifted';
  return 'steady';
}

/** Days since the team's previous league match of the same season (UTC calendar days). */
export function restBand(days: number): NonNullable<PatternFilters['rest']> {
  if (days <= 3) return 'short';
  if (days <= 5) return 'mid';
  if (days <= 8) return 'week';
  return 'long';
}

/** The team's rest minus its opponent's: two days or more either way counts. */
export function restEdge(diff: number): NonNullable<PatternFilters['restEdge']> {
  if (diff >= 2) return 'more';
  if (diff <= -2) return 'less';
  return 'same';
}

/** Points (3 a win, 1 a draw) from the team's last five league matches of the season. */
export const FORM_MATCHES = 5;
export function formBand(points: number): NonNullable<PatternFilters['form']> {
  if (points <= 4) return 'cold';
  if (points <= 9) return 'mixed';
  return 'hot';
}

/** The cuts tried, each with the selection always in it. Team dimensions (role, rest, form) exist for the
 * home and away selections of 1X2 only. */
export const FAMILIES: readonly (readonly Dimension[])[] = [
  [],
  ['league'],
  ['oddsBand'],
  ['oddsBand', 'league'],
  ['role'],
  ['role', 'league'],
  ['move'],
  ['move', 'league'],
  ['move', 'oddsBand'],
  ['move', 'role'],
  ['rest'],
  ['restEdge'],
  ['rest', 'role'],
  ['form'],
  ['form', 'role'],
  ['form', 'league'],
];

/** Order of the dimensions in ids, names and filters. */
export const DIMENSION_ORDER: readonly Dimension[] = ['league', 'oddsBand', 'role', 'move', 'rest', 'restEdge', 'form'];

const SELECTION_LABEL: Record<Selection, string> = {
  home: 'Home win',
  draw: 'Draw',
  away: 'Away win',
  over: 'Over 2.5 goals',
  under: 'Under 2.5 goals',
};

const VALUE_LABEL: Record<string, string> = {
  favourite: 'favourite',
  underdog: 'underdog',
  'shortened-large': 'shortened ≥3pp',
  shortened: 'shortened 1–3pp',
  steady: 'steady (<1pp)',
  drifted: 'drifted 1–3pp',
  'drifted-large': 'drifted ≥3pp',
  short: 'rest ≤3 days',
  mid: 'rest 4–5 days',
  week: 'rest 6–8 days',
  long: 'rest ≥9 days',
  more: '2+ days more rest than the opponent',
  same: 'rest within a day of the opponent',
  less: '2+ days less rest than the opponent',
  cold: 'form cold (≤4 pts of 15)',
  mixed: 'form mixed (5–9 pts)',
  hot: 'form hot (≥10 pts)',
};

export type SituationValues = Partial<Record<Dimension, string>>;

export function marketOf(selection: Selection): Market {
  return selection === 'over' || selection === 'under' ? 'totals' : '1x2';
}

/** Deterministic id: the same cut gets the same id in every run (re-mining updates its row). */
export function situationId(selection: Selection, values: SituationValues): string {
  const parts = DIMENSION_ORDER.filter((d) => values[d] !== undefined).map((d) => `${d}=${values[d]}`);
  return ['pat.v1', marketOf(selection), selection, ...parts].join('|');
}

export function situationFilters(selection: Selection, values: SituationValues): PatternFilters {
  const f: Record<string, string> = { market: marketOf(selection), selection };
  for (const d of DIMENSION_ORDER) if (values[d] !== undefined) f[d] = values[d] as string;
  return f as PatternFilters;
}

export function situationName(selection: Selection, values: SituationValues): string {
  const parts: string[] = [SELECTION_LABEL[selection]];
  for (const d of DIMENSION_ORDER) {
    const v = values[d];
    if (v === undefined) continue;
    if (d === 'league') parts.push(v);
    else if (d === 'oddsBand') parts.push(`odds ${v}`);
    else parts.push(VALUE_LABEL[v] ?? v);
  }
  if (values.league === undefined) parts.splice(1, 0, 'all leagues');
  return parts.join(' · ');
}

export function situationDescription(selection: Selection, values: SituationValues, priceReference: string): string {
  const side = selection === 'home' ? 'the home team' : selection === 'away' ? 'the away team' : null;
  const conditions: string[] = [];
  if (values.league) conditions.push(`in ${values.league}`);
  if (values.oddsBand) conditions.push(`at a reference closing price in ${values.oddsBand}`);
  if (values.role) conditions.push(`when ${side} is the ${values.role} (shorter closing price than its opponent's)`);
  if (values.move)
    conditions.push(`when the selection's de-vigged probability ${VALUE_LABEL[values.move]} from the earlier to the closing price`);
  if (values.rest) conditions.push(`when ${side} had ${VALUE_LABEL[values.rest]} since its previous league match`);
  if (values.restEdge) conditions.push(`when ${side} had ${VALUE_LABEL[values.restEdge]}`);
  if (values.form)
    conditions.push(`when ${side} is in ${VALUE_LABEL[values.form]} over its last ${FORM_MATCHES} league matches of the season`);
  return (
    `Back ${SELECTION_LABEL[selection].toLowerCase()}${conditions.length ? ` ${conditions.join(', ')}` : ' in every match'}; ` +
    `1 unit at ${priceReference}.`
  );
}
