import { create } from 'zustand';
import type { MethodOutput } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { loadInto } from './load';

export type AppInfo = MethodOutput<'app.info'>;

interface AppState {
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
}

/** Who we are talking to: version, transport and source label (status bar, settings). */
export const useAppInfo = create<AppState>()((set) => ({
  info: null,
  error: null,
  async load() {
    await loadInto(set, async () => ({ info: await call('app.info', {}) }), { error: 'error', toast: 'Cannot reach the Mon_PS services' });
  },
}));
