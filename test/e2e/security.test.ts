import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDesk, openPanel, startDesk, waitForPanelReady, type DeskBrowser, type DeskServer } from './support/desk';

// The page never leaves the app and runs under the CSP. The source is deliberately unreachable
// (nothing listens on port 1): no embedded PostgreSQL is needed, and the inventory must say so.
let desk: DeskServer;
let browser: DeskBrowser;
const UNREACHABLE = 'postgres://nobody:secret@127.0.0.1:1/nowhere';

beforeAll(async () => {
  desk = await startDesk({ source: UNREACHABLE });
  browser = await launchDesk(desk.url);
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

describe('the app in Chromium: CSP, links and an unreachable source', () => {
  it('serves the page with a strict Content-Security-Policy header (and the same policy in a meta tag)', async () => {
    const res = await fetch(desk.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const { page } = browser;
    await page.goto(desk.url);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    // the policy is enforced: an inline script injected at runtime does not run
    // (an allowed inline script runs as it is appended; a refused one raises a CSP violation event)
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
      );
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violated: await violation };
    });
    expect(outcome).toEqual({ ran: false, violated: expect.stringMatching(/^script-src/) });
  });

  it('says plainly that the source is unreachable and still lists the cache', async () => {
    const { page } = browser;
    const panel = await openPanel(page, desk.url, 'inventory');
    const banner = panel.getByTestId('source-unreachable');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('Source unreachable.');
    expect(text).toContain('local cache only');
    expect(text).not.toContain('secret'); // the password never reaches the page
    await expect.poll(() => page.getByTestId('row-count').textContent()).toMatch(/^[1-9]\d* of [1-9]\d* tables$/);
    expect(await page.locator('[data-grid-id="inventory"] [row-id^="source:"]').count()).toBe(0);
    expect(await page.locator('[data-grid-id="inventory"] [row-id="cache:app_settings"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('kpi-active').textContent()).toMatch(/^\d+ \/ \d+$/);
  });

  it('cannot be navigated away: nav buttons, the app links and foreign links all keep the page', async () => {
    const { page, context } = browser;
    const start = desk.url;
    await page.goto(`${start}#settings`);
    await waitForPanelReady(page, 'settings');
    const here = () => page.url().replace(/#.*$/, '');
    let loads = 0;
    page.on('load', () => loads++);

    for (const id of ['command-center', 'picks', 'performance', 'deep-analysis', 'ferrari', 'history', 'inventory', 'settings']) {
      await page.locator(`nav [data-panel-id="${id}"]`).click();
      expect(here()).toBe(start);
    }

    // every link the app renders (the settings panel has an external one), clicked for real
    await waitForPanelReady(page, 'settings');
    const links = page.locator('main a[href]');
    expect(await links.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await links.count()); i++) {
      const popup = context.waitForEvent('page', { timeout: 2000 }).catch(() => null);
      await links.nth(i).click();
      const opened = await popup;
      expect(here()).toBe(start);
      if (opened) {
        expect(new URL(opened.url()).origin).not.toBe(new URL(start).origin);
        await opened.close();
      }
    }

    // links that an attacker or a bug could put on the page: foreign origin, another path, file:,
    // a plain form post; none of them moves the page
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'planted';
      box.innerHTML = `
        <a id="l-foreign" href="https://example.com/phish">foreign</a>
        <a id="l-path" href="/somewhere/else">path</a>
        <a id="l-file" href="file:///etc/passwd">file</a>
        <form id="f" action="https://example.com/post" method="post"><button id="f-go">go</button></form>`;
      document.querySelector('main')!.appendChild(box);
    });
    for (const sel of ['#l-foreign', '#l-path', '#l-file', '#f-go']) {
      const popup = context.waitForEvent('page', { timeout: 1000 }).catch(() => null);
      await page.locator(sel).click();
      const opened = await popup;
      await opened?.close();
      expect(here(), sel).toBe(start);
    }
    expect(loads).toBe(0);
    expect(await page.locator('.app').count()).toBe(1);
  });

  it('makes no request outside its own origin', async () => {
    const { page } = browser;
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== new URL(desk.url).origin && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(`${desk.url}#inventory`);
    await waitForPanelReady(page, 'inventory');
    expect(foreign).toEqual([]);
  });
});
