// The scorer leg of a team in a match: its top scorer of the season so far (goals in the team's earlier
// matches of the season, at least MIN_SCORER_GOALS) scores, own goals not counted. Only matches whose goal
// events account for every goal are used, for the tally and for the legs.
import { dayNumber } from '../../../../src-shared/quant/dates';
import type { ScoreMatrix } from '../../../../src-shared/quant/markets';
import type { HistoryMatch } from './history';
import type { TeamLeg } from './legs';

export const MIN_SCORER_GOALS = 3;

export interface GoalEvent {
  matchId: string;
  team: string;
  player: string | null;
  ownGoal: boolean;
}

export interface ScorerObservation {
  match: number;
  side: 'home' | 'away';
  player: string;
  /** The player's share of his team's goals in its earlier matches of the season. */
  share: number;
  scored: boolean;
}

interface Tally {
  goals: Map<string, number>;
  teamGoals: number;
}

function topScorer(t: Tally | undefined): { player: string; goals: number } | null {
  if (!t) return null;
  let best: { player: string; goals: number } | null = null;
  for (const [player, goals] of t.goals)
    if (!best || goals > best.goals || (goals === best.goals && player < best.player)) best = { player, goals };
  return best && best.goals >= MIN_SCORER_GOALS ? best : null;
}

export function scorerObservations(sorted: readonly HistoryMatch[], events: readonly GoalEvent[]): ScorerObservation[] {
  const byMatch = new Map<string, GoalEvent[]>();
  for (const e of events) {
    const list = byMatch.get(e.matchId);
    if (list) list.push(e);
    else byMatch.set(e.matchId, [e]);
  }
  const tallies = new Map<string, Tally>();
  const out: ScorerObservation[] = [];
  let i = 0;
  while (i < sorted.length) {
    // one calendar day at a time: a match sees only the tallies of earlier days
    const day = dayNumber(sorted[i].date);
    let j = i;
    while (j < sorted.length && dayNumber(sorted[j].date) === day) j++;
    const complete: number[] = [];
    for (let k = i; k < j; k++) {
      const m = sorted[k];
      const goals = byMatch.get(m.id) ?? [];
      if (goals.length !== m.homeGoals + m.awayGoals) continue; // a 0-0 is complete with no event
      complete.push(k);
      for (const side of ['home', 'away'] as const) {
        const team = m[side];
        const top = topScorer(tallies.get(`${team}|${m.season}`));
        if (!top) continue;
        const tally = tallies.get(`${team}|${m.season}`) as Tally;
        out.push({
          match: k,
          side,
          player: top.player,
          share: top.goals / tally.teamGoals,
          scored: goals.some((g) => g.team === team && g.player === top.player && !g.ownGoal),
        });
      }
    }
    for (const k of complete) {
      const m = sorted[k];
      for (const side of ['home', 'away'] as const) {
        const key = `${m[side]}|${m.season}`;
        const t = tallies.get(key) ?? { goals: new Map<string, number>(), teamGoals: 0 };
        t.teamGoals += side === 'home' ? m.homeGoals : m.awayGoals;
        for (const g of byMatch.get(m.id) ?? [])
          if (g.team === m[side] && !g.ownGoal && g.player !== null) t.goals.set(g.player, (t.goals.get(g.player) ?? 0) + 1);
        tallies.set(key, t);
      }
    }
    i = j;
  }
  return out;
}

/** The model's joint of "the player scores" and a team leg: each of his team's k goals is his with
 * probability `share`, independently, so P(he scores | k) = 1 − (1 − share)^k; summed over the matrix. */
export function scorerJoint(
  m: ScoreMatrix,
  side: 'home' | 'away',
  share: number,
  partner: TeamLeg,
): { both: number; a: number; b: number } {
  const n = m.maxGoals + 1;
  let both = 0;
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = m.p[i * n + j];
      const [f, g] = side === 'home' ? [i, j] : [j, i];
      const scores = 1 - Math.pow(1 - share, f);
      const wins = partner.wins(f, g);
      a += p * scores;
      if (wins) {
        b += p;
        both += p * scores;
      }
    }
  }
  return { both, a, b };
}
