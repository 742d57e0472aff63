import { create } from 'zustand';
import type { CorrelationsList, PatternsList } from '../../../src-shared/contract/patterns';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';

interface PatternsState {
  patterns: PatternsList | null;
  correlations: CorrelationsList | null;
  loading: boolean;
  error: string | null;
  /** Only the situations that survive the multiple-testing correction. */
  significantOnly: boolean;
  load(): Promise<void>;
  setSignificantOnly(on: boolean): void;
}

let generation = 0;

/** Agent C's latest run (patterns.list, sorted by q then p) and its correlations (patterns.correlations). */
export const usePatterns = create<PatternsState>()((set, get) => ({
  patterns: null,
  correlations: null,
  loading: false,
  error: null,
  significantOnly: false,
  async load() {
    const g = ++generation;
    await loadInto(
      set,
      async () => {
        const [patterns, correlations] = await Promise.all([
          call('patterns.list', { sort: 'qValue', limit: 5000, significantOnly: get().significantOnly }),
          call('patterns.correlations', {}),
        ]);
        return { patterns, correlations };
      },
      { loading: 'loading', error: 'error', isCurrent: () => g === generation },
    );
  },
  setSignificantOnly(on) {
    set({ significantOnly: on });
    void get().load();
  },
}));
