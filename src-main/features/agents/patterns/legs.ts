// Binary legs of one match that combos join, each settled from the final score, and the pairs whose
// correlation Agent C measures. Scorer legs are per team: "the team's top scorer so far scores" against
// the same team's result. The keys of legs a combo can hold come from the one key definition the
// combo readers use (src-shared/domain/combo-legs.ts).
import { comboLegKey, type LegForKey } from '../../../../src-shared/domain/combo-legs';

export interface ScoreLeg {
  key: string;
  label: string;
  /** Settled from the final score (home goals, away goals). */
  wins(home: number, away: number): boolean;
}

const key = (market: LegForKey['market'], selection: string, line: number | null = null) => comboLegKey({ market, selection, line });
const leg = (id: string, label: string, wins: ScoreLeg['wins']): ScoreLeg => ({ key: id, label, wins });

export const LEGS = {
  home: leg(key('1x2', 'home'), 'home win', (h, a) => h > a),
  draw: leg(key('1x2', 'draw'), 'draw', (h, a) => h === a),
  away: leg(key('1x2', 'away'), 'away win', (h, a) => h < a),
  over15: leg(key('totals', 'over', 1.5), 'over 1.5 goals', (h, a) => h + a > 1.5),
  over25: leg(key('totals', 'over', 2.5), 'over 2.5 goals', (h, a) => h + a > 2.5),
  over35: leg(key('totals', 'over', 3.5), 'over 3.5 goals', (h, a) => h + a > 3.5),
  btts: leg('btts:yes', 'both teams score', (h, a) => h > 0 && a > 0),
  ahHomeMinus05: leg(key('spreads', 'home', -0.5), 'home −0.5 (Asian handicap)', (h, a) => h - a - 0.5 > 0),
  ahHomeMinus15: leg(key('spreads', 'home', -1.5), 'home −1.5 (Asian handicap)', (h, a) => h - a - 1.5 > 0),
  homeScores: leg('team:home:goals>=1', 'home team scores', (h) => h >= 1),
  awayScores: leg('team:away:goals>=1', 'away team scores', (_h, a) => a >= 1),
} as const;

export interface ScorePair {
  a: ScoreLeg;
  b: ScoreLeg;
  note?: string;
}

export const SCORE_PAIRS: readonly ScorePair[] = [
  { a: LEGS.home, b: LEGS.over25 },
  { a: LEGS.draw, b: LEGS.over25 },
  { a: LEGS.away, b: LEGS.over25 },
  { a: LEGS.btts, b: LEGS.over25 },
  { a: LEGS.btts, b: LEGS.home },
  { a: LEGS.btts, b: LEGS.draw },
  { a: LEGS.over15, b: LEGS.btts },
  { a: LEGS.over35, b: LEGS.home },
  { a: LEGS.ahHomeMinus15, b: LEGS.over25 },
  { a: LEGS.ahHomeMinus15, b: LEGS.home, note: 'home −1.5 wins only when the home side wins: nested legs' },
  { a: LEGS.ahHomeMinus05, b: LEGS.home, note: 'home −0.5 wins exactly when the home side wins: the same bet (phi = 1), never a combo' },
  { a: LEGS.homeScores, b: LEGS.awayScores },
];

/** Legs of one team in a match, for the scorer pairs: goals for and against from its side. */
export interface TeamLeg {
  key: string;
  label: string;
  wins(goalsFor: number, goalsAgainst: number): boolean;
}

export const SCORER_KEY = 'scorer:team-top-scorer:anytime';
export const SCORER_LABEL = "the team's top scorer of the season so far scores (anytime)";

export const SCORER_PARTNERS: readonly TeamLeg[] = [
  { key: 'team:own:goals>=1', label: 'his team scores', wins: (f) => f >= 1 },
  { key: '1x2:own-win', label: 'his team wins', wins: (f, g) => f > g },
  { key: key('totals', 'over', 2.5), label: 'over 2.5 goals', wins: (f, g) => f + g > 2.5 },
];

export function pairDescription(aLabel: string, bLabel: string, note?: string): string {
  return `${aLabel} and ${bLabel} in the same match${note ? ` (${note})` : ''}`;
}
