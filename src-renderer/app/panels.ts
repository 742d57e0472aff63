import { lazy, type ComponentType } from 'react';
import { useInventory } from './store/inventory';
import { usePicks } from '../panels/picks/store';
import type { PanelId } from './panel-ids';

export interface PanelDef {
  id: PanelId;
  title: string;
  component: ComponentType;
  /** Starts the panel's first data load when it is opened, alongside the download of its code. */
  prefetch?: () => void;
}

const panel = (id: PanelId, title: string, component: ComponentType, prefetch?: () => void): PanelDef => ({
  id,
  title,
  component,
  prefetch,
});

/** The navigation, in order: Alt+1..8 (or Ctrl+1..8) opens the Nth entry. A panel is its id
 * (app/panel-ids.ts, same order), its title and `lazy(() => import('../panels/<folder>/<Panel>'))`, whose
 * default export is a component without props; optionally a prefetch (a store's first load). */
export const panels: PanelDef[] = [
  panel(
    'command-center',
    'Command Center',
    lazy(() => import('../panels/command-center/CommandCenterPanel')),
  ),
  panel(
    'picks',
    'Picks du Jour',
    lazy(() => import('../panels/picks/PicksPanel')),
    () => void usePicks.getState().load(),
  ),
  panel(
    'performance',
    'Performance',
    lazy(() => import('../panels/performance/PerformancePanel')),
  ),
  panel(
    'deep-analysis',
    'Deep Analysis',
    lazy(() => import('../panels/deep-analysis/DeepAnalysisPanel')),
  ),
  panel(
    'ferrari',
    'Ferrari Intel',
    lazy(() => import('../panels/ferrari/FerrariPanel')),
  ),
  panel(
    'history',
    'Historique',
    lazy(() => import('../panels/history/HistoryPanel')),
  ),
  panel(
    'inventory',
    'Data inventory',
    lazy(() => import('../panels/inventory/InventoryPanel')),
    () => void useInventory.getState().load(),
  ),
  panel(
    'settings',
    'Settings',
    lazy(() => import('../panels/settings/SettingsPanel')),
  ),
];

export const panelById = (id: string): PanelDef | undefined => panels.find((p) => p.id === id);
