import { create } from 'zustand';
import type { PickOptions } from '../../../src-shared/contract/picks';
import { call } from '../../api/client';
import { reportError } from './toasts';

interface PickOptionsState {
  options: PickOptions | null;
  load(): Promise<void>;
}

/** The books, leagues and sources the filter bars offer (`picks.options`), read once for every panel. */
export const usePickOptions = create<PickOptionsState>()((set, get) => ({
  options: null,
  async load() {
    if (get().options) return;
    try {
      set({ options: await call('picks.options', {}) });
    } catch (err) {
      reportError(err, 'Filters unavailable');
    }
  },
}));
