import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, IPC_EVENT, IPC_INVOKE, IPC_UPLOAD, type MethodName } from '../../../src-shared/contract';
import { contentSecurityPolicy } from '../../../src-main/platform/csp';
import { standIn, FakeWebContents } from './support/electron-stand-in';

// src-main/electron/main.ts itself runs here, its `electron` replaced by a stand-in that records the
// window options, the IPC handler, the session hooks and the guards. The services are real; the
// source is a URL nothing answers (no PostgreSQL needed), so the app runs on its cache.
vi.mock('electron', async () => (await import('./support/electron-stand-in')).electronModule());

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-electron-main-'));
const env = { ...process.env };
const appPage = `file://${path.resolve(__dirname, '../../../src-main/renderer/index.html')}`;

type Invoke = (
  event: unknown,
  method: unknown,
  input?: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
let invoke: Invoke;
const fromApp = { senderFrame: { url: appPage } };

beforeAll(async () => {
  process.env.MONPS_DATA_DIR = dataDir;
  process.env.MONPS_SOURCE_URL = 'postgres://nobody:pw@127.0.0.1:1/none';
  delete process.env.ELECTRON_RENDERER_URL;
  await import('../../../src-main/electron/main');
  await vi.waitFor(() => expect(standIn.windows.length).toBe(1), { timeout: 120_000, interval: 50 });
  invoke = standIn.ipcHandlers.get(IPC_INVOKE) as Invoke;
}, 180_000);

afterAll(async () => {
  for (const l of standIn.appListeners.get('window-all-closed') ?? []) (l as () => void)();
  await vi.waitFor(() => expect(standIn.calls.quit).toBe(1), { timeout: 60_000 });
  process.env = env;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Electron main (with electron stubbed): the window', () => {
  it('is created with contextIsolation, sandbox, no nodeIntegration, no webview tag, and the bundled preload', () => {
    expect(standIn.calls.exit).toEqual([]);
    expect(standIn.calls.enableSandbox).toBe(1);
    const prefs = standIn.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(standIn.windows[0].loaded).toMatch(/renderer[\\/]index\.html$/);
  });

  it('sends the CSP on every response and grants no permission but notifications', () => {
    let headers: Record<string, string[]> = {};
    standIn.headersHook!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(headers['Content-Type']).toEqual(['text/html']);
    const granted = (p: string) => {
      let answer: boolean | undefined;
      standIn.permissionHandler!({}, p, (ok) => (answer = ok));
      return answer;
    };
    expect(granted('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) expect(granted(p), p).toBe(false);
  });

  it('guards every web contents: foreign navigation, redirects, webviews and new windows are denied', () => {
    const wc = new FakeWebContents();
    for (const l of standIn.appListeners.get('web-contents-created') ?? []) (l as (e: unknown, c: unknown) => void)({}, wc);
    standIn.opened.length = 0;
    expect(wc.attempt('will-navigate', appPage)).toBe(false);
    expect(wc.attempt('will-navigate', 'https://evil.example/login')).toBe(true);
    expect(standIn.opened).toEqual(['https://evil.example/login']); // shown in the OS browser instead
    expect(wc.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(wc.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
    for (const url of ['https://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', appPage])
      expect(wc.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    expect(standIn.opened).toEqual(['https://evil.example/login', 'https://example.com/']);
  });
});

describe('Electron main (with electron stubbed): IPC registration', () => {
  it('registers the invoke channel that serves the contract with the real handlers, and the upload channel', async () => {
    expect([...standIn.ipcHandlers.keys()]).toEqual([IPC_INVOKE, IPC_UPLOAD]);
    const info = await invoke(fromApp, 'app.info', {});
    expect(info.ok).toBe(true);
    expect(info.value).toMatchObject({ name: 'Mon_PS Desk', transport: 'ipc', source: { kind: 'configured' } });
    expect(JSON.stringify(info.value)).not.toContain(':pw@'); // the password is redacted
  });

  it('answers bad input with a typed VALIDATION error naming the field, before any handler runs', async () => {
    const r = await invoke(fromApp, 'inventory.get', { staleAfterDays: -3 });
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('VALIDATION');
    expect(r.error!.message).toContain('staleAfterDays');
    const extra = await invoke(fromApp, 'jobs.cancel', { jobId: 'x', surprise: 1 });
    expect(extra.error!.code).toBe('VALIDATION');
    const notString = await invoke(fromApp, 42, {});
    expect(notString.error!.code).toBe('VALIDATION');
  });

  it('validates the input of every contract method', async () => {
    for (const name of Object.keys(contract) as MethodName[]) {
      const r = await invoke(fromApp, name, 'not an input object');
      expect(r.ok, name).toBe(false);
      expect(r.error!.code, name).toBe('VALIDATION');
    }
  });

  it('answers an unknown method with UNKNOWN_METHOD, and a foreign frame with UNAUTHORIZED', async () => {
    const r = await invoke(fromApp, 'db.dropEverything', {});
    expect(r.error).toMatchObject({ code: 'UNKNOWN_METHOD' });
    expect(r.error!.message).toContain('db.dropEverything');
    const foreign = await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {});
    expect(foreign.error!.code).toBe('UNAUTHORIZED');
    const noFrame = await invoke({}, 'app.info', {});
    expect(noFrame.error!.code).toBe('UNAUTHORIZED');
  });

  it('forwards contract events to the window', async () => {
    const wc = standIn.windows[0].webContents;
    const r = await invoke(fromApp, 'inventory.get', {});
    expect(r.ok).toBe(true);
    const progress = wc.sent.filter((m) => m[0] === IPC_EVENT && m[1] === 'job.progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)![2]).toMatchObject({ kind: 'inventory', state: 'done' });
  });
});

describe('Electron main (with electron stubbed): notifications and settings plumbing', () => {
  it("shows a desktop notification with Electron's Notification; a click brings the window forward and opens its panel", async () => {
    const wc = standIn.windows[0].webContents;
    standIn.notifications.length = 0;
    const r = await invoke(fromApp, 'notifications.test', { channel: 'desktop' });
    expect(r).toMatchObject({ ok: true, value: { delivered: true, channel: 'desktop' } });
    expect(standIn.notifications).toHaveLength(1);
    const note = standIn.notifications[0];
    expect(note.shown).toBe(true);
    expect(note.options).toMatchObject({ title: 'Mon_PS Desk test notification' });
    wc.sent.length = 0;
    standIn.windowCalls.length = 0;
    note.click();
    expect(standIn.windowCalls).toEqual(['show', 'focus']);
    expect(wc.sent).toContainEqual([IPC_EVENT, 'app.open', { panel: 'settings', matchId: null }]);
  });

  it('wakes the scheduler when the machine resumes from sleep', () => {
    expect(standIn.powerListeners.get('resume')).toHaveLength(1);
    expect(() => (standIn.powerListeners.get('resume')![0] as () => void)()).not.toThrow();
  });

  it('keeps secrets with safeStorage and the settings in settings.json (0600) of the data folder', async () => {
    const state = await invoke(fromApp, 'settings.get', {});
    expect(state).toMatchObject({ ok: true, value: { secrets: { storage: 'safeStorage', telegramToken: false } } });
    const staking = (state.value as { settings: { staking: Record<string, unknown> } }).settings.staking;
    const saved = await invoke(fromApp, 'settings.update', { staking: { ...staking, bankroll: 3000 } });
    expect(saved.ok).toBe(true);
    const file = path.join(dataDir, 'settings.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).settings.staking.bankroll).toBe(3000);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const bad = await invoke(fromApp, 'settings.update', { staking: { ...staking, kellyFraction: 0 } });
    expect(bad.error).toMatchObject({ code: 'VALIDATION' });
    expect(bad.error!.message).toContain('staking.kellyFraction: the Kelly fraction must be above 0');
  });
});
