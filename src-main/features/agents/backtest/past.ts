// The past as a decision may see it: every fixture and result dated strictly before the match day.
// The engine builds one History per replay and hands each day a view bounded by that day, so no
// strategy can read a result (or a price) of the day it decides or later.
import { dayNumber } from '../../../../src-shared/quant/dates';
import type { BacktestFixture, PastResult } from './types';

export interface PastView {
  /** Everything in the view is dated strictly before this day (YYYY-MM-DD). */
  readonly before: string;
  /** Finished matches of one league dated in [since, before), in date order. */
  results(league: string, since?: string): PastResult[];
  /** Fixtures (prices, closing prices, results) dated in [since, before), in date then source order. */
  fixtures(since?: string): readonly BacktestFixture[];
  /** Finished matches a team played in a league in [since, before). */
  played(league: string, team: string, since?: string): number;
  /** The same past seen from an earlier day (a calibration walking forward inside it); never later. */
  until(day: string): PastView;
}

/** First index of a sorted key array whose key is >= `key`. */
function lowerBound(keys: readonly number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class History {
  private readonly fixtureDays: number[];
  private readonly byLeague = new Map<string, { days: number[]; results: PastResult[] }>();
  /** league|team → days of its finished matches, sorted. */
  private readonly teamDays = new Map<string, number[]>();

  /** `fixtures` sorted by date then source order. */
  constructor(private readonly sorted: readonly BacktestFixture[]) {
    this.fixtureDays = sorted.map((f) => dayNumber(f.date, `fixture ${f.key} date`));
    sorted.forEach((f, i) => {
      if (!f.result) return;
      let l = this.byLeague.get(f.league);
      if (!l) this.byLeague.set(f.league, (l = { days: [], results: [] }));
      l.days.push(this.fixtureDays[i]);
      l.results.push({
        date: f.date,
        day: this.fixtureDays[i],
        league: f.league,
        home: f.home,
        away: f.away,
        homeGoals: f.result.homeGoals,
        awayGoals: f.result.awayGoals,
      });
      for (const t of [f.home, f.away]) {
        const key = `${f.league}|${t}`;
        let d = this.teamDays.get(key);
        if (!d) this.teamDays.set(key, (d = []));
        d.push(this.fixtureDays[i]);
      }
    });
  }

  view(before: string): PastView {
    const end = dayNumber(before, 'before');
    const since = (s: string | undefined) => (s === undefined ? -Infinity : dayNumber(s, 'since'));
    return {
      before,
      results: (league, from) => {
        const l = this.byLeague.get(league);
        if (!l) return [];
        return l.results.slice(lowerBound(l.days, since(from)), lowerBound(l.days, end));
      },
      played: (league, team, from) => {
        const d = this.teamDays.get(`${league}|${team}`);
        return d ? lowerBound(d, end) - lowerBound(d, since(from)) : 0;
      },
      fixtures: (from) => this.sorted.slice(lowerBound(this.fixtureDays, since(from)), lowerBound(this.fixtureDays, end)),
      until: (day) => {
        if (day > before) throw new Error(`a view of the past before ${before} cannot see up to ${day}`);
        return this.view(day);
      },
    };
  }
}
