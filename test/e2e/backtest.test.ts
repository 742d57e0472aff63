// Historique › Backtest in Chromium against the headless server: a real football-data season uploaded
// through the file dialog (copied to a temp folder first, never into the repo), the importer's report
// shown, a backtest run over the imported file from the view with the same numbers as backtest.run
// over RPC, the equity chart and the per-league/season/market table drawn; a slow run cancelled.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../src-shared/contract/agents';
import { footballDataDir } from '../support/shared-data';
import { gridRows, launchDesk, openPanel, startDesk, tempDir, waitForStartupJobs, type DeskBrowser, type DeskServer } from './support/desk';

let desk: DeskServer;
let browser: DeskBrowser;
const upload = tempDir('e2e-upload');
const season = path.join(upload, 'E0_2024-25.csv');

async function rpc<R>(method: string, input: unknown = {}): Promise<R> {
  const res = await fetch(new URL(`rpc/${method}`, desk.url), { method: 'POST', body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value: R; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

beforeAll(async () => {
  fs.copyFileSync(path.join(footballDataDir(), 'E0_2024-25.csv'), season);
  desk = await startDesk();
  await waitForStartupJobs(desk);
  browser = await launchDesk(desk.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await desk?.close();
  fs.rmSync(upload, { recursive: true, force: true });
});

describe('Historique › Backtest', () => {
  it('imports a football-data season from the file dialog and shows the importer report', async () => {
    const { page } = browser;
    await openPanel(page, desk.url, 'history', 120_000);
    await page.getByRole('tab', { name: 'Backtest' }).click();
    await page.getByTestId('import-input').setInputFiles(season);
    const totals = page.getByTestId('import-totals');
    await totals.waitFor({ timeout: 120_000 });
    expect(await totals.textContent()).toMatch(/^1 file: 380 matches, \d+ quotes, \d+ problems, 0 refused/);
    await expect.poll(() => page.locator('[data-file="E0_2024-25.csv"]').textContent()).toMatch(/380 matches/);
    expect(fs.readFileSync(path.join(desk.dataDir, 'imports', 'E0_2024-25.csv')).equals(fs.readFileSync(season))).toBe(true);
  }, 180_000);

  it('a file dropped onto the area is imported the same way', async () => {
    const { page } = browser;
    const text = fs.readFileSync(path.join(footballDataDir(), 'E0_2023-24.csv'), 'latin1');
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'E0_2023-24.csv', { type: 'text/csv' }));
      return dt;
    }, text);
    await page.getByTestId('import-area').dispatchEvent('drop', { dataTransfer: transfer });
    await expect.poll(() => page.getByTestId('import-totals').textContent(), { timeout: 120_000 }).toMatch(/^1 file: 380 matches/);
    expect(await page.locator('[data-file="E0_2023-24.csv"]').count()).toBe(1);
    expect(fs.existsSync(path.join(desk.dataDir, 'imports', 'E0_2023-24.csv'))).toBe(true);
  }, 180_000);

  it('runs a backtest over the imported file: equity chart and the table, the same numbers as over RPC', async () => {
    const { page } = browser;
    await page.getByLabel('Strategy', { exact: true }).selectOption('sharp-reference');
    await page.getByLabel('Source', { exact: true }).selectOption('files');
    await expect.poll(() => page.getByRole('checkbox', { name: /E0_2024-25\.csv/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /E0_2023-24\.csv/ }).uncheck();
    await page.getByRole('button', { name: 'Run backtest' }).click();
    const results = page.getByTestId('backtest-results');
    await results.waitFor({ timeout: 120_000 });
    const viaRpc = await rpc<BacktestResult>('backtest.run', {
      strategy: 'sharp-reference',
      source: { kind: 'csv', files: [path.join(desk.dataDir, 'imports', 'E0_2024-25.csv')] },
      withBets: false,
    });
    expect(Number(await results.getAttribute('data-bets'))).toBe(viaRpc.summary.bets);
    expect(viaRpc.summary.bets).toBeGreaterThan(0);
    const equity = page.getByRole('img', { name: /^Equity of sharp-reference/ });
    expect(await equity.getAttribute('aria-label')).toContain(`${viaRpc.equity.profit.length} settled bets`);
    expect(await equity.locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('img', { name: /^CLV of \d+ bets/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /^Calibration: \d+ bins/ }).count()).toBe(1);
    await expect.poll(async () => (await gridRows(page, 'backtest-breakdown')).length).toBeGreaterThan(3);
    const rows = await gridRows(page, 'backtest-breakdown');
    expect(rows.map((r) => `${r.by}:${r.key}`)).toEqual(expect.arrayContaining(['All:all', 'League:E0', 'Season:2024-25', 'Market:1x2']));
    expect(rows.find((r) => r.key === 'all')?.bets).toBe(viaRpc.summary.bets.toLocaleString('en-GB'));
    expect(await page.getByRole('button', { name: /Export/ }).count()).toBeGreaterThan(0);
    await page.locator('.backtest__side').evaluate((e) => (e.scrollTop = 0));
    await page.screenshot({ path: path.join('test-results', 'backtest-1600.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: path.join('test-results', 'backtest-1280.png') });
    await page.setViewportSize({ width: 1600, height: 1000 });
    expect(browser.errors).toEqual([]);
  }, 240_000);

  it('runs over the cache (the synced demo) too', async () => {
    const { page } = browser;
    await page.getByLabel('Source', { exact: true }).selectOption('cache');
    await page.getByRole('button', { name: 'Run backtest' }).click();
    await expect
      .poll(() => page.getByTestId('backtest-headline').textContent(), { timeout: 120_000 })
      .toMatch(/^sharp-reference on the cache/);
    const viaRpc = await rpc<BacktestResult>('backtest.run', { strategy: 'sharp-reference', withBets: false });
    expect(Number(await page.getByTestId('backtest-results').getAttribute('data-bets'))).toBe(viaRpc.summary.bets);
    await page.getByLabel('Source', { exact: true }).selectOption('files');
  }, 180_000);

  it('a bad parameter is refused in the form, naming it, and nothing runs', async () => {
    const { page } = browser;
    await page.getByLabel('minEdge', { exact: true }).fill('lots');
    await page.getByRole('button', { name: 'Run backtest' }).click();
    const refusal = page.getByTestId('backtest-error');
    await refusal.waitFor({ timeout: 60_000 });
    expect(await refusal.textContent()).toMatch(/minEdge/);
    await page.getByLabel('minEdge', { exact: true }).fill('0');
  }, 120_000);

  it('a slow run shows its progress and Cancel stops it', async () => {
    const { page } = browser;
    await page.getByLabel('Strategy', { exact: true }).selectOption('value');
    await page.getByRole('button', { name: 'Run backtest' }).click();
    const cancel = page.getByTestId('backtest-progress').getByRole('button', { name: 'Cancel' });
    await expect.poll(() => cancel.isEnabled(), { timeout: 60_000 }).toBe(true);
    await cancel.click();
    await page.getByTestId('backtest-cancelled').waitFor({ timeout: 60_000 });
    await expect.poll(() => desk.headless.services.jobs.list().find((j) => j.kind === 'backtest.run')?.state).toBe('cancelled');
    // the previous result stays on screen, and the form can run again
    expect(await page.getByTestId('backtest-results').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Run backtest' }).isEnabled()).toBe(true);
  }, 180_000);
});
