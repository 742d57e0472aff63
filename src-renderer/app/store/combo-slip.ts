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

/** Why a pick cannot be a leg, or null when it can. */
export function legRefusal(s: LegSource): string | null {
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
