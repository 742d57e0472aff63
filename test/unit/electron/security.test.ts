import { beforeEach, describe, expect, it, vi } from 'vitest';
import { standIn } from './support/electron-stand-in';

vi.mock('electron', async () => (await import('./support/electron-stand-in')).electronModule());

const { secureWebPreferences, isSafeExternalUrl, safeOpenExternal } = await import('../../../src-main/electron/security');

describe('Electron security helpers (with electron stubbed)', () => {
  beforeEach(() => void (standIn.opened.length = 0));

  it('secureWebPreferences: isolated, sandboxed, no Node, no webview, web security on', () => {
    const prefs = secureWebPreferences('/app/preload.js');
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('safeOpenExternal opens http(s) links in the OS browser and refuses every other scheme', () => {
    for (const ok of ['https://www.football-data.co.uk/data.php', 'http://example.com/x?y=1']) {
      expect(isSafeExternalUrl(ok)).toBe(true);
      expect(safeOpenExternal(ok)).toBe(true);
    }
    expect(standIn.opened).toEqual(['https://www.football-data.co.uk/data.php', 'http://example.com/x?y=1']);
    standIn.opened.length = 0;
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'data:text/html,<b>x</b>',
      'not a url',
      '',
      'mailto:a@b.c',
    ]) {
      expect(isSafeExternalUrl(bad), bad).toBe(false);
      expect(safeOpenExternal(bad), bad).toBe(false);
    }
    expect(standIn.opened).toEqual([]);
  });
});
