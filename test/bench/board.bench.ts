// `npm run bench -- board [--rows 50000] [--runs 5]`: the Command Center's odds board with ~50 000 rows,
// measured in Chromium against the headless server. Baselines measured in the same run:
//  - first rows: the same panel fed the same board from a static JSON (the request answered by the
//    browser harness, no worker, no database) — the ratio is what the live path costs on top;
//  - sort: a plain Array.prototype.sort of the same rows by best price in the same page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { rendererDir, startHeadless } from '../../src-main/server/headless';
import { launchDesk, tempDir } from '../e2e/support/desk';
import { buildBigBoardCache, NO_SOURCE } from '../integration/market/big-board';
import { median, report } from './report';

function arg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

/** From the Settings panel (app loaded, board not in the page), open the Command Center and time the first grid row. */
async function firstRows(page: Page, base: string): Promise<number> {
  await page.goto(`${base}#settings`);
  await page.locator('[data-panel="settings"]').waitFor();
  return page.evaluate(async () => {
    const t0 = performance.now();
    (document.querySelector('nav .nav__button[data-panel-id="command-center"]') as HTMLButtonElement).click();
    while (!document.querySelector('[data-grid-id="odds-board"] [row-id]')) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  });
}

/** Click the best-price header and time until the grid shows the new order (one more frame painted). */
async function sortOnce(page: Page, direction: 'ascending' | 'descending' | 'none'): Promise<number> {
  // no named functions inside: the page has no bundler helpers
  return page.evaluate(async (dir) => {
    const sel = '[data-grid-id="odds-board"] .ag-header-cell[col-id="bestOdds"]';
    const t0 = performance.now();
    (document.querySelector(`${sel} .ag-header-cell-label`) as HTMLElement).click();
    while ((document.querySelector(sel)?.getAttribute('aria-sort') ?? 'none') !== dir) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  }, direction);
}

/** The page's fetch answers `rpc/market.board` with a static JSON file served next to the renderer. */
function staticBoardScript(file: string): string {
  return `(() => {
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => String(input instanceof Request ? input.url : input).includes('rpc/market.board') ? original('/${file}') : original(input, init);
  })();`;
}

export default async function bench(argv: string[]): Promise<void> {
  const rows = arg(argv, 'rows', 50_000);
  const runs = arg(argv, 'runs', 5);
  const dir = tempDir('bench-board');
  const t0 = performance.now();
  const made = buildBigBoardCache(path.join(dir, 'cache.sqlite'), rows);
  report({
    bench: 'board',
    metric: 'cache_build_s',
    value: (performance.now() - t0) / 1000,
    unit: 's',
    rows: made.rows,
    quotes: made.quotes,
  });
  const server = await startHeadless({ port: 0, dataDir: dir, background: false, source: NO_SOURCE });
  const browser = await launchDesk(server.server.url, { width: 1680, height: 1000 });
  const base = server.server.url;
  try {
    const { page } = browser;
    await page.goto(`${base}#settings`);
    const fetchBoard = () =>
      page.evaluate(async () => {
        const t = performance.now();
        const res = await fetch('/rpc/market.board', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
        const text = await res.text();
        const body = JSON.parse(text) as { value: { rowCount: number; buildMs: number } };
        return { ms: performance.now() - t, bytes: text.length, rowCount: body.value.rowCount, buildMs: body.value.buildMs, text };
      });
    const cold = await fetchBoard();
    report({
      bench: 'board',
      metric: 'board_cold_ms',
      value: cold.ms,
      unit: 'ms',
      rows: cold.rowCount,
      workerBuildMs: Math.round(cold.buildMs),
      jsonMB: +(cold.bytes / 1e6).toFixed(2),
    });
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push((await fetchBoard()).ms);
    report({
      bench: 'board',
      metric: 'board_warm_fetch_ms',
      value: median(warm),
      unit: 'ms',
      rows: cold.rowCount,
      note: 'memo hit: worker → main → HTTP → JSON.parse',
    });

    // first rows, live path (worker memo warm, as after a sync) against the same rows from a static JSON
    const firstOpen = await firstRows(page, base);
    const live: number[] = [];
    for (let i = 0; i < runs; i++) live.push(await firstRows(page, base));
    // sort by best price, both ways, against a plain sort of the same rows in the page
    await page.locator('[data-panel="command-center"][data-ready="true"]').waitFor();
    const sorts: number[] = [];
    for (let i = 0; i < runs; i++) {
      sorts.push(await sortOnce(page, 'ascending'));
      sorts.push(await sortOnce(page, 'descending'));
      await sortOnce(page, 'none'); // the third click clears the sort: the next run starts from the default order
    }
    const plain = await page.evaluate(async () => {
      const res = await fetch('/rpc/market.board', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
      const b = (await res.json()) as { value: { columns: { bestOdds: (number | null)[] } } };
      const objs = b.value.columns.bestOdds.map((v, i) => ({ i, v }));
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        const copy = objs.slice();
        const t = performance.now();
        copy.sort((a, c) => (a.v ?? 0) - (c.v ?? 0));
        times.push(performance.now() - t);
      }
      return times.sort((a, c) => a - c)[2];
    });
    report({
      bench: 'board',
      metric: 'sort_ms',
      value: median(sorts),
      unit: 'ms',
      baseline: plain,
      ratio: median(sorts) / plain,
      target: '< 300',
      rows: cold.rowCount,
    });
    // the same panel fed the same rows from a static JSON file (last: the script stays on the page)
    const file = `bench-board-${process.pid}.json`;
    const staticPath = path.join(rendererDir()!, file);
    fs.writeFileSync(staticPath, cold.text);
    await page.addInitScript({ content: staticBoardScript(file) });
    const fixed: number[] = [];
    for (let i = 0; i < runs; i++) fixed.push(await firstRows(page, base));
    fs.rmSync(staticPath, { force: true });
    report({
      bench: 'board',
      metric: 'first_rows_ms',
      value: median(live),
      unit: 'ms',
      baseline: median(fixed),
      ratio: median(live) / median(fixed),
      target: '< 1000',
      rows: cold.rowCount,
      firstOpenMs: Math.round(firstOpen),
    });
    if (browser.errors.length)
      report({ bench: 'board', metric: 'page_errors', value: browser.errors.length, unit: 'count', first: browser.errors[0] });
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
