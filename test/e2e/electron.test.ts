import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/platform/pg/embedded';
import { migrateSource } from '../../src-main/platform/pg/migrate';
import { cacheCounts, sourceCounts } from './support/counts';
import { gridRows, navButton, tempDir, waitForPanelReady } from './support/desk';
import { electronBinary } from './support/electron';

// The real desktop app driven by Playwright's _electron, where the binary exists. Here (no binary
// can be downloaded) it is skipped, and the reason is printed.
const binary = electronBinary();
const hasElectron = binary.path !== undefined;
if (!hasElectron)
  console.warn(
    `test/e2e/electron.test.ts skipped: ${binary.reason}. The same UI is tested in Chromium against the headless server, and main.ts with electron stubbed in test/unit/electron.`,
  );

let pg: EmbeddedPg | undefined;
let app: ElectronApplication | undefined;
let page: Page;
const dataDir = hasElectron ? tempDir('electron-e2e') : '';

beforeAll(async () => {
  if (!hasElectron) return;
  if (!fs.existsSync('out/main/index.js')) throw new Error('out/main/index.js is missing: run `npx electron-vite build` first');
  pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'source-pg'), persistent: false });
  await migrateSource(pg.url);
  app = await _electron.launch({
    executablePath: binary.path,
    args: [path.resolve('out/main/index.js'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, MONPS_DATA_DIR: path.join(dataDir, 'app'), MONPS_SOURCE_URL: pg.url },
  });
  page = await app.firstWindow();
});

afterAll(async () => {
  await app?.close();
  await pg?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the desktop app under real Electron', () => {
  // Electron 45 has no getter for a window's web preferences: their effects are checked from the page.
  it.skipIf(!hasElectron)('runs the window isolated and sandboxed, without Node or webviews in the page', async () => {
    expect(await page.evaluate(() => document.createElement('webview').constructor.name)).toBe('HTMLUnknownElement');
    expect(
      await page.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
    expect(await page.evaluate(() => Object.keys((window as unknown as { monps: object }).monps).sort())).toEqual(['invoke', 'onEvent']);
  });

  it.skipIf(!hasElectron)('shows the inventory of the source and the cache with their row counts, reached by keyboard', async () => {
    await page.keyboard.press('Alt+1');
    await expect.poll(() => navButton(page, 'command-center').getAttribute('aria-current')).toBe('page');
    await page.keyboard.press('Alt+7');
    await waitForPanelReady(page, 'inventory');
    const source = await sourceCounts(pg!.url);
    const cache = cacheCounts(path.join(dataDir, 'app', 'cache.sqlite'));
    const int = new Intl.NumberFormat('en-US');
    for (const [store, expected] of [
      ['source', source],
      ['cache', cache],
    ] as const) {
      await page
        .getByRole('group', { name: 'Store' })
        .getByRole('button', { name: store === 'source' ? 'Source' : 'Cache' })
        .click();
      await expect.poll(async () => (await gridRows(page, 'inventory')).every((r) => r.store === store)).toBe(true);
      const rows = await gridRows(page, 'inventory');
      expect(rows.map((r) => r.name).sort()).toEqual([...expected.keys()].sort());
      for (const r of rows) expect(r.rows, `${store}.${r.name}`).toBe(int.format(expected.get(r.name)!));
    }
    expect(await page.getByTestId('kpi-active').textContent()).toMatch(/^\d+ \/ \d+$/);
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/inventory-electron.png' });
  });
});
