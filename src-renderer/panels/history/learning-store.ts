import { create } from 'zustand';
import type { LearningEntry } from '../../../src-shared/contract/conseil';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';

interface LearningState {
  entries: LearningEntry[] | null;
  loading: boolean;
  error: string | null;
  /** The refit shown in detail (its weight changes); the newest when none was chosen. */
  selected: number | null;
  load(): Promise<void>;
  select(version: number | null): void;
}

let generation = 0;

/** The learning log (conseil.learningLog): every PATRON refit, newest first. */
export const useLearning = create<LearningState>()((set) => ({
  entries: null,
  loading: false,
  error: null,
  selected: null,
  async load() {
    const g = ++generation;
    await loadInto(
      set,
      async () => {
        const { entries } = await call('conseil.learningLog', { limit: 200 });
        return { entries: [...entries].sort((a, b) => b.version - a.version) };
      },
      { loading: 'loading', error: 'error', isCurrent: () => g === generation },
    );
  },
  select(version) {
    set({ selected: version });
  },
}));
