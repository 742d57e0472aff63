// The market of one group replayed in time: at every moment a book moved, each book's latest
// snapshot, the sharp book's fair price and the consensus of the soft books and of every book.
// Detectors read only the past at each step, so a finding made live and one made on a replay agree.
import { DEFAULT_SHARP_BOOKS } from '../../../../src-shared/quant/consensus';
import { logit, type BookSeries, type MarketGroup, type Snapshot } from './series';

/** Median of the de-vigged books per selection, renormalised to sum 1: the board's consensus
 * (quant's consensusProbabilities, which a unit test holds equal) on probabilities already de-vigged
 * once per snapshot. */
export function consensusOf(fairs: readonly (readonly number[])[]): number[] | null {
  if (fairs.length === 0) return null;
  const n = fairs[0].length;
  const raw = new Array<number>(n);
  const col = new Float64Array(fairs.length);
  let s = 0;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < fairs.length; i++) col[i] = fairs[i][k];
    raw[k] = sortedMedian(col, fairs.length);
    s += raw[k];
  }
  for (let k = 0; k < n; k++) raw[k] /= s;
  return raw;
}

/** Median of the first `len` values (sorted in place: insertion sort, the lists hold a few books). */
export function sortedMedian(a: Float64Array, len: number): number {
  for (let i = 1; i < len; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
  const m = len >> 1;
  return len % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

export interface Replay {
  group: MarketGroup;
  times: number[];
  /** latest[b][i]: index of book b's latest snapshot at times[i], −1 before its first. */
  latest: Int32Array[];
  /** Index of the reference sharp book in group.books, or −1. */
  sharp: number;
  soft: number[];
  /** Sharp fair probabilities at event i (null before its first quote). */
  sharpFair(i: number): number[] | null;
  /** Consensus of the soft books (at least MIN_SOFT_BOOKS) and of every book (at least 2) at event i. */
  softCons(i: number): number[] | null;
  allCons(i: number): number[] | null;
}

/** Soft books needed for a soft consensus. */
export const MIN_SOFT_BOOKS = 3;

export function sharpIndex(books: readonly BookSeries[]): number {
  let best = -1;
  let rank = Infinity;
  books.forEach((b, i) => {
    if (b.role !== 'sharp') return;
    const r = (DEFAULT_SHARP_BOOKS as readonly string[]).indexOf(b.bookmaker);
    const score = r < 0 ? DEFAULT_SHARP_BOOKS.length : r;
    if (score < rank) {
      rank = score;
      best = i;
    }
  });
  return best;
}

export function replay(group: MarketGroup, until = Infinity, minSoft = MIN_SOFT_BOOKS): Replay {
  let count = 0;
  for (const b of group.books) count += b.snaps.length;
  const all = new Float64Array(count);
  let c = 0;
  for (const b of group.books) for (const s of b.snaps) if (s.t <= until) all[c++] = s.t;
  const sorted = all.subarray(0, c).sort();
  const times: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) times.push(sorted[i]);
  const nb = group.books.length;
  const latest = group.books.map(() => new Int32Array(times.length));
  for (let b = 0; b < nb; b++) {
    const snaps = group.books[b].snaps;
    let p = -1;
    const row = latest[b];
    for (let i = 0; i < times.length; i++) {
      while (p + 1 < snaps.length && snaps[p + 1].t <= times[i]) p++;
      row[i] = p;
    }
  }
  const sharp = sharpIndex(group.books);
  const soft = group.books.flatMap((b, i) => (b.role === 'soft' ? [i] : []));
  const everyBook = group.books.map((_, i) => i);
  const memo = (books: number[], min: number) => {
    const cache: (number[] | null | undefined)[] = new Array(times.length);
    return (i: number): number[] | null => {
      if (i < 0) return null;
      const hit = cache[i];
      if (hit !== undefined) return hit;
      const fairs: number[][] = [];
      for (const b of books) if (latest[b][i] >= 0) fairs.push(group.books[b].snaps[latest[b][i]].fair);
      return (cache[i] = fairs.length >= min ? consensusOf(fairs) : null);
    };
  };
  return {
    group,
    times,
    latest,
    sharp,
    soft,
    sharpFair: (i) => (sharp >= 0 && i >= 0 && latest[sharp][i] >= 0 ? group.books[sharp].snaps[latest[sharp][i]].fair : null),
    softCons: memo(soft, minSoft),
    allCons: memo(everyBook, 2),
  };
}

/** Index of the last event at or before t (−1 when t is before the first). */
export function eventAt(r: Replay, t: number): number {
  let lo = 0;
  let hi = r.times.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r.times[mid] <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export function snapAt(r: Replay, book: number, i: number): Snapshot | null {
  const k = i >= 0 ? r.latest[book][i] : -1;
  return k >= 0 ? r.group.books[book].snaps[k] : null;
}

export const logitOf = (p: number[] | null, k: number): number | null => (p ? logit(p[k]) : null);
