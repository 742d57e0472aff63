// The tray icon: how many traps are active on the fixtures still to play, and a way back to the
// window, the Ferrari panel (the trap detector) or the Reports dialog.
import type { MenuItemConstructorOptions } from 'electron';
import type { DesktopCommand } from '../../src-shared/contract/desktop';

export function trayTooltip(traps: number | null): string {
  if (traps === null) return 'Mon_PS Desk';
  return `Mon_PS Desk — ${traps === 0 ? 'no active trap' : `${traps} active trap${traps === 1 ? '' : 's'}`}`;
}

export function trayMenuTemplate(
  traps: number | null,
  show: () => void,
  send: (c: DesktopCommand) => void,
  quit: () => void,
): MenuItemConstructorOptions[] {
  return [
    { label: trayTooltip(traps).replace('Mon_PS Desk — ', '') || 'Mon_PS Desk', enabled: false },
    { type: 'separator' },
    { label: 'Open Mon_PS Desk', click: show },
    {
      label: 'Trap detector',
      click: () => {
        show();
        send({ command: 'navigate', panel: 'ferrari' });
      },
    },
    {
      label: 'Daily report…',
      click: () => {
        show();
        send({ command: 'reports', kind: 'daily' });
      },
    },
    { type: 'separator' },
    { label: 'Quit', click: quit },
  ];
}
