// A laptop screen (1280×720) and a desk screen (1600×1000): the columns that decide a bet (best price,
// its book, the edge) lie inside the viewport and inside their grid without horizontal scrolling in
// Command Center, Picks du Jour and Deep Analysis; the toasts are compact, at most three, and never
// over Command Center's moves chart. Screenshots of each in test-results/.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardMatch } from '../../src-shared/contract/market';
import type { NotificationPayload } from '../../src-shared/contract/notifications';
import { launchDesk, openPanel, startDesk, waitForPanelReady, waitForStartupJobs, type DeskBrowser, type DeskServer } from './support/desk';

let desk: DeskServer;
let browser: DeskBrowser;
const SIZES = [
  { width: 1600, height: 1000 },
  { width: 1280, height: 720 },
] as const;
const poll = <V>(fn: () => V | Promise<V>, timeout = 30_000) => expect.poll(fn, { timeout });

async function rpc<T>(method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(new URL(`rpc/${method}`, desk.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

beforeAll(async () => {
  desk = await startDesk();
  await waitForStartupJobs(desk);
  await rpc('conseil.run', { dryRun: false });
  browser = await launchDesk(desk.url, { width: 1600, height: 1000 });
  fs.mkdirSync('test-results', { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const inside = (b: Box, outer: Box, slack = 0.5) =>
  b.x >= outer.x - slack &&
  b.y >= outer.y - slack &&
  b.x + b.width <= outer.x + outer.width + slack &&
  b.y + b.height <= outer.y + outer.height + slack;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Each column's header cell lies inside the page's viewport and inside its grid; the grid is not scrolled sideways. */
async function expectColumnsInView(page: Page, gridId: string, colIds: readonly string[], what: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const screen = { x: 0, y: 0, ...viewport };
  const grid = page.locator(`[data-grid-id="${gridId}"]`);
  const gridBox = (await grid.boundingBox())!;
  expect(gridBox, `${what}: the grid`).not.toBeNull();
  const scrolled = await grid.evaluate((g) => Math.max(0, ...Array.from(g.querySelectorAll('*')).map((e) => e.scrollLeft)));
  expect(scrolled, `${what}: scrolled sideways`).toBe(0);
  for (const col of colIds) {
    const header = grid.locator(`.ag-header-cell[col-id="${col}"]`);
    await poll(() => header.count(), 10_000).toBeGreaterThan(0);
    const b = (await header.first().boundingBox())!;
    expect(b, `${what}: ${col} rendered`).not.toBeNull();
    expect(inside(b, screen), `${what} ${viewport.width}×${viewport.height}: ${col} ${JSON.stringify(b)} in the viewport`).toBe(true);
    expect(
      inside(b, gridBox),
      `${what} ${viewport.width}×${viewport.height}: ${col} ${JSON.stringify(b)} in its grid ${JSON.stringify(gridBox)}`,
    ).toBe(true);
  }
}

async function expectInView(page: Page, loc: Locator, what: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const b = (await loc.boundingBox())!;
  expect(b, what).not.toBeNull();
  expect(inside(b, { x: 0, y: 0, ...viewport }), `${what} ${JSON.stringify(b)} in ${viewport.width}×${viewport.height}`).toBe(true);
}

const shot = (page: Page, name: string) => {
  const v = page.viewportSize()!;
  return page.screenshot({ path: path.join('test-results', `laptop-${name}-${v.width}x${v.height}.png`) });
};

describe('on a laptop screen', () => {
  it('Command Center: best price, its book and the value edge in view at both sizes', async () => {
    const { page } = browser;
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await openPanel(page, desk.url, 'command-center');
      await expectColumnsInView(page, 'odds-board', ['bestOdds', 'bestBook', 'valueEdge'], 'Command Center');
    }
  });

  it('Picks du Jour: the price with its book and the edge of the first card in view at both sizes', async () => {
    const { page } = browser;
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const root = await openPanel(page, desk.url, 'picks');
      const card = root.getByTestId('pick-card').first();
      await card.waitFor();
      await expectInView(page, card.getByTestId('pick-odds'), 'Picks du Jour odds and book');
      await expectInView(page, card.locator('dt', { hasText: /^Edge$/ }).locator('xpath=following-sibling::dd[1]'), 'Picks du Jour edge');
      await shot(page, 'picks');
    }
  });

  it('Deep Analysis: the model-vs-market grid shows Best, Book and Edge without scrolling at both sizes', async () => {
    const { page } = browser;
    const matches = await rpc<BoardMatch[]>('analysis.matches', {});
    const target = matches[3];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await openPanel(page, desk.url, 'deep-analysis');
      const box = page.getByRole('combobox', { name: 'Search a match' });
      await box.fill(`${target.home}`);
      const option = page.getByRole('option').filter({ hasText: `${target.home} – ${target.away}` });
      await option.first().click();
      await poll(() => page.locator('[data-panel="deep-analysis"]').getAttribute('data-match-id')).toBe(String(target.matchId));
      await waitForPanelReady(page, 'deep-analysis');
      await poll(() => page.locator('[data-grid-id="preview-markets"] [role="row"][row-id]').count()).toBeGreaterThan(0);
      await expectColumnsInView(page, 'preview-markets', ['bestOdds', 'bestBook', 'edge'], 'Deep Analysis');
      await shot(page, 'deep-analysis');
    }
  });
});

describe('alerts that do not hide the work', () => {
  const trap = (i: number): NotificationPayload => ({
    id: `laptop-trap-${i}-${Date.now()}`,
    title: `Trap: Home ${i} – Away ${i}`,
    body: `inflated favourite on home (1X2), score ${60 + i}: the shortest soft price sits well under the sharp book's fair price`,
    severity: 'medium',
    matchId: null,
    panel: 'ferrari',
  });

  it('six trap notifications: two compact toasts and "4 more traps — Ferrari Intel", none over the moves chart, at both sizes', async () => {
    const { page } = browser;
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await openPanel(page, desk.url, 'command-center');
      for (let i = 1; i <= 6; i++) desk.headless.services.bus.emit('notification.show', trap(i));
      const toasts = page.locator('[data-testid="toasts"] .toast');
      await poll(() => toasts.count()).toBe(3);
      const summary = page.getByTestId('toast-summary');
      expect(await summary.locator('.toast__title').textContent()).toBe('4 more traps — Ferrari Intel');
      const chart = (await page.getByTestId('moves-chart-card').boundingBox())!;
      expect(chart).not.toBeNull();
      for (const b of await toasts.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box))) {
        expect(overlaps(b, chart), `${size.width}×${size.height}: toast ${JSON.stringify(b)} over the chart ${JSON.stringify(chart)}`).toBe(
          false,
        );
        expect(b.height, 'compact').toBeLessThanOrEqual(90);
      }
      await shot(page, 'command-center-toasts');
      // the summary's Open goes to the panel that lists them and clears what it summed up
      await summary.getByRole('button', { name: 'Open' }).click();
      await waitForPanelReady(page, 'ferrari');
      await poll(() => toasts.count()).toBe(2);
      for (let n = await toasts.count(); n > 0; n = await toasts.count())
        await toasts.first().getByRole('button', { name: 'Dismiss' }).click();
    }
  });
});
