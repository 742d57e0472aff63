// Reverse line movement: the sharp book turns and moves one way while the soft consensus still goes
// (or stands) the other. Seen in the prices: the sharp's de-vigged logit of a selection moved by at
// least `minFirstLeg` one way, then turned and moved at least `minSecondLeg` the other way within
// `maxSecondLegMs`, past where the first leg started; and the sharp led: at a moment when it had
// gone half of its second leg (within `maxLeadMs` of its turn), the soft consensus had come down
// less than a third as far although most soft books had priced again since the turn (quotes older
// than the turn say nothing about it). A lasting split where
// the soft books never follow is a trap (FERRARI's against-sharp signal), not a reversal.
import { clamp, fmtMinutes, fmtPct, fmtTime, r6, score100, type RawFinding } from './finding';
import { logit } from './series';
import { eventAt, type Replay } from './replay';

export const REVERSE = {
  minFirstLeg: 0.06,
  maxFirstLegMs: 5 * 86_400_000,
  minSecondLeg: 0.13,
  /** Prices within this much logit of the top are still the top (the turn is the last of them). */
  plateau: 0.005,
  maxSecondLegMs: 14 * 3_600_000,
  /** How far before the turn the soft consensus's high is looked for. */
  softLookbackMs: 6 * 3_600_000,
  /** The soft consensus "still at its high": it has come down from it less than this share of the sharp's move. */
  softHold: 1 / 3,
  /** ... and the sharp had gone half of its second leg within this long of its turn. */
  maxLeadMs: 7 * 3_600_000,
  fullSecondLeg: 0.3,
};

interface Turn {
  k: number;
  sign: 1 | -1;
  q: number;
  p: number;
  j: number;
  softPeakAt: number;
  softFrom: number;
  softPeak: number;
}

function softAt(r: Replay, i: number, k: number): number | null {
  const c = r.softCons(i);
  return c ? logit(c[k]) : null;
}

/** Soft books whose latest quote at event i came after t: they saw the sharp's turn and priced anyway. */
function quotedSince(r: Replay, i: number, t: number): number {
  let n = 0;
  for (const b of r.soft) {
    const j = r.latest[b][i];
    if (j >= 0 && r.group.books[b].snaps[j].t > t) n++;
  }
  return n;
}

/** Reversal shapes of the sharp's price of selection k (sign −1: the mirror, a drift then a shortening). */
function scan(r: Replay, k: number, sign: 1 | -1): Turn[] {
  const snaps = r.group.books[r.sharp].snaps;
  const v = snaps.map((s) => sign * s.logit[k]);
  const out: Turn[] = [];
  let after = -Infinity;
  for (let j = 1; j < snaps.length; j++) {
    const tj = snaps[j].t;
    // the peak of the window before j
    let p = -1;
    for (let x = j - 1; x >= 0 && tj - snaps[x].t <= REVERSE.maxSecondLegMs; x--) if (p < 0 || v[x] > v[p]) p = x;
    if (p < 0 || snaps[p].t <= after || v[p] - v[j] < REVERSE.minSecondLeg) continue;
    let q = -1;
    for (let x = p - 1; x >= 0 && snaps[p].t - snaps[x].t <= REVERSE.maxFirstLegMs; x--) if (q < 0 || v[x] < v[q]) q = x;
    if (q < 0 || v[p] - v[q] < REVERSE.minFirstLeg || v[j] >= v[q]) continue;
    // the turn is where the plateau at the top ends (the second leg starts there)
    while (p + 1 < j && v[p + 1] >= v[p] - REVERSE.plateau) p++;
    // extend to the lowest point reached so far
    let end = j;
    for (let x = j + 1; x < snaps.length && snaps[x].t - snaps[p].t <= REVERSE.maxSecondLegMs * 2; x++) if (v[x] < v[end]) end = x;
    out.push({ k, sign, q, p, j: end, softPeakAt: NaN, softFrom: NaN, softPeak: NaN });
    after = snaps[end].t;
  }
  return out;
}

/** Did the sharp lead? At a moment of the second leg (within maxLeadMs of the turn) it had gone half
 * of the leg while the soft consensus had come down less than a third as far, most soft books having
 * priced again since the turn. Fills the turn's soft numbers; false when it did not. */
function led(r: Replay, x: Turn): boolean {
  const snaps = r.group.books[r.sharp].snaps;
  const { k, sign } = x;
  const top = sign * snaps[x.p].logit[k];
  const tp = snaps[x.p].t;
  let peak = -Infinity;
  let from: number | null = null;
  for (let i = eventAt(r, tp - REVERSE.softLookbackMs); i >= 0 && i < r.times.length && r.times[i] <= snaps[x.j].t; i++) {
    if (r.times[i] > tp + REVERSE.maxLeadMs) break;
    const w = softAt(r, i, k);
    if (w === null) continue;
    if (from === null) from = sign * w;
    if (sign * w > peak) peak = sign * w;
    const f = r.sharpFair(i);
    if (!f || r.times[i] <= tp) continue;
    const drop = top - sign * logit(f[k]);
    if (
      drop >= REVERSE.minSecondLeg / 2 &&
      peak - sign * w <= drop * REVERSE.softHold &&
      quotedSince(r, i, tp) >= Math.max(3, Math.ceil(r.soft.length / 2))
    ) {
      x.softPeakAt = r.times[i];
      x.softFrom = from;
      x.softPeak = peak;
      return true;
    }
  }
  return false;
}

export function detectReverse(r: Replay): RawFinding[] {
  if (r.sharp < 0) return [];
  const turns: Turn[] = [];
  for (let k = 0; k < r.group.selections.length; k++) turns.push(...scan(r, k, 1), ...scan(r, k, -1));
  const snaps = r.group.books[r.sharp].snaps;
  // in probability: the logits of small prices move more for the same money
  const leg2 = (x: Turn) => x.sign * (snaps[x.p].fair[x.k] - snaps[x.j].fair[x.k]);
  // one market, one reversal at a time: the selection that moved most tells it, then the sharp must have led
  turns.sort((a, b) => leg2(b) - leg2(a));
  const kept: Turn[] = [];
  for (const x of turns) if (!kept.some((y) => snaps[x.p].t <= snaps[y.j].t && snaps[y.p].t <= snaps[x.j].t)) kept.push(x);
  return kept
    .filter((x) => led(r, x))
    .map((x) => reverseFinding(r, x))
    .sort((a, b) => a.at - b.at);
}

function reverseFinding(r: Replay, x: Turn): RawFinding {
  const g = r.group;
  const sharp = g.books[r.sharp];
  const s = sharp.snaps;
  const [q, p, j] = [s[x.q], s[x.p], s[x.j]];
  const first = x.sign * (p.logit[x.k] - q.logit[x.k]);
  const second = x.sign * (p.logit[x.k] - j.logit[x.k]);
  const lag = x.softPeakAt - p.t;
  const dir = x.sign > 0 ? ['shortening', 'drifting'] : ['drifting', 'shortening'];
  const sig = (l: number) => 1 / (1 + Math.exp(-l));
  const explanation =
    `${sharp.bookmaker} turned at ${fmtTime(p.t)} UTC: ${fmtPct(q.fair[x.k])}→${fmtPct(p.fair[x.k])}, then ${fmtPct(j.fair[x.k])} by ${fmtTime(j.t)}, ` +
    `past where it started; ${fmtMinutes(lag)} after the turn the sharp was already ${dir[1]} while the soft books still stood at ` +
    `their ${dir[0] === 'shortening' ? 'shortest' : 'longest'} (consensus ${fmtPct(sig(x.sign * x.softPeak))})`;
  const cons = r.allCons(r.times.indexOf(j.t));
  return {
    kind: 'reverse_line',
    matchId: g.matchId,
    market: g.market,
    line: g.line,
    selection: g.selections[x.k],
    bookmaker: sharp.bookmaker,
    at: p.t,
    endAt: null,
    score: score100(0.5 * clamp(second / REVERSE.fullSecondLeg) + 0.3 * clamp(first / 0.15) + 0.2 * clamp(lag / (30 * 60_000))),
    explanation,
    books: [sharp.bookmaker, ...r.soft.map((b) => g.books[b].bookmaker)],
    probBefore: r6(q.fair[x.k]),
    probAfter: r6(j.fair[x.k]),
    sharpHeld: null,
    probability: r6(j.fair[x.k]),
    details: {
      direction: x.sign > 0 ? 'shortened then drifted' : 'drifted then shortened',
      firstLegFrom: new Date(q.t).toISOString(),
      turnAt: new Date(p.t).toISOString(),
      lowAt: new Date(j.t).toISOString(),
      firstLeg: r6(first),
      secondLeg: r6(second),
      softTurnAt: new Date(x.softPeakAt).toISOString(),
      consensusNow: r6(cons ? cons[x.k] : null),
    },
  };
}
