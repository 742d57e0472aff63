// Every bet a situation can hold: one unit on each selection of 1X2 and of totals 2.5 of every finished
// match with a reference closing price, with the values of each situation dimension known before kick-off.
import { devig } from '../../../../src-shared/quant/margins';
import { byKickoff, type HistoryMatch, type PricedLine } from './history';
import { formBand, moveBand, oddsBand, restBand, restEdge, type Selection, type SituationValues } from './situations';
import { teamContexts, type MatchContext } from './team-context';

export interface Bet {
  /** Index of the match in the sorted history. */
  match: number;
  selection: Selection;
  /** The reference closing price the bet is taken at, and its de-vigged probability. */
  odds: number;
  pClose: number;
  won: boolean;
  /** Per unit staked: odds − 1 or −1. */
  profit: number;
  /** The same selection taken at the reference book's earlier price: early odds × pClose − 1. */
  clv: number | null;
  values: SituationValues;
}

export interface BetSet {
  matches: HistoryMatch[];
  bets: Bet[];
  /** Finished matches with a reference price on 1X2 or totals 2.5. */
  pricedMatches: number;
}

const SELECTIONS_1X2: readonly Selection[] = ['home', 'draw', 'away'];
const SELECTIONS_TOTALS: readonly Selection[] = ['over', 'under'];

function lineBets(
  line: PricedLine,
  selections: readonly Selection[],
  winner: number,
  match: number,
  base: (k: number) => SituationValues,
): Bet[] {
  const p = devig(line.close).probabilities;
  const pEarly = line.early ? devig(line.early).probabilities : null;
  return selections.map((selection, k) => {
    const odds = line.close[k];
    const won = k === winner;
    const values: SituationValues = { ...base(k), oddsBand: oddsBand(odds) };
    if (pEarly) values.move = moveBand(p[k] - pEarly[k]);
    return {
      match,
      selection,
      odds,
      pClose: p[k],
      won,
      profit: won ? odds - 1 : -1,
      clv: line.early ? line.early[k] * p[k] - 1 : null,
      values,
    };
  });
}

function teamValues(ctx: MatchContext, side: 'home' | 'away', close: readonly number[]): SituationValues {
  const mine = ctx[side];
  const other = side === 'home' ? ctx.away : ctx.home;
  const v: SituationValues = {};
  const own = side === 'home' ? close[0] : close[2];
  const opp = side === 'home' ? close[2] : close[0];
  if (own < opp) v.role = 'favourite';
  else if (own > opp) v.role = 'underdog';
  if (mine.rest !== null) v.rest = restBand(mine.rest);
  if (mine.rest !== null && other.rest !== null) v.restEdge = restEdge(mine.rest - other.rest);
  if (mine.form !== null) v.form = formBand(mine.form);
  return v;
}

/** Bets of every finished match, matches sorted by kick-off. */
export function betsOf(history: readonly HistoryMatch[]): BetSet {
  const matches = byKickoff(history);
  const contexts = teamContexts(matches);
  const bets: Bet[] = [];
  let pricedMatches = 0;
  matches.forEach((m, i) => {
    const league = { league: m.league };
    if (m.oneXTwo || m.totals25) pricedMatches++;
    if (m.oneXTwo) {
      const close = m.oneXTwo.close;
      const winner = m.homeGoals > m.awayGoals ? 0 : m.homeGoals === m.awayGoals ? 1 : 2;
      bets.push(
        ...lineBets(m.oneXTwo, SELECTIONS_1X2, winner, i, (k) =>
          k === 1 ? league : { ...league, ...teamValues(contexts[i], k === 0 ? 'home' : 'away', close) },
        ),
      );
    }
    if (m.totals25) bets.push(...lineBets(m.totals25, SELECTIONS_TOTALS, m.homeGoals + m.awayGoals > 2.5 ? 0 : 1, i, () => league));
  });
  return { matches, bets, pricedMatches };
}
