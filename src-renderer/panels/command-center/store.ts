import { create } from 'zustand';
import type { Alert, MarketKind, MarketMoves, TopMove } from '../../../src-shared/contract/market';
import type { BlendVersion, LeagueModelStatus, ValueBoard } from '../../../src-shared/contract/agents';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';
import { marksSignature, trapMarks, type TrapMark } from '../../ui/trap-format';
import { diffRows, joinTraps, joinValues, toGridRows, type GridRow, type RowDiff } from './rows';

export interface Selection {
  matchId: number;
  market: MarketKind;
  line: number | null;
  selection: string;
}

interface CommandCenterState {
  rows: GridRow[] | null;
  byId: Map<string, GridRow>;
  version: string | null;
  /** The time the board's prices are read at: a quote observed later is not on it yet. */
  asOf: string | null;
  generatedAt: string | null;
  buildMs: number;
  loading: boolean;
  error: string | null;
  /** Rows changed by the last refresh (ids), and when. */
  lastChange: { ids: string[]; at: string } | null;
  selected: Selection | null;
  moves: MarketMoves | null;
  movesError: string | null;
  topMoves: TopMove[];
  alerts: Alert[];
  /** Agent B's blend and what it says about it (not calibrated yet, a league without model); the value
   * columns stay empty, with the reason, when its board could not be read. */
  blend: BlendVersion | null;
  valueWarnings: string[];
  /** Agent B's model per league of the upcoming matches (why it is missing where it is). */
  valueModels: LeagueModelStatus[];
  valueError: string | null;
  /** Active traps' markers by row id (ferrari.trapsActive); empty, with the reason, when they could not be read. */
  trapMarks: Map<string, TrapMark>;
  trapsError: string | null;
  load(): Promise<void>;
  /** Reads the active traps into the rows' markers (after the board, like Agent B's columns). */
  loadTraps(): Promise<void>;
  /** Reads Agent B's columns into the rows (after the board: the prices never wait for them). */
  loadValue(): Promise<void>;
  /** Where value updates go when the grid is mounted (the panel registers its transaction). */
  setGridApply(apply: (d: RowDiff) => void): void;
  /** Re-reads the board and hands the difference to `apply` (a grid transaction), keeping the grid's rows. */
  refresh(apply: (d: RowDiff) => void): Promise<void>;
  select(s: Selection | null): Promise<void>;
  loadSide(): Promise<void>;
}

/** Agent B's columns; a failure leaves them empty with the reason, never the odds board. */
async function readValue(): Promise<{ board: ValueBoard | null; error: string | null }> {
  try {
    return { board: await call('value.board', {}), error: null };
  } catch (err) {
    return { board: null, error: (err as Error).message };
  }
}

/** The trap markers; a failure leaves the rows unmarked with the reason, never the odds board. */
async function readTraps(): Promise<{ marks: Map<string, TrapMark>; error: string | null }> {
  try {
    return { marks: trapMarks(await call('ferrari.trapsActive', {})), error: null };
  } catch (err) {
    return { marks: new Map(), error: (err as Error).message };
  }
}

const valueState = (v: { board: ValueBoard | null; error: string | null }) => ({
  blend: v.board?.blend ?? null,
  valueWarnings: v.board?.warnings ?? [],
  valueModels: v.board?.models ?? [],
  valueError: v.error,
});

let gridApply: (d: RowDiff) => void = () => {};

/** Replaces the rows in `byId` by those of the diff. */
function applied(byId: Map<string, GridRow>, d: RowDiff): Map<string, GridRow> {
  const next = new Map(byId);
  for (const r of d.remove) next.delete(r.id);
  for (const r of [...d.add, ...d.update]) next.set(r.id, r);
  return next;
}

export const useCommandCenter = create<CommandCenterState>()((set, get) => ({
  rows: null,
  byId: new Map(),
  version: null,
  asOf: null,
  generatedAt: null,
  buildMs: 0,
  loading: false,
  error: null,
  lastChange: null,
  selected: null,
  moves: null,
  movesError: null,
  topMoves: [],
  alerts: [],
  blend: null,
  valueWarnings: [],
  valueModels: [],
  valueError: null,
  trapMarks: new Map(),
  trapsError: null,
  async load() {
    await loadInto(
      set,
      async () => {
        const b = await call('market.board', {});
        const rows = toGridRows(b);
        return {
          rows,
          byId: new Map(rows.map((r) => [r.id, r])),
          version: b.version,
          asOf: b.asOf,
          generatedAt: b.generatedAt,
          buildMs: b.buildMs,
        };
      },
      { loading: 'loading', error: 'error' },
    );
    if (get().version !== null) await Promise.all([get().loadValue(), get().loadTraps()]);
  },
  async loadTraps() {
    const t = await readTraps();
    const d = diffRows(get().byId, joinTraps(get().byId.values(), t.marks));
    set({ trapMarks: t.marks, trapsError: t.error, byId: applied(get().byId, d) });
    if (d.update.length) gridApply(d);
  },
  async loadValue() {
    const v = await readValue();
    const d = diffRows(get().byId, joinValues(get().byId.values(), v.board));
    set({ ...valueState(v), byId: applied(get().byId, d) });
    if (d.update.length) gridApply(d);
  },
  setGridApply(apply) {
    gridApply = apply;
  },
  async refresh(apply) {
    // never loaded (e.g. the cache was empty until this sync): a first load, the panel gives the grid its rows
    if (get().version === null) return get().load();
    const [b, v, t] = await Promise.all([call('market.board', {}), readValue(), readTraps()]);
    // the same board and the same blend (and the value columns neither lost nor regained): nothing to redo
    const sameValue = (v.board?.blend?.version ?? null) === (get().blend?.version ?? null) && v.error === get().valueError;
    const sameTraps = marksSignature(t.marks) === marksSignature(get().trapMarks) && t.error === get().trapsError;
    if (b.version === get().version && sameValue && sameTraps) return;
    const d = diffRows(get().byId, toGridRows(b, v.board, t.marks));
    const byId = applied(get().byId, d);
    apply(d);
    set({
      ...valueState(v),
      trapMarks: t.marks,
      trapsError: t.error,
      byId,
      version: b.version,
      asOf: b.asOf,
      generatedAt: b.generatedAt,
      buildMs: b.buildMs,
      error: null,
      lastChange: { ids: d.update.map((r) => r.id), at: new Date().toISOString() },
    });
    const sel = get().selected;
    if (sel && d.update.some((r) => r.matchId === sel.matchId)) void get().select(sel);
  },
  async select(s) {
    set({ selected: s, movesError: null });
    if (!s) return set({ moves: null });
    // a later selection wins over a slower earlier answer
    const isCurrent = (): boolean => {
      const cur = get().selected;
      return !!cur && cur.matchId === s.matchId && cur.market === s.market && cur.line === s.line && cur.selection === s.selection;
    };
    await loadInto(set, async () => ({ moves: await call('market.moves', s) }), {
      error: 'movesError',
      isCurrent,
      onError: { moves: null },
    });
  },
  async loadSide() {
    const [topMoves, alerts] = await Promise.all([call('market.topMoves', { hours: 12, limit: 25 }), call('market.alerts', { hours: 12 })]);
    set({ topMoves, alerts });
  },
}));
