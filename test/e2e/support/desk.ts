import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { rendererDir, startHeadless, type Headless, type HeadlessOptions } from '../../../src-main/server/headless';

/** Debian's Chromium (the CI script installs it: `apt-get install -y chromium`). */
export const CHROMIUM = process.env.MONPS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `monps-${prefix}-`));
  // As root, the embedded PostgreSQL runs as `postgres`, which must be able to enter the folder.
  fs.chmodSync(dir, 0o755);
  return dir;
}

export interface DeskServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  headless: Headless;
  dataDir: string;
  close(): Promise<void>;
}

/** The headless server in-process, on a free port, with a fresh data folder (its own embedded
 * PostgreSQL unless `source` is given). Needs the renderer build (`npx electron-vite build`). */
export async function startDesk(
  opts: { source?: string; dataDir?: string; clock?: HeadlessOptions['clock']; firstRun?: boolean } = {},
): Promise<DeskServer> {
  if (!rendererDir()) throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` before the e2e tests');
  const dataDir = opts.dataDir ?? tempDir('e2e-data');
  // No scheduled sync (the live demo feed changes the source every minute): a test's databases hold
  // still, and a test that wants new data syncs on demand.
  // Nor the first run's chain (CONSEIL's picks, Agent C) unless a test asks: the tests compare the
  // panels with the databases as their own calls left them.
  const headless = await startHeadless({
    port: 0,
    dataDir,
    source: opts.source,
    schedule: false,
    firstRun: opts.firstRun ?? false,
    clock: opts.clock,
  });
  return {
    url: headless.server.url,
    headless,
    dataDir,
    async close() {
      await headless.close();
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the start-up work is over — the demo data (embedded default) and the first sync —
 * and no job runs, so the databases hold still while a test compares them with the page. */
export async function waitForStartupJobs(desk: DeskServer, timeout = 150_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const jobs = desk.headless.services.jobs.list();
    const busy = jobs.some((j) => j.state === 'running' || j.state === 'queued');
    if (!busy && jobs.some((j) => j.kind === 'sync')) {
      // the work after the sync goes from job to job: wait for the whole queue, then look again
      await desk.headless.services.afterSync.idle();
      if (!desk.headless.services.jobs.list().some((j) => j.state === 'running' || j.state === 'queued')) return;
    }
    if (Date.now() > until)
      throw new Error(`start-up jobs still running after ${timeout} ms: ${jobs.map((j) => `${j.kind}=${j.state}`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for a sync job started after `after` (ISO time; '' = any) to finish; fails if it failed. */
export async function waitForSync(h: Headless, after = ''): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const j = h.services.jobs.list().find((x) => x.kind === 'sync' && x.startedAt > after);
    if (j && j.state === 'done') return;
    if (j && j.state === 'failed') throw new Error(`sync failed: ${j.message}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('no sync finished in 150 s');
}

export interface DeskBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium with its own fresh user-data folder (so localStorage starts empty), one page, and every
 * request outside `allowOrigin` refused (the app must need nothing from the internet). */
export async function launchDesk(allowOrigin: string, opts: { width?: number; height?: number } = {}): Promise<DeskBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`);
  const userDataDir = tempDir('chromium');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: opts.width ?? 1600, height: opts.height ?? 1000 },
  });
  const origin = new URL(allowOrigin).origin;
  await context.route(
    (u) => u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:',
    (route) => route.abort('blockedbyclient'),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The "loaded" marker: a panel's root carries `data-panel="<id>"` and `data-ready="true"` once it
 * shows real data. */
export function panelRoot(page: Page, panelId: string): Locator {
  return page.locator(`[data-panel="${panelId}"]`);
}

export async function waitForPanelReady(page: Page, panelId: string, timeout = 60_000): Promise<Locator> {
  const root = page.locator(`[data-panel="${panelId}"][data-ready="true"]`);
  await root.waitFor({ state: 'visible', timeout });
  return root;
}

/** Opens the app at `#<panelId>` and waits for that panel's loaded marker. */
export async function openPanel(page: Page, baseUrl: string, panelId: string, timeout?: number): Promise<Locator> {
  await page.goto(`${baseUrl}#${panelId}`);
  return waitForPanelReady(page, panelId, timeout);
}

/** The nav button of a panel (a real <button> with aria-current="page" when open). */
export function navButton(page: Page, panelId: string): Locator {
  return page.locator(`nav .nav__button[data-panel-id="${panelId}"]`);
}

/** Every row a Grid renders (ag-grid virtualises: make the viewport tall enough or filter first),
 * as the user sees its cells, keyed by column id, in display order. */
export async function gridRows(page: Page, gridId: string): Promise<Record<string, string>[]> {
  return page.locator(`[data-grid-id="${gridId}"] [role="row"][row-id]`).evaluateAll((rows) => {
    const byId = new Map<string, { index: number; cells: Record<string, string> }>();
    for (const row of rows) {
      const id = row.getAttribute('row-id') ?? '';
      const entry = byId.get(id) ?? { index: Number(row.getAttribute('row-index')), cells: {} };
      // pinned columns render the same row in several containers: merge them
      for (const cell of Array.from(row.querySelectorAll('[col-id]')))
        entry.cells[cell.getAttribute('col-id') ?? ''] = (cell.textContent ?? '').trim();
      byId.set(id, entry);
    }
    return [...byId.values()].sort((a, b) => a.index - b.index).map((e) => e.cells);
  });
}
