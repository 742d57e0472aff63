import { create } from 'zustand';
import { performanceInput, type Performance, type PerformanceInput, type SettleReport } from '../../../src-shared/contract/picks';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';
import { reportError } from '../../app/store/toasts';
import { filterSlice, queryOf } from '../../ui/filters';
import type { FieldErrors } from '../../ui/form';

export type PerformanceFilters = Required<Pick<PerformanceInput, 'kind' | 'staking'>> & Omit<PerformanceInput, 'kind' | 'staking'>;

interface PerformanceState {
  filters: PerformanceFilters;
  /** Refusals of the last filter change (e.g. `to` before `from`): nothing is computed until fixed. */
  filterErrors: FieldErrors | null;
  data: Performance | null;
  loading: boolean;
  error: string | null;
  settling: boolean;
  lastSettle: SettleReport | null;
  setFilters(f: Partial<PerformanceFilters>): void;
  refresh(): Promise<void>;
  settleNow(): Promise<void>;
}

let generation = 0;

/** The Performance panel: one `picks.performance` per filter change (a reader-lane job), newest wins. */
export const usePerformance = create<PerformanceState>()((set, get) => ({
  filters: { kind: 'all', staking: 'staked' },
  data: null,
  loading: false,
  error: null,
  settling: false,
  lastSettle: null,
  ...filterSlice<PerformanceFilters, PerformanceState>(performanceInput, set, get),
  async refresh() {
    const g = ++generation;
    const input: PerformanceInput = queryOf(get().filters);
    await loadInto(set, async () => ({ data: await call('picks.performance', input) }), {
      loading: 'loading',
      error: 'error',
      isCurrent: () => g === generation,
    });
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
