import { create } from 'zustand';
import {
  pickFilter,
  type ComboRow,
  type DeskScope,
  type PickDetail,
  type PickFilter,
  type PickRow,
} from '../../../src-shared/contract/picks';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';
import { filterSlice, queryOf } from '../../ui/filters';
import type { FieldErrors } from '../../ui/form';

export type HistoryFilters = Required<Pick<PickFilter, 'kind' | 'state'>> & Omit<PickFilter, 'kind' | 'state'>;

/** What the bet form starts from: a pick to follow, or nothing (a bet of the analyst's own). */
export type FormStart = { pick: PickRow } | { pick: null };

interface HistoryState {
  filters: HistoryFilters;
  /** Refusals of the last filter change (e.g. `to` before `from`): nothing is read until fixed. */
  filterErrors: FieldErrors | null;
  rows: PickRow[] | null;
  total: number;
  truncated: boolean;
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  detail: PickDetail | null;
  detailError: string | null;
  form: FormStart | null;
  combos: ComboRow[] | null;
  combosError: string | null;
  /** Whose combos the Combos tab lists. */
  combosDesk: DeskScope;
  setCombosDesk(desk: DeskScope): void;
  setFilters(f: Partial<HistoryFilters>): void;
  refresh(): Promise<void>;
  select(pickId: string | null): Promise<void>;
  openForm(start: FormStart | null): void;
  loadCombos(): Promise<void>;
}

let generation = 0;

/** Historique: every pick and bet with its closing line and settlement, one selected in detail. */
export const useHistory = create<HistoryState>()((set, get) => ({
  filters: { kind: 'all', state: 'all' },
  rows: null,
  total: 0,
  truncated: false,
  loading: false,
  error: null,
  selectedId: null,
  detail: null,
  detailError: null,
  form: null,
  combos: null,
  combosError: null,
  combosDesk: 'team',
  setCombosDesk(desk) {
    set({ combosDesk: desk });
    void get().loadCombos();
  },
  ...filterSlice<HistoryFilters, HistoryState>(pickFilter, set, get),
  async refresh() {
    const g = ++generation;
    const input = queryOf(get().filters);
    await loadInto(
      set,
      async () => {
        const r = await call('picks.list', input);
        return { rows: r.rows, total: r.total, truncated: r.truncated };
      },
      { loading: 'loading', error: 'error', isCurrent: () => g === generation },
    );
    const id = get().selectedId;
    if (id) void get().select(id);
  },
  async select(pickId) {
    set({ selectedId: pickId, detailError: null, ...(pickId === get().detail?.pickId ? {} : { detail: null }) });
    if (!pickId) return;
    await loadInto(set, async () => ({ detail: await call('picks.get', { pickId }) }), {
      error: 'detailError',
      isCurrent: () => get().selectedId === pickId,
    });
  },
  openForm(start) {
    set({ form: start });
  },
  async loadCombos() {
    const desk = get().combosDesk;
    await loadInto(set, async () => ({ combos: await call('picks.combos', { desk }) }), { error: 'combosError' });
  },
}));
