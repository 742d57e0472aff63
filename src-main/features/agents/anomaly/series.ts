// Price series of one market line of one match, book by book, as the detectors read them: each
// snapshot is one book's complete price of the market at one moment, de-vigged (multiplicative).
// Quotes the agents cannot trust are left out here, each with a counted reason (the cache should
// not hold them, but a run never stops on them).
import { SELECTIONS, type MarketKind } from '../../../../src-shared/contract/market';

export type BookRole = 'sharp' | 'exchange' | 'soft';

export interface Snapshot {
  /** observed_at, epoch ms */
  t: number;
  odds: number[];
  /** de-vigged probabilities (sum 1) and their logits */
  fair: number[];
  logit: number[];
  overround: number;
}

export interface BookSeries {
  bookmaker: string;
  role: BookRole;
  snaps: Snapshot[];
}

export interface MarketGroup {
  matchId: number;
  market: MarketKind;
  line: number | null;
  selections: readonly string[];
  kickoff: number;
  books: BookSeries[];
}

export interface RawQuote {
  matchId: number;
  bookmaker: string;
  line: number | null;
  selection: string;
  odds: number | null;
  observedAt: string;
}

export const SKIP_REASONS = {
  bad_odds: 'odds not a price (≤ 1, NaN or empty)',
  unknown_selection: 'selection not in the market',
  selection_missing: "a book's snapshot misses a selection",
  single_book: 'market line quoted by one book only',
  no_kickoff: 'match without a kick-off time',
  after_kickoff: 'quote observed after kick-off',
  clock_skew: 'quote stamped in the future (a feed whose clock runs ahead)',
  bad_time: 'quote without a readable time',
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** Counts what was left out, with one example of each reason for the summary. */
export class Skips {
  private readonly counts = new Map<SkipReason, { count: number; example: string | null }>();
  add(reason: SkipReason, example: string, n = 1): void {
    const c = this.counts.get(reason);
    if (c) c.count += n;
    else this.counts.set(reason, { count: n, example });
  }
  list(): { reason: string; count: number; example: string | null }[] {
    return [...this.counts].map(([r, c]) => ({ reason: `${r}: ${SKIP_REASONS[r]}`, count: c.count, example: c.example }));
  }
  total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c.count;
    return n;
  }
}

/** Tolerance for a quote stamped a little after the run's clock (clocks of feeds drift by seconds). */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

export const logit = (p: number): number => Math.log(p / (1 - p));

export interface BuildContext {
  market: MarketKind;
  kickoffs: ReadonlyMap<number, number | null>;
  roles: ReadonlyMap<string, BookRole>;
  asOf: number;
  skips: Skips;
}

/** Groups quotes (one market, any order) into series: match → line → book → snapshots by time. */
export function buildGroups(quotes: Iterable<RawQuote>, ctx: BuildContext): MarketGroup[] {
  const b = new GroupBuilder(ctx);
  for (const q of quotes) b.add(q.matchId, q.bookmaker, q.line, q.selection, q.odds, q.observedAt);
  return b.finish();
}

interface Series {
  matchId: number;
  line: number | null;
  bookmaker: string;
  group: string;
  kickoff: number;
  /** Times of the series in order (text as stored, and epoch ms), and the odds per selection at
   * each (NaN where that selection was not quoted then). */
  stamps: string[];
  ms: number[];
  odds: number[][];
  /** Where the last quote went: quotes of one selection arrive in time order, so the next one is at
   * or after it (an out-of-order quote only costs a search). */
  cursor: number;
  /** Its snapshots as last built, null when quotes came in since. */
  snaps: Snapshot[] | null;
}

const where = (market: MarketKind, matchId: number, bookmaker: string, line: number | null, selection: string, at: string): string =>
  `match ${matchId} ${market}${line === null ? '' : ` ${line}`} ${bookmaker} ${selection} @ ${at}`;

export const groupKey = (matchId: number, line: number | null): string => `${matchId}|${line ?? ''}`;

/** Collects quotes row by row (the cache streams them in key order: match, book, line, selection,
 * time) and turns them into groups. Any order gives the same groups, only slower. It can be kept:
 * later quotes are added to the series they belong to and only the groups they touched are rebuilt
 * (the incremental run's store). */
export class GroupBuilder {
  private readonly sels: readonly string[];
  private readonly series = new Map<string, Series>();
  private readonly groups = new Map<string, { matchId: number; line: number | null; series: Series[] }>();
  private readonly dirty = new Set<string>();
  private last: Series | null = null;
  private lastKey: [number, string, number | null] = [NaN, '', null];
  private asOfIso: string;
  private readonly wallClock = Date.now();
  constructor(private ctx: BuildContext) {
    this.sels = SELECTIONS[ctx.market];
    this.asOfIso = new Date(ctx.asOf).toISOString();
  }

  /** A later run's clock, kick-offs and skip counter (kick-offs that moved mark their groups changed). */
  setContext(ctx: BuildContext): void {
    this.ctx = ctx;
    this.asOfIso = new Date(ctx.asOf).toISOString();
    this.last = null;
    for (const s of this.series.values()) {
      const k = ctx.kickoffs.get(s.matchId);
      if (k !== undefined && k !== null && k !== s.kickoff) {
        s.kickoff = k;
        s.snaps = null;
        this.dirty.add(s.group);
      }
    }
  }

  /** Forgets the matches (kicked off, or out of the scope). */
  drop(matchIds: ReadonlySet<number>): void {
    for (const [key, s] of this.series) if (matchIds.has(s.matchId)) this.series.delete(key);
    for (const [key, g] of this.groups)
      if (matchIds.has(g.matchId)) {
        this.groups.delete(key);
        this.dirty.delete(key);
      }
    this.last = null;
  }

  has(matchId: number): boolean {
    for (const g of this.groups.values()) if (g.matchId === matchId) return true;
    return false;
  }

  add(matchId: number, bookmaker: string, line: number | null, selection: string, odds: number | null, observedAt: string): void {
    const ctx = this.ctx;
    let s = this.last;
    const lk = this.lastKey;
    if (s === null || lk[0] !== matchId || lk[1] !== bookmaker || lk[2] !== line) {
      const kickoff = ctx.kickoffs.get(matchId);
      if (kickoff === null || kickoff === undefined) return ctx.skips.add('no_kickoff', `match ${matchId}`);
      const key = `${matchId}|${line ?? ''}|${bookmaker}`;
      s = this.series.get(key) ?? null;
      if (!s) {
        const group = groupKey(matchId, line);
        s = { matchId, line, bookmaker, group, kickoff, stamps: [], ms: [], odds: [], cursor: 0, snaps: null };
        this.series.set(key, s);
        let g = this.groups.get(group);
        if (!g) this.groups.set(group, (g = { matchId, line, series: [] }));
        g.series.push(s);
        this.dirty.add(group);
      }
      this.last = s;
      this.lastKey = [matchId, bookmaker, line];
      s.cursor = 0;
    }
    const k = this.sels.indexOf(selection);
    if (k < 0) return ctx.skips.add('unknown_selection', where(ctx.market, matchId, bookmaker, line, selection, observedAt));
    if (odds === null || !Number.isFinite(odds) || odds <= 1)
      return ctx.skips.add('bad_odds', `${where(ctx.market, matchId, bookmaker, line, selection, observedAt)} = ${String(odds)}`);
    // the cache writes fixed-width ISO UTC text, whose order is time order; anything else is parsed
    const iso = observedAt.length === 24 && observedAt.charCodeAt(23) === 90; /* Z */
    if (iso ? observedAt > this.asOfIso : !(Date.parse(observedAt) <= ctx.asOf)) {
      const t = Date.parse(observedAt);
      if (!Number.isFinite(t)) return ctx.skips.add('bad_time', where(ctx.market, matchId, bookmaker, line, selection, observedAt));
      if (t > ctx.asOf + CLOCK_TOLERANCE_MS)
        return ctx.skips.add('clock_skew', where(ctx.market, matchId, bookmaker, line, selection, observedAt));
      return; // within the tolerance: not yet part of this run
    }
    const stamp = iso ? observedAt : new Date(Date.parse(observedAt)).toISOString();
    const at = this.slot(s, stamp);
    if (s.ms[at] > s.kickoff) return ctx.skips.add('after_kickoff', where(ctx.market, matchId, bookmaker, line, selection, observedAt));
    s.odds[at][k] = odds;
    if (s.snaps !== null) {
      s.snaps = null;
      this.dirty.add(s.group);
    }
  }

  /** Index of the time `stamp` in the series, inserted where it belongs if new. */
  private slot(s: Series, stamp: string): number {
    const n = s.stamps.length;
    let i = s.cursor;
    // the common cases first: the next time of the series, or a new time after all others
    if (i < n && s.stamps[i] === stamp) {
      s.cursor = i + 1;
      return i;
    }
    if (n === 0 || s.stamps[n - 1] < stamp) {
      s.stamps.push(stamp);
      s.ms.push(isoMs(stamp));
      const odds = new Array<number>(this.sels.length);
      for (let k = 0; k < odds.length; k++) odds[k] = NaN;
      s.odds.push(odds);
      s.cursor = n + 1;
      return n;
    }
    if (i > 0 && s.stamps[i - 1] >= stamp) i = 0;
    while (i < n && s.stamps[i] < stamp) i++;
    if (i === n || s.stamps[i] !== stamp) {
      s.stamps.splice(i, 0, stamp);
      s.ms.splice(i, 0, isoMs(stamp));
      s.odds.splice(i, 0, new Array<number>(this.sels.length).fill(NaN));
    }
    s.cursor = i + 1;
    return i;
  }

  private snapsOf(s: Series): Snapshot[] {
    if (s.snaps) return s.snaps;
    const snaps: Snapshot[] = [];
    for (let i = 0; i < s.stamps.length; i++) {
      const odds = s.odds[i];
      if (s.ms[i] > s.kickoff) continue;
      if (!complete(odds)) {
        this.ctx.skips.add('selection_missing', `match ${s.matchId} ${this.ctx.market} ${s.bookmaker} @ ${s.stamps[i]}`);
        continue;
      }
      snaps.push(snapshot(s.ms[i], odds));
    }
    s.snaps = snaps;
    return snaps;
  }

  /** The groups changed since the last call (all of them the first time), rebuilt. */
  finishChanged(): MarketGroup[] {
    const keys = [...this.dirty];
    this.dirty.clear();
    return this.build(keys);
  }

  /** Every group, rebuilt where quotes came in. */
  finish(): MarketGroup[] {
    this.dirty.clear();
    return this.build([...this.groups.keys()]);
  }

  private build(keys: readonly string[]): MarketGroup[] {
    const ctx = this.ctx;
    const out: MarketGroup[] = [];
    for (const key of keys) {
      const g = this.groups.get(key);
      if (!g) continue;
      const books: BookSeries[] = [];
      for (const s of g.series) {
        const snaps = this.snapsOf(s);
        if (snaps.length) books.push({ bookmaker: s.bookmaker, role: ctx.roles.get(s.bookmaker) ?? 'soft', snaps });
      }
      if (books.length < 2) {
        ctx.skips.add('single_book', `match ${g.matchId} ${ctx.market}${g.line === null ? '' : ` ${g.line}`}`);
        continue;
      }
      books.sort((a, b) => (a.bookmaker < b.bookmaker ? -1 : a.bookmaker > b.bookmaker ? 1 : 0));
      out.push({
        matchId: g.matchId,
        market: ctx.market,
        line: g.line,
        selections: this.sels,
        kickoff: g.series[0].kickoff,
        books,
      });
    }
    out.sort((a, b) => a.matchId - b.matchId || (a.line ?? 0) - (b.line ?? 0));
    return out;
  }
}

/** Epoch ms of the cache's fixed-width 'YYYY-MM-DDTHH:MM:SS.sssZ' (what Date.parse gives, several
 * times faster: a run reads every quote's time); other text goes to Date.parse. */
export function isoMs(s: string): number {
  if (
    s.length !== 24 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 46 ||
    s.charCodeAt(23) !== 90
  )
    return Date.parse(s);
  return Date.UTC(
    digits(s, 0, 4),
    digits(s, 5, 2) - 1,
    digits(s, 8, 2),
    digits(s, 11, 2),
    digits(s, 14, 2),
    digits(s, 17, 2),
    digits(s, 20, 3),
  );
}

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

function complete(odds: readonly number[]): boolean {
  for (let k = 0; k < odds.length; k++) if (Number.isNaN(odds[k])) return false;
  return true;
}

/** One book's complete price at one moment, de-vigged multiplicatively (quant's `devig(odds,
 * 'multiplicative')`, written out: it runs for every snapshot of a run; a unit test holds them equal). */
export function snapshot(t: number, odds: number[]): Snapshot {
  const n = odds.length;
  let s = 0;
  for (let k = 0; k < n; k++) s += 1 / odds[k];
  const fair = new Array<number>(n);
  const lg = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const p = 1 / odds[k] / s;
    fair[k] = p;
    lg[k] = Math.log(p / (1 - p));
  }
  return { t, odds, fair, logit: lg, overround: s - 1 };
}
