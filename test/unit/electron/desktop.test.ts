import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT } from '../../../src-shared/contract';
import { PANELS } from '../../../src-shared/domain/panels';
import { panels } from '../../../src-renderer/app/panels';
import { restoreBounds } from '../../../src-main/electron/window-state';
import { generateIcons } from '../../../scripts/icons';
import { standIn } from './support/electron-stand-in';

// The desktop habits of src-main/electron/main.ts, with `electron` replaced by the stand-in (the
// binary cannot run here) and the real services behind it: one instance, the window where it was
// left, the application menu, the tray with the trap count, a clean shutdown.
vi.mock('electron', async () => (await import('./support/electron-stand-in')).electronModule());

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-electron-desktop-'));
const stateFile = path.join(dataDir, 'window-state.json');
const env = { ...process.env };
type MenuItem = {
  label?: string;
  role?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
};
const menu = (): MenuItem[] => standIn.applicationMenu!.template as MenuItem[];
const sentCommands = () =>
  standIn.windows[0].webContents.sent.filter((m) => m[0] === IPC_EVENT && m[1] === 'desktop.command').map((m) => m[2]);

beforeAll(async () => {
  await generateIcons(); // the tray's icon, as `npm run dist` and `npm start` draw it
  process.env.MONPS_DATA_DIR = dataDir;
  process.env.MONPS_SOURCE_URL = 'postgres://nobody:pw@127.0.0.1:1/none';
  delete process.env.ELECTRON_RENDERER_URL;
  fs.writeFileSync(stateFile, JSON.stringify({ x: 140, y: 90, width: 1300, height: 820, maximized: false }));
  await import('../../../src-main/electron/main');
  await vi.waitFor(() => expect(standIn.trays.length).toBe(1), { timeout: 120_000, interval: 50 });
}, 180_000);

afterAll(() => {
  process.env = env;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('desktop habits (electron stubbed)', () => {
  it('opens the window where it was left, and remembers where it is moved', async () => {
    expect(standIn.windows[0].options).toMatchObject({ x: 140, y: 90, width: 1300, height: 820 });
    standIn.windows[0].window.setBounds({ x: 300, y: 200, width: 1400, height: 900 });
    await vi.waitFor(
      () => expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toMatchObject({ x: 300, y: 200, width: 1400, height: 900 }),
      {
        timeout: 10_000,
        interval: 50,
      },
    );
  });

  it('does not reopen a window on a screen that is gone', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, screens)).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: 100, y: 100, width: 5000, height: 800, maximized: false }, screens)).toEqual({
      x: 100,
      y: 100,
      width: 1920,
      height: 800,
    });
  });

  it('holds one instance: a second launch brings the first window back to the front', () => {
    const w = standIn.windows[0].window;
    w.minimize();
    const before = w.focused;
    for (const l of standIn.appListeners.get('second-instance') ?? []) (l as () => void)();
    expect(w.minimized).toBe(false);
    expect(w.focused).toBe(before + 1);
  });

  it('has an application menu with every panel and its shortcut, and the reports', () => {
    const panelsMenu = menu().find((m) => m.label === '&Panels')!.submenu!;
    expect(panelsMenu.map((m) => [m.label, m.accelerator, m.registerAccelerator])).toEqual(
      PANELS.map((p, i) => [p.title, `Alt+${i + 1}`, false]),
    );
    panelsMenu.find((m) => m.label === 'Deep Analysis')!.click!();
    const file = menu().find((m) => m.label === '&File')!.submenu!;
    file.find((m) => m.label === 'Daily report…')!.click!();
    expect(sentCommands()).toEqual([
      { command: 'navigate', panel: 'deep-analysis' },
      { command: 'reports', kind: 'daily' },
    ]);
    expect(file.some((m) => m.role === 'quit' || m.role === 'close')).toBe(true);
  });

  it('the panels in the menu are the renderer’s panels', () => {
    expect(panels.map((p) => ({ id: p.id, title: p.title }))).toEqual(PANELS.map((p) => ({ ...p })));
  });

  it('puts a tray icon up with the number of active traps (none in this cache)', async () => {
    const tray = standIn.trays[0];
    expect(String((tray.image as { path: string }).path)).toMatch(/build[\\/]icons[\\/]32x32\.png$/);
    await vi.waitFor(() => expect(tray.tooltip).toBe('Mon_PS Desk — no active trap'), { timeout: 30_000, interval: 50 });
    const items = tray.menu!.template as MenuItem[];
    expect(items[0].label).toBe('no active trap');
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['Open Mon_PS Desk', 'Trap detector', 'Daily report…', 'Quit']));
  });

  it('saves downloads through a save dialog in Documents', () => {
    const listener = standIn.sessionListeners.get('will-download')![0] as (e: unknown, item: unknown) => void;
    let options: Record<string, unknown> = {};
    listener({}, { getFilename: () => 'monps-daily-2026-11-25.pdf', setSaveDialogOptions: (o: Record<string, unknown>) => (options = o) });
    expect(options.defaultPath).toBe(path.join(standIn.userData, 'monps-daily-2026-11-25.pdf'));
  });

  it('quits cleanly: holds the quit, closes the tray and the services, then quits', async () => {
    let prevented = 0;
    const quitsBefore = standIn.calls.quit;
    for (const l of standIn.appListeners.get('before-quit') ?? []) (l as (e: unknown) => void)({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    await vi.waitFor(() => expect(standIn.calls.quit).toBe(quitsBefore + 1), { timeout: 60_000, interval: 50 });
    expect(standIn.trays[0].destroyed).toBe(true);
    // the quit that follows goes through: nothing left to hold it for
    prevented = 0;
    for (const l of standIn.appListeners.get('before-quit') ?? []) (l as (e: unknown) => void)({ preventDefault: () => prevented++ });
    expect(prevented).toBe(0);
    // the cache was checkpointed: no write-ahead log left to replay
    const wal = path.join(dataDir, 'cache.sqlite-wal');
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
  }, 90_000);
});
