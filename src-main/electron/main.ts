import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, powerMonitor, screen, session, Tray } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { DesktopCommand } from '../../src-shared/contract/desktop';
import type { NotificationPayload } from '../../src-shared/contract/notifications';
import { resolveConfig } from '../app/config';
import { createHandlers } from '../app/handlers';
import { createServices, type Services } from '../app/services';
import { contentSecurityPolicy } from '../platform/csp';
import { projectRoot } from '../platform/paths';
import { saveDialogForDownloads } from './downloads';
import { forwardEvents, registerIpc } from './ipc';
import { importsDirOf } from '../features/agents/backtest';
import { saveImport } from '../features/imports';
import { menuTemplate } from './menu';
import { guardWebContents, secureWebPreferences } from './security';
import { safeStorageSecrets } from './secrets';
import { electronNotifications } from './notifications';
import { startTrapTray } from './trap-tray';
import { loadWindowState, restoreBounds, trackWindowState, windowStateFile } from './window-state';

// Thin Electron shell: every service is composed in app/ and is shared with the headless server.
let services: Services | undefined;
let window: BrowserWindow | undefined;
let trapTray: { stop(): void } | undefined;
let shutdown: Promise<void> | undefined;
let shutDown = false;

const rendererIndex = path.join(__dirname, '../renderer/index.html');
const devUrl = process.env.ELECTRON_RENDERER_URL;
const isAppUrl = (url: string): boolean =>
  devUrl ? url.startsWith(devUrl) : url.startsWith('file://') && decodeURIComponent(url).includes('/renderer/index.html');

/** The window back in front: from the tray, or when the app is launched a second time. */
function showWindow(): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

const send = (c: DesktopCommand): void => services?.bus.emit('desktop.command', c);

/** A click on a desktop notification: the window comes forward and opens what it is about (the match in Ferrari Intel). */
function openFromNotification(n: NotificationPayload): void {
  showWindow();
  services?.bus.emit('app.open', { panel: n.panel, matchId: n.matchId });
}

/** The tray's icon: next to the app's resources once packaged, in build/icons while developing. */
function trayIcon(): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    ...(app.isPackaged && resources ? [path.join(resources, 'icons', '32x32.png')] : []),
    path.join(projectRoot(), 'build', 'icons', '32x32.png'),
  ];
  return candidates.find((f) => fs.existsSync(f));
}

app.enableSandbox();

// One instance: a second launch hands over to the first (which comes to the front) and leaves.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', () => showWindow());

app.on('web-contents-created', (_e, contents) => guardWebContents(contents, isAppUrl));

async function start(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));
  saveDialogForDownloads(session.defaultSession, app.getPath('documents'));

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
  const imports = importsDirOf(config.dataDir);
  registerIpc(ipcMain, createHandlers(services, 'ipc'), isAppUrl, (name, body, o) => saveImport(imports, name, body, o));
  // after sleep, runs missed meanwhile go now (once each), not at the scheduler's next look at the clock
  powerMonitor.on('resume', () => services?.scheduler.wake());

  const stateFile = windowStateFile(config.dataDir);
  const saved = loadWindowState(stateFile);
  window = new BrowserWindow({
    ...restoreBounds(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    ),
    minWidth: 900,
    minHeight: 600,
    backgroundColor: '#0f1419',
    title: 'Mon_PS Desk',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.js')),
  });
  trackWindowState(window, stateFile);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send)));
  forwardEvents(services.bus, () => window?.webContents);
  window.once('ready-to-show', () => {
    if (saved.maximized) window?.maximize();
    window?.show();
  });
  const icon = trayIcon();
  if (icon) {
    trapTray = startTrapTray({
      app,
      tray: new Tray(nativeImage.createFromPath(icon)),
      Menu,
      services,
      show: showWindow,
      send,
      quit: () => app.quit(),
    });
  } else console.log('no tray icon: build/icons is missing (npm run icons makes it)');
  if (devUrl) await window.loadURL(devUrl);
  else await window.loadFile(rendererIndex);
}

/** Once: the tray goes, running jobs get their grace to finish or checkpoint, the cache is
 * checkpointed, the embedded PostgreSQL stops. */
function closeAll(): Promise<void> {
  shutdown ??= (async () => {
    trapTray?.stop();
    await services?.close();
  })().finally(() => {
    shutDown = true;
  });
  return shutdown;
}

if (firstInstance) {
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error(`Mon_PS Desk could not start: ${(err as Error).message}`);
      app.exit(1);
    });
}

app.on('window-all-closed', () => {
  void closeAll().finally(() => app.quit());
});

// Quit from the menu, the tray or the OS: hold the quit until everything is closed cleanly.
app.on('before-quit', (event) => {
  if (shutDown) return;
  event.preventDefault();
  void closeAll().finally(() => app.quit());
});

// Ctrl+C in the terminal that started it, or the OS asking: the same clean quit
if (process.versions.electron) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
