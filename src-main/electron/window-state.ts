// The window opens where it was left: size, position and maximised state are saved in the data folder
// and restored, unless the screen they were on is gone (then it is centred on the primary display).
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { width: 1600, height: 1000, maximized: false };
const MIN = { width: 900, height: 600 };

export const windowStateFile = (dataDir: string): string => path.join(dataDir, 'window-state.json');

export function loadWindowState(file: string): WindowState {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WindowState>;
    const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
    if (!num(s.width) || !num(s.height)) return DEFAULT_STATE;
    return {
      width: s.width,
      height: s.height,
      ...(num(s.x) && num(s.y) ? { x: s.x, y: s.y } : {}),
      maximized: s.maximized === true,
    };
  } catch {
    return DEFAULT_STATE; // none yet, or unreadable: the default window
  }
}

/** Bounds to open with: the saved ones if at least a 100×50 corner of the title bar is on a display. */
export function restoreBounds(saved: WindowState, workAreas: readonly Rectangle[]): Partial<Rectangle> & { width: number; height: number } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: 1920, height: 1080 };
  const width = Math.max(MIN.width, Math.min(saved.width, primary.width));
  const height = Math.max(MIN.height, Math.min(saved.height, primary.height));
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const visible = workAreas.some(
    (a) => saved.x! + 100 <= a.x + a.width && saved.x! + width - 100 >= a.x && saved.y! >= a.y && saved.y! + 50 <= a.y + a.height,
  );
  return visible ? { x: saved.x, y: saved.y, width, height } : { width, height };
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(state));
  } catch {
    // a window that cannot remember its place still works
  }
}

/** Saves the window's normal bounds (not the maximised ones) after moves and resizes, and on close. */
export function trackWindowState(win: BrowserWindow, file: string, debounceMs = 500): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    saveWindowState(file, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(e as 'resize', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
