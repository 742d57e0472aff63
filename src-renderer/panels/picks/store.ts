import { create } from 'zustand';
import type { ConseilRun, PicksToday } from '../../../src-shared/contract/conseil';
import type { PickOptions, PickRow } from '../../../src-shared/contract/picks';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';
import { todayUtc } from './labels';
import { withPlaced } from './merge';

interface PicksState {
  /** The day shown (YYYY-MM-DD, UTC as the contract counts days). */
  date: string;
  data: PicksToday | null;
  loading: boolean;
  error: string | null;
  /** The staking currency from the settings; null until read (amounts then show bare). */
  currency: string | null;
  bookmakers: PickOptions['bookmakers'] | null;
  running: boolean;
  lastRun: ConseilRun | null;
  runError: string | null;
  setDate(date: string): void;
  load(): Promise<void>;
  loadContext(): Promise<void>;
  run(): Promise<void>;
  placed(bet: PickRow): void;
}

let generation = 0;

/** Picks du Jour: the day's CONSEIL picks as `conseil.today` answers them, and the run that makes them. */
export const usePicks = create<PicksState>()((set, get) => ({
  date: todayUtc(),
  data: null,
  loading: false,
  error: null,
  currency: null,
  bookmakers: null,
  running: false,
  lastRun: null,
  runError: null,
  setDate(date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date === get().date) return;
    set({ date, data: null, lastRun: null });
    void get().load();
  },
  async load() {
    const g = ++generation;
    const date = get().date;
    await loadInto(set, async () => ({ data: await call('conseil.today', { date }) }), {
      loading: 'loading',
      error: 'error',
      isCurrent: () => g === generation,
    });
  },
  async loadContext() {
    const [settings, options] = await Promise.allSettled([call('settings.get', {}), call('picks.options', {})]);
    set({
      currency: settings.status === 'fulfilled' ? settings.value.settings.staking.currency : get().currency,
      bookmakers: options.status === 'fulfilled' ? options.value.bookmakers : get().bookmakers,
    });
  },
  async run() {
    if (get().running) return;
    set({ running: true, runError: null });
    try {
      const lastRun = await call('conseil.run', { date: get().date });
      set({ lastRun });
    } catch (err) {
      set({ runError: err instanceof Error ? err.message : String(err) });
    } finally {
      set({ running: false });
    }
    await get().load();
  },
  placed(bet) {
    const data = get().data;
    if (data) set({ data: withPlaced(data, bet) });
  },
}));
