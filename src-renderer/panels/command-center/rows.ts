// Board rows as the grid shows them (match fields joined in), and the diff applied after a sync.
import { MARKETS, SELECTIONS, type Board, type BoardMatch, type BoardRow } from '../../../src-shared/contract/market';
import type { ValueBoard } from '../../../src-shared/contract/agents';
import { NO_TRAP, type TrapMark } from '../../ui/trap-format';

/** Agent B's reading of the row (null when it has none: no fair price, or the value board failed). */
export interface ValueCells {
  /** Dixon-Coles fair odds, and the blend's fair odds the decision uses. */
  modelOdds: number | null;
  blendOdds: number | null;
  /** Edge of the best fresh price against the blended fair probability. */
  valueEdge: number | null;
  /** Kelly stake, share of the bankroll. */
  stake: number | null;
  valueBet: boolean;
  stale: boolean;
  valueNote: string;
}

const NO_VALUE: ValueCells = {
  modelOdds: null,
  blendOdds: null,
  valueEdge: null,
  stake: null,
  valueBet: false,
  stale: false,
  valueNote: '',
};

export interface GridRow extends Omit<BoardRow, 'updatedAt'>, ValueCells, TrapMark {
  league: string;
  leagueName: string;
  kickoff: string;
  /** Kick-off as epoch ms: sorted on (a value getter parsing dates would run in every comparison). */
  kickoffMs: number;
  /** "Home – Away" */
  fixture: string;
  status: string;
}

/** Agent B's columns by row id. */
function valueCells(value: Pick<ValueBoard, 'columns'> | null | undefined): Map<string, ValueCells> {
  const out = new Map<string, ValueCells>();
  if (!value) return out;
  const c = value.columns;
  c.id.forEach((id, i) =>
    out.set(id, {
      modelOdds: c.modelOdds[i],
      blendOdds: c.blendOdds[i],
      valueEdge: c.edge[i],
      stake: c.stake[i],
      valueBet: c.bet[i],
      stale: c.stale[i],
      valueNote: c.note[i],
    }),
  );
  return out;
}

/** The same rows with Agent B's columns (re-)joined in. */
export function joinValues(rows: Iterable<GridRow>, value: Pick<ValueBoard, 'columns'> | null | undefined): GridRow[] {
  const values = valueCells(value);
  return [...rows].map((r) => ({ ...r, ...(values.get(r.id) ?? NO_VALUE) }));
}

/** The same rows with the active traps' markers (re-)joined in: by row id, `matchId|market|line|selection`. */
export function joinTraps(rows: Iterable<GridRow>, marks: ReadonlyMap<string, TrapMark>): GridRow[] {
  return [...rows].map((r) => ({ ...r, ...(marks.get(r.id) ?? NO_TRAP) }));
}

/** The board's columns → one object per row, match fields, Agent B's columns and trap markers joined in (ids as the worker makes them). */
export function toGridRows(
  board: Pick<Board, 'matches' | 'bookmakers' | 'rowCount' | 'columns' | 'commission'>,
  value?: Pick<ValueBoard, 'columns'> | null,
  traps: ReadonlyMap<string, TrapMark> = new Map(),
): GridRow[] {
  const byId = new Map<number, BoardMatch>(board.matches.map((m) => [m.matchId, m]));
  const values = valueCells(value);
  const c = board.columns;
  const book = (i: number | null): string | null => (i === null ? null : board.bookmakers[i]);
  const out: GridRow[] = [];
  for (let i = 0; i < board.rowCount; i++) {
    const m = byId.get(c.matchId[i]);
    if (!m) continue;
    const market = MARKETS[c.market[i]];
    const selection = SELECTIONS[market][c.selection[i]];
    const line = c.line[i];
    const fairProb = c.fairProb[i];
    const id = `${m.matchId}|${market}|${line ?? ''}|${selection}`;
    const bestBook = book(c.bestBook[i]);
    out.push({
      ...(values.get(id) ?? NO_VALUE),
      ...(traps.get(id) ?? NO_TRAP),
      id,
      matchId: m.matchId,
      market,
      line,
      selection,
      books: c.books[i],
      bestOdds: c.bestOdds[i],
      bestQuoted: c.bestQuoted[i],
      bestCommission: bestBook === null ? null : (board.commission[bestBook] ?? 0),
      bestBook,
      fairProb,
      fairOdds: fairProb ? 1 / fairProb : null,
      sharpOdds: c.sharpOdds[i],
      sharpBook: book(c.sharpBook[i]),
      margin: c.margin[i],
      openFairOdds: c.openFairOdds[i],
      move: c.move[i],
      edge: c.edge[i],
      league: m.league,
      leagueName: m.leagueName,
      kickoff: m.kickoff,
      kickoffMs: Date.parse(m.kickoff),
      fixture: `${m.home} – ${m.away}`,
      status: m.status,
    });
  }
  return out;
}

/** Fields whose change makes a row "changed" (updatedAt alone — a repeated identical quote — does not). */
const WATCHED: (keyof GridRow)[] = [
  'bestOdds',
  'bestQuoted',
  'bestBook',
  'fairOdds',
  'sharpOdds',
  'margin',
  'move',
  'edge',
  'books',
  'kickoffMs',
  'status',
  'fixture',
  'leagueName',
  'openFairOdds',
  'modelOdds',
  'blendOdds',
  'valueEdge',
  'stake',
  'valueBet',
  'stale',
  'valueNote',
  'trapSeverity',
  'trapNote',
];

export interface RowDiff {
  add: GridRow[];
  update: GridRow[];
  remove: GridRow[];
}

/** What a grid transaction needs to go from `prev` to `next`: only the rows that differ. */
export function diffRows(prev: ReadonlyMap<string, GridRow>, next: readonly GridRow[]): RowDiff {
  const add: GridRow[] = [];
  const update: GridRow[] = [];
  const seen = new Set<string>();
  for (const r of next) {
    seen.add(r.id);
    const p = prev.get(r.id);
    if (!p) add.push(r);
    else if (WATCHED.some((k) => p[k] !== r[k])) update.push(r);
  }
  const remove: GridRow[] = [];
  for (const [id, p] of prev) if (!seen.has(id)) remove.push(p);
  return { add, update, remove };
}
