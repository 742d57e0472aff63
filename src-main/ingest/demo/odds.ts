// Price time series of the demo world. For each match and market the market's belief starts away
// from the truth (~a week before kick-off) and converges to it at kick-off (a Brownian bridge in
// log-probability), planted situations add their offsets, and each book turns the belief into
// prices: the sharp with a small proportional margin, soft books with a power margin (favourite-
// longshot bias) and a per-match bias, the exchange on its tick ladder.
import { Rng } from './rng';
import { exchangeTick, powerMargin, proportionalMargin, roundDown } from './model';
import type { OutlierDetails, ReverseDetails, SteamDetails, TrapDetails } from './plants';
import type { DemoBookmaker, DemoMatch, DemoPlant, DemoQuote, DemoWorld, OddsTable, TruthMarket } from './types';

const MINUTE = 60_000;
const DAY = 86_400_000;
const TABLE: Record<TruthMarket['market'], OddsTable> = { '1x2': 'odds_history', totals: 'odds_totals', spreads: 'odds_spreads' };
/** Base number of snapshots per series (times the scale, at least 2: opening and last). */
const POINTS = {
  upcoming: { '1x2': { sharp: 8, exchange: 6, soft: 4 }, other: { sharp: 5, exchange: 4, soft: 3 } },
  past: { '1x2': { sharp: 2, exchange: 2, soft: 2 }, other: { sharp: 2, exchange: 2, soft: 2 } },
};
/** Snapshots per book and per day between the anchor and kick-off of an upcoming match (times the scale). */
const AFTER_ANCHOR_PER_DAY = { '1x2': { sharp: 8, exchange: 6, soft: 3 }, other: { sharp: 4, exchange: 3, soft: 2 } };
const SIGMA_OPEN = 0.12; // log-prob error of the opening belief
const SIGMA_CLOSE = 0.02; // residual error of the closing belief
const SIGMA_BRIDGE = 0.1;
const SOFT_BIAS = 0.1; // per match and selection, soft books only
const SOFT_NOISE = 0.01;
const EXCHANGE_NOISE = 0.015;

const minute = (t: number) => Math.round(t / MINUTE) * MINUTE;

/** Probabilities from log-probabilities (softmax). */
function normalise(lp: number[]): number[] {
  const mx = Math.max(...lp);
  const e = lp.map((v) => Math.exp(v - mx));
  const s = e.reduce((a, c) => a + c, 0);
  return e.map((v) => v / s);
}
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

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

export function matchQuotes(world: DemoWorld, m: DemoMatch, plants: DemoPlant[]): DemoQuote[] {
  const out: DemoQuote[] = [];
  for (const g of m.markets) {
    const mine = plants.filter((p) => p.market === g.market && (g.market === '1x2' || p.line === g.line));
    groupQuotes(world, m, g, mine, out);
  }
  return out;
}

function groupQuotes(world: DemoWorld, m: DemoMatch, g: TruthMarket, plants: DemoPlant[], out: DemoQuote[]): void {
  const r = Rng.stream(world.seed, 'odds', m.id, g.market, g.line);
  const books = m.books[g.market].map((code) => world.bookmakers.find((b) => b.bookmaker === code) as DemoBookmaker);
  const upcoming = m.tier === 'upcoming';
  const points = POINTS[upcoming ? 'upcoming' : 'past'][g.market === '1x2' ? '1x2' : 'other'];
  const steam = plants.find((p) => p.kind === 'steam');
  const steamD = steam?.details as SteamDetails | undefined;
  const trap = plants.find((p) => p.kind === 'trap');
  const trapD = trap?.details as TrapDetails | undefined;
  const reverse = plants.find((p) => p.kind === 'reverse_line');
  const reverseD = reverse?.details as ReverseDetails | undefined;
  const outliers = plants.filter((p) => p.kind === 'outlier');

  // Snapshot times of each book.
  const grids = new Map<string, number[]>();
  for (const b of books) {
    const n = Math.max(2, Math.round(points[b.kind] * world.scale));
    const open = b.kind === 'sharp' ? m.openAt : Math.min(m.openAt + r.int(0, 180) * MINUTE, m.endAt - 60 * MINUTE);
    const end = upcoming ? m.endAt - r.int(0, b.kind === 'sharp' ? 5 : 15) * MINUTE : m.endAt;
    const times = new Set<number>([open, end]);
    for (let k = 0; k < n - 2; k++) {
      const u = 1 - Math.pow(1 - r.next(), 1.6); // denser near the end, as markets move most late
      const t = minute(open + u * (end - open));
      if (t > open && t < end) times.add(t);
    }
    if (upcoming) {
      // After the anchor the series goes on to the closing quote at kick-off (held back by the seed
      // until due): snapshots per day to come, denser near kick-off.
      const days = (m.kickoff - m.endAt) / DAY;
      const k = Math.max(1, Math.round(AFTER_ANCHOR_PER_DAY[g.market === '1x2' ? '1x2' : 'other'][b.kind] * world.scale * days));
      for (let j = 0; j < k; j++) {
        const u = 1 - Math.pow(1 - r.next(), 2);
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
  if (trapD)
    for (const b of books) ensure(b.bookmaker, [trapD.start_at - 10 * MINUTE, minute((trapD.start_at + trapD.end_at) / 2), trapD.end_at]);
  if (reverseD) {
    for (const b of books) {
      const lag = b.kind === 'soft' ? reverseD.soft_lag_minutes * MINUTE : 0;
      ensure(b.bookmaker, [reverseD.turn_at + lag, minute((reverseD.turn_at + reverseD.end_at) / 2) + lag, reverseD.end_at + lag]);
    }
  }
  for (const o of outliers) {
    const d = o.details as unknown as OutlierDetails;
    if (d.variant === 'outlier' && o.bookmaker) ensure(o.bookmaker, [o.observedAt, minute((o.observedAt + (d.until ?? o.observedAt)) / 2)]);
  }

  // The market's belief: a Brownian bridge per free dimension from the opening error to the closing one.
  const dims = g.selections.length === 3 ? [0, 2] : [0];
  const all = [...new Set([...grids.values()].flat())].sort((a, c) => a - c);
  const t0 = Math.min(all[0], m.openAt);
  const t1 = m.kickoff;
  const x = new Map<number, number[]>();
  // A planted market is kept quiet (small opening error) so that the plant is the story its prices tell.
  const quiet = plants.some((p) => p.kind !== 'outlier') ? 0.25 : 1;
  for (const d of dims) {
    let prevT = t0;
    let prevX = r.normal(0, SIGMA_OPEN * quiet);
    const endX = r.normal(0, SIGMA_CLOSE);
    for (const t of all) {
      if (t <= prevT) {
        if (!x.has(t)) x.set(t, new Array(g.selections.length).fill(0));
        (x.get(t) as number[])[d] = prevX;
        continue;
      }
      const u0 = (prevT - t0) / (t1 - t0);
      const u = Math.min(1, (t - t0) / (t1 - t0));
      const w = u0 >= 1 ? 1 : (u - u0) / (1 - u0);
      const mean = prevX + w * (endX - prevX);
      const sd = u0 >= 1 ? 0 : SIGMA_BRIDGE * quiet * Math.sqrt(Math.max(0, ((u - u0) * (1 - u)) / (1 - u0)));
      const v = u >= 1 ? endX : r.normal(mean, sd);
      if (!x.has(t)) x.set(t, new Array(g.selections.length).fill(0));
      (x.get(t) as number[])[d] = v;
      prevT = t;
      prevX = v;
    }
  }

  const steamIdx = steam ? g.selections.indexOf(steam.selection) : -1;
  const favIdx = trap ? g.selections.indexOf(trap.selection) : reverse ? g.selections.indexOf(reverse.selection) : -1;
  const offset = (t: number, kind: DemoBookmaker['kind']): number[] => {
    const off = new Array(g.selections.length).fill(0);
    if (steam && steamD && t < steam.observedAt) off[steamIdx] -= steamD.shift;
    if (trap && trapD) {
      const ramp = clamp01((t - trapD.start_at) / (trapD.end_at - trapD.start_at));
      off[favIdx] += kind === 'soft' ? trapD.sharp_drift + trapD.public_shorten * ramp : trapD.sharp_drift * (1 - ramp);
    }
    if (reverse && reverseD) {
      const tt = kind === 'soft' ? t - reverseD.soft_lag_minutes * MINUTE : t;
      const peak = reverseD.opening_offset + reverseD.first_move;
      off[favIdx] +=
        tt <= reverseD.turn_at
          ? reverseD.opening_offset + reverseD.first_move * clamp01((tt - m.openAt) / (reverseD.turn_at - m.openAt))
          : peak * (1 - clamp01((tt - reverseD.turn_at) / (reverseD.end_at - reverseD.turn_at)));
    }
    return off;
  };

  const logTruth = g.probs.map((p) => Math.log(p));
  const table = TABLE[g.market];
  const line = g.market === '1x2' ? null : g.line;
  for (const b of books) {
    const bias = g.selections.map(() => (b.kind === 'soft' ? r.normal(0, SOFT_BIAS) : b.kind === 'exchange' ? r.normal(0, 0.02) : 0));
    const margin = b.margin * (g.market === '1x2' ? 1 : 0.9) * r.uniform(0.92, 1.08);
    const stale = steamD?.stale_bookmaker === b.bookmaker ? steamD : undefined;
    let frozen: number[] | undefined;
    for (const t of grids.get(b.bookmaker) as number[]) {
      let odds: number[];
      let fair: number[] = [];
      if (stale && frozen && t >= (steam as DemoPlant).observedAt) {
        odds = frozen;
      } else {
        const xs = x.get(t) as number[];
        const off = offset(t, b.kind);
        const noise = b.kind === 'soft' ? SOFT_NOISE : b.kind === 'exchange' ? EXCHANGE_NOISE : 0;
        fair = normalise(logTruth.map((l, i) => l + xs[i] + off[i])).map((p) => 1 / p);
        const lp = logTruth.map((l, i) => l + xs[i] + off[i] + bias[i] + (noise > 0 ? r.normal(0, noise) : 0));
        const p = normalise(lp);
        if (b.kind === 'soft') odds = powerMargin(p, margin).map((q) => roundDown(1 / q, 2));
        else if (b.kind === 'sharp') odds = proportionalMargin(p, margin).map((q) => roundDown(1 / q, 3));
        else odds = proportionalMargin(p, margin).map((q) => exchangeTick(1 / q));
        if (stale && t < (steam as DemoPlant).observedAt) frozen = odds;
      }
      for (const o of outliers) {
        const d = o.details as unknown as OutlierDetails;
        if (d.variant !== 'outlier' || o.bookmaker !== b.bookmaker || t < o.observedAt || t > (d.until ?? o.observedAt)) continue;
        const i = g.selections.indexOf(o.selection);
        // "too good to be true": the fair price itself, times the factor, from a book with a margin
        odds = odds.map((v, k) => (k === i && fair.length ? roundDown(fair[k] * (d.factor ?? 1), 2) : v));
      }
      const closing = t === m.kickoff;
      for (let i = 0; i < g.selections.length; i++) {
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
}
