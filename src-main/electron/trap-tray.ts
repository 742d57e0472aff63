// Keeps the tray (and the dock/launcher badge) on the number of active traps: counted at start, after
// every sync that changed the cache, and each minute (kick-offs pass, traps expire).
import type { App, Menu as MenuT, Tray as TrayT } from 'electron';
import type { DesktopCommand } from '../../src-shared/contract/desktop';
import { trapCountJob } from '../features/reports';
import type { Services } from '../app/services';
import { trayMenuTemplate, trayTooltip } from './tray';

export interface TrapTrayDeps {
  app: Pick<App, 'setBadgeCount'>;
  tray: Pick<TrayT, 'setToolTip' | 'setContextMenu' | 'setTitle' | 'destroy'>;
  Menu: Pick<typeof MenuT, 'buildFromTemplate'>;
  services: Pick<Services, 'jobs' | 'bus'>;
  show(): void;
  send(c: DesktopCommand): void;
  quit(): void;
  everyMs?: number;
}

export function startTrapTray(d: TrapTrayDeps): { refresh(): Promise<number | null>; stop(): void } {
  let stopped = false;
  const paint = (count: number | null): void => {
    if (stopped) return;
    d.tray.setToolTip(trayTooltip(count));
    d.tray.setTitle(count ? String(count) : ''); // macOS shows it beside the icon
    d.tray.setContextMenu(d.Menu.buildFromTemplate(trayMenuTemplate(count, d.show, d.send, d.quit)));
    d.app.setBadgeCount(count ?? 0);
  };
  const refresh = async (): Promise<number | null> => {
    try {
      const { count } = await d.services.jobs.run(trapCountJob, {}).done;
      paint(count);
      return count;
    } catch {
      return null; // closing, or no cache yet: keep what is shown
    }
  };
  paint(null);
  void refresh();
  const off = d.services.bus.onAny((name) => {
    if (name === 'cache.changed') void refresh();
  });
  const timer = setInterval(() => void refresh(), d.everyMs ?? 60_000);
  timer.unref();
  return {
    refresh,
    stop() {
      stopped = true;
      off();
      clearInterval(timer);
      d.tray.destroy();
    },
  };
}
