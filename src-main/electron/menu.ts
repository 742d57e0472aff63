// The application menu: the panels with their shortcuts (Alt+1…8, which the page itself handles, so
// the menu shows them without taking them), Reports…, the usual edit and view roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { DesktopCommand } from '../../src-shared/contract/desktop';
import { PANELS } from '../../src-shared/domain/panels';

export function menuTemplate(
  send: (c: DesktopCommand) => void,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Daily report…', accelerator: 'CmdOrCtrl+Shift+R', click: () => send({ command: 'reports', kind: 'daily' }) },
        { label: 'Performance report…', click: () => send({ command: 'reports', kind: 'performance' }) },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Panels',
      submenu: PANELS.map((p, i) => ({
        label: p.title,
        accelerator: `Alt+${i + 1}`,
        // shown in the menu, left to the page (it also takes Ctrl+1…8 and keeps the focus right)
        registerAccelerator: false,
        click: () => send({ command: 'navigate', panel: p.id }),
      })),
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
