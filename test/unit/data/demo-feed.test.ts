import { beforeAll, describe, expect, it } from 'vitest';
import { entityRows, oddsLine, renderOdds, type PriceTable } from '../../../src-main/ingest/demo/seed';
import { endedBy, heldBack, MATCH_MS, plantsByMatch, releasedBetween } from '../../../src-main/ingest/demo/release';
import { demoQuotes } from '../../../src-main/ingest/demo/odds';
import { matchScorerQuotes } from '../../../src-main/ingest/demo/scorers';
import { generateWorld, DAY, HOUR } from '../../../src-main/ingest/demo/world';
import type { DemoQuote, DemoWorld } from '../../../src-main/ingest/demo/types';

const TABLES = ['odds_history', 'odds_totals', 'odds_spreads', 'odds_scorers'] as const;

const ANCHOR = '2026-11-25';
const A = Date.parse(`${ANCHOR}T00:00:00Z`);
let world: DemoWorld;

/** Every price line (odds and goalscorer prices) the seed writes at `now`, by table, sorted. */
function seededLines(now: number): Record<PriceTable, string[]> {
  const r = renderOdds(world, now);
  const out = {} as Record<PriceTable, string[]>;
  for (const t of TABLES) out[t] = r.chunks[t].join('').split('\n').filter(Boolean).sort();
  return out;
}

beforeAll(() => {
  world = generateWorld({ seed: 3, scale: 0.5, anchor: ANCHOR });
}, 180_000);

describe('demo feed: the held-back split', () => {
  it('seeded at T0 + released up to T == seeded at T (quotes, results, goal events), nothing twice', () => {
    const t0 = A + 9 * HOUR + 17 * 60_000;
    const base = seededLines(t0);
    const baseRows = entityRows(world, t0);
    const held = heldBack(world, t0);
    for (const t of [t0, A + DAY + 3 * HOUR, A + 3.5 * DAY, A + 8 * DAY]) {
      const due = releasedBetween(held, t0, t);
      const expected = seededLines(t);
      expect(due.quotes.some((q) => q.table === 'odds_scorers') || t === t0).toBe(true);
      for (const table of TABLES) {
        const got = [
          ...base[table],
          ...due.quotes
            .filter((q) => q.table === table)
            .map(oddsLine)
            .map((l) => l.trimEnd()),
        ].sort();
        expect(got.length, `${table} at +${(t - A) / HOUR} h`).toBe(expected[table].length);
        expect(got, table).toEqual(expected[table]);
      }
      // matches: what the seed at T writes finished == finished at T0 plus the released ones, with the same row
      const rowsAt = entityRows(world, t);
      const finished = (rows: typeof baseRows) => new Set(rows.matches.rows.filter((r) => r[6] === 'finished').map((r) => r[0] as number));
      const released = new Set(due.matches.map((m) => m.id));
      expect([...finished(rowsAt)].sort()).toEqual([...new Set([...finished(baseRows), ...released])].sort());
      for (const m of due.matches) {
        const row = rowsAt.matches.rows.find((r) => r[0] === m.id) as unknown[];
        expect(row.slice(7, 9)).toEqual([m.outcome?.homeGoals, m.outcome?.awayGoals]);
      }
      const ids = (rows: typeof baseRows) => rows.match_events.rows.map((r) => r[0] as number);
      expect([...ids(baseRows), ...due.events.map((e) => e.id)].sort((a, b) => a - b)).toEqual(ids(rowsAt).sort((a, b) => a - b));
    }
    // by a week and a day everything has been released: the seed at T writes the whole world
    const plants = plantsByMatch(world);
    const scorers = world.matches.flatMap((m) => matchScorerQuotes(world, m, plants.get(m.id) ?? [])).length + world.badScorerQuotes.length;
    const all = [...demoQuotes(world)].length + scorers;
    const late = seededLines(A + 8 * DAY);
    expect(TABLES.reduce((a, t) => a + late[t].length, 0)).toBe(all);
    expect(late.odds_scorers.length).toBe(scorers);
    expect(world.matches.filter((m) => m.tier === 'upcoming').every((m) => endedBy(m, A + 8 * DAY))).toBe(true);
  }, 180_000);

  it('holds back every quote after now and every result before the end of the match', () => {
    const now = A + 2 * DAY + 14 * HOUR;
    const rows = entityRows(world, now);
    for (const r of rows.matches.rows) {
      const m = world.matches[(r[0] as number) - 1];
      if (m.tier !== 'upcoming') continue;
      expect(r[6], `match ${m.id}`).toBe(m.kickoff + MATCH_MS <= now ? 'finished' : 'scheduled');
      if (r[6] === 'scheduled') expect(r[7]).toBeUndefined();
    }
    const lines = seededLines(now);
    const late = Object.values(lines)
      .flat()
      .filter((l) => {
        const f = l.split('\t');
        const at = Date.parse(f[f.length - 2]);
        return at > now && at < A + 300 * DAY; // planted 'future' bad quotes aside
      });
    expect(late).toEqual([]);
  });
});

describe('demo feed: prices of the coming week', () => {
  it('run to one closing quote at kick-off and converge to it (and to the truth)', () => {
    const planted = new Set(world.plants.map((p) => p.matchId));
    const series = new Map<number, DemoQuote[]>();
    for (const q of heldBack(world, -Infinity).quotes) {
      if (q.table !== 'odds_history' || q.bookmaker !== 'PS') continue;
      (series.get(q.matchId) ?? series.set(q.matchId, []).get(q.matchId))?.push(q);
    }
    const home = (qs: DemoQuote[]) => {
      const tot = qs.reduce((a, q) => a + 1 / q.odds, 0);
      return 1 / (qs.find((q) => q.selection === 'home') as DemoQuote).odds / tot;
    };
    let early = 0;
    let late = 0;
    let truthErr = 0;
    let n = 0;
    for (const m of world.matches.filter((x) => x.tier === 'upcoming')) {
      const s = series.get(m.id) ?? [];
      const closing = s.filter((q) => q.isClosing);
      expect(closing.map((q) => q.observedAt)).toEqual([m.kickoff, m.kickoff, m.kickoff]);
      expect(s.every((q) => q.observedAt <= m.kickoff)).toBe(true);
      expect(s.some((q) => q.observedAt > A)).toBe(true);
      if (planted.has(m.id) || m.kickoff - A < DAY) continue;
      const close = home(closing);
      const at = (t: number) => {
        const before = s.filter((q) => q.observedAt <= t);
        const last = before[before.length - 1].observedAt;
        return home(before.filter((q) => q.observedAt === last));
      };
      early += Math.abs(at(A) - close);
      late += Math.abs(at(m.kickoff - 2 * HOUR) - close);
      truthErr += Math.abs(close - m.markets[0].probs[0]);
      n++;
    }
    expect(n).toBeGreaterThan(60); // unplanted matches kicking off a day or more after the anchor
    expect(late / n).toBeLessThan((early / n) * 0.5);
    expect(truthErr / n).toBeLessThan(0.02);
  });

  it('gives every upcoming match an outcome from the goal model, with consistent goal events', () => {
    const upcoming = world.matches.filter((m) => m.tier === 'upcoming');
    const goals = new Map<number, number>();
    for (const e of world.futureEvents) goals.set(e.matchId, (goals.get(e.matchId) ?? 0) + 1);
    for (const m of upcoming) {
      expect(m.result).toBeUndefined();
      const o = m.outcome as NonNullable<typeof m.outcome>;
      expect(goals.get(m.id) ?? 0).toBe(o.homeGoals + o.awayGoals);
      expect(o.htHome).toBeLessThanOrEqual(o.homeGoals);
    }
    const perMatch = world.futureEvents.length / upcoming.length;
    expect(perMatch).toBeGreaterThan(2);
    expect(perMatch).toBeLessThan(3.4);
    expect(Math.min(...world.futureEvents.map((e) => e.id))).toBe(world.events.length + 1);
  });
});
