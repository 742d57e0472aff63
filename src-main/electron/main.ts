import { app, BrowserWindow, ipcMain, Notification, powerMonitor, session } from 'electron';
import path from 'node:path';
import { resolveConfig } from '../app/config';
import { createHandlers } from '../app/handlers';
import { createServices, type Services } from '../app/services';
import { contentSecurityPolicy } from '../platform/csp';
import { forwardEvents, registerIpc } from './ipc';
import { guardWebContents, secureWebPreferences } from './security';
import { safeStorageSecrets } from './secrets';
import { electronNotifications } from './notifications';
import type { NotificationPayload } from '../../src-shared/contract/notifications';

// Thin Electron shell: every service is composed in app/ and is shared with the headless server.
let services: Services | undefined;
let window: BrowserWindow | undefined;

const rendererIndex = path.join(__dirname, '../renderer/index.html');
const devUrl = process.env.ELECTRON_RENDERER_URL;
const isAppUrl = (url: string): boolean =>
  devUrl ? url.startsWith(devUrl) : url.startsWith('file://') && decodeURIComponent(url).includes('/renderer/index.html');

app.enableSandbox();

app.on('web-contents-created', (_e, contents) => guardWebContents(contents, isAppUrl));

async function start(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));

  // Secrets (source URL, Telegram bot token) only through the OS keychain; settings in settings.json.
  const secrets = safeStorageSecrets(app.getPath('userData'));
  const config = resolveConfig({
    dataDir: process.env.MONPS_DATA_DIR ?? app.getPath('userData'),
    storedSourceUrl: secrets.get('sourceUrl'),
  });
  services = await createServices(config, {
    log: (l) => console.log(l),
    transport: 'ipc',
    background: true,
    secrets,
    desktop: electronNotifications({ Notification, onClick: openFromNotification }),
  });
  registerIpc(ipcMain, createHandlers(services, 'ipc'), isAppUrl);
  // after sleep, runs missed meanwhile go now (once each), not at the scheduler's next look at the clock
  powerMonitor.on('resume', () => services?.scheduler.wake());

  window = new BrowserWindow({
    width: 1600,
    height: 1000,
    backgroundColor: '#0f1419',
    title: 'Mon_PS Desk',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.js')),
  });
  forwardEvents(services.bus, () => window?.webContents);
  window.once('ready-to-show', () => window?.show());
  if (devUrl) await window.loadURL(devUrl);
  else await window.loadFile(rendererIndex);
}

/** A click on a notification: the window comes forward and opens what it is about (the match in Ferrari Intel). */
function openFromNotification(n: NotificationPayload): void {
  if (window) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }
  services?.bus.emit('app.open', { panel: n.panel, matchId: n.matchId });
}

app
  .whenReady()
  .then(start)
  .catch((err: unknown) => {
    console.error(`Mon_PS Desk could not start: ${(err as Error).message}`);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  void services?.close().finally(() => app.quit());
});
