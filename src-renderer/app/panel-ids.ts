// The panels' ids in navigation order, without their code: what the navigation store needs. Kept apart
// from app/panels.ts (which maps each id to its lazily loaded component) so that the store, and the
// panels that use it, never import the panel registry: no import circle (test/unit/lint/cycles.test.ts).
export const PANEL_IDS = [
  'command-center',
  'picks',
  'performance',
  'deep-analysis',
  'ferrari',
  'history',
  'inventory',
  'settings',
] as const;

export type PanelId = (typeof PANEL_IDS)[number];

/** Opened at start when the address names no panel. */
export const defaultPanel: PanelId = 'inventory';

export const isPanelId = (id: string): id is PanelId => (PANEL_IDS as readonly string[]).includes(id);
