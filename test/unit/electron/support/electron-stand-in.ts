import { EventEmitter } from 'node:events';

/** A stand-in for the `electron` module (the binary cannot run here): it records what the app
 * asks of Electron — window options, IPC handlers, session hooks, guards — so tests can check it.
 * Use with `vi.mock('electron', async () => (await import('./support/electron-stand-in')).electronModule())`. */

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  sent: unknown[][] = [];
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = h;
  }
  isDestroyed(): boolean {
    return false;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  /** Emits an Electron navigation-type event; answers whether the app prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

/** Electron's Notification: records what the app shows; a test clicks it. */
export class FakeNotification extends EventEmitter {
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body?: string; urgency?: string }) {
    super();
    standIn.notifications.push(this);
  }
  show(): void {
    this.shown = true;
  }
  click(): void {
    this.emit('click', {});
  }
}

export const standIn = {
  notifications: [] as FakeNotification[],
  powerListeners: new Map<string, Listener[]>(),
  windowCalls: [] as string[],
  appListeners: new Map<string, Listener[]>(),
  windows: [] as {
    options: Record<string, unknown>;
    loaded?: string;
    webContents: FakeWebContents;
    window: FakeWindow;
  }[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  headersHook: undefined as
    | undefined
    | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  permissionHandler: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  exposed: new Map<string, unknown>(),
  ipcRendererListeners: new Map<string, Set<Listener>>(),
  /** What the stand-in ipcRenderer.invoke forwards to (set by a test, e.g. to the registered ipcMain handler). */
  rendererInvoke: undefined as undefined | ((channel: string, ...args: unknown[]) => Promise<unknown>),
  userData: '/tmp',
  // Plain records, not vi.fn(): vitest clears mock calls before each test, and these happen in beforeAll.
  opened: [] as string[],
  calls: { enableSandbox: 0, quit: 0, exit: [] as unknown[], badge: [] as number[] },
  /** What requestSingleInstanceLock answers (false: another instance holds the lock). */
  singleInstanceLock: true,
  applicationMenu: undefined as undefined | { template: unknown[] },
  trays: [] as FakeTray[],
  sessionListeners: new Map<string, Listener[]>(),
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

/** What a test can do to a stand-in window (as a user would: move it, minimise it). */
export interface FakeWindow extends EventEmitter {
  bounds: { x: number; y: number; width: number; height: number };
  maximized: boolean;
  minimized: boolean;
  focused: number;
  minimize(): void;
  setBounds(b: Partial<{ x: number; y: number; width: number; height: number }>): void;
}

export class FakeTray {
  tooltip = '';
  title = '';
  menu: { template: unknown[] } | undefined;
  destroyed = false;
  constructor(readonly image: unknown) {}
  setToolTip(t: string) {
    this.tooltip = t;
  }
  setTitle(t: string) {
    this.title = t;
  }
  setContextMenu(m: { template: unknown[] }) {
    this.menu = m;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** A window that records what the main process asks of it (bounds, state, focus, what it loads). */
class StandInBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  private readonly record: (typeof standIn.windows)[number];
  bounds: { x: number; y: number; width: number; height: number };
  maximized = false;
  minimized = false;
  focused = 0;
  constructor(options: Record<string, unknown>) {
    super();
    this.record = { options, webContents: this.webContents, window: this };
    this.bounds = {
      x: Number(options.x ?? 100),
      y: Number(options.y ?? 100),
      width: Number(options.width),
      height: Number(options.height),
    };
    standIn.windows.push(this.record);
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  setBounds(b: Partial<typeof this.bounds>) {
    this.bounds = { ...this.bounds, ...b };
    this.emit('move');
    this.emit('resize');
  }
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
    this.emit('maximize');
  }
  isMinimized() {
    return this.minimized;
  }
  minimize() {
    this.minimized = true;
  }
  restore() {
    this.minimized = false;
  }
  focus() {
    this.focused++;
    standIn.windowCalls.push('focus');
  }
  show() {
    standIn.windowCalls.push('show');
  }
  async loadFile(file: string) {
    this.record.loaded = `file://${file}`;
  }
  async loadURL(url: string) {
    this.record.loaded = url;
  }
}

export function electronModule() {
  const app = {
    enableSandbox: () => void standIn.calls.enableSandbox++,
    on(event: string, listener: Listener) {
      standIn.appListeners.set(event, [...(standIn.appListeners.get(event) ?? []), listener]);
      return app;
    },
    whenReady: () => Promise.resolve(),
    getPath: (_name: string) => standIn.userData,
    quit: () => void standIn.calls.quit++,
    exit: (code: unknown) => void standIn.calls.exit.push(code),
    requestSingleInstanceLock: () => standIn.singleInstanceLock,
    isPackaged: false,
    setBadgeCount: (n: number) => void standIn.calls.badge.push(n),
  };
  const ipcMain = {
    handle(channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
      if (standIn.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      standIn.ipcHandlers.set(channel, fn);
    },
  };
  const session = {
    defaultSession: {
      on(event: string, l: Listener) {
        standIn.sessionListeners.set(event, [...(standIn.sessionListeners.get(event) ?? []), l]);
      },
      webRequest: { onHeadersReceived: (fn: typeof standIn.headersHook) => (standIn.headersHook = fn) },
      setPermissionRequestHandler: (fn: typeof standIn.permissionHandler) => (standIn.permissionHandler = fn),
    },
  };
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      if (!standIn.rendererInvoke) throw new Error('no main process behind this stand-in ipcRenderer');
      return standIn.rendererInvoke(channel, ...args);
    },
    on(channel: string, l: Listener) {
      const set = standIn.ipcRendererListeners.get(channel) ?? new Set<Listener>();
      set.add(l);
      standIn.ipcRendererListeners.set(channel, set);
    },
    removeListener(channel: string, l: Listener) {
      standIn.ipcRendererListeners.get(channel)?.delete(l);
    },
  };
  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (m: { template: unknown[] }) => void (standIn.applicationMenu = m),
  };
  class Tray extends FakeTray {
    constructor(image: unknown) {
      super(image);
      standIn.trays.push(this);
    }
  }
  return {
    app,
    BrowserWindow: StandInBrowserWindow,
    Menu,
    Tray,
    nativeImage: { createFromPath: (p: string) => ({ path: p }) },
    screen: { getAllDisplays: () => standIn.displays },
    ipcMain,
    session,
    shell: { openExternal: async (url: string) => void standIn.opened.push(url) },
    Notification: FakeNotification,
    powerMonitor: {
      on(event: string, listener: Listener) {
        standIn.powerListeners.set(event, [...(standIn.powerListeners.get(event) ?? []), listener]);
      },
    },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => standIn.exposed.set(key, api) },
    ipcRenderer,
  };
}
