// Price time series of the demo world. For each match and market the market's belief starts away
// from the truth (~a week before kick-off) and converges to it at kick-off (a Brownian bridge in
// log-probability on an information clock that runs faster near kick-off: real prices move most in the
// last day), planted situations add their offsets, and each book turns the belief into prices: the
// sharp book and the exchange with a small margin that tightens toward kick-off, soft books with their
// own margin, share of it loaded on longshots, a deviation shared by the soft books (the "public" view),
// their own small bias and noise, and their rounding. The calibration (README "Calibration") holds the
// result against the real files: test/unit/data/demo-calibration.test.ts.
import { Rng } from './rng';
import { exchangeTick, logit, mixedMargin, nearestOnLadder, roundDown, roundDownStep } from './model';
import { NORMAL_SOFT_LEVEL, type OutlierDetails, type ReverseDetails, type SteamDetails, type TrapDetails } from './plants';
import type { DemoBookmaker, DemoMatch, DemoPlant, DemoQuote, DemoWorld, OddsTable, TruthMarket } from './types';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const TABLE: Record<TruthMarket['market'], OddsTable> = { '1x2': 'odds_history', totals: 'odds_totals', spreads: 'odds_spreads' };
/** Base number of snapshots per series (times the scale, at least 2: opening and last). */
const POINTS = {
  upcoming: { '1x2': { sharp: 8, exchange: 6, soft: 4 }, other: { sharp: 5, exchange: 4, soft: 3 } },
  past: { '1x2': { sharp: 2, exchange: 2, soft: 2 }, other: { sharp: 2, exchange: 2, soft: 2 } },
};
/** Played matches of the last LATE_DAYS days: every book's last 1X2 quote before the closing one, this many
 * hours before kick-off (a year of pre-kick-off snapshots, the period Agent B's blend weight is chosen on). */
const LATE_H = [1.2, 3];
const LATE_DAYS = 365;
/** Snapshots per book and per day before the anchor for a coming-week match, at least (times the scale). */
const BEFORE_ANCHOR_PER_DAY = { '1x2': { sharp: 3, exchange: 1.5, soft: 1.5 }, other: { sharp: 1, exchange: 0.5, soft: 1 } };
/** Snapshots per book and per day between the anchor and kick-off of an upcoming match (times the scale). */
const AFTER_ANCHOR_PER_DAY = { '1x2': { sharp: 8, exchange: 6, soft: 3 }, other: { sharp: 4, exchange: 3, soft: 2 } };

// Calibrated on the real files (test/fixtures/real/market_shape.json):
/** Log-probability error of the opening belief, and what is left of it at kick-off. */
const SIGMA_OPEN = 0.18;
const SIGMA_CLOSE = 0.02;
/** Brownian bridge between the two, on the clock τ = 1 − (time to kick-off / series length)^CLOCK. */
const SIGMA_BRIDGE = 0.15;
const CLOCK = 0.6;
/** Soft books: a deviation per selection shared by all of them, their own per match, noise per quote. */
const SOFT_COMMON = { '1x2': 0.014, totals: 0.008, spreads: 0.004 };
const SOFT_BOOK = { '1x2': 0.021, totals: 0.011, spreads: 0.006 };
const SOFT_NOISE = 0.004;
/** ... and more in the last hours, up to this much at kick-off (late news priced unevenly: the files'
 * closing soft prices are more dispersed than their pre-closing ones). */
const SOFT_LATE_NOISE = { '1x2': 0.018, totals: 0.01, spreads: 0.004 };
const LATE_MS = 6 * HOUR;
/** Soft books follow the market late: each prices the belief of this long ago (minutes, per book and market). */
const SOFT_LAG_MIN = { '1x2': [10, 45], totals: [5, 30], spreads: [5, 30] };
const EXCHANGE_BIAS = 0.01;
/** The sharp book is not the belief either: its own small deviation per match and selection. */
const SHARP_BIAS = 0.008;
const EXCHANGE_NOISE = 0.005;
/** The sharp book's and the exchange's margins are this much wider two days or more before kick-off. */
const TIGHTEN = { sharp: 0.12, exchange: 2 };
const TIGHTEN_MS = 48 * HOUR;
/** Two-way lines (totals, handicaps) carry little favourite-longshot bias: books price them near even. */
const TWO_WAY_FLB = 0.15;
/** A trap's books give back at most this share on the other selections when they inflate one. */
const GIVE_BACK = 0.03;

const minute = (t: number) => Math.round(t / MINUTE) * MINUTE;
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Probabilities from log-probabilities (softmax). */
function normalise(lp: number[]): number[] {
  const mx = Math.max(...lp);
  const e = lp.map((v) => Math.exp(v - mx));
  const s = e.reduce((a, c) => a + c, 0);
  return e.map((v) => v / s);
}

/** A book's price for an implied probability, rounded its way. */
export function roundAs(b: DemoBookmaker, odds: number): number {
  switch (b.rounding) {
    case 'decimal3':
      return roundDown(odds, 3);
    case 'exchange':
      return exchangeTick(odds);
    case 'step05':
      return odds < 2 ? roundDown(odds, 2) : roundDownStep(odds, 0.05);
    case 'fractional':
      return nearestOnLadder(odds);
    default:
      return roundDown(odds, 2);
  }
}

/** Every quote of the world: the series of every match, then the planted bad quotes. */
export function* demoQuotes(world: DemoWorld): Generator<DemoQuote> {
  const plantsByMatch = new Map<number, DemoPlant[]>();
  for (const p of world.plants) {
    if (p.kind === 'bad_quote') continue;
    const list = plantsByMatch.get(p.matchId) ?? [];
    list.push(p);
    plantsByMatch.set(p.matchId, list);
  }
  for (const m of world.matches) yield* matchQuotes(world, m, plantsByMatch.get(m.id) ?? []);
  yield* world.badQuotes;
}

/** The quotes of one match. With `until`, the quotes observed after it are left out (their random
 * draws are still made: the quotes up to it are the same bytes); the seed needs only what is known. */
export function matchQuotes(world: DemoWorld, m: DemoMatch, plants: DemoPlant[], until = Infinity): DemoQuote[] {
  const out: DemoQuote[] = [];
  for (const g of m.markets) {
    const mine = plants.filter((p) => p.market === g.market && (g.market === '1x2' || p.line === g.line));
    groupQuotes(world, m, g, mine, out, until);
  }
  return out;
}

interface Plan {
  steam?: DemoPlant;
  steamD?: SteamDetails;
  trap?: DemoPlant;
  trapD?: TrapDetails;
  reverse?: DemoPlant;
  reverseD?: ReverseDetails;
  outliers: DemoPlant[];
}

function planOf(plants: DemoPlant[]): Plan {
  const steam = plants.find((p) => p.kind === 'steam');
  const trap = plants.find((p) => p.kind === 'trap');
  const reverse = plants.find((p) => p.kind === 'reverse_line');
  return {
    steam,
    steamD: steam?.details as SteamDetails | undefined,
    trap,
    trapD: trap?.details as TrapDetails | undefined,
    reverse,
    reverseD: reverse?.details as ReverseDetails | undefined,
    outliers: plants.filter((p) => p.kind === 'outlier'),
  };
}

/** Snapshot times of each book: its own grid, plus the moments the plants need to be seen. */
function snapshotGrids(world: DemoWorld, m: DemoMatch, g: TruthMarket, books: DemoBookmaker[], plan: Plan, r: Rng): Map<string, number[]> {
  const upcoming = m.tier === 'upcoming';
  const points = POINTS[upcoming ? 'upcoming' : 'past'][g.market === '1x2' ? '1x2' : 'other'];
  const grids = new Map<string, number[]>();
  const late =
    upcoming || g.market !== '1x2' || m.kickoff < world.anchor - LATE_DAYS * DAY
      ? null
      : minute(m.kickoff - r.uniform(LATE_H[0], LATE_H[1]) * HOUR);
  for (const b of books) {
    // coming week: at least so many a day before the anchor too (a book's price is never days old)
    const perDay = upcoming ? BEFORE_ANCHOR_PER_DAY[g.market === '1x2' ? '1x2' : 'other'][b.kind] * ((m.endAt - m.openAt) / DAY) : 0;
    const n = Math.max(2, Math.round(Math.max(points[b.kind], perDay) * world.scale));
    const open = b.kind === 'sharp' ? m.openAt : Math.min(m.openAt + r.int(0, 180) * MINUTE, m.endAt - 60 * MINUTE);
    const end = upcoming ? m.endAt - r.int(0, b.kind === 'sharp' ? 5 : 15) * MINUTE : m.endAt;
    const times = new Set<number>([open, end]);
    // A played match's 1X2 is also quoted by every book an hour or two before kick-off, as a coming match's
    // is: a replay deciding shortly before kick-off (Agent B's blend calibration) sees the market as it was
    // then, not the week-old opening, against which Dixon-Coles looked worth a blend weight of 0.3 (and Agent
    // B found value at the sharp book itself, a third of its bets). Every book at once: a sharp quote alone
    // would make the others' week-old ones look far off it (too good to be true).
    if (late !== null && late > open && late < end) times.add(late);
    for (let k = 0; k < n - 2; k++) {
      // one in each slice (no long gap), the slices denser near the end, as markets move most late
      const u = 1 - Math.pow(1 - (k + r.next()) / (n - 2), 1.6);
      const t = minute(open + u * (end - open));
      if (t > open && t < end) times.add(t);
    }
    if (upcoming) {
      // After the anchor the series goes on to the closing quote at kick-off (held back by the seed
      // until due): snapshots per day to come, denser near kick-off.
      const days = (m.kickoff - m.endAt) / DAY;
      const k = Math.max(1, Math.round(AFTER_ANCHOR_PER_DAY[g.market === '1x2' ? '1x2' : 'other'][b.kind] * world.scale * days));
      for (let j = 0; j < k; j++) {
        const u = 1 - Math.pow(1 - (j + r.next()) / k, 2);
        const t = minute(m.endAt + u * (m.kickoff - m.endAt));
        if (t > m.endAt && t < m.kickoff) times.add(t);
      }
      times.add(m.kickoff);
    }
    grids.set(
      b.bookmaker,
      [...times].sort((a, c) => a - c),
    );
  }
  const ensure = (book: string, add: number[], clearFrom?: number, clearTo?: number) => {
    const grid = grids.get(book);
    if (!grid) return;
    const last = grid[grid.length - 1];
    let ts = grid.filter(
      (t) => clearFrom === undefined || clearTo === undefined || t < clearFrom || t > clearTo || t === last || t === grid[0],
    );
    ts = [...new Set([...ts, ...add.filter((t) => t > grid[0] && t < last)])].sort((a, c) => a - c);
    grids.set(book, ts);
  };
  const { steam, steamD, trapD, reverseD } = plan;
  if (steam && steamD) {
    ensure('PS', [steamD.before_at, steam.observedAt], steamD.before_at, steam.observedAt);
    for (const f of steamD.followers)
      ensure(f.bookmaker, [steam.observedAt - 10 * MINUTE, f.observed_at], steam.observedAt - 10 * MINUTE, f.observed_at);
    if (steamD.stale_bookmaker)
      ensure(
        steamD.stale_bookmaker,
        [steam.observedAt - 10 * MINUTE, steam.observedAt + 10 * MINUTE],
        steam.observedAt - 10 * MINUTE,
        steam.observedAt + 10 * MINUTE,
      );
  }
  if (trapD?.trap_kind === 'too_good') {
    ensure('PS', [trapD.start_at]);
    ensure(trapD.books[0], [trapD.start_at, trapD.end_at]);
  } else if (trapD) {
    const mid = minute((trapD.start_at + trapD.end_at) / 2);
    for (const b of books) ensure(b.bookmaker, [trapD.start_at - 10 * MINUTE, trapD.start_at, mid, trapD.end_at]);
  }
  if (reverseD) {
    for (const b of books) {
      const lag = b.kind === 'soft' ? reverseD.soft_lag_minutes * MINUTE : 0;
      ensure(b.bookmaker, [reverseD.turn_at + lag, minute((reverseD.turn_at + reverseD.end_at) / 2) + lag, reverseD.end_at + lag]);
    }
  }
  for (const o of plan.outliers) {
    const d = o.details as unknown as OutlierDetails;
    if (d.variant !== 'outlier' || !o.bookmaker) continue;
    ensure('PS', [o.observedAt]);
    ensure(o.bookmaker, [o.observedAt, minute((o.observedAt + (d.until ?? o.observedAt)) / 2)]);
  }
  return grids;
}

/** Cross-match mean and variance of the true log-ratios of each selection to the reference one (the
 * draw; the second side of a two-way line), per market and line position, over the whole world. */
interface Population {
  mu: number[];
  tau2: number[];
}
const populations = new WeakMap<DemoWorld, Map<string, Population>>();
const REF = 1;
const lineKey = (m: DemoMatch, g: TruthMarket): string => {
  if (g.market === '1x2') return '1x2';
  if (g.market === 'totals') return `totals|${g.line}`;
  const lines = m.markets.filter((x) => x.market === 'spreads').map((x) => x.line);
  return `spreads|${g.line - lines[Math.floor(lines.length / 2)]}`;
};
function populationOf(world: DemoWorld, m: DemoMatch, g: TruthMarket): Population {
  let byKey = populations.get(world);
  if (!byKey) {
    const sums = new Map<string, { n: number; s: number[]; s2: number[] }>();
    for (const mm of world.matches) {
      for (const gg of mm.markets) {
        const k = lineKey(mm, gg);
        const acc = sums.get(k) ?? { n: 0, s: gg.probs.map(() => 0), s2: gg.probs.map(() => 0) };
        gg.probs.forEach((p, i) => {
          const l = Math.log(p / gg.probs[REF]);
          acc.s[i] += l;
          acc.s2[i] += l * l;
        });
        acc.n++;
        sums.set(k, acc);
      }
    }
    byKey = new Map();
    for (const [k, a] of sums) {
      const mu = a.s.map((v) => v / a.n);
      byKey.set(k, { mu, tau2: a.s2.map((v, i) => Math.max(1e-4, v / a.n - mu[i] ** 2)) });
    }
    populations.set(world, byKey);
  }
  return byKey.get(lineKey(m, g)) as Population;
}

/** The market's belief at every snapshot time, as log-probabilities (up to a constant). Its error on each
 * free dimension is a Brownian bridge from the opening error to the closing one on the information
 * clock; the belief is the calibrated estimate given that error (the truth's log-ratios shrunk toward
 * the population mean by τ² / (τ² + σ²(t))), so that among matches priced alike the truth is, on
 * average, what the market says: prices are not biased for a bettor who picks extreme ones. */
function beliefPath(m: DemoMatch, g: TruthMarket, pop: Population, times: Iterable<number>, quiet: number, r: Rng): Map<number, number[]> {
  const dims = g.selections.length === 3 ? [0, 2] : [0];
  const all = [...new Set(times)].sort((a, c) => a - c);
  const t0 = Math.min(all[0], m.openAt);
  const span = m.kickoff - t0;
  const so = SIGMA_OPEN * quiet;
  const sb = SIGMA_BRIDGE * quiet;
  // the clock and the calibration factor of each time, once
  const clock = all.map((t) => 1 - Math.pow(1 - clamp01((t - t0) / span), CLOCK));
  const truth = g.probs.map((p) => Math.log(p / g.probs[REF]));
  const belief = all.map(() => [...truth]);
  for (const d of dims) {
    let prevU = 0;
    let prevX = r.normal(0, so);
    const endX = r.normal(0, SIGMA_CLOSE);
    for (let j = 0; j < all.length; j++) {
      const u = clock[j];
      let v = prevX;
      if (all[j] > t0 && u > prevU) {
        const w = prevU >= 1 ? 1 : (u - prevU) / (1 - prevU);
        const sd = prevU >= 1 ? 0 : sb * Math.sqrt(Math.max(0, ((u - prevU) * (1 - u)) / (1 - prevU)));
        v = u >= 1 ? endX : r.normal(prevX + w * (endX - prevX), sd);
        prevU = u;
        prevX = v;
      }
      const variance = (1 - u) ** 2 * so * so + u * u * SIGMA_CLOSE * SIGMA_CLOSE + sb * sb * u * (1 - u);
      const k = pop.tau2[d] / (pop.tau2[d] + variance);
      belief[j][d] = pop.mu[d] + k * (truth[d] + v - pop.mu[d]);
    }
  }
  return new Map(all.map((t, j) => [t, belief[j]]));
}

/** Logit shift that makes a selection of probability p shorter by the factor k (p → p × k). */
const shiftFor = (p: number, k: number) => logit(Math.min(0.97, p * k)) - logit(p);

/** What the plants of one market line do to its prices. */
interface Effects {
  /** The trapped (or reverse-line) selection, -1 if none. */
  favIdx: number;
  /** Adds the plants' logit offsets at t to `off` (the belief every book prices from). */
  offset(t: number, kind: DemoBookmaker['kind'], off: number[]): void;
  /** The trap books' implied probability of the favourite / the sharp fair one at t, or null. */
  trapLevel(t: number): number | null;
  /** One book's planted prices that replace its own at t (outlier, too good), given the fair odds. */
  override(book: string, t: number, fair: number[], odds: number[]): void;
}

function plantEffects(m: DemoMatch, g: TruthMarket, plan: Plan): Effects {
  const { steam, steamD, trap, trapD, reverse, reverseD } = plan;
  const steamIdx = steam ? g.selections.indexOf(steam.selection) : -1;
  const favIdx = trap ? g.selections.indexOf(trap.selection) : reverse ? g.selections.indexOf(reverse.selection) : -1;
  const moving = trapD && (trapD.trap_kind === 'against_sharp' || trapD.trap_kind === 'compound');
  // against_sharp, compound: the sharp book starts the window this much shorter and drifts to the belief
  const sharpShift = moving ? shiftFor(g.probs[favIdx], 1 + (trapD.sharp_move ?? 0)) : 0;
  const ramp = (t: number) => (trapD ? clamp01((t - trapD.start_at) / (trapD.end_at - trapD.start_at)) : 0);
  const end = 1 + (trapD?.inflation ?? 0);
  const start =
    trapD?.trap_kind === 'compound' ? NORMAL_SOFT_LEVEL : (end * (1 + (trapD?.soft_move ?? 0))) / (1 + (trapD?.sharp_move ?? 0));
  const outliers = plan.outliers
    .map((o) => ({ o, d: o.details as unknown as OutlierDetails }))
    .filter(({ o, d }) => d.variant === 'outlier' && o.bookmaker);
  return {
    favIdx,
    offset(t, kind, off) {
      if (steam && steamD && t < steam.observedAt) off[steamIdx] -= steamD.shift;
      if (moving) off[favIdx] += sharpShift * (1 - ramp(t));
      if (reverse && reverseD) {
        const tt = kind === 'soft' ? t - reverseD.soft_lag_minutes * MINUTE : t;
        const peak = reverseD.opening_offset + reverseD.first_move;
        off[favIdx] +=
          tt <= reverseD.turn_at
            ? reverseD.opening_offset + reverseD.first_move * clamp01((tt - m.openAt) / (reverseD.turn_at - m.openAt))
            : peak * (1 - clamp01((tt - reverseD.turn_at) / (reverseD.end_at - reverseD.turn_at)));
      }
    },
    trapLevel(t) {
      if (!trapD || trapD.trap_kind === 'too_good') return null;
      if (trapD.trap_kind === 'inflated_favourite') return t >= trapD.start_at && t < trapD.end_at ? end : null;
      return start + (end - start) * ramp(t);
    },
    override(book, t, fair, odds) {
      for (const { o, d } of outliers) {
        if (o.bookmaker !== book || t < o.observedAt || t > (d.until ?? o.observedAt)) continue;
        // one book far off the market: the fair price itself times the factor, from a book with a margin
        const i = g.selections.indexOf(o.selection);
        odds[i] = roundDown((1 / fair[i]) * (d.factor ?? 1), 2);
      }
      if (trap && trapD?.trap_kind === 'too_good' && book === trapD.books[0] && t >= trapD.start_at && t < trapD.end_at) {
        // a stale or palpable-error quote far above the sharp fair price
        const i = g.selections.indexOf(trap.selection);
        odds[i] = roundDown((1 / fair[i]) * (trapD.factor ?? 1), 2);
      }
    },
  };
}

function groupQuotes(world: DemoWorld, m: DemoMatch, g: TruthMarket, plants: DemoPlant[], out: DemoQuote[], until: number): void {
  const r = Rng.stream(world.seed, 'odds', m.id, g.market, g.line);
  const books = m.books[g.market].map((code) => world.bookmakers.find((b) => b.bookmaker === code) as DemoBookmaker);
  const plan = planOf(plants);
  const grids = snapshotGrids(world, m, g, books, plan, r);
  const lag = new Map(
    books.map((b) => [b.bookmaker, b.kind === 'soft' ? r.int(SOFT_LAG_MIN[g.market][0], SOFT_LAG_MIN[g.market][1]) * MINUTE : 0]),
  );
  const times: number[] = [];
  for (const [book, grid] of grids) for (const t of grid) times.push(t, t - (lag.get(book) as number));
  // A planted market is kept quiet (small opening error) so that the plant is the story its prices tell.
  const quiet = plants.some((p) => p.kind !== 'outlier') ? 0.25 : 1;
  const x = beliefPath(m, g, populationOf(world, m, g), times, quiet, r);
  const fx = plantEffects(m, g, plan);
  const common = g.selections.map(() => r.normal(0, SOFT_COMMON[g.market]));
  for (const b of books) {
    const bias = g.selections.map(
      (_, i) =>
        r.normal(0, b.kind === 'soft' ? SOFT_BOOK[g.market] : b.kind === 'exchange' ? EXCHANGE_BIAS : SHARP_BIAS) +
        (b.kind === 'soft' ? common[i] : 0),
    );
    const grid = grids.get(b.bookmaker) as number[];
    priceBook(m, g, b, { grid, lag: lag.get(b.bookmaker) as number, bias, x, fx, plan, until }, r, out);
  }
}

/** One book's quotes of one market line at its snapshot times. */
function priceBook(
  m: DemoMatch,
  g: TruthMarket,
  b: DemoBookmaker,
  c: { grid: number[]; lag: number; bias: number[]; x: Map<number, number[]>; fx: Effects; plan: Plan; until: number },
  r: Rng,
  out: DemoQuote[],
): void {
  const { steam, steamD, trapD } = c.plan;
  const n = g.selections.length;
  const spread = b.kind === 'soft' ? 0.15 : 0.25;
  const base =
    (g.market === '1x2' ? b.margin : g.market === 'totals' ? b.totalsMargin : b.spreadsMargin) * r.uniform(1 - spread, 1 + spread);
  const tighten = b.kind === 'sharp' ? TIGHTEN.sharp : b.kind === 'exchange' ? TIGHTEN.exchange : 0;
  const flb = g.market === '1x2' ? b.flb : b.flb * TWO_WAY_FLB;
  const noise = b.kind === 'soft' ? SOFT_NOISE : b.kind === 'exchange' ? EXCHANGE_NOISE : 0;
  const jitter = Math.exp(r.normal(0, 0.006));
  const stale = steamD?.stale_bookmaker === b.bookmaker ? steamD : undefined;
  const inTrap = trapD?.trap_kind !== 'too_good' && trapD?.books.includes(b.bookmaker);
  const table = TABLE[g.market];
  const line = g.market === '1x2' ? null : g.line;
  const off = new Array<number>(n);
  const lp = new Array<number>(n);
  // the belief's fair probabilities (the sharp book's, before its margin) serve the plants' prices only
  const needFair = inTrap || c.plan.outliers.length > 0 || trapD?.trap_kind === 'too_good';
  let frozen: number[] | undefined;
  for (const t of c.grid) {
    const held = stale && frozen && t >= (steam as DemoPlant).observedAt;
    const sd = noise + (b.kind === 'soft' ? SOFT_LATE_NOISE[g.market] * (1 - clamp01((m.kickoff - t) / LATE_MS)) : 0);
    if (t > c.until) {
      // not wanted: only its random draws are made, so that the stream stays the same
      if (!held && sd > 0) for (let i = 0; i < n; i++) r.normal(0, sd);
      continue;
    }
    off.fill(0);
    c.fx.offset(t, b.kind, off);
    let fair: number[] = [];
    if (needFair) {
      const now = c.x.get(t) as number[];
      for (let i = 0; i < n; i++) lp[i] = now[i] + off[i];
      fair = normalise(lp);
    }
    let odds: number[];
    if (held) odds = [...(frozen as number[])];
    else {
      // the book prices the belief of `lag` ago, with its own bias and noise
      const seen = c.x.get(t - c.lag) as number[];
      for (let i = 0; i < n; i++) lp[i] = seen[i] + off[i] + c.bias[i] + (sd > 0 ? r.normal(0, sd) : 0);
      const margin = base * (1 + tighten * clamp01((m.kickoff - t) / TIGHTEN_MS));
      const q = mixedMargin(normalise(lp), margin, flb);
      const level = inTrap ? c.fx.trapLevel(t) : null;
      if (level !== null) {
        // the trap books price the favourite at `level` × the sharp fair probability and give back a
        // little on the other selections
        const f = c.fx.favIdx;
        const qf = Math.min(0.97, level * jitter * fair[f]);
        const rest = q.reduce((a, v, i) => (i === f ? a : a + v), 0);
        const k = Math.max(1 - GIVE_BACK, (1 + margin - qf) / rest);
        for (let i = 0; i < n; i++) q[i] = i === f ? qf : q[i] * k;
      }
      odds = q.map((v) => roundAs(b, 1 / v));
      if (stale && t < (steam as DemoPlant).observedAt) frozen = [...odds];
    }
    c.fx.override(b.bookmaker, t, fair, odds);
    const closing = t === m.kickoff;
    for (let i = 0; i < n; i++) {
      out.push({
        table,
        matchId: m.id,
        bookmaker: b.bookmaker,
        line,
        selection: g.selections[i],
        odds: odds[i],
        observedAt: t,
        isClosing: closing,
      });
    }
  }
}
