import { create } from 'zustand';
import { defaultPanel, panelById, panels } from '../panels';

interface NavState {
  current: string;
  go(id: string): void;
  /** 1-based position in the navigation (the Alt+N shortcut). */
  goIndex(n: number): void;
}

/** The open panel; mirrored in the address (`#inventory`) so a reload or a link reopens it. */
function fromHash(): string {
  const id = typeof location === 'undefined' ? '' : decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  return panelById(id) ? id : defaultPanel;
}

export const useNav = create<NavState>()((set) => ({
  current: fromHash(),
  go(id) {
    const p = panelById(id);
    if (!p) return;
    p.prefetch?.();
    set({ current: id });
    if (typeof history !== 'undefined' && location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
  },
  goIndex(n) {
    const p = panels[n - 1];
    if (p) useNav.getState().go(p.id);
  },
}));
