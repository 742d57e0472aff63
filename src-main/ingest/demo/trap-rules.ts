// The exact definitions of the market traps the demo plants (ground truth for the FERRARI trap
// detector), as a pure evaluation of one match's quotes. The detector may work differently; these are
// what the plants are guaranteed to show and what ordinary selections are guaranteed not to show
// (test/unit/data/demo-traps.test.ts measures both, with the margin of safety).
//
// Prices at a moment t are each book's latest quote at or before t (a quote holds until the next one;
// for INFLATED and AGAINST a soft book's quote counts only while it is at most 3 hours old, and only
// while the sharp book's is at most 6 hours old);
// the sharp fair probabilities are the multiplicative de-vig of the sharp book's ('PS') latest quote of
// the same market line (p_fair = (1/o) / Σ 1/o); soft books are every book but the sharp one and the
// exchange. On one selection of a match:
// - INFLATED: on 1X2, the selection is the favourite (the home or away side with the larger sharp fair
//   probability) and at one moment at least 3 soft books price it with an implied probability at least
//   1.14 × the sharp fair probability ((1/odds) / p_fair − 1 ≥ 0.14; the normal level is ~+0.05), and
//   this holds for at least an hour (a lag of a few minutes behind a sharp move is not a trap).
// - AGAINST: on 1X2, over a window of 2 to 24 hours that ends at least 30 minutes before kick-off, the
//   selection being the favourite at its start: the sharp fair odds move by at least 4.5% one way
//   (end / start − 1 ≥ +0.045, or ≤ −0.045) while at least 3 soft books' odds move by at least 3.5% the
//   other way (≤ −0.035, resp. ≥ +0.035). (The last half hour is the closing line being set: soft books
//   a few minutes behind a late sharp move are not a trap, and a trap must be seen while it can be bet.)
// - TOO_GOOD: on any market line, one book's quote is at least 1.35 × the sharp fair odds (a stale or
//   palpable-error price that looks like big value).
// The trap kind of a selection: compound when it shows two or more signals; otherwise
// inflated_favourite (INFLATED: the sharp price steady, no AGAINST), against_sharp (AGAINST) or
// too_good (TOO_GOOD). A too_good quote is also one book far from the consensus: Agent A's outlier
// ground truth counts it (README).
import { matchQuotes } from './odds';
import { plantsByMatch } from './release';
import type { DemoMatch, DemoPlant, DemoQuote, DemoWorld } from './types';

export const TRAP_RULES = {
  /** A soft book's quote counts in INFLATED and AGAINST only while it is at most this old, the sharp
   * book's (the reference) while at most sharpFreshMs old. */
  freshMs: 3 * 3_600_000,
  sharpFreshMs: 6 * 3_600_000,
  inflated: { level: 0.14, books: 3, holdMs: 3_600_000 },
  against: { sharp: 0.045, soft: 0.035, books: 3, minWindowMs: 2 * 3_600_000, windowMs: 24 * 3_600_000, beforeKickoffMs: 30 * 60_000 },
  tooGood: { factor: 1.35 },
} as const;

export type TrapSignal = 'inflated' | 'against' | 'too_good';

/** One market line's selection and how close it came to each signal. Each statistic is scaled so that
 * 1 is the threshold: ≥ 1 means the signal is shown; the margin of safety of an ordinary selection is
 * 1 − its statistic. */
export interface SelectionTrapStats {
  table: DemoQuote['table'];
  line: number | null;
  selection: string;
  /** 3rd-largest soft (1/odds)/p_fair − 1 on the favourite, over time, / 0.14 (0 if never the favourite). */
  inflated: number;
  /** max over the windows of min(|sharp move| / 0.045, 3rd-largest opposite soft move / 0.035). */
  against: number;
  /** max over quotes of odds / sharp fair odds, / 1.35. */
  tooGood: number;
  /** raw values behind the statistics, for reports */
  raw: { inflatedLevel: number; tooGoodRatio: number; againstAt?: [number, number] };
  signals: TrapSignal[];
}

const SELECTIONS: Record<DemoQuote['table'], string[]> = {
  odds_history: ['home', 'draw', 'away'],
  odds_totals: ['over', 'under'],
  odds_spreads: ['home', 'away'],
};

interface Series {
  at: number[];
  odds: number[][];
}

/** k-th largest of xs (1-based), or -Infinity when there are fewer. */
function kthLargest(xs: number[], k: number): number {
  if (xs.length < k) return -Infinity;
  return [...xs].sort((a, b) => b - a)[k - 1];
}

/** The trap statistics of every selection of one match's quotes. `sharp` is the sharp book, `exchange`
 * the books that are neither sharp nor soft. Quotes of other tables are ignored. */
export function trapStats(
  quotes: Iterable<DemoQuote>,
  opts: { kickoff: number; sharp?: string; exchange?: readonly string[] },
): SelectionTrapStats[] {
  const sharp = opts.sharp ?? 'PS';
  const exchange = opts.exchange ?? ['BFE'];
  // market line → book → snapshots
  const lines = new Map<string, { table: DemoQuote['table']; line: number | null; books: Map<string, Map<number, number[]>> }>();
  for (const q of quotes) {
    const sels = SELECTIONS[q.table];
    if (!sels || !(q.odds > 1) || !Number.isFinite(q.odds)) continue;
    const k = `${q.table}|${q.line}`;
    let l = lines.get(k);
    if (!l) lines.set(k, (l = { table: q.table, line: q.line, books: new Map() }));
    let b = l.books.get(q.bookmaker);
    if (!b) l.books.set(q.bookmaker, (b = new Map()));
    let snap = b.get(q.observedAt);
    if (!snap) b.set(q.observedAt, (snap = sels.map(() => NaN)));
    snap[sels.indexOf(q.selection)] = q.odds;
  }
  const out: SelectionTrapStats[] = [];
  for (const l of lines.values()) {
    const sels = SELECTIONS[l.table];
    const series = new Map<string, Series>();
    for (const [book, snaps] of l.books) {
      const at = [...snaps.keys()].filter((t) => snaps.get(t)?.every((o) => o > 1)).sort((a, b) => a - b);
      series.set(book, { at, odds: at.map((t) => snaps.get(t) as number[]) });
    }
    const ps = series.get(sharp);
    if (!ps || ps.at.length === 0) continue;
    const soft = [...series.keys()].filter((b) => b !== sharp && !exchange.includes(b));
    const events = [...new Set([...series.values()].flatMap((s) => s.at))].filter((t) => t >= ps.at[0]).sort((a, b) => a - b);
    // state at each event: each book's latest snapshot (or undefined), the sharp fair probabilities
    const idx = new Map<string, number>([...series.keys()].map((b) => [b, -1]));
    const state: { t: number; fair: number[]; book: Map<string, number[] | undefined>; fresh: Map<string, number[] | undefined> }[] = [];
    for (const t of events) {
      const book = new Map<string, number[] | undefined>();
      const fresh = new Map<string, number[] | undefined>();
      for (const [b, s] of series) {
        let i = idx.get(b) as number;
        while (i + 1 < s.at.length && s.at[i + 1] <= t) i++;
        idx.set(b, i);
        book.set(b, i >= 0 ? s.odds[i] : undefined);
        fresh.set(b, i >= 0 && t - s.at[i] <= TRAP_RULES.freshMs ? s.odds[i] : undefined);
      }
      const p = book.get(sharp) as number[];
      const tot = p.reduce((a, o) => a + 1 / o, 0);
      const ps = series.get(sharp) as Series;
      // a stale sharp price is no reference: the soft books are compared with nothing then
      if (t - ps.at[idx.get(sharp) as number] > TRAP_RULES.sharpFreshMs) for (const b of soft) fresh.set(b, undefined);
      state.push({ t, fair: p.map((o) => 1 / o / tot), book, fresh });
    }
    for (const [i, selection] of sels.entries()) {
      let tooGood = 0;
      // the k-th largest soft level of the favourite at each event (-Infinity when not the favourite)
      const level = state.map((st) => {
        for (const [b, o] of st.book) if (b !== sharp && o) tooGood = Math.max(tooGood, o[i] * st.fair[i]);
        if (l.table !== 'odds_history' || i === 1) return -Infinity;
        if (st.fair[i] < st.fair[2 - i] || (st.fair[i] === st.fair[2 - i] && i === 2)) return -Infinity;
        const ratios = soft
          .map((b) => st.fresh.get(b))
          .filter((o): o is number[] => !!o)
          .map((o) => 1 / o[i] / st.fair[i] - 1);
        return kthLargest(ratios, TRAP_RULES.inflated.books);
      });
      const isFav = level.some((v) => v > -Infinity);
      // INFLATED must hold for holdMs: the best level sustained over [t, t + holdMs] (prices hold between events)
      let inflated = -Infinity;
      for (let a = 0; a < state.length; a++) {
        if (state[state.length - 1].t - state[a].t < TRAP_RULES.inflated.holdMs) break;
        let low = level[a];
        for (let c = a + 1; c < state.length && state[c].t < state[a].t + TRAP_RULES.inflated.holdMs && low > inflated; c++)
          low = Math.min(low, level[c]);
        inflated = Math.max(inflated, low);
      }
      let against = 0;
      let againstAt: [number, number] | undefined;
      if (l.table === 'odds_history' && i !== 1) {
        const { sharp: ts, soft: tsoft, books: k, minWindowMs, windowMs, beforeKickoffMs } = TRAP_RULES.against;
        for (let a = 0; a < state.length; a++) {
          const s0 = state[a];
          if (s0.fair[i] < s0.fair[2 - i]) continue; // the favourite at the start of the window
          for (let c = a + 1; c < state.length && state[c].t - s0.t <= windowMs; c++) {
            const s1 = state[c];
            if (s1.t - s0.t < minWindowMs) continue;
            if (s1.t > opts.kickoff - beforeKickoffMs) break;
            const move = s0.fair[i] / s1.fair[i] - 1; // fair odds end / start − 1
            if (Math.abs(move) / ts <= against) continue; // cannot beat the best so far
            const moves: number[] = [];
            for (const b of soft) {
              const o0 = s0.fresh.get(b);
              const o1 = s1.fresh.get(b);
              if (o0 && o1) moves.push((o1[i] / o0[i] - 1) * -Math.sign(move));
            }
            const opposite = kthLargest(moves, k);
            const stat = Math.min(Math.abs(move) / ts, opposite / tsoft);
            if (stat > against) {
              against = stat;
              againstAt = [s0.t, s1.t];
            }
          }
        }
      }
      const stats: SelectionTrapStats = {
        table: l.table,
        line: l.line,
        selection,
        inflated: isFav && inflated > -Infinity ? Math.max(0, inflated) / TRAP_RULES.inflated.level : 0,
        against,
        tooGood: tooGood / TRAP_RULES.tooGood.factor,
        raw: { inflatedLevel: isFav ? inflated : NaN, tooGoodRatio: tooGood, againstAt },
        signals: [],
      };
      if (stats.inflated >= 1) stats.signals.push('inflated');
      if (stats.against >= 1) stats.signals.push('against');
      if (stats.tooGood >= 1) stats.signals.push('too_good');
      out.push(stats);
    }
  }
  return out;
}

/** The trap kind the signals of one selection make, or null. */
export function trapKindOf(signals: readonly TrapSignal[]): 'inflated_favourite' | 'against_sharp' | 'too_good' | 'compound' | null {
  if (signals.length >= 2) return 'compound';
  if (signals[0] === 'inflated') return 'inflated_favourite';
  if (signals[0] === 'against') return 'against_sharp';
  if (signals[0] === 'too_good') return 'too_good';
  return null;
}

/** How a world's trap plants and its other selections measure against the definitions. */
export interface TrapReport {
  /** Every trap plant with its selection's statistics and the kind they make. */
  planted: { plant: DemoPlant; tier: DemoMatch['tier']; stats: SelectionTrapStats; detected: ReturnType<typeof trapKindOf> }[];
  /** Statistics of the selections that are not a trap plant: on matches without any plant ('ordinary'),
   * and the other selections of planted matches and the selections of other plants ('otherPlants'). */
  ordinary: SelectionTrapStats[];
  otherPlants: SelectionTrapStats[];
}

const TABLE_OF: Record<string, DemoQuote['table']> = { '1x2': 'odds_history', totals: 'odds_totals', spreads: 'odds_spreads' };

/** Evaluates every match of the world with odds history worth the name (the coming week and the played
 * past with several books; not the oldest season) over its whole series, up to the closing quote. */
export function worldTrapReport(world: DemoWorld): TrapReport {
  const byMatch = plantsByMatch(world);
  const report: TrapReport = { planted: [], ordinary: [], otherPlants: [] };
  for (const m of world.matches) {
    if (m.tier === 'light') continue;
    const plants = byMatch.get(m.id) ?? [];
    const trap = plants.find((p) => p.kind === 'trap');
    for (const s of trapStats(matchQuotes(world, m, plants), { kickoff: m.kickoff })) {
      const isTrap =
        trap && trap.selection === s.selection && TABLE_OF[trap.market] === s.table && (trap.market === '1x2' || trap.line === s.line);
      if (trap && isTrap) report.planted.push({ plant: trap, tier: m.tier, stats: s, detected: trapKindOf(s.signals) });
      else (plants.length ? report.otherPlants : report.ordinary).push(s);
    }
  }
  return report;
}
