// What each team brought into a match, from its earlier matches only (no look-ahead): days of rest since
// its previous league match of the season and points from its last five. Only league matches are in the
// data (no cups, no European nights), so rest is days since the last *league* match: an upper bound.
import { dayNumber } from '../../../../src-shared/quant/dates';
import { FORM_MATCHES } from './situations';
import type { HistoryMatch } from './history';

export interface SideContext {
  /** Days since the team's previous league match of the same season; null for its first. */
  rest: number | null;
  /** Points from its last five league matches of the season; null before it has played five. */
  form: number | null;
}

export interface MatchContext {
  home: SideContext;
  away: SideContext;
}

interface Played {
  day: number;
  season: string;
  points: number;
}

function sideContext(history: readonly Played[] | undefined, day: number, season: string): SideContext {
  // the history is in day order: walk back from the latest earlier match until the season changes
  let rest: number | null = null;
  let n = 0;
  let pts = 0;
  for (let i = (history?.length ?? 0) - 1; history && i >= 0 && n < FORM_MATCHES; i--) {
    const p = history[i];
    if (p.day >= day) continue;
    if (p.season !== season) break;
    rest ??= day - p.day;
    pts += p.points;
    n++;
  }
  return { rest, form: n === FORM_MATCHES ? pts : null };
}

const points = (gf: number, ga: number): number => (gf > ga ? 3 : gf === ga ? 1 : 0);

/** Context of every match, aligned with `sorted` (which must be in kick-off order: see byKickoff). A match
 * sees only matches of an earlier day, so two matches of one day never inform each other. */
export function teamContexts(sorted: readonly HistoryMatch[]): MatchContext[] {
  const history = new Map<string, Played[]>();
  const out: MatchContext[] = [];
  for (const m of sorted) {
    const day = dayNumber(m.date);
    out.push({ home: sideContext(history.get(m.home), day, m.season), away: sideContext(history.get(m.away), day, m.season) });
    for (const [team, gf, ga] of [
      [m.home, m.homeGoals, m.awayGoals],
      [m.away, m.awayGoals, m.homeGoals],
    ] as const) {
      const h = history.get(team) ?? [];
      h.push({ day, season: m.season, points: points(gf, ga) });
      history.set(team, h);
    }
  }
  return out;
}
