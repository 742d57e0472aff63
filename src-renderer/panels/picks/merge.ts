// Folding what the analyst just did into the day's picks, before the next read confirms it (pure).
import type { PicksToday } from '../../../src-shared/contract/conseil';
import type { PickRow } from '../../../src-shared/contract/picks';

/** The day's picks with a bet just placed (`picks.place`'s answer) added to the placed list of the pick it
 * follows; a bet already listed (the refresh came first) is not added twice; other picks are kept as they
 * were (same objects). A bet following no pick of the day changes nothing. */
export function withPlaced(today: PicksToday, bet: PickRow): PicksToday {
  const parent = bet.parentPickId;
  if (!parent || !today.picks.some((p) => p.pickId === parent)) return today;
  return {
    ...today,
    picks: today.picks.map((p) =>
      p.pickId !== parent || p.placed.some((b) => b.pickId === bet.pickId)
        ? p
        : {
            ...p,
            placed: [
              ...p.placed,
              {
                pickId: bet.pickId,
                bookmaker: bet.bookmaker,
                odds: bet.odds,
                quotedOdds: bet.quotedOdds,
                commission: bet.commission,
                stake: bet.stake,
                placedAt: bet.pickedAt,
              },
            ],
          },
    ),
  };
}
