// The trap ground truth of the demo world (what the FERRARI trap detector is measured on): the planted
// traps show exactly their kind under the definitions of trap-rules.ts, the ordinary market shows none,
// with a margin of safety; counts per kind and per day of fixtures (the seed's KPI: 5-10 traps a day).
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorld, DAY, HOUR, MINUTE } from '../../../src-main/ingest/demo/world';
import { PLANT_COUNTS, TRAP_KINDS, type TrapDetails } from '../../../src-main/ingest/demo/plants';
import { TRAP_RULES, trapStats, worldTrapReport, type SelectionTrapStats, type TrapReport } from '../../../src-main/ingest/demo/trap-rules';
import { matchQuotes } from '../../../src-main/ingest/demo/odds';
import { plantsByMatch } from '../../../src-main/ingest/demo/release';
import type { DemoPlant, DemoWorld, MarketKind } from '../../../src-main/ingest/demo/types';

const ANCHOR = '2026-11-25';
const worlds: DemoWorld[] = [];
const reports: TrapReport[] = [];

beforeAll(() => {
  for (const seed of [1, 2]) {
    const w = generateWorld({ seed, anchor: ANCHOR });
    worlds.push(w);
    reports.push(worldTrapReport(w));
  }
}, 300_000);

const traps = (w: DemoWorld): DemoPlant[] => w.plants.filter((p) => p.kind === 'trap');
const detailsOf = (p: DemoPlant) => p.details as unknown as TrapDetails;

describe('demo traps: the plan', () => {
  it('plants about 7 traps a day of fixtures in the coming week (5-10 every day), and similar ones in the past', () => {
    for (const w of worlds) {
      const byId = new Map(w.matches.map((m) => [m.id, m]));
      const upcoming = traps(w).filter((p) => byId.get(p.matchId)?.tier === 'upcoming');
      for (const kind of TRAP_KINDS) {
        expect(upcoming.filter((p) => detailsOf(p).trap_kind === kind).length, kind).toBe(PLANT_COUNTS.upcoming.trap[kind]);
        const past = traps(w).filter((p) => detailsOf(p).trap_kind === kind && byId.get(p.matchId)?.result);
        expect(past.length, kind).toBe(PLANT_COUNTS.past.trap[kind]);
      }
      const perDay = Array.from(
        { length: 7 },
        (_, d) => upcoming.filter((p) => Math.floor(((byId.get(p.matchId)?.kickoff ?? 0) - w.anchor) / DAY) === d).length,
      );
      for (const n of perDay) {
        expect(n).toBeGreaterThanOrEqual(5);
        expect(n).toBeLessThanOrEqual(10);
      }
      // one plant per match
      const planted = w.plants.filter((p) => p.kind !== 'bad_quote' && !(p.kind === 'outlier' && p.details.variant === 'stale'));
      expect(new Set(planted.map((p) => p.matchId)).size).toBe(planted.length);
    }
  });

  it('records every trap with its kind, window, books and size', () => {
    const w = worlds[0];
    const byId = new Map(w.matches.map((m) => [m.id, m]));
    const soft = new Set(w.bookmakers.filter((b) => b.kind === 'soft').map((b) => b.bookmaker));
    for (const p of traps(w)) {
      const d = detailsOf(p);
      const m = byId.get(p.matchId);
      if (!m) throw new Error(`no match ${p.matchId}`);
      expect(TRAP_KINDS).toContain(d.trap_kind);
      expect(d.sharp_book).toBe('PS');
      expect(d.size, p.plantId).toBeGreaterThan(0);
      expect(p.observedAt).toBe(d.start_at);
      expect(d.end_at).toBeGreaterThan(d.start_at);
      // windows are known at the anchor for the coming week, and end 30 min before kick-off at the latest
      expect(d.end_at).toBeLessThanOrEqual(Math.min(m.endAt, m.kickoff - 10 * MINUTE));
      expect(
        d.books.every((b) => soft.has(b) && m.books[p.market as MarketKind].includes(b)),
        p.plantId,
      ).toBe(true);
      if (d.trap_kind === 'too_good') {
        expect(d.books).toEqual([p.bookmaker]);
        expect(d.factor).toBeGreaterThanOrEqual(1.5);
        expect(d.end_at - d.start_at).toBeLessThanOrEqual(3 * HOUR);
      } else {
        expect(p.market).toBe('1x2');
        expect(p.bookmaker).toBeNull();
        expect(d.books.length).toBeGreaterThanOrEqual(3);
        expect(d.end_at - d.start_at).toBeGreaterThanOrEqual(TRAP_RULES.against.minWindowMs);
        expect(d.end_at - d.start_at).toBeLessThanOrEqual(TRAP_RULES.against.windowMs);
        expect(d.end_at).toBeLessThanOrEqual(m.kickoff - TRAP_RULES.against.beforeKickoffMs);
        // the favourite
        const [h, , a] = m.markets[0].probs;
        expect(p.selection).toBe(h >= a ? 'home' : 'away');
      }
      if (d.trap_kind === 'inflated_favourite') expect(d.inflation).toBeGreaterThanOrEqual(0.19);
      if (d.trap_kind === 'against_sharp' || d.trap_kind === 'compound') {
        expect(d.sharp_move).toBeGreaterThan(0.06);
        expect(d.soft_move).toBeLessThan(-0.05);
      }
    }
  });
});

describe('demo traps: against their definitions (trap-rules.ts)', () => {
  it('every planted trap shows exactly its kind (recall and precision of the ground truth: 1)', () => {
    const rows: string[] = [];
    for (const [i, r] of reports.entries()) {
      expect(r.planted.length).toBe(traps(worlds[i]).length);
      for (const kind of TRAP_KINDS) {
        const mine = r.planted.filter((p) => p.plant.details.trap_kind === kind);
        const wrong = mine.filter((p) => p.detected !== kind).map((p) => `${p.plant.plantId}: ${p.detected} ${p.stats.signals}`);
        expect(wrong, `${kind}, seed ${worlds[i].seed}`).toEqual([]);
        const weakest = (s: SelectionTrapStats) =>
          kind === 'compound'
            ? Math.min(s.inflated, s.against)
            : kind === 'too_good'
              ? s.tooGood
              : kind === 'against_sharp'
                ? s.against
                : s.inflated;
        rows.push(
          `seed ${worlds[i].seed} ${kind.padEnd(18)} ${mine.length} plants, weakest statistic ${Math.min(...mine.map((p) => weakest(p.stats))).toFixed(3)}`,
        );
      }
    }
    console.log(`planted traps (statistic ≥ 1 = shown):\n  ${rows.join('\n  ')}`);
  });

  it('no ordinary selection looks like a trap, with a margin of safety (and no other plant does either)', () => {
    const lines: string[] = [];
    for (const [name, pick] of [
      ['ordinary', (r: TrapReport) => r.ordinary],
      ['other plants', (r: TrapReport) => r.otherPlants],
    ] as const) {
      const xs = reports.flatMap(pick);
      expect(
        xs.filter((x) => x.signals.length).map((x) => `${x.table} ${x.selection} ${x.signals}`),
        name,
      ).toEqual([]);
      for (const s of ['inflated', 'against', 'tooGood'] as const) {
        const max = Math.max(...xs.map((x) => x[s]));
        lines.push(
          `${name.padEnd(13)} ${s.padEnd(9)} n=${xs.length} max statistic ${max.toFixed(3)} → margin of safety ${(1 - max).toFixed(3)}`,
        );
        // the ordinary market stays at least 8% under every threshold
        if (name === 'ordinary') expect(max, s).toBeLessThan(0.92);
      }
    }
    console.log(`unplanted selections against the trap thresholds:\n  ${lines.join('\n  ')}`);
  });

  it('a too_good quote is one book far from the others (an outlier for Agent A too)', () => {
    const w = worlds[0];
    const byMatch = plantsByMatch(w);
    for (const p of traps(w).filter((x) => detailsOf(x).trap_kind === 'too_good')) {
      const m = w.matches[p.matchId - 1];
      const d = detailsOf(p);
      const tableOf = { '1x2': 'odds_history', totals: 'odds_totals', spreads: 'odds_spreads' } as const;
      const qs = matchQuotes(w, m, byMatch.get(m.id) ?? []).filter(
        (q) => q.table === tableOf[p.market as '1x2'] && q.line === p.line && q.observedAt <= d.start_at,
      );
      const stats = trapStats(qs, { kickoff: m.kickoff }).find((s) => s.selection === p.selection);
      expect(stats?.raw.tooGoodRatio, p.plantId).toBeGreaterThanOrEqual(TRAP_RULES.tooGood.factor);
      // every other book's latest price of the selection at start_at stays within 15% of the sharp fair odds
      const latest = new Map<string, number>();
      for (const q of qs) if (q.selection === p.selection && q.bookmaker !== p.bookmaker) latest.set(q.bookmaker, q.odds);
      const ps = qs.filter((q) => q.bookmaker === 'PS');
      const lastPs = ps.filter((q) => q.observedAt === ps[ps.length - 1].observedAt);
      const fairOdds = (lastPs.find((q) => q.selection === p.selection)?.odds ?? NaN) * lastPs.reduce((a, q) => a + 1 / q.odds, 0);
      for (const [b, o] of latest) expect(o / fairOdds, `${p.plantId} ${b}`).toBeLessThan(1.15);
    }
  });
});
