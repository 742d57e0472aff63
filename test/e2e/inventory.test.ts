import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheCounts, execSource, sourceCounts } from './support/counts';
import {
  gridRows,
  launchDesk,
  navButton,
  panelRoot,
  startDesk,
  waitForPanelReady,
  waitForStartupJobs,
  type DeskBrowser,
  type DeskServer,
} from './support/desk';
import { panels } from '../../src-renderer/app/panels';

// Real headless server (its own embedded PostgreSQL) + Debian's Chromium on the built renderer.
let desk: DeskServer;
let browser: DeskBrowser;
const int = new Intl.NumberFormat('en-US');

beforeAll(async () => {
  desk = await startDesk();
  await waitForStartupJobs(desk); // demo data and the first sync, so the counts hold still
  const url = desk.headless.services.source.url!;
  // A few rows of our own on both sides, which no sync has copied: the page must show them too.
  await execSource(
    url,
    "INSERT INTO leagues (league_code, name, country) VALUES ('ZE2E1', 'E2E League One', 'Testland'), ('ZE2E2', 'E2E League Two', 'Testland') ON CONFLICT DO NOTHING",
  );
  await execSource(
    url,
    "INSERT INTO bookmakers (bookmaker, name, is_sharp) VALUES ('E2E_SHARP', 'E2E Sharp', true), ('E2E_SOFT', 'E2E Soft', false), ('E2E_EXCH', 'E2E Exchange', false) ON CONFLICT DO NOTHING",
  );
  const cache = new Database(desk.headless.services.config.cacheFile);
  cache.prepare("INSERT OR REPLACE INTO app_settings (key, value) VALUES ('e2e.marker', '\"1\"')").run();
  cache.close();
  browser = await launchDesk(desk.url, { width: 1600, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

async function rowsOfStore(store: 'source' | 'cache') {
  const { page } = browser;
  await page
    .getByRole('group', { name: 'Store' })
    .getByRole('button', { name: store === 'source' ? 'Source' : 'Cache' })
    .click();
  await expect.poll(async () => (await gridRows(page, 'inventory')).every((r) => r.store === store)).toBe(true);
  return gridRows(page, 'inventory');
}

describe('Data inventory in Chromium against the headless server', () => {
  it('is reached with the keyboard: Alt/Ctrl+N switch panels, nav items are buttons with aria-current', async () => {
    const { page } = browser;
    await page.goto(`${desk.url}#settings`);
    await waitForPanelReady(page, 'settings');
    // every panel by its shortcut, each built (no placeholder panel is left)
    for (const [i, p] of panels.entries()) {
      await page.keyboard.press(`${i % 2 ? 'Control' : 'Alt'}+${i + 1}`);
      await expect.poll(() => navButton(page, p.id).getAttribute('aria-current'), { message: p.id }).toBe('page');
      expect(await page.locator('nav [aria-current]').count()).toBe(1);
      await expect.poll(() => page.locator('main h1').first().textContent(), { message: p.id }).toContain(p.title);
      expect(await page.locator('[data-panel-state="not-built"]').count()).toBe(0);
    }

    await page.keyboard.press('Alt+7');
    await waitForPanelReady(page, 'inventory');
    expect(await navButton(page, 'inventory').getAttribute('aria-current')).toBe('page');
    expect(page.url()).toBe(`${desk.url}#inventory`);

    // the shortcut leaves the focus, visibly, on the open panel's nav button; Tab moves on from it
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { id: el.dataset.panelId, tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused).toEqual({ id: 'inventory', tag: 'BUTTON', outline: 'solid' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.panelId)).toBe('settings');
    await page.keyboard.press('Enter');
    await waitForPanelReady(page, 'settings');
    await page.keyboard.press('Alt+7');
    await waitForPanelReady(page, 'inventory');
  });

  it('lists every source and cache table with the row counts the databases have', async () => {
    const source = await sourceCounts(desk.headless.services.source.url!);
    const cache = cacheCounts(desk.headless.services.config.cacheFile);
    expect(source.get('leagues')).toBeGreaterThanOrEqual(2);
    expect(source.get('bookmakers')).toBeGreaterThanOrEqual(3);
    expect(cache.get('app_settings')).toBeGreaterThanOrEqual(1);

    for (const [store, expected] of [
      ['source', source],
      ['cache', cache],
    ] as const) {
      const rows = await rowsOfStore(store);
      expect(rows.map((r) => r.name).sort(), `${store} tables`).toEqual([...expected.keys()].sort());
      for (const r of rows) {
        expect(r.store).toBe(store);
        expect(r.rows, `${store}.${r.name} rows`).toBe(int.format(expected.get(r.name)!));
        if (expected.get(r.name) === 0) expect(r.status, `${store}.${r.name}`).toBe('empty');
        else expect(r.status, `${store}.${r.name}`).not.toBe('empty');
      }
    }
    await browser.page.getByRole('button', { name: 'All stores' }).click();
    await expect
      .poll(() => browser.page.getByTestId('row-count').textContent())
      .toBe(`${source.size + cache.size} of ${source.size + cache.size} tables`);
  });

  it('shows the KPI "active tables N / total" over the business tables of the source', async () => {
    const rows = await rowsOfStore('source');
    const business = rows.filter((r) => r.category !== 'SYSTEM' && r.category !== 'DEMO TRUTH');
    const active = business.filter((r) => r.status === 'active').length;
    const kpi = (await browser.page.getByTestId('kpi-active').textContent())!.replace(/\s+/g, ' ').trim();
    expect(kpi).toBe(`${active} / ${business.length}`);
    expect(business.length).toBeGreaterThan(15); // SPEC 3.1 names more than fifteen business tables
  });

  it('draws the rows-per-category chart and keeps the page free of errors; screenshot kept', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'All stores' }).click();
    const chart = page.getByRole('img', { name: 'Rows per category, source against cache' });
    await expect.poll(() => chart.locator('canvas').count()).toBe(1);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(200);
    // the chart follows its container: a narrower window gives a narrower canvas, then back
    const canvasWidth = () => chart.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).getBoundingClientRect().width);
    const wide = await canvasWidth();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(canvasWidth).toBeLessThan(wide - 20);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await expect.poll(canvasWidth).toBeCloseTo(wide, 0);
    await page.mouse.move(0, 0);
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'inventory.png') });
    expect(browser.errors).toEqual([]);
  });

  it('Refresh re-counts with a progress bar while the job runs', async () => {
    const { page } = browser;
    await execSource(
      desk.headless.services.source.url!,
      "INSERT INTO leagues (league_code, name) VALUES ('ZE2E3', 'E2E League Three') ON CONFLICT DO NOTHING",
    );
    const before = await panelRoot(page, 'inventory').getAttribute('data-generated-at');
    // note every progress bar that appears, however briefly
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-panel="inventory"] [role="progressbar"]')) w.sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => panelRoot(page, 'inventory').getAttribute('data-generated-at')).not.toBe(before);
    await waitForPanelReady(page, 'inventory');
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    const leagues = (await rowsOfStore('source')).find((r) => r.name === 'leagues')!;
    expect(leagues.rows).toBe(int.format((await sourceCounts(desk.headless.services.source.url!)).get('leagues')!));
  });

  it("shows where each mirrored table's sync stands; Sync now syncs with a progress bar and the inventory counts again", async () => {
    const { page } = browser;
    const cacheRows = await rowsOfStore('cache');
    expect(cacheRows.find((r) => r.name === 'odds_history')!.sync).toMatch(/^synced · /);
    expect(cacheRows.find((r) => r.name === 'app_settings')!.sync).toBe('—'); // the app's own table: not synced
    await execSource(
      desk.headless.services.source.url!,
      "INSERT INTO leagues (league_code, name) VALUES ('ZE2E4', 'E2E League Four') ON CONFLICT DO NOTHING",
    );
    await page.evaluate(() => {
      const w = window as unknown as { sawSyncProgress: boolean };
      w.sawSyncProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-panel="inventory"] .sync-status [role="progressbar"]')) w.sawSyncProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByRole('button', { name: 'Sync now' }).click();
    const expected = int.format((await sourceCounts(desk.headless.services.source.url!)).get('leagues')!);
    await expect.poll(async () => (await rowsOfStore('cache')).find((r) => r.name === 'leagues')?.rows, { timeout: 60_000 }).toBe(expected);
    expect(await page.evaluate(() => (window as unknown as { sawSyncProgress: boolean }).sawSyncProgress)).toBe(true);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-sync-state')).toBe('ok');
  });

  it('keeps the grid column state (sort) across a reload, and exports the rows shown as CSV and XLSX', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'All stores' }).click();
    const rowsHeader = page.locator('[data-grid-id="inventory"] [role="columnheader"][col-id="rows"]');
    await rowsHeader.locator('.ag-header-cell-label').click(); // ascending
    await rowsHeader.locator('.ag-header-cell-label').click(); // descending
    await expect.poll(() => rowsHeader.getAttribute('aria-sort')).toBe('descending');
    const ordered = (await gridRows(page, 'inventory')).map((r) => Number(r.rows.replace(/,/g, '')));
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));

    await page.reload();
    await waitForPanelReady(page, 'inventory');
    await expect
      .poll(() => page.locator('[data-grid-id="inventory"] [role="columnheader"][col-id="rows"]').getAttribute('aria-sort'))
      .toBe('descending');
    const saved = await page.evaluate(
      () => JSON.parse(localStorage.getItem('monps.grid.inventory') ?? '{}') as { sort?: { sortModel: unknown[] } },
    );
    expect(saved.sort?.sortModel).toMatchObject([{ colId: 'rows', sort: 'desc' }]);

    await page.getByRole('button', { name: 'Source' }).click();
    const grid = page.locator('[data-grid-id="inventory"]');
    await grid.getByRole('button', { name: /^Export/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), grid.getByRole('menuitem', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^inventory-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Table');
    const source = await sourceCounts(desk.headless.services.source.url!);
    expect(lines.length - 1).toBe(source.size); // only the rows shown: the source's
    expect(csv).toContain('odds_history');

    // the same rows as an Excel sheet, with the row counts as numbers
    await grid.getByRole('button', { name: /^Export/ }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), grid.getByRole('menuitem', { name: 'Excel (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^inventory-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const nameCol = headers.indexOf('Table') + 1;
    const rowsCol = headers.indexOf('Rows') + 1;
    expect(ws.rowCount - 1).toBe(source.size);
    for (let r = 2; r <= ws.rowCount; r++) {
      const name = String(ws.getRow(r).getCell(nameCol).value);
      expect(ws.getRow(r).getCell(rowsCol).value, name).toBe(source.get(name));
    }

    await page.getByRole('button', { name: 'Reset columns' }).click();
    await expect
      .poll(() => page.locator('[data-grid-id="inventory"] [role="columnheader"][col-id="rows"]').getAttribute('aria-sort'))
      .toBe('none');
  });

  it('shows a typed contract error as a readable toast', async () => {
    const { page } = browser;
    await page.route('**/rpc/inventory.get', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'UNAVAILABLE', message: 'the worker is restarting, try again in a moment' } }),
      }),
    );
    try {
      await page.getByRole('button', { name: 'Refresh' }).click();
      const toast = page.getByRole('alert').filter({ hasText: 'Inventory failed' });
      await toast.waitFor();
      expect(await toast.textContent()).toContain('the worker is restarting, try again in a moment');
      expect(await toast.textContent()).toContain('UNAVAILABLE');
      await toast.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => toast.count()).toBe(0);
    } finally {
      await page.unroute('**/rpc/inventory.get');
    }
  });

  it('Reports: a date without data gets a clear message in the dialog, and no download', async () => {
    const { page } = browser;
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Reports…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reports' });
    await dialog.getByLabel('Date').fill('2001-01-01');
    await dialog.getByLabel('Format').selectOption('xlsx');
    await dialog.getByRole('button', { name: 'Build report' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent(), { timeout: 60_000 })
      .toMatch(/^no data for 2001-01-01 \(.+\): no pick, trap or combo/);
    expect(await dialog.getByRole('alert').textContent()).toContain('Nothing was written.');
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/reports-dialog-no-data.png' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Reports' }).count()).toBe(0);
    expect(downloads).toBe(0);
  });
});
