import { create } from 'zustand';
import type { Performance, PerformanceInput, PickOptions, SettleReport } from '../../../src-shared/contract/picks';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';
import { reportError } from '../../app/store/toasts';

export type PerformanceFilters = Required<Pick<PerformanceInput, 'kind' | 'staking'>> & Omit<PerformanceInput, 'kind' | 'staking'>;

interface PerformanceState {
  filters: PerformanceFilters;
  data: Performance | null;
  options: PickOptions | null;
  loading: boolean;
  error: string | null;
  settling: boolean;
  lastSettle: SettleReport | null;
  setFilters(f: Partial<PerformanceFilters>): void;
  refresh(): Promise<void>;
  loadOptions(): Promise<void>;
  settleNow(): Promise<void>;
}

let generation = 0;

/** The Performance panel: one `picks.performance` per filter change (a reader-lane job), newest wins. */
export const usePerformance = create<PerformanceState>()((set, get) => ({
  filters: { kind: 'all', staking: 'staked' },
  data: null,
  options: null,
  loading: false,
  error: null,
  settling: false,
  lastSettle: null,
  setFilters(f) {
    set({ filters: { ...get().filters, ...f } });
    void get().refresh();
  },
  async refresh() {
    const g = ++generation;
    const input = Object.fromEntries(Object.entries(get().filters).filter(([, v]) => v !== undefined && v !== '')) as PerformanceInput;
    await loadInto(set, async () => ({ data: await call('picks.performance', input) }), {
      loading: 'loading',
      error: 'error',
      isCurrent: () => g === generation,
    });
  },
  async loadOptions() {
    if (get().options) return;
    try {
      set({ options: await call('picks.options', {}) });
    } catch (err) {
      reportError(err, 'Filters unavailable');
    }
  },
  async settleNow() {
    set({ settling: true });
    try {
      set({ lastSettle: await call('picks.settle', {}) });
      await get().refresh();
    } catch (err) {
      reportError(err, 'Settlement failed');
    } finally {
      set({ settling: false });
    }
  },
}));
