// Combos (fg_combo_tracking): priced with the correlations of their same-match legs (quant's
// jointFromCorrelation / comboPrice; legs of different matches are independent), settled leg by leg.
import { comboPrice, jointFromCorrelation } from '../../../src-shared/quant/combos';
import { netOdds } from '../../../src-shared/quant/commission';
import { QuantError } from '../../../src-shared/quant/errors';
import { settleOnScore, type MatchState } from './settle';

export interface PricedLeg {
  matchId: number;
  market: string;
  line: number | null;
  selection: string;
  odds: number;
  probability: number;
  /** The key patterns_correlations knows it by (comboLegKey). */
  key: string;
}

export interface Correlation {
  value: number;
  source: string;
}

export interface PairPricing {
  matchId: number;
  legs: number[];
  correlation: number;
  correlationSource: string;
  probability: number;
  lift: number | null;
}

export interface ComboPricing {
  probability: number;
  independentProbability: number;
  pricing: PairPricing[];
}

/** P(every leg wins): the legs of one match (at most two) through their joint distribution with
 * correlation `correlationOf(i, j)` (given, from patterns_correlations, else 0 = independent), times
 * the other matches' legs. More than two legs of one match need more than pairwise correlations:
 * refused. */
export function priceCombo(legs: readonly PricedLeg[], correlationOf: (i: number, j: number) => Correlation): ComboPricing {
  const byMatch = new Map<number, number[]>();
  legs.forEach((l, i) => byMatch.set(l.matchId, [...(byMatch.get(l.matchId) ?? []), i]));
  let probability = 1;
  const pricing: PairPricing[] = [];
  for (const [matchId, idx] of byMatch) {
    if (idx.length > 2)
      throw new QuantError(
        `legs ${idx.join(', ')} are on the same match ${matchId}: at most two legs per match (a joint of three correlated legs needs more than pairwise correlations)`,
      );
    if (idx.length === 1) {
      probability *= legs[idx[0]].probability;
      continue;
    }
    const [i, j] = idx;
    const c = correlationOf(i, j);
    let price;
    try {
      price = comboPrice(jointFromCorrelation(legs[i].probability, legs[j].probability, c.value));
    } catch (err) {
      if (err instanceof QuantError) throw new QuantError(`legs ${i} and ${j} (match ${matchId}): ${err.message}`, undefined, c.value);
      throw err;
    }
    probability *= price.probability;
    pricing.push({
      matchId,
      legs: [i, j],
      correlation: c.value,
      correlationSource: c.source,
      probability: price.probability,
      lift: price.lift,
    });
  }
  return { probability, independentProbability: legs.reduce((a, l) => a * l.probability, 1), pricing };
}

export interface GoalEvent {
  playerId: number | null;
  minute: number;
  eventId: number;
  isOwnGoal: boolean;
}

export type LegResult = 'won' | 'lost' | 'void';

/** One leg's result, or null while its match gives none. Goalscorer legs: own goals do not count
 * (the first scorer is the first player to score for his side); a match with no such goal loses.
 * The cache has no line-ups, so a player who did not play loses rather than voids. */
export function settleLeg(leg: Omit<PricedLeg, 'key' | 'probability'>, m: MatchState, goals: readonly GoalEvent[]): LegResult | null {
  if (m.status === 'postponed' || m.status === 'cancelled') return 'void';
  if (m.status !== 'finished' || m.homeGoals === null || m.awayGoals === null) return null;
  if (leg.market === 'first_goalscorer' || leg.market === 'anytime_goalscorer') {
    const player = Number(leg.selection);
    const real = goals.filter((g) => !g.isOwnGoal).sort((a, b) => a.minute - b.minute || a.eventId - b.eventId);
    if (leg.market === 'first_goalscorer') return real.length > 0 && real[0].playerId === player ? 'won' : 'lost';
    return real.some((g) => g.playerId === player) ? 'won' : 'lost';
  }
  const r = settleOnScore({ ...leg, stake: 1 }, m.homeGoals, m.awayGoals).result;
  if (r === 'half_won' || r === 'half_lost')
    throw new Error(`combo leg on ${leg.market} ${leg.line} settled ${r}: quarter lines are refused in combos`);
  return r;
}

/** A combo's result from its legs: lost as soon as a leg loses; once every leg is settled, void legs
 * drop out (the quoted odds divided by theirs) and the rest won, the book's commission taken on the
 * winnings of what is left; void when every leg is. */
export function settleComboLegs(
  results: readonly (LegResult | null)[],
  legOdds: readonly number[],
  quotedOdds: number,
  commission: number,
  stake: number,
): { result: LegResult; profit: number } | null {
  if (results.includes('lost')) return { result: 'lost', profit: -stake };
  if (results.includes(null)) return null;
  if (results.every((r) => r === 'void')) return { result: 'void', profit: 0 };
  const effective = results.reduce((o, r, i) => (r === 'void' ? o / legOdds[i] : o), quotedOdds);
  // legs voided down to a price of 1 or below win nothing (and owe no commission)
  return { result: 'won', profit: effective > 1 ? stake * (netOdds(effective, commission) - 1) : 0 };
}
