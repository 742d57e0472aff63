// What of the demo world is known at a given moment. The world is generated whole (upcoming matches'
// price series run to their closing quote at kick-off, and they have an outcome), but the source
// only ever holds what is known at "now": the seed writes that part, the demo feed releases the rest
// as it becomes due. Both decide with the functions below, so a seed at T1 then a release up to T2
// writes exactly what a seed at T2 would have written.
import { matchQuotes } from './odds';
import { matchScorerQuotes } from './scorers';
import type { DemoEvent, DemoMatch, DemoPlant, DemoQuote, DemoScorerQuote, DemoWorld } from './types';

/** A match ends (its result is known) this long after kick-off: 90 minutes, half-time, stoppage. */
export const MATCH_MS = 115 * 60_000;

/** Any price row of the demo: an odds quote or a goalscorer quote. */
export type AnyQuote = DemoQuote | DemoScorerQuote;

/** Is this quote known at `now`? Quotes of played matches and planted bad quotes always are. */
export const quoteKnownAt = (m: DemoMatch | undefined, q: AnyQuote, now: number): boolean =>
  m === undefined || m.tier !== 'upcoming' || q.observedAt <= now;

/** Has this upcoming match ended (result, status 'finished', goal events) by `now`? */
export const endedBy = (m: DemoMatch, now: number): boolean => m.outcome !== undefined && m.kickoff + MATCH_MS <= now;

/** The part of the world that is held back at the anchor, in release order. */
export interface HeldBack {
  /** Quotes (odds and goalscorer prices) of upcoming matches, by observed_at. */
  quotes: AnyQuote[];
  /** Upcoming matches, by the end of the match (kick-off + MATCH_MS), then id. */
  matches: DemoMatch[];
  events: Map<number, DemoEvent[]>;
}

export function plantsByMatch(world: DemoWorld): Map<number, DemoPlant[]> {
  const out = new Map<number, DemoPlant[]>();
  for (const p of world.plants) if (p.kind !== 'bad_quote') (out.get(p.matchId) ?? out.set(p.matchId, []).get(p.matchId))?.push(p);
  return out;
}

/** Every quote and outcome of the upcoming matches after `from` (the anchor's start of day by default). */
export function heldBack(world: DemoWorld, from = -Infinity): HeldBack {
  const plants = plantsByMatch(world);
  const upcoming = world.matches.filter((m) => m.tier === 'upcoming');
  const quotes: AnyQuote[] = [];
  for (const m of upcoming) {
    const ps = plants.get(m.id) ?? [];
    for (const q of matchQuotes(world, m, ps)) if (q.observedAt > from) quotes.push(q);
    for (const q of matchScorerQuotes(world, m, ps)) if (q.observedAt > from) quotes.push(q);
  }
  // stable sort: within one time, the generator's order (match, market, book, selection; scorers after)
  quotes.sort((a, b) => a.observedAt - b.observedAt);
  const matches = upcoming.filter((m) => !endedBy(m, from)).sort((a, b) => a.kickoff - b.kickoff || a.id - b.id);
  const events = new Map<number, DemoEvent[]>();
  for (const e of world.futureEvents) (events.get(e.matchId) ?? events.set(e.matchId, []).get(e.matchId))?.push(e);
  return { quotes, matches, events };
}

/** First index of `xs` whose key is > t (xs sorted by key). */
export function upperBound<T>(xs: readonly T[], t: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What becomes known in (from, to]: quotes observed then, matches that ended then (with their goals). */
export function releasedBetween(h: HeldBack, from: number, to: number): { quotes: AnyQuote[]; matches: DemoMatch[]; events: DemoEvent[] } {
  const at = (q: AnyQuote) => q.observedAt;
  const end = (m: DemoMatch) => m.kickoff + MATCH_MS;
  const quotes = h.quotes.slice(upperBound(h.quotes, from, at), upperBound(h.quotes, to, at));
  const matches = h.matches.slice(upperBound(h.matches, from, end), upperBound(h.matches, to, end)).filter((m) => m.outcome);
  const events = matches.flatMap((m) => h.events.get(m.id) ?? []);
  return { quotes, matches, events };
}
