// FERRARI trap detector (SPEC 5): prices that tempt a bettor and should not. Three signals on one
// selection, read at every moment of the market's replay (Agent A's) against the sharp book's
// de-vigged fair price. A soft book's quote counts while it is at most `softFreshMs` old, and only
// while the sharp's is at most `sharpFreshMs` old (an old sharp price is no reference):
// - inflated favourite (1X2): on the favourite (home or away, the larger sharp fair probability) at
//   least `books` soft books' implied probability is `level` or more above the sharp fair probability
//   (their normal level is ~+5%, their margin), for `holdMs` at least: backing the favourite there
//   pays far less than it is worth;
// - against sharp (1X2): over a window of 2 to 24 hours starting with the selection favourite, the
//   sharp fair odds move `sharp` or more one way while `books` soft books move `soft` or more the
//   other way: the public pushes one way, the sharp money the other;
// - too good (any market): a book's price is `factor` times the sharp fair odds or more: a stale or
//   palpable-error quote that will be voided or is about to move.
// Two or more make a compound trap. One trap per selection: it begins when a signal is first seen
// (the inflated one must then hold an hour), is over when none was seen for `offMs` or at kick-off,
// and is active again if a signal comes back.
import type { TrapKind, TrapSeverity, TrapSignal } from '../../../src-shared/contract/intel';
import type { MarketKind } from '../../../src-shared/contract/market';
import { clamp, eventAt, fmtOdds, fmtTime, r6, type Replay, type Snapshot } from '../agents/anomaly';

export const TRAPS = {
  softFreshMs: 3 * 3_600_000,
  sharpFreshMs: 6 * 3_600_000,
  inflated: { level: 0.14, books: 3, holdMs: 3_600_000 },
  against: { sharp: 0.04, soft: 0.03, books: 3, minWindowMs: 2 * 3_600_000, windowMs: 24 * 3_600_000 },
  tooGood: { factor: 1.35 },
  offMs: 3_600_000,
};

export interface SignalReading {
  signal: TrapSignal;
  strength: number;
  bookmaker: string | null;
  odds: number | null;
  text: string;
  numbers: Record<string, number | string | null>;
}

export interface RawTrap {
  matchId: number;
  market: MarketKind;
  line: number | null;
  selection: string;
  kind: TrapKind;
  signals: TrapSignal[];
  start: number;
  /** When the last signal stopped (null while one holds). */
  end: number | null;
  score: number;
  severity: TrapSeverity;
  bookmaker: string | null;
  odds: number | null;
  fairOdds: number | null;
  edge: number | null;
  books: string[];
  explanation: string;
  evidence: Record<string, unknown>;
}

export const severityOf = (score: number): TrapSeverity => (score >= 70 ? 'high' : score >= 45 ? 'medium' : 'low');

/** What the signals read at each event of a replay, computed once: the sharp snapshot if fresh
 * enough to judge the soft books by, and each soft book's snapshot if fresh (none while the sharp
 * is stale). */
export interface TrapView {
  r: Replay;
  sharp: (Snapshot | null)[];
  /** soft[x][i]: the fresh snapshot of soft book r.soft[x] at event i, or null. */
  soft: (Snapshot | null)[][];
}

export function trapView(r: Replay): TrapView {
  const n = r.times.length;
  const sharp: (Snapshot | null)[] = new Array(n).fill(null);
  const soft: (Snapshot | null)[][] = r.soft.map(() => new Array(n).fill(null));
  if (r.sharp < 0) return { r, sharp, soft };
  const sharpSnaps = r.group.books[r.sharp].snaps;
  for (let i = 0; i < n; i++) {
    const t = r.times[i];
    const j = r.latest[r.sharp][i];
    if (j < 0 || t - sharpSnaps[j].t > TRAPS.sharpFreshMs) continue;
    sharp[i] = sharpSnaps[j];
    for (let x = 0; x < r.soft.length; x++) {
      const b = r.soft[x];
      const q = r.latest[b][i];
      if (q < 0) continue;
      const snap = r.group.books[b].snaps[q];
      if (t - snap.t <= TRAPS.softFreshMs) soft[x][i] = snap;
    }
  }
  return { r, sharp, soft };
}

const pct = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%`;

/** Home or away, the larger sharp fair probability: the favourite of a 1X2 market. */
const isFavourite = (fair: readonly number[], k: number): boolean => k !== 1 && fair[k] >= fair[2 - k];

function inflatedAt(v: TrapView, i: number, k: number, books: number = TRAPS.inflated.books): SignalReading | null {
  const r = v.r;
  const g = r.group;
  const sharp = v.sharp[i];
  if (g.market !== '1x2' || !sharp || !isFavourite(sharp.fair, k)) return null;
  const p = sharp.fair[k];
  const { level } = TRAPS.inflated;
  let over = 0;
  for (let x = 0; x < r.soft.length; x++) {
    const snap = v.soft[x][i];
    if (snap && 1 / snap.odds[k] / p - 1 >= level) over++;
  }
  if (over < books) return null;
  // it shows: now the details, for the explanation
  const levels = r.soft
    .map((b, x) => ({ book: g.books[b].bookmaker, snap: v.soft[x][i] }))
    .filter((x): x is { book: string; snap: Snapshot } => x.snap !== null)
    .map((x) => ({ book: x.book, odds: x.snap.odds[k], level: 1 / x.snap.odds[k] / p - 1 }))
    .sort((a, b) => b.level - a.level);
  const shown = levels.filter((x) => x.level >= level);
  return {
    signal: 'inflated_favourite',
    strength: clamp(levels[books - 1].level / 0.3),
    bookmaker: shown[0].book,
    odds: shown[0].odds,
    text:
      `${shown.length} soft books price the favourite far shorter than ${g.books[r.sharp].bookmaker}'s fair ${fmtOdds(1 / p)}: ` +
      shown
        .slice(0, 4)
        .map((x) => `${x.book} ${fmtOdds(x.odds)} (${pct(x.level)} implied)`)
        .join(', ') +
      ' where ~+5% is usual',
    numbers: { sharpFairOdds: r6(1 / p), books: shown.length, thirdLevel: r6(levels[books - 1].level), topLevel: r6(shown[0].level) },
  };
}

function againstAt(v: TrapView, i: number, k: number, books: number = TRAPS.against.books): SignalReading | null {
  const r = v.r;
  const g = r.group;
  if (g.market !== '1x2' || k === 1) return null;
  const s1 = v.sharp[i];
  if (!s1) return null;
  const t1 = r.times[i];
  const { sharp: minSharp, soft: minSoft, minWindowMs, windowMs } = TRAPS.against;
  let fresh = 0;
  for (let x = 0; x < r.soft.length; x++) if (v.soft[x][i]) fresh++;
  if (fresh < books) return null;
  for (let a = eventAt(r, t1 - minWindowMs); a >= 0 && r.times[a] >= t1 - windowMs; a--) {
    const s0 = v.sharp[a];
    if (!s0 || !isFavourite(s0.fair, k)) continue;
    const move = s0.fair[k] / s1.fair[k] - 1; // fair odds end / start − 1
    if (Math.abs(move) < minSharp) continue;
    const dir = -Math.sign(move);
    let against = 0;
    for (let x = 0; x < r.soft.length; x++) {
      const o0 = v.soft[x][a];
      const o1 = v.soft[x][i];
      if (o0 && o1 && (o1.odds[k] / o0.odds[k] - 1) * dir >= minSoft) against++;
    }
    if (against < books) continue;
    // it shows: now the details, for the explanation
    const moves: { book: string; from: number; to: number; m: number }[] = [];
    r.soft.forEach((b, x) => {
      const o0 = v.soft[x][a];
      const o1 = v.soft[x][i];
      if (o0 && o1) moves.push({ book: g.books[b].bookmaker, from: o0.odds[k], to: o1.odds[k], m: (o1.odds[k] / o0.odds[k] - 1) * dir });
    });
    moves.sort((p, q) => q.m - p.m);
    const movers = moves.filter((x) => x.m >= minSoft);
    const drift = move > 0;
    const lead = movers.reduce((x, y) => ((drift ? y.to < x.to : y.to > x.to) ? y : x));
    return {
      signal: 'against_sharp',
      strength: clamp((Math.abs(move) + moves[books - 1].m) / 0.2),
      bookmaker: lead.book,
      odds: lead.to,
      text:
        `since ${fmtTime(r.times[a])} UTC ${g.books[r.sharp].bookmaker}'s fair odds ${drift ? 'drifted' : 'shortened'} ${fmtOdds(1 / s0.fair[k])}→${fmtOdds(1 / s1.fair[k])} (${pct(move)}) ` +
        `while ${movers.length} soft books ${drift ? 'shortened' : 'drifted'} it: ` +
        movers
          .slice(0, 4)
          .map((x) => `${x.book} ${fmtOdds(x.from)}→${fmtOdds(x.to)}`)
          .join(', '),
      numbers: {
        since: new Date(r.times[a]).toISOString(),
        sharpMove: r6(move),
        thirdSoftMove: r6(dir * moves[books - 1].m),
        books: movers.length,
      },
    };
  }
  return null;
}

function tooGoodAt(v: TrapView, i: number, k: number): SignalReading | null {
  const r = v.r;
  const g = r.group;
  const j = r.latest[r.sharp][i];
  if (j < 0) return null;
  const p = g.books[r.sharp].snaps[j].fair[k];
  let best = -1;
  let bestOdds = 0;
  for (let b = 0; b < g.books.length; b++) {
    const x = r.latest[b][i];
    if (b === r.sharp || x < 0) continue;
    const o = g.books[b].snaps[x].odds[k];
    if (o > bestOdds) {
      bestOdds = o;
      best = b;
    }
  }
  if (best < 0 || bestOdds * p < TRAPS.tooGood.factor) return null;
  const factor = bestOdds * p;
  const book = g.books[best].bookmaker;
  return {
    signal: 'too_good',
    strength: clamp((factor - 1) / 0.6),
    bookmaker: book,
    odds: bestOdds,
    text: `${book} ${fmtOdds(bestOdds)} is ${factor.toFixed(2)}× ${g.books[r.sharp].bookmaker}'s fair ${fmtOdds(1 / p)}: a stale or palpable-error quote, likely voided or about to move`,
    numbers: { odds: bestOdds, sharpFairOdds: r6(1 / p), factor: r6(factor) },
  };
}

/** The signals on selection k at event i (none without a sharp price). `books` lowers the number of
 * soft books the inflated and against signals need (the history of past matches, priced by fewer books). */
export function signalsAt(v: TrapView, i: number, k: number, books?: number): SignalReading[] {
  if (v.r.sharp < 0) return NONE;
  const a = inflatedAt(v, i, k, books);
  const b = againstAt(v, i, k, books);
  const c = tooGoodAt(v, i, k);
  if (!a && !b && !c) return NONE;
  const out: SignalReading[] = [];
  if (a) out.push(a);
  if (b) out.push(b);
  if (c) out.push(c);
  return out;
}

const NONE: SignalReading[] = [];

interface SignalTrack {
  first: number;
  last: number;
  /** Start of the current unbroken run of events with the signal on (null when off). */
  run: number | null;
  confirmed: boolean;
  /** Start of its first run that held long enough. */
  confirmedFrom: number | null;
  peak: SignalReading;
  latest: SignalReading;
}

interface Episode {
  start: number;
  lastOn: number;
  seen: Map<TrapSignal, SignalTrack>;
}

function hasSignal(on: readonly SignalReading[], sig: TrapSignal): boolean {
  for (const s of on) if (s.signal === sig) return true;
  return false;
}

const holdOf = (s: TrapSignal): number => (s === 'inflated_favourite' ? TRAPS.inflated.holdMs : 0);

/** Trap episodes of every selection of one market line, from its replay up to `asOf`. */
/** `pending` collects when a signal still short of its hold would confirm with no new quote. One trap
 * per selection: a signal that stops and comes back is the same trap (active again). */
export function detectTraps(r: Replay, asOf: number, pending?: number[], books?: number): RawTrap[] {
  const g = r.group;
  if (r.sharp < 0) return [];
  const v = trapView(r);
  const out: RawTrap[] = [];
  const eps: (Episode | null)[] = g.selections.map(() => null);
  const until = Math.min(asOf, g.kickoff);
  for (let i = 0; i < r.times.length; i++) {
    const t = r.times[i];
    for (let k = 0; k < g.selections.length; k++) {
      const on = signalsAt(v, i, k, books);
      let ep = eps[k];
      if (ep)
        for (const [sig, x] of ep.seen) {
          if (x.run === null || hasSignal(on, sig)) continue;
          // it stopped here: the prices of its last moment held until now
          if (!x.confirmed && t - x.run >= holdOf(sig)) {
            x.confirmed = true;
            x.confirmedFrom = x.run;
          }
          x.run = null;
        }
      if (!on.length) continue;
      if (!ep) eps[k] = ep = { start: t, lastOn: t, seen: new Map() };
      ep.lastOn = t;
      for (const s of on) {
        let x = ep.seen.get(s.signal);
        if (!x) ep.seen.set(s.signal, (x = { first: t, last: t, run: t, confirmed: false, confirmedFrom: null, peak: s, latest: s }));
        x.run ??= t;
        x.last = t;
        x.latest = s;
        if (s.strength > x.peak.strength) x.peak = s;
        if (!x.confirmed && t - x.run >= holdOf(s.signal)) {
          x.confirmed = true;
          x.confirmedFrom = x.run;
        }
      }
    }
  }
  const lastEvent = r.times[r.times.length - 1];
  for (let k = 0; k < g.selections.length; k++) {
    const ep = eps[k];
    if (!ep) continue;
    const stillOn = ep.lastOn === lastEvent || until - ep.lastOn < TRAPS.offMs;
    const end = stillOn && g.kickoff > asOf ? null : Math.min(ep.lastOn, g.kickoff);
    // prices hold until the next quote: a run still on at the end lasts until the run's time
    if (end === null)
      for (const [sig, x] of ep.seen) {
        if (x.run === null || x.confirmed) continue;
        if (until - x.run >= holdOf(sig)) {
          x.confirmed = true;
          x.confirmedFrom = x.run;
        } else pending?.push(x.run + holdOf(sig));
      }
    const confirmed = [...ep.seen.values()].filter((x) => x.confirmed);
    if (!confirmed.length) continue;
    ep.start = Math.min(...confirmed.map((x) => x.confirmedFrom as number));
    out.push(trapOf(r, k, ep, end));
  }
  return out;
}

function trapOf(r: Replay, k: number, ep: Episode, end: number | null): RawTrap {
  const g = r.group;
  const signals = [...ep.seen]
    .filter(([, x]) => x.confirmed)
    .map(([s]) => s)
    .sort();
  const strengths = signals.map((s) => (ep.seen.get(s) as SignalTrack).peak.strength);
  const score = Math.round(Math.min(1, Math.max(...strengths) + 0.15 * (signals.length - 1)) * 1000) / 10;
  // the price shown: the too-good quote when there is one, else the soft book the trap is at
  const lead = (['too_good', 'inflated_favourite', 'against_sharp'] as const).map((x) => ep.seen.get(x)).find((x) => x?.confirmed);
  const latest = lead?.latest;
  const i = r.times.indexOf(ep.lastOn);
  const sharp = r.sharpFair(i);
  const fairOdds = sharp ? 1 / sharp[k] : null;
  const odds = latest?.odds ?? null;
  const books = new Set<string>([g.books[r.sharp].bookmaker]);
  for (const s of signals) {
    const x = ep.seen.get(s) as SignalTrack;
    if (x.latest.bookmaker) books.add(x.latest.bookmaker);
  }
  if (signals.some((s) => s !== 'too_good')) for (const b of r.soft) books.add(g.books[b].bookmaker);
  const kind: TrapKind = signals.length >= 2 ? 'compound' : signals[0];
  const parts = signals.map((s) => (ep.seen.get(s) as SignalTrack).peak.text);
  return {
    matchId: g.matchId,
    market: g.market,
    line: g.line,
    selection: g.selections[k],
    kind,
    signals,
    start: ep.start,
    end,
    score,
    severity: severityOf(score),
    bookmaker: latest?.bookmaker ?? null,
    odds,
    fairOdds: r6(fairOdds),
    edge: odds !== null && fairOdds !== null ? r6(odds / fairOdds - 1) : null,
    books: [...books],
    explanation: `${g.selections[k]}: ${parts.join('; ')}`,
    evidence: {
      start: new Date(ep.start).toISOString(),
      lastSeen: new Date(ep.lastOn).toISOString(),
      sharp: g.books[r.sharp].bookmaker,
      signals: Object.fromEntries(
        signals.map((s) => {
          const x = ep.seen.get(s) as SignalTrack;
          return [
            s,
            { from: new Date(x.first).toISOString(), to: new Date(x.last).toISOString(), peak: x.peak.numbers, latest: x.latest.numbers },
          ];
        }),
      ),
    },
  };
}
