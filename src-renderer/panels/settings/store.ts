import { create } from 'zustand';
import type { SchedulerState, SlotState } from '../../../src-shared/contract/scheduler';
import type { Settings, SettingsState, SettingsUpdate, SourceState } from '../../../src-shared/contract/settings';
import type { Delivery } from '../../../src-shared/contract/notifications';
import { call, subscribe } from '../../api/client';
import { useAppInfo } from '../../app/store/app-info';
import { fieldErrors, type FieldErrors } from './errors';

interface Options {
  bookmakers: { code: string; name: string; sharp: boolean; exchange: boolean; commission: number }[];
  leagues: { code: string; name: string; country: string | null }[];
}

interface SettingsPanelState {
  settings: SettingsState | null;
  source: SourceState | null;
  schedule: SchedulerState | null;
  options: Options | null;
  deliveries: Delivery[];
  error: string | null;
  load(): Promise<void>;
  /** Saves sections; answers the field errors (empty when saved). Nothing is saved on any error. */
  save(update: SettingsUpdate): Promise<FieldErrors>;
  refreshDeliveries(): Promise<void>;
  setSlot(slot: SlotState): void;
  setSource(source: SourceState): void;
}

export const useSettings = create<SettingsPanelState>()((set, get) => ({
  settings: null,
  source: null,
  schedule: null,
  options: null,
  deliveries: [],
  error: null,
  async load() {
    try {
      const [settings, source, schedule, options, deliveries] = await Promise.all([
        call('settings.get', {}),
        call('settings.source.get', {}),
        call('scheduler.list', {}),
        call('settings.options', {}).catch(() => ({ bookmakers: [], leagues: [] })),
        call('notifications.log', { limit: 8 }),
      ]);
      set({ settings, source, schedule, options, deliveries, error: null });
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  async save(update) {
    try {
      const settings = await call('settings.update', update);
      set({ settings });
      if (update.schedule) set({ schedule: await call('scheduler.list', {}) });
      return {};
    } catch (err) {
      return fieldErrors(err);
    }
  },
  async refreshDeliveries() {
    set({ deliveries: await call('notifications.log', { limit: 8 }) });
  },
  setSlot(slot) {
    const s = get().schedule;
    if (s) set({ schedule: { ...s, slots: s.slots.map((x) => (x.slot === slot.slot ? slot : x)) } });
  },
  setSource(source) {
    set({ source });
  },
}));

/** Live updates while the panel is open: slots start and finish, a source switch moves on, a
 * delivery is logged, settings are saved elsewhere (another window). Returns the unsubscribe. */
export function followSettings(): () => void {
  const s = useSettings.getState();
  const stops = [
    subscribe('scheduler.changed', (slot) => s.setSlot(slot)),
    subscribe('source.changed', (source) => {
      s.setSource(source);
      if (source.switch.state !== 'done') return;
      // the app now runs on another source: its books and leagues, and the status bar's source
      void call('settings.options', {}).then((options) => useSettings.setState({ options }));
      void useAppInfo.getState().load();
    }),
    subscribe('settings.changed', () => void call('settings.get', {}).then((settings) => useSettings.setState({ settings }))),
    subscribe('notification.show', () => void s.refreshDeliveries()),
    subscribe('notification.failed', () => void s.refreshDeliveries()),
  ];
  return () => stops.forEach((stop) => stop());
}

export type { Settings };
