// Goalscorer probabilities from the team's expected goals.
// Model: goals are a Poisson process, uniform over 90 minutes. The team's non-penalty goals arrive at
// rate (λ_team − penalty goals)/90 per minute; a player on the pitch takes `share` of them; a designated
// taker also scores `penaltyShare` of the team's penalty goals (penalties per match × conversion).
// Over the minutes he plays, [start, start + minutes], his rate is r = (λ_np·share + penGoals·penaltyShare)/90,
// so P(anytime) = 1 − exp(−r·minutes). First scorer, by the competing-Poisson argument with total match
// rate R = (λ_home + λ_away)/90: P(first) = (r/R)·(exp(−R·start) − exp(−R·(start + minutes))), and
// P(no goal) = exp(−R·90) is the remaining mass of the first-scorer market.
import { QuantError } from './errors';

export interface ScorerInput {
  /** Expected goals of the player's team in the match (e.g. λ from Dixon-Coles). */
  teamExpectedGoals: number;
  /** Expected goals of the opponent (needed for first scorer). */
  opponentExpectedGoals: number;
  /** Player's share of his team's non-penalty goals while on the pitch (0..1). */
  share: number;
  /** Expected minutes played (0..90). */
  minutes: number;
  /** Minute he comes on (0 for a starter). */
  startMinute?: number;
  /** Team's expected penalties per match, the conversion rate, and the share of them this player takes. */
  penaltiesPerMatch?: number;
  penaltyConversion?: number;
  penaltyShare?: number;
}

export interface ScorerProbabilities {
  expectedGoals: number;
  anytime: number;
  first: number;
  noGoalInMatch: number;
}

function check(v: number, lo: number, hi: number, name: string): void {
  if (!Number.isFinite(v) || v < lo || v > hi) throw new QuantError(`${name} = ${String(v)} must be in [${lo}, ${hi}]`, undefined, v);
}

export function scorerProbabilities(input: ScorerInput): ScorerProbabilities {
  const { teamExpectedGoals: lt, opponentExpectedGoals: lo, share, minutes } = input;
  const start = input.startMinute ?? 0;
  const pens = input.penaltiesPerMatch ?? 0;
  const conv = input.penaltyConversion ?? 0.78;
  const penShare = input.penaltyShare ?? 0;
  check(lt, 0, 20, 'teamExpectedGoals');
  check(lo, 0, 20, 'opponentExpectedGoals');
  check(share, 0, 1, 'share');
  check(minutes, 0, 90, 'minutes');
  check(start, 0, 90 - minutes, 'startMinute');
  check(pens, 0, 5, 'penaltiesPerMatch');
  check(conv, 0, 1, 'penaltyConversion');
  check(penShare, 0, 1, 'penaltyShare');
  const penGoals = Math.min(lt, pens * conv);
  const rate = ((lt - penGoals) * share + penGoals * penShare) / 90;
  const total = (lt + lo) / 90;
  const expectedGoals = rate * minutes;
  const first = total > 0 ? (rate / total) * (Math.exp(-total * start) - Math.exp(-total * (start + minutes))) : 0;
  return { expectedGoals, anytime: 1 - Math.exp(-expectedGoals), first, noGoalInMatch: Math.exp(-total * 90) };
}
