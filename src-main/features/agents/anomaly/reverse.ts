// Reverse line movement: the sharp book turns and moves one way while the soft consensus is still
// moving the other. Seen in the prices: the sharp's de-vigged logit of a selection moved by at
// least `minFirstLeg` one way, then turned and moved at least `minSecondLeg` the other way within
// `maxSecondLegMs`, past where the first leg started; and the soft consensus kept going the first
// way after the sharp's turn (its own turn came later). A lasting split where the soft books never
// follow is a trap (FERRARI's against-sharp signal), not a reversal.
import { clamp, fmtMinutes, fmtPct, fmtTime, r6, score100, type RawFinding } from './finding';
import { logit } from './series';
import type { Replay } from './replay';

export const REVERSE = {
  minFirstLeg: 0.06,
  maxFirstLegMs: 5 * 86_400_000,
  minSecondLeg: 0.13,
  maxSecondLegMs: 14 * 3_600_000,
  /** How far before the turn the soft consensus is read to find its own turn. */
  softLookbackMs: 6 * 3_600_000,
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
    // the soft consensus around the turn: its highest point must come after the sharp's turn
    let peakI = -1;
    let peak = -Infinity;
    let from: number | null = null;
    for (let i = 0; i < r.times.length && r.times[i] <= tj; i++) {
      if (r.times[i] < snaps[p].t - REVERSE.softLookbackMs) continue;
      const w = softAt(r, i, k);
      if (w === null) continue;
      if (from === null) from = sign * w;
      if (sign * w > peak) {
        peak = sign * w;
        peakI = i;
      }
    }
    if (peakI < 0 || from === null || r.times[peakI] <= snaps[p].t) continue;
    // extend to the lowest point reached so far
    let end = j;
    for (let x = j + 1; x < snaps.length && snaps[x].t - snaps[p].t <= REVERSE.maxSecondLegMs * 2; x++) if (v[x] < v[end]) end = x;
    out.push({ k, sign, q, p, j: end, softPeakAt: r.times[peakI], softFrom: from, softPeak: peak });
    after = snaps[end].t;
  }
  return out;
}

export function detectReverse(r: Replay): RawFinding[] {
  if (r.sharp < 0) return [];
  const turns: Turn[] = [];
  for (let k = 0; k < r.group.selections.length; k++) turns.push(...scan(r, k, 1), ...scan(r, k, -1));
  const snaps = r.group.books[r.sharp].snaps;
  const leg2 = (x: Turn) => x.sign * (snaps[x.p].logit[x.k] - snaps[x.j].logit[x.k]);
  // one market, one reversal at a time: the selection that moved most tells it
  turns.sort((a, b) => leg2(b) - leg2(a));
  const kept: Turn[] = [];
  for (const x of turns) if (!kept.some((y) => snaps[x.p].t <= snaps[y.j].t && snaps[y.p].t <= snaps[x.j].t)) kept.push(x);
  return kept.map((x) => reverseFinding(r, x)).sort((a, b) => a.at - b.at);
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
    `past where it started; the soft books kept ${dir[0]} it for ${fmtMinutes(lag)} after the turn ` +
    `(consensus ${fmtPct(sig(x.sign * x.softFrom))}→${fmtPct(sig(x.sign * x.softPeak))}) while the sharp was already ${dir[1]}`;
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
