import { create } from 'zustand';
import type { ComboRow, DeskScope, PickDetail, PickFilter, PickOptions, PickRow } from '../../../src-shared/contract/picks';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';
import { reportError } from '../../app/store/toasts';

export type HistoryFilters = Required<Pick<PickFilter, 'kind' | 'state'>> & Omit<PickFilter, 'kind' | 'state'>;

/** What the bet form starts from: a pick to follow, or nothing (a bet of the analyst's own). */
export type FormStart = { pick: PickRow } | { pick: null };

interface HistoryState {
  filters: HistoryFilters;
  rows: PickRow[] | null;
  total: number;
  truncated: boolean;
  loading: boolean;
  error: string | null;
  options: PickOptions | null;
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
  loadOptions(): Promise<void>;
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
  options: null,
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
  setFilters(f) {
    set({ filters: { ...get().filters, ...f } });
    void get().refresh();
  },
  async refresh() {
    const g = ++generation;
    const input = Object.fromEntries(Object.entries(get().filters).filter(([, v]) => v !== undefined && v !== ''));
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
  async loadOptions() {
    if (get().options) return;
    try {
      set({ options: await call('picks.options', {}) });
    } catch (err) {
      reportError(err, 'Filters unavailable');
    }
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
