import { create } from 'zustand';
import type { Alert, Board, MarketKind, MarketMoves, TopMove } from '../../../src-shared/contract/market';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';
import { diffRows, toGridRows, type GridRow, type RowDiff } from './rows';

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
  load(): Promise<void>;
  /** Re-reads the board and hands the difference to `apply` (a grid transaction), keeping the grid's rows. */
  refresh(apply: (d: RowDiff) => void): Promise<void>;
  select(s: Selection | null): Promise<void>;
  loadSide(): Promise<void>;
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
  async load() {
    await loadInto(
      set,
      async () => {
        const b: Board = await call('market.board', {});
        const rows = toGridRows(b);
        return { rows, byId: new Map(rows.map((r) => [r.id, r])), version: b.version, asOf: b.asOf, generatedAt: b.generatedAt, buildMs: b.buildMs };
      },
      { loading: 'loading', error: 'error' },
    );
  },
  async refresh(apply) {
    // never loaded (e.g. the cache was empty until this sync): a first load, the panel gives the grid its rows
    if (get().version === null) return get().load();
    const b = await call('market.board', {});
    if (b.version === get().version) return;
    const next = toGridRows(b);
    const d = diffRows(get().byId, next);
    const byId = new Map(get().byId);
    for (const r of d.remove) byId.delete(r.id);
    for (const r of [...d.add, ...d.update]) byId.set(r.id, r);
    apply(d);
    set({
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
