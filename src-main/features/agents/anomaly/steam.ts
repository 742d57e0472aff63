// Steam: the price of one selection shortens sharply at several books within minutes (money coming
// in). A book's move is the change of the selection's de-vigged logit between two consecutive
// snapshots; a steam is at least `minBooks` distinct books moving up by `minJump` or more within
// `windowMs` of the first of them, the sharp book among them when it prices the market (the sharp
// plus 2; 3 books when there is no sharp price).
import { clamp, fmtMinutes, fmtOdds, fmtPct, r6, score100, type RawFinding } from './finding';
import { eventAt, snapAt, type Replay } from './replay';

export const STEAM = {
  /** Jump of the logit of the de-vigged probability (0.14 ≈ 50% → 53.5%). */
  minJump: 0.14,
  windowMs: 20 * 60_000,
  minBooks: 3,
  /** A book's move counts when its previous price is this recent (a jump, not hours of drift). */
  maxGapMs: 60 * 60_000,
  /** A jump this large (logit) and a full field of followers scores 100 on size and breadth. */
  fullJump: 0.35,
  fullBooks: 8,
};

interface Move {
  book: number;
  t: number;
  from: number;
  to: number;
  dl: number;
}

function movesOf(r: Replay, k: number): Move[] {
  const out: Move[] = [];
  r.group.books.forEach((b, i) => {
    for (let j = 1; j < b.snaps.length; j++) {
      const prev = b.snaps[j - 1];
      const cur = b.snaps[j];
      const dl = cur.logit[k] - prev.logit[k];
      if (dl >= STEAM.minJump && cur.t - prev.t <= STEAM.maxGapMs) out.push({ book: i, t: cur.t, from: prev.odds[k], to: cur.odds[k], dl });
    }
  });
  return out.sort((a, b) => a.t - b.t || a.book - b.book);
}

export function detectSteam(r: Replay): RawFinding[] {
  const g = r.group;
  const found: RawFinding[] = [];
  g.selections.forEach((selection, k) => {
    const moves = movesOf(r, k);
    let i = 0;
    while (i < moves.length) {
      const start = moves[i];
      const seen = new Map<number, Move>();
      let j = i;
      for (; j < moves.length && moves[j].t <= start.t + STEAM.windowMs; j++)
        if (!seen.has(moves[j].book)) seen.set(moves[j].book, moves[j]);
      // the sharp book, when it prices the market, must be one of them: soft books shortening
      // together while the sharp stays are the public's money (a trap), not a steam move
      if (seen.size < STEAM.minBooks || (r.sharp >= 0 && !seen.has(r.sharp))) {
        i++;
        continue;
      }
      found.push(steamFinding(r, k, selection, [...seen.values()]));
      i = j;
    }
  });
  return dedupe(found);
}

function steamFinding(r: Replay, k: number, selection: string, movers: Move[]): RawFinding {
  const g = r.group;
  // the sharp book leads a tie at the same minute
  movers.sort((a, b) => a.t - b.t || (a.book === r.sharp ? -1 : b.book === r.sharp ? 1 : a.book - b.book));
  const leader = movers[0];
  const t0 = leader.t;
  const t1 = movers[movers.length - 1].t;
  const before = eventAt(r, t0 - 1);
  const after = eventAt(r, t1);
  const consBefore = before >= 0 ? r.allCons(before) : null;
  const consAfter = r.allCons(after);
  const sharpBefore = r.sharp >= 0 ? snapAt(r, r.sharp, before) : null;
  const sharpAfter = r.sharp >= 0 ? snapAt(r, r.sharp, after) : null;
  const pb = consBefore ? consBefore[k] : null;
  const pa = consAfter ? consAfter[k] : null;
  const sharpMove = sharpBefore && sharpAfter ? sharpAfter.fair[k] - sharpBefore.fair[k] : null;
  const consMove = pb !== null && pa !== null ? pa - pb : null;
  const sharpHeld = sharpMove !== null && consMove !== null && Math.abs(consMove) > 1e-4 ? sharpMove / consMove : null;
  const dls = movers.map((m) => m.dl).sort((a, b) => a - b);
  const size = dls[dls.length >> 1];
  const sharpIn = movers.some((m) => m.book === r.sharp);
  const score = score100(
    0.45 * clamp(size / STEAM.fullJump) +
      0.35 * clamp((movers.length - 2) / (STEAM.fullBooks - 2)) +
      0.2 * (leader.book === r.sharp ? 1 : sharpIn ? 0.6 : 0),
  );
  const name = (m: Move) => g.books[m.book].bookmaker;
  const followers = movers.length - 1;
  const held =
    sharpHeld === null
      ? 'no sharp quote to compare'
      : `the sharp price holds ${Math.round(sharpHeld * 100)}% of the consensus move${sharpHeld > 1.05 ? ' (more to come at the soft books)' : ''}`;
  const explanation =
    `${name(leader)} ${fmtOdds(leader.from)}→${fmtOdds(leader.to)}, ${followers} book${followers === 1 ? '' : 's'} followed within ${fmtMinutes(t1 - t0)}` +
    (pb !== null && pa !== null ? `, consensus ${fmtPct(pb)}→${fmtPct(pa)}` : '') +
    `; ${held}`;
  return {
    kind: 'steam',
    matchId: g.matchId,
    market: g.market,
    line: g.line,
    selection,
    bookmaker: name(leader),
    at: t0,
    endAt: t1,
    score,
    explanation,
    books: movers.map(name),
    probBefore: r6(pb),
    probAfter: r6(pa),
    sharpHeld: r6(sharpHeld),
    probability: r6(sharpAfter ? sharpAfter.fair[k] : pa),
    details: {
      medianJump: r6(size),
      leaderFrom: leader.from,
      leaderTo: leader.to,
      sharp: r.sharp >= 0 ? g.books[r.sharp].bookmaker : null,
      sharpFrom: sharpBefore ? sharpBefore.odds[k] : null,
      sharpTo: sharpAfter ? sharpAfter.odds[k] : null,
      moves: movers.map((m) => `${name(m)} ${fmtOdds(m.from)}→${fmtOdds(m.to)} @ ${new Date(m.t).toISOString()}`),
    },
  };
}

/** Two selections of one market cannot both be steamed at once: keep the larger move. */
function dedupe(fs: RawFinding[]): RawFinding[] {
  fs.sort((a, b) => a.at - b.at);
  const out: RawFinding[] = [];
  for (const f of fs) {
    const clash = out.findIndex(
      (o) => o.selection !== f.selection && f.at <= (o.endAt ?? o.at) + STEAM.windowMs && o.at <= (f.endAt ?? f.at),
    );
    if (clash < 0) out.push(f);
    else if ((f.details.medianJump as number) > (out[clash].details.medianJump as number)) out[clash] = f;
  }
  return out;
}
