// The market-shape statistics of test/reference/market_shape.py, computed on a generated demo world
// (in memory) so that the demo can be held against the real files, like with like:
// - price group, margin, p_fair (multiplicative de-vig of the sharp book's group of the same phase),
//   edge = price × p_fair − 1, dispersion = (1/odds)/p_fair − 1 and the selection types are the
//   script's definitions (see its DEFINITIONS);
// - phases: football-data's pre-closing columns are a Friday/Tuesday snapshot, one to three days before
//   kick-off: the demo's "pre_closing" is each book's latest quote at kick-off − PRE_CLOSING_LEAD;
//   "closing" is the closing quote (observed at kick-off);
// - books: the demo's PS is Pinnacle, BFE the exchange; "best_soft" is the best of the five soft books
//   that quote most real matches (B365, BW, IW, WH, VC: ~5 individual soft books a match in the files);
//   on totals and spreads the files have one individual soft book (B365), so each demo soft book is
//   compared with it alone;
// - only ordinary selections: matches without a plant, coming-week matches (whose series are dense; past
//   matches keep only an opening and a closing quote).
import { matchQuotes } from '../../src-main/ingest/demo/odds';
import type { DemoMatch, DemoQuote, DemoWorld } from '../../src-main/ingest/demo/types';

export const PRE_CLOSING_LEAD_MS = 36 * 3_600_000;
export const MAIN_SOFT = ['B365', 'BW', 'IW', 'WH', 'VC'] as const;

export type Phase = 'pre_closing' | 'closing';
export type ShapeMarket = '1x2' | 'ou25' | 'ah';
export type SelType = 'favourite' | 'draw' | 'longshot';

interface Snapshot {
  at: number;
  odds: number[];
}
/** One match's market (1x2, totals 2.5 or the main Asian line): every book's snapshots in time order. */
export interface MarketSeries {
  match: DemoMatch;
  market: ShapeMarket;
  books: Map<string, Snapshot[]>;
}

const SELS: Record<ShapeMarket, string[]> = { '1x2': ['home', 'draw', 'away'], ou25: ['over', 'under'], ah: ['home', 'away'] };

/** The series of one match's three compared markets, from the generator. */
export function matchSeries(world: DemoWorld, m: DemoMatch): MarketSeries[] {
  const spreads = m.markets.filter((g) => g.market === 'spreads');
  const mainLine = spreads[Math.floor(spreads.length / 2)]?.line;
  const keyOf = (q: DemoQuote): ShapeMarket | null =>
    q.table === 'odds_history'
      ? '1x2'
      : q.table === 'odds_totals' && q.line === 2.5
        ? 'ou25'
        : q.table === 'odds_spreads' && q.line === mainLine
          ? 'ah'
          : null;
  const out = new Map<ShapeMarket, MarketSeries>();
  const slot = new Map<string, Snapshot>();
  for (const q of matchQuotes(world, m, [])) {
    const market = keyOf(q);
    if (!market) continue;
    let s = out.get(market);
    if (!s) out.set(market, (s = { match: m, market, books: new Map() }));
    const k = `${market}|${q.bookmaker}|${q.observedAt}`;
    let snap = slot.get(k);
    if (!snap) {
      snap = { at: q.observedAt, odds: SELS[market].map(() => NaN) };
      slot.set(k, snap);
      const list = s.books.get(q.bookmaker) ?? [];
      list.push(snap);
      s.books.set(q.bookmaker, list);
    }
    snap.odds[SELS[market].indexOf(q.selection)] = q.odds;
  }
  for (const s of out.values()) for (const l of s.books.values()) l.sort((a, b) => a.at - b.at);
  return [...out.values()];
}

/** A book's latest snapshot at or before t. */
export function snapshotAt(list: readonly Snapshot[] | undefined, t: number): Snapshot | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

const complete = (o: number[] | undefined): o is number[] => !!o && o.every((x) => Number.isFinite(x) && x >= 1.01);
const overround = (o: number[]) => o.reduce((a, x) => a + 1 / x, 0) - 1;
const sane = (o: number[]) => {
  const s = overround(o) + 1;
  return s >= 0.9 && s <= 1.3;
};
export const devig = (o: number[]): number[] => {
  const s = o.reduce((a, x) => a + 1 / x, 0);
  return o.map((x) => 1 / x / s);
};

/** The 1X2 selection types of market_shape.py from fair probabilities. */
export function selectionTypes(p: number[]): SelType[] {
  const homeFav = p[0] >= p[2];
  return [homeFav ? 'favourite' : 'longshot', 'draw', homeFav ? 'longshot' : 'favourite'];
}

/** numpy.quantile's default (linear, Hyndman-Fan 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface Summary {
  n: number;
  mean: number;
  sd: number;
  mean_abs: number;
  share_positive: number;
  [q: `p${number}`]: number;
}
export function summarise(xs: readonly number[]): Summary {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  const mean = s.reduce((a, x) => a + x, 0) / n;
  const out: Summary = {
    n,
    mean,
    sd: Math.sqrt(s.reduce((a, x) => a + (x - mean) ** 2, 0) / n),
    mean_abs: s.reduce((a, x) => a + Math.abs(x), 0) / n,
    share_positive: s.filter((x) => x > 0).length / n,
  };
  for (const q of [1, 5, 10, 25, 50, 75, 90, 95, 99]) out[`p${q}`] = quantile(s, q / 100);
  return out;
}

/** Raw samples of every statistic, keyed like the fixture ("closing|1x2|margin|PS", ...). */
export type Samples = Map<string, number[]>;

function push(acc: Samples, key: string, ...xs: number[]): void {
  const l = acc.get(key) ?? [];
  for (const x of xs) if (Number.isFinite(x)) l.push(x);
  acc.set(key, l);
}

/** The phase's price group of a book, or undefined when not valid (market_shape.py's price group). */
function group(s: MarketSeries, book: string, phase: Phase): number[] | undefined {
  const list = s.books.get(book);
  const snap = phase === 'closing' ? list?.find((x) => x.at === s.match.kickoff) : snapshotAt(list, s.match.kickoff - PRE_CLOSING_LEAD_MS);
  return complete(snap?.odds) && sane(snap.odds) ? snap.odds : undefined;
}

/** Adds one match market's samples. `soft` lists the soft books of the world. */
export function collect(acc: Samples, s: MarketSeries, soft: readonly string[]): void {
  for (const phase of ['pre_closing', 'closing'] as const) {
    const pre = `${phase}|${s.market}|`;
    for (const book of s.books.keys()) {
      const g = group(s, book, phase);
      if (g) push(acc, `${pre}margin|${book}`, overround(g));
    }
    const ps = group(s, 'PS', phase);
    if (!ps) continue;
    const pf = devig(ps);
    const edgeOf = (books: readonly string[]) => {
      const gs = books.map((b) => group(s, b, phase)).filter((g): g is number[] => !!g);
      if (!gs.length) return;
      return pf.map((p, k) => Math.max(...gs.map((g) => g[k])) * p - 1);
    };
    // best / average price over every book of the market (football-data's Max/Avg is over ~40 books)
    const all = [...s.books.keys()].map((b) => group(s, b, phase)).filter((g): g is number[] => !!g);
    if (all.length >= 3)
      for (let k = 0; k < pf.length; k++)
        push(acc, `${pre}max_avg`, Math.max(...all.map((g) => g[k])) / (all.reduce((a, g) => a + g[k], 0) / all.length));
    if (s.market === '1x2') {
      const best = edgeOf(MAIN_SOFT);
      if (best) push(acc, `${pre}edge|best_soft`, ...best);
      const all = edgeOf(soft);
      if (all) push(acc, `${pre}edge|best_all_soft`, ...all);
      const types = selectionTypes(pf);
      for (const book of s.books.keys()) {
        if (book === 'PS') continue;
        const g = group(s, book, phase);
        if (!g) continue;
        g.forEach((o, k) => {
          const d = 1 / o / pf[k] - 1;
          push(acc, `${pre}disp|${book}|${types[k]}`, d);
          if (soft.includes(book)) push(acc, `${pre}disp|all_soft|${types[k]}`, d);
        });
      }
    } else {
      for (const book of soft) {
        const e = edgeOf([book]);
        if (e) push(acc, `${pre}edge|single_soft`, ...e);
      }
    }
  }
  if (s.market !== '1x2') return;
  // Pinnacle's drift, pre-closing → closing (types by the pre-closing fair probability), and from its
  // opening (the first quote, ~a week before) → closing, like the open-close-odds files.
  const close = group(s, 'PS', 'closing');
  const pre = group(s, 'PS', 'pre_closing');
  const open = s.books.get('PS')?.[0]?.odds;
  if (!close) return;
  const p1 = devig(close);
  for (const [name, from] of [
    ['drift', pre],
    ['drift_open', complete(open) ? open : undefined],
  ] as const) {
    if (!from) continue;
    const p0 = devig(from);
    const types = selectionTypes(p0);
    p0.forEach((p, k) => {
      push(acc, `${name}|dp|${types[k]}`, p1[k] - p);
      push(acc, `${name}|dp|all`, p1[k] - p);
      push(acc, `${name}|logodds|all`, Math.log(close[k] / from[k]));
    });
  }
}

/** The samples of the ordinary (unplanted) coming-week matches of the worlds. */
export function demoShapeSamples(worlds: readonly DemoWorld[]): Samples {
  const acc: Samples = new Map();
  for (const w of worlds) {
    const planted = new Set(w.plants.map((p) => p.matchId));
    const soft = w.bookmakers.filter((b) => b.kind === 'soft').map((b) => b.bookmaker);
    for (const m of w.matches) {
      if (m.tier !== 'upcoming' || planted.has(m.id)) continue;
      for (const s of matchSeries(w, m)) collect(acc, s, soft);
    }
  }
  return acc;
}
