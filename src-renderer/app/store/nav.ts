import { create } from 'zustand';
import { defaultPanel, isPanelId, PANEL_IDS } from '../panel-ids';

interface NavState {
  current: string;
  go(id: string): void;
  /** 1-based position in the navigation (the Alt+N shortcut). */
  goIndex(n: number): void;
}

/** The open panel; mirrored in the address (`#inventory`) so a reload or a link reopens it. Opening a
 * panel also starts its first data load: App subscribes here with the registry's prefetch. */
function fromHash(): string {
  const id = typeof location === 'undefined' ? '' : decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  return isPanelId(id) ? id : defaultPanel;
}

export const useNav = create<NavState>()((set) => ({
  current: fromHash(),
  go(id) {
    if (!isPanelId(id)) return;
    set({ current: id });
    if (typeof history !== 'undefined' && location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
  },
  goIndex(n) {
    const id = PANEL_IDS[n - 1];
    if (id) useNav.getState().go(id);
  },
}));
