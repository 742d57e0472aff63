// The panels in navigation order, for the main process (application menu, tray), which cannot import
// the renderer's list (src-renderer/app/panels.ts); a test keeps the two equal.
export const PANELS = [
  { id: 'command-center', title: 'Command Center' },
  { id: 'picks', title: 'Picks du Jour' },
  { id: 'performance', title: 'Performance' },
  { id: 'deep-analysis', title: 'Deep Analysis' },
  { id: 'ferrari', title: 'Ferrari Intel' },
  { id: 'history', title: 'Historique' },
  { id: 'inventory', title: 'Data inventory' },
  { id: 'settings', title: 'Settings' },
] as const;
