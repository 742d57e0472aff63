import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { shell } from 'electron';

/** The only web preferences a window of ours gets. */
export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
}

/** http(s) links only, opened in the user's browser; everything else is refused. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function safeOpenExternal(raw: string): boolean {
  if (!isSafeExternalUrl(raw)) return false;
  void shell.openExternal(raw);
  return true;
}

/** The app never navigates away from its own page, opens no windows, and attaches no webviews. */
export function guardWebContents(contents: WebContents, appOrigin: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!appOrigin(url)) {
      event.preventDefault();
      safeOpenExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!appOrigin(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    safeOpenExternal(url);
    return { action: 'deny' };
  });
}
