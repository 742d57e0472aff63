// Outlier books: one soft book's price far above the de-vigged consensus of the other soft books at
// the same moment. Only prices above the others' fair price are reported (the price a bettor could
// take); the sharp book and the exchange are references, never outliers, and not part of "the
// others" (when the soft books move against the sharp, that is a trap, not an outlier).
// Every book prices every selection a little off the others all the time (its own bias), and the
// quotes of a book that updates rarely drift away from a moving market: neither is an outlier. A
// price becomes one in one of three ways:
// - the book raised this one price away from the others: at its own update its gap to them jumped by
//   `minJump` while its own overround fell by
//   `minMarginDrop` (a book catching up with a market that moved re-prices every selection and keeps
//   its margin; one price raised alone, by mistake or on purpose, takes the margin down with it);
// - the book did not follow a steam move the others followed (stale): its gap jumped by `staleJump`
//   since just before the steam while its price stayed, and stands above the others' fair;
// - the price is beyond any bias: `extremeEdge` above the other soft books' fair and the sharp's.
// And it must last `persistMs` (a book takes minutes to follow a steam: that is not an outlier).
import { median } from '../../../../src-shared/quant/consensus';
import { clamp, fmtMinutes, fmtOdds, fmtPct, fmtSigned, r6, score100, type RawFinding } from './finding';
import { eventAt, type Replay } from './replay';
import type { Snapshot } from './series';
import { STEAM } from './steam';

export const OUTLIER = {
  /** Edge of the price over the others' fair price (odds × p − 1). */
  minEdge: 0.05,
  /** Jump of the gap log(odds × p). */
  minJump: 0.1,
  /** A book that missed a steam: its price above the others' fair at all, its gap up by this much. */
  staleMinEdge: 0,
  staleJump: 0.08,
  /** A price raised alone lowers its book's overround by at least this much (0.02 = 2 points). */
  minMarginDrop: 0.02,
  /** An edge this large (over the other soft books' fair and the sharp's) is an outlier whatever happened before. */
  extremeEdge: 0.4,
  persistMs: 20 * 60_000,
  minOthers: 3,
  /** The usual gap: median of the book's last gaps at its own updates. */
  baselineSpan: 15,
};

export type OutlierCause = 'price' | 'stale' | 'extreme';

/** Median of the first `len` elements of a sorted list without the one at position `skip`. */
export function medianWithout(sorted: ArrayLike<number>, len: number, skip: number): number {
  const m = len - 1;
  if (m % 2) {
    const h = (m - 1) >> 1;
    return sorted[h < skip ? h : h + 1];
  }
  const lo = m / 2 - 1;
  const hi = m / 2;
  return (sorted[lo < skip ? lo : lo + 1] + sorted[hi < skip ? hi : hi + 1]) / 2;
}

interface Episode {
  cause: OutlierCause;
  start: number;
  startIdx: number;
  confirmed: boolean;
  /** The gap the price is measured against (before its own move / before the steam). */
  ref: number | null;
  usual: number | null;
  peakEdge: number;
  odds: number;
  fairOthers: number;
  others: number;
  consBefore: number | null;
}

/** bound[k]: the highest fair probability of selection k any one book's leave-one-out consensus can
 * have (its highest possible median over the lowest possible sum). */
function looBounds(vals: readonly Float64Array[], len: number, n: number, bound: Float64Array): void {
  const m = len - 1;
  let lowSum = 0;
  for (let k = 0; k < n; k++) {
    const v = vals[k];
    if (m % 2) {
      const h = (m - 1) >> 1;
      bound[k] = v[h + 1];
      lowSum += v[h];
    } else {
      const lo = m / 2 - 1;
      const hi = m / 2;
      bound[k] = (v[lo + 1] + v[hi + 1]) / 2;
      lowSum += (v[lo] + v[hi]) / 2;
    }
  }
  for (let k = 0; k < n; k++) bound[k] /= lowSum;
}

function couldBeExtreme(odds: readonly number[], bound: Float64Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (odds[k] * bound[k] >= 1 + OUTLIER.extremeEdge) return true;
  return false;
}

/** Inserts value v of book b into the first `len` entries of a sorted list (room for one more). */
function insertSorted(vals: Float64Array, owner: Int32Array, len: number, v: number, b: number): void {
  let x = len - 1;
  while (x >= 0 && vals[x] > v) {
    vals[x + 1] = vals[x];
    owner[x + 1] = owner[x];
    x--;
  }
  vals[x + 1] = v;
  owner[x + 1] = b;
}

/** Removes entry `at` of the first `len` entries. */
function removeAt(vals: Float64Array, owner: Int32Array, len: number, at: number): void {
  for (let x = at; x < len - 1; x++) {
    vals[x] = vals[x + 1];
    owner[x] = owner[x + 1];
  }
}

/** A steam the book may have missed: selection, its start and end, and who moved. */
export interface SteamWindow {
  k: number;
  start: number;
  end: number;
  movers: ReadonlySet<string>;
}

/** What the scan of one group carries from event to event. */
interface Scan {
  r: Replay;
  /** Selections, books, soft books. */
  n: number;
  soft: readonly number[];
  out: RawFinding[];
  /** Per book and selection: its gaps at its own updates (the usual gap), its last gap to the others
   * and to the sharp, and the open episode. */
  samples: number[][][];
  lastOwn: Float64Array[];
  lastOwnSharp: Float64Array[];
  open: (Episode | null)[][];
  openCount: Int32Array;
  /** The gap of every book just before each steam started. */
  before: SteamBefore[];
  /** The soft books' fair probabilities per selection, kept sorted as books move (one at a time,
   * mostly), with the book of each entry; na of them quote. */
  vals: Float64Array[];
  owner: Int32Array[];
  cur: Int32Array;
  na: number;
  loo: Float64Array;
  bound: Float64Array;
}

interface SteamBefore {
  s: SteamWindow;
  at: number;
  logits: Float64Array;
  gaps: Float64Array;
}

/** One book's price at one event, as evaluate sees it. */
interface At {
  b: number;
  snap: Snapshot;
  ownUpdate: boolean;
  i: number;
  t: number;
  sharp: number[] | null;
}

export function detectOutliers(r: Replay, asOf: number, steams: readonly SteamWindow[] = [], pending?: number[]): RawFinding[] {
  if (r.soft.length - 1 < OUTLIER.minOthers) return [];
  const scan = newScan(r, steams);
  for (let i = 0; i < r.times.length; i++) scanEvent(scan, i);
  const { n, open } = scan;
  for (let b = 0; b < r.group.books.length; b++)
    for (let k = 0; k < n; k++) {
      const ep = open[b][k];
      if (ep && (ep.confirmed || asOf - ep.start >= OUTLIER.persistMs)) scan.out.push(outlierFinding(r, b, k, ep, null));
      else if (ep) pending?.push(ep.start + OUTLIER.persistMs);
    }
  return scan.out.sort((a, b) => a.at - b.at || (a.bookmaker ?? '').localeCompare(b.bookmaker ?? ''));
}

function newScan(r: Replay, steams: readonly SteamWindow[]): Scan {
  const g = r.group;
  const n = g.selections.length;
  const nb = g.books.length;
  const before = steams.map((s) => {
    const at = eventAt(r, s.start - 1);
    // each book's logit of the steamed selection just before it: a book that did not follow stays near it
    const logits = Float64Array.from(g.books, (_, b) =>
      at >= 0 && r.latest[b][at] >= 0 ? g.books[b].snaps[r.latest[b][at]].logit[s.k] : NaN,
    );
    return { s, at, logits, gaps: new Float64Array(nb).fill(NaN) };
  });
  return {
    r,
    n,
    soft: r.soft,
    out: [],
    samples: g.books.map(() => g.selections.map(() => [] as number[])),
    lastOwn: g.books.map(() => new Float64Array(n).fill(NaN)),
    lastOwnSharp: g.books.map(() => new Float64Array(n).fill(NaN)),
    open: g.books.map(() => g.selections.map(() => null)),
    openCount: new Int32Array(nb),
    before,
    vals: Array.from({ length: n }, () => new Float64Array(r.soft.length)),
    owner: Array.from({ length: n }, () => new Int32Array(r.soft.length)),
    cur: new Int32Array(nb).fill(-1),
    na: 0,
    loo: new Float64Array(n),
    bound: new Float64Array(n),
  };
}

/** Moves the soft books that re-priced at event i in the sorted lists; true if any did. */
function moveSoftBooks(scan: Scan, i: number): boolean {
  const { r, n, vals, owner, cur } = scan;
  let softMoved = false;
  for (const b of scan.soft) {
    const j = r.latest[b][i];
    if (j === cur[b]) continue;
    softMoved = true;
    if (cur[b] >= 0) {
      scan.na--;
      for (let k = 0; k < n; k++) removeAt(vals[k], owner[k], scan.na + 1, owner[k].indexOf(b));
    }
    cur[b] = j;
    const fair = r.group.books[b].snaps[j].fair;
    for (let k = 0; k < n; k++) insertSorted(vals[k], owner[k], scan.na, fair[k], b);
    scan.na++;
  }
  return softMoved;
}

function scanEvent(scan: Scan, i: number): void {
  const { r, n, openCount, before } = scan;
  const t = r.times[i];
  const softMoved = moveSoftBooks(scan, i);
  const sharp = r.sharpFair(i);
  const enough = scan.na - 1 >= OUTLIER.minOthers;
  if (enough && softMoved) looBounds(scan.vals, scan.na, n, scan.bound);
  for (const b of scan.soft) {
    const j = r.latest[b][i];
    if (j < 0) continue;
    const snap = r.group.books[b].snaps[j];
    const ownUpdate = snap.t === t;
    // its gap to the sharp at each of its own updates, for the next one to compare with (after this one's check)
    const keepSharp = ownUpdate && sharp;
    // the others' consensus only moves when a soft book moves; an open episode is followed always.
    // A book that did not move, with nothing open and no steam to miss, can only become an outlier
    // by being too good: skipped when even the highest consensus it could face rules that out.
    const skip =
      !enough ||
      !(softMoved || openCount[b] > 0) ||
      (!ownUpdate && openCount[b] === 0 && before.length === 0 && !couldBeExtreme(snap.odds, scan.bound, n));
    if (!skip) evaluate(scan, { b, snap, ownUpdate, i, t, sharp });
    if (keepSharp) for (let k = 0; k < n; k++) scan.lastOwnSharp[b][k] = Math.log(snap.odds[k] * sharp[k]);
  }
}

/** Book b's price of every selection against the leave-one-out consensus of the other soft books:
 * follows an open episode, closes it, or opens one. */
function evaluate(scan: Scan, a: At): void {
  const { n, vals, owner, loo, na, open, before } = scan;
  const { b, snap, ownUpdate, i, t } = a;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    let at = 0;
    while (owner[k][at] !== b) at++;
    loo[k] = medianWithout(vals[k], na, at);
    sum += loo[k];
  }
  for (let k = 0; k < n; k++) {
    const p = loo[k] / sum;
    const ratio = snap.odds[k] * p;
    const ep = open[b][k];
    if (!ep && ratio < 1 + OUTLIER.minEdge && before.length === 0) {
      // nothing can start here: only keep the book's usual gap
      if (ownUpdate) {
        const gap = Math.log(ratio);
        scan.samples[b][k].push(gap);
        scan.lastOwn[b][k] = gap;
      }
      continue;
    }
    const gap = Math.log(ratio);
    const edge = ratio - 1;
    if (before.length) for (const x of before) if (i <= x.at && x.s.k === k) x.gaps[b] = gap;
    if (ep) {
      if (episodeHolds(ep, edge, gap)) {
        if (edge > ep.peakEdge) ep.peakEdge = edge;
        if (t - ep.start >= OUTLIER.persistMs) ep.confirmed = true;
        if (ownUpdate) scan.lastOwn[b][k] = gap;
        continue;
      }
      if (ep.confirmed || t - ep.start >= OUTLIER.persistMs) scan.out.push(outlierFinding(scan.r, b, k, ep, t));
      open[b][k] = null;
      scan.openCount[b]--;
    }
    const started = startCause(scan, a, k, gap, edge);
    if (started) openEpisode(scan, a, k, started, edge, p);
    else if (ownUpdate) scan.samples[b][k].push(gap);
    if (ownUpdate) scan.lastOwn[b][k] = gap;
  }
}

/** An open episode still stands: above its floor and still this far above its reference gap. */
function episodeHolds(ep: Episode, edge: number, gap: number): boolean {
  const floor = ep.cause === 'stale' ? OUTLIER.staleMinEdge : OUTLIER.minEdge / 2;
  return (
    edge > floor &&
    (ep.ref === null ? edge >= OUTLIER.extremeEdge / 2 : gap - ep.ref >= (ep.cause === 'stale' ? OUTLIER.staleJump : OUTLIER.minJump) / 2)
  );
}

/** Why selection k of book b becomes an outlier here (its own price move, a missed steam, beyond any
 * bias), with the gap it is measured against; null if it does not. */
function startCause(scan: Scan, a: At, k: number, gap: number, edge: number): { cause: OutlierCause; ref: number | null } | null {
  const { r, before } = scan;
  const { b, snap, ownUpdate, i, t, sharp } = a;
  const g = r.group;
  if (edge > OUTLIER.staleMinEdge) {
    const prev = scan.lastOwn[b][k];
    // its own move, not the market's: one price raised alone takes the book's margin down with it
    // (a book re-pricing to follow the market keeps its margin)
    const prevSnap = r.latest[b][i] > 0 ? g.books[b].snaps[r.latest[b][i] - 1] : null;
    const marginDrop = prevSnap ? prevSnap.overround - snap.overround : 0;
    // the gap to the others before (or, when too few others quoted then, to the sharp's fair)
    const prevSharp = scan.lastOwnSharp[b][k];
    const jump = !Number.isNaN(prev) ? gap - prev : sharp !== null ? Math.log(snap.odds[k] * sharp[k]) - prevSharp : NaN;
    const jumped = jump >= OUTLIER.minJump;
    if (edge >= OUTLIER.minEdge && ownUpdate && marginDrop >= OUTLIER.minMarginDrop && jumped) return { cause: 'price', ref: gap - jump };
    let stale: { cause: OutlierCause; ref: number | null } | null = null;
    for (const x of before) {
      const missed =
        x.s.k === k &&
        x.s.end <= t &&
        !x.s.movers.has(g.books[b].bookmaker) &&
        !Number.isNaN(x.logits[b]) &&
        snap.logit[k] - x.logits[b] < STEAM.minJump / 2;
      if (missed && !Number.isNaN(x.gaps[b]) && gap - x.gaps[b] >= OUTLIER.staleJump) stale = { cause: 'stale', ref: x.gaps[b] };
    }
    if (stale) return stale;
  }
  if (edge >= OUTLIER.extremeEdge && (!sharp || snap.odds[k] * sharp[k] >= 1 + OUTLIER.extremeEdge)) return { cause: 'extreme', ref: null };
  return null;
}

function openEpisode(scan: Scan, a: At, k: number, started: { cause: OutlierCause; ref: number | null }, edge: number, p: number): void {
  const { b, snap, i, t } = a;
  const s = scan.samples[b][k];
  const cons = scan.r.allCons(i - 1);
  scan.openCount[b]++;
  scan.open[b][k] = {
    cause: started.cause,
    start: t,
    startIdx: i,
    confirmed: false,
    ref: started.ref,
    usual: s.length ? median(s.length > OUTLIER.baselineSpan ? s.slice(-OUTLIER.baselineSpan) : s) : null,
    peakEdge: edge,
    odds: snap.odds[k],
    fairOthers: 1 / p,
    others: scan.na - 1,
    consBefore: cons ? cons[k] : null,
  };
}

function outlierFinding(r: Replay, b: number, k: number, ep: Episode, end: number | null): RawFinding {
  const g = r.group;
  const book = g.books[b];
  const edge = ep.odds / ep.fairOthers - 1;
  const usual = ep.usual === null ? null : Math.exp(ep.usual) - 1;
  // since when the book has shown this price
  const snaps = book.snaps;
  let j = r.latest[b][ep.startIdx];
  while (j > 0 && snaps[j - 1].odds[k] === snaps[j].odds[k]) j--;
  const since = snaps[j].t;
  const cons = r.allCons(ep.startIdx);
  const why =
    ep.cause === 'stale'
      ? `; it did not follow the steam: its price has not moved for ${fmtMinutes(ep.start - since)}` +
        (ep.consBefore !== null && cons ? ` while the consensus went ${fmtPct(ep.consBefore)}→${fmtPct(cons[k])}` : '')
      : ep.cause === 'price'
        ? `; it moved its own price away from the market at ${new Date(since).toISOString().slice(11, 16)} UTC`
        : '; beyond any bookmaker bias (too good to be true)';
  const explanation =
    `${book.bookmaker} ${fmtOdds(ep.odds)} vs ${fmtOdds(ep.fairOthers)} fair of the ${ep.others} other soft books (${fmtSigned(edge)})` +
    (usual === null ? '' : `, usually ${fmtSigned(usual)} against them`) +
    why +
    (end === null ? '' : `; corrected after ${fmtMinutes(end - ep.start)}`);
  const jump = ep.ref === null ? ep.peakEdge : Math.log(1 + edge) - ep.ref;
  return {
    kind: 'outlier',
    matchId: g.matchId,
    market: g.market,
    line: g.line,
    selection: g.selections[k],
    bookmaker: book.bookmaker,
    at: ep.start,
    endAt: end,
    score: score100(0.6 * clamp(ep.peakEdge / 0.25) + 0.4 * clamp(jump / 0.25)),
    explanation,
    books: [book.bookmaker],
    probBefore: r6(ep.consBefore),
    probAfter: r6(cons ? cons[k] : null),
    sharpHeld: null,
    probability: r6(1 / ep.fairOthers),
    details: {
      cause: ep.cause,
      odds: ep.odds,
      fairOthers: r6(ep.fairOthers),
      edge: r6(edge),
      usualEdge: r6(usual),
      peakEdge: r6(ep.peakEdge),
      priceSince: new Date(since).toISOString(),
      others: ep.others,
    },
  };
}
