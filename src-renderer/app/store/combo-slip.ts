// The combo slip: the legs the analyst gathers from Picks du Jour and Historique before pricing and
// recording a combo (picks.priceCombo, picks.recordCombo). One slip for the window, so legs taken
// from both panels meet in it.
import { create } from 'zustand';
import type { PickMarket } from '../../../src-shared/contract/picks';

export interface SlipLeg {
  /** The pick or bet it came from: one leg per pick. */
  from: string;
  matchId: number;
  market: PickMarket;
  line: number | null;
  selection: string;
  /** The leg's own quoted price (a void leg divides the combo's price by it). */
  odds: number;
  /** The model's probability of the leg. */
  probability: number;
  bookmaker: string;
  /** "Arsenal – Chelsea · Home −0.5" */
  label: string;
}

/** What a pick or bet gives a leg; null probability: the pick carries no model probability. */
export interface LegSource {
  pickId: string;
  matchId: number;
  market: PickMarket;
  line: number | null;
  selection: string;
  quotedOdds: number;
  bookmaker: string;
  probability: number | null;
  label: string;
}

/** What a pick or bet says of its chance: the model's probability it wins (lines that cannot push), the
 * probability of each outcome (lines that can), its fair price. */
export interface PickChance {
  market: string;
  line: number | null;
  modelProb?: number | null;
  outcomeProbs?: Readonly<Record<string, number>> | null;
  fairOdds?: number | null;
}

const wholeLine = (market: string, line: number | null) => market !== '1x2' && line !== null && Number.isInteger(line);
const quarterLine = (line: number | null) => line !== null && Math.abs((line * 4) % 2) === 1;

/** The model's probability that the pick wins, a combo leg's probability: its modelProb, else on a whole
 * line the outcomes' `won` (1 / the fair price of a line that can push is not its chance of winning: a
 * push voids the leg), else on a line that cannot push 1 / its fair price (the same number). Null when the
 * pick says none. */
export function winProbability(p: PickChance): number | null {
  if (p.modelProb !== undefined && p.modelProb !== null) return p.modelProb;
  if (wholeLine(p.market, p.line) || quarterLine(p.line)) return p.outcomeProbs?.won ?? null;
  return p.fairOdds !== undefined && p.fairOdds !== null && p.fairOdds > 1 ? 1 / p.fairOdds : null;
}

/** Why a pick cannot be a leg, or null when it can. Quarter lines are refused as the settlement refuses
 * them (a half result would leave the combo half-settled). */
export function legRefusal(s: LegSource): string | null {
  if (quarterLine(s.line)) return 'a quarter line can half-win or half-lose: combo legs take whole or half lines';
  if (s.probability === null && wholeLine(s.market, s.line))
    return 'a whole line can push and this pick carries no win probability of the model: it cannot be a combo leg';
  if (s.probability === null || !(s.probability > 0 && s.probability < 1))
    return 'no model probability on this pick: a combo leg is priced with it';
  return null;
}

interface SlipState {
  legs: SlipLeg[];
  has(from: string): boolean;
  add(s: LegSource): void;
  remove(from: string): void;
  clear(): void;
}

export const useComboSlip = create<SlipState>()((set, get) => ({
  legs: [],
  has: (from) => get().legs.some((l) => l.from === from),
  add(s) {
    if (legRefusal(s) !== null || get().has(s.pickId)) return;
    const leg: SlipLeg = {
      from: s.pickId,
      matchId: s.matchId,
      market: s.market,
      line: s.line,
      selection: s.selection,
      odds: s.quotedOdds,
      probability: s.probability as number,
      bookmaker: s.bookmaker,
      label: s.label,
    };
    set({ legs: [...get().legs, leg] });
  },
  remove: (from) => set({ legs: get().legs.filter((l) => l.from !== from) }),
  clear: () => set({ legs: [] }),
}));
