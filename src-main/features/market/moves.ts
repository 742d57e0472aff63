// Largest moves over a window and the alerts they raise: pure functions over summarised quotes.
import type { Alert, BoardMatch, BookSeries, MarketKind, TopMove } from '../../../src-shared/contract/market';
import { median } from '../../../src-shared/quant/consensus';
import type { HistoryPoint, WindowQuote } from './queries';
import { rowId } from './board';

/** A book "moved" when its implied probability changed by at least this much (half a point). */
export const MOVED_AT = 0.005;

/** Per selection: median across books of Δ(1/odds) from the window start to now; largest |Δ| first. */
export function topMoves(
  quotes: ReadonlyArray<WindowQuote & { market: MarketKind }>,
  matches: ReadonlyMap<number, BoardMatch>,
  limit: number,
): TopMove[] {
  const groups = new Map<string, Array<WindowQuote & { market: MarketKind }>>();
  for (const q of quotes) {
    const id = rowId(q.matchId, q.market, q.line, q.selection);
    const g = groups.get(id);
    if (g) g.push(q);
    else groups.set(id, [q]);
  }
  const out: TopMove[] = [];
  for (const [id, g] of groups) {
    const match = matches.get(g[0].matchId);
    if (!match) continue;
    const deltas = g.map((q) => 1 / q.toOdds - 1 / q.fromOdds);
    const d = median(deltas);
    if (Math.abs(d) < 1e-12) continue;
    out.push({
      id,
      match,
      market: g[0].market,
      line: g[0].line,
      selection: g[0].selection,
      fromOdds: median(g.map((q) => q.fromOdds)),
      toOdds: median(g.map((q) => q.toOdds)),
      deltaProb: d,
      booksMoved: deltas.filter((x) => Math.sign(x) === Math.sign(d) && Math.abs(x) >= MOVED_AT).length,
      books: g.length,
      at: g.reduce((a, q) => (q.toAt > a ? q.toAt : a), ''),
    });
  }
  out.sort((a, b) => Math.abs(b.deltaProb) - Math.abs(a.deltaProb) || a.id.localeCompare(b.id));
  return out.slice(0, limit);
}

/** Thresholds of a large move: median shift of 3 points of probability with at least 2 books behind it. */
export const LARGE_MOVE = { warning: 0.03, critical: 0.06, minBooks: 2 };

/** An AH line is stored as the home team's handicap: the away side of home −0.5 is +0.5. */
const ahLine = (line: number | null, selection: string): string => {
  if (line === null) return '';
  const l = selection === 'away' ? -line : line;
  return l > 0 ? `+${l}` : String(l === 0 ? 0 : l);
};

export const selectionLabel = (m: { market: MarketKind; line: number | null; selection: string }): string =>
  m.market === '1x2'
    ? `1X2 ${m.selection}`
    : `${m.market === 'totals' ? 'O/U' : 'AH'} ${m.market === 'spreads' ? ahLine(m.line, m.selection) : (m.line ?? '')} ${m.selection}`;

export function largeMoveAlerts(moves: readonly TopMove[]): Alert[] {
  return moves
    .filter((m) => Math.abs(m.deltaProb) >= LARGE_MOVE.warning && m.booksMoved >= LARGE_MOVE.minBooks)
    .map((m) => ({
      kind: 'large_move' as const,
      id: `large_move:${m.id}`,
      at: m.at,
      severity: Math.abs(m.deltaProb) >= LARGE_MOVE.critical ? ('critical' as const) : ('warning' as const),
      title: `${m.match.home} – ${m.match.away}: ${selectionLabel(m)} ${m.deltaProb > 0 ? 'shortened' : 'drifted'}`,
      message: `${m.fromOdds.toFixed(2)} → ${m.toOdds.toFixed(2)} (${(m.deltaProb * 100).toFixed(1)} pts of probability, ${m.booksMoved}/${m.books} books)`,
      move: m,
    }));
}

/** History rows (ordered by bookmaker, time) → one series per bookmaker with opening and closing marked. */
export function bookSeries(points: readonly HistoryPoint[], sharp: ReadonlySet<string>): BookSeries[] {
  const out: BookSeries[] = [];
  let cur: BookSeries | null = null;
  for (const p of points) {
    if (!cur || cur.bookmaker !== p.bookmaker) {
      cur = { bookmaker: p.bookmaker, sharp: sharp.has(p.bookmaker), points: [], opening: null, closing: null };
      out.push(cur);
    }
    const pt = { at: p.at, odds: p.odds };
    cur.points.push(pt);
    cur.opening ??= pt;
    if (p.closing) cur.closing = pt;
  }
  return out;
}
