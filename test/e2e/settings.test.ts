import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaisedAlert } from '../../src-shared/contract/alerts';
import { launchDesk, openPanel, startDesk, waitForPanelReady, waitForStartupJobs, type DeskBrowser, type DeskServer } from './support/desk';
import { startTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in';

// The Settings panel in Debian's Chromium against the headless server (its own embedded PostgreSQL);
// Telegram is a STAND-IN Bot API server on loopback.
const TOKEN = '7012345678:AAH-e2e-stand-in-token-0123456789abcd';
let desk: DeskServer;
let browser: DeskBrowser;
let api: TelegramStandIn;
// The notifier's clock: the real one, moved on by the tests (the agents' start-up alerts fill the
// minute's allowance of notifications; a test moves past that minute instead of waiting it out)
let skipped = 0;
const clock = {
  now: () => Date.now() + skipped,
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};
const nextMinute = () => (skipped += 61_000);

beforeAll(async () => {
  api = await startTelegramStandIn({ validToken: TOKEN });
  desk = await startDesk({ clock });
  await waitForStartupJobs(desk);
  browser = await launchDesk(desk.url, { width: 1600, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
  await api?.close();
});

const field = (id: string) => browser.page.locator(`[data-field="${id}"]`);
const section = (id: string) => browser.page.locator(`[data-section="${id}"]`);
const raise = (a: Partial<RaisedAlert> & { id: string }) =>
  desk.headless.services.bus.emit('alert.raised', {
    kind: 'trap',
    severity: 'high',
    title: 'Inflated favourite',
    body: 'Home 1.45 against a fair 1.62',
    matchId: 12,
    panel: 'ferrari',
    at: new Date().toISOString(),
    ...a,
  });

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe('Settings in Chromium against the headless server', () => {
  it('shows the schedule with each slot, its next run and its last run', async () => {
    const { page } = browser;
    await openPanel(page, desk.url, 'settings');
    const rows = page.locator('table.schedule tbody tr');
    expect(await rows.evaluateAll((r) => r.map((x) => (x as HTMLElement).dataset.slot))).toEqual([
      'sync',
      'intelligence',
      'closing-line',
      'settlement',
      'learning',
    ]);
    // the e2e server runs without cron ticks (still databases): the start-up sync ran, nothing is planned
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toMatch(/^ok .* rows upserted/);
    // the decision layer is plugged into every slot; without cron ticks nothing is planned
    expect(await page.getByTestId('next-settlement').textContent()).toBe('—');
    expect(await page.getByLabel('Cron of Sync').getAttribute('placeholder')).toBe('* * * * *'); // the embedded demo's default
  });

  it('puts a bad bankroll and Kelly fraction next to their fields, saves nothing, and saves good values that survive a reload', async () => {
    const { page } = browser;
    await openPanel(page, desk.url, 'settings');
    await page.getByLabel('Bankroll', { exact: true }).fill('0');
    await page.getByLabel('Kelly fraction').fill('1.5');
    await section('staking').getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => field('staking-bankroll').locator('.sfield__error').textContent()).toBe('the bankroll must be more than 0');
    expect(await field('staking-kelly').locator('.sfield__error').textContent()).toBe('the Kelly fraction must be at most 1 (full Kelly)');
    expect(await page.getByLabel('Bankroll', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(desk.headless.services.settings.settings.staking.bankroll).toBe(1000); // nothing saved
    await page.screenshot({ path: path.join('test-results', 'settings-errors.png') });

    await page.reload();
    await waitForPanelReady(page, 'settings');
    expect(await page.getByLabel('Bankroll', { exact: true }).inputValue()).toBe('1000');
    await page.getByLabel('Bankroll', { exact: true }).fill('2500');
    await page.getByLabel('Kelly fraction').fill('0.5');
    await page.getByLabel('Per match').fill('4');
    await section('staking').getByRole('button', { name: 'Save', exact: true }).click();
    await section('staking').getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await field('staking-bankroll').locator('.sfield__error').count()).toBe(0);
    await page.reload();
    await waitForPanelReady(page, 'settings');
    expect(await page.getByLabel('Bankroll', { exact: true }).inputValue()).toBe('2500');
    expect(await page.getByLabel('Per match').inputValue()).toBe('4');
    expect(desk.headless.services.settings.settings.staking).toMatchObject({
      bankroll: 2500,
      kellyFraction: 0.5,
      exposure: { perMatch: 0.04 },
    });
  });

  it('refuses an invalid cron under its field and saves a valid one, whose next run then shows', async () => {
    const { page } = browser;
    const cron = page.getByLabel('Cron of Learning');
    await cron.fill('30 25 * * *');
    await section('schedule').getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.locator('#cron-learning-error').textContent())
      .toBe('not a valid cron expression: Invalid value for hour: 25');
    expect(await cron.getAttribute('aria-invalid')).toBe('true');
    await cron.fill('30 5 * * *');
    await section('schedule').getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#cron-learning-error').count()).toBe(0);
    expect(desk.headless.services.settings.settings.schedule.learning.cron).toBe('30 5 * * *');
    expect(await page.locator('tr[data-slot="learning"] .schedule__note').textContent()).toBe('custom');
  });

  it('tests a source connection and names what failed', async () => {
    const { page } = browser;
    const port = await closedPort();
    await page.getByLabel('PostgreSQL URL').fill(`postgres://analyst@127.0.0.1:${port}/monps`);
    await page.getByLabel('Password', { exact: true }).fill('secret-pw');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('connection-result');
    await expect.poll(() => result.getAttribute('data-failure')).toBe('refused');
    expect(await result.textContent()).toBe(
      `Connection refused 127.0.0.1:${port} refused the connection (is PostgreSQL running on that port?)`,
    );

    const embedded = new URL(desk.headless.services.source.url!);
    await page.getByLabel('PostgreSQL URL').fill(`postgres://${embedded.username}@${embedded.host}${embedded.pathname}`);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result.getAttribute('data-failure')).toBe('auth');
    expect(await result.textContent()).toMatch(/^Authentication failed .*password authentication failed/);
    await page.getByLabel('Password', { exact: true }).fill(decodeURIComponent(embedded.password));
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result.getAttribute('data-failure')).toBe('none');
    expect(await result.textContent()).toMatch(/^Connected connected to PostgreSQL .*; schema ready$/);
  });

  it('saves the Telegram chat and token (checked with the stand-in Bot API) and sends a test message', async () => {
    const { page } = browser;
    await page.getByLabel('Bot API server').fill(api.url);
    await page.getByLabel('Chat id').fill('-1009876543210');
    await section('telegram').getByRole('button', { name: 'Save', exact: true }).click();
    await section('telegram').getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByLabel('Bot token').fill('123:short');
    await page.getByRole('button', { name: 'Save token' }).click();
    await expect
      .poll(() => field('telegram-token').locator('.sfield__error').textContent())
      .toBe('not a bot token: BotFather gives one like 123456789:AAE…');
    await page.getByLabel('Bot token').fill(TOKEN);
    await page.getByRole('button', { name: 'Save token' }).click();
    await expect.poll(() => page.getByTestId('telegram-note').textContent()).toBe('Token saved for @monps_test_bot.');
    expect(await page.getByLabel('Bot token').inputValue()).toBe(''); // never shown again
    api.requests.length = 0;
    await page.getByRole('button', { name: 'Send test message' }).click();
    await expect.poll(() => page.getByTestId('telegram-note').textContent()).toBe('Test message delivered.');
    expect(api.requests).toMatchObject([{ method: 'sendMessage', body: { chat_id: '-1009876543210', parse_mode: 'MarkdownV2' } }]);
    expect(await page.content()).not.toContain(TOKEN);
  });

  it('exports the settings as a file without secrets and imports one back; a bad file changes nothing', async () => {
    const { page } = browser;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^monps-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const content = fs.readFileSync((await download.path())!, 'utf8');
    expect(content).not.toContain(TOKEN);
    const file = JSON.parse(content);
    expect(file.settings.staking.bankroll).toBe(2500);
    file.settings.staking.bankroll = 3100;
    const input = page.getByLabel('Settings file to import');
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => page.getByTestId('transfer-note').textContent()).toBe('Imported good.json.');
    await expect.poll(() => page.getByLabel('Bankroll', { exact: true }).inputValue()).toBe('3100');
    file.settings.staking.kellyFraction = 0;
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect
      .poll(() => page.getByTestId('transfer-note').textContent())
      .toBe('bad.json was not imported, nothing changed: staking.kellyFraction: the Kelly fraction must be above 0');
    expect(desk.headless.services.settings.settings.staking.kellyFraction).toBe(0.5);
  });

  it('takes screenshots at 1600×1000 and 1280×720 with no page error', async () => {
    const { page } = browser;
    await openPanel(page, desk.url, 'settings');
    await page.mouse.move(0, 0);
    const top = () => page.locator('.panel--settings').evaluate((el) => el.scrollTo(0, 0));
    await top();
    await page.screenshot({ path: path.join('test-results', 'settings-1600x1000.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    await top();
    await page.screenshot({ path: path.join('test-results', 'settings-1280x720.png') });
    // at 1280 the sections stack in one scrolling column
    await page.locator('[data-section="instance"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join('test-results', 'settings-1280x720-bottom.png') });
    await page.setViewportSize({ width: 1600, height: 1000 });
    // the browser logs each refused save (HTTP 400, a VALIDATION answer the tests above asked for) as a console error
    expect(browser.errors.filter((e) => !e.includes('the server responded with a status of 400 (Bad Request)'))).toEqual([]);
  });
});

describe('browser notifications (headless mode)', () => {
  it('without permission: an in-app toast per new trap, updates do not re-notify, Open goes to the match in Ferrari Intel', async () => {
    const { page } = browser;
    await openPanel(page, desk.url, 'settings');
    expect(await page.getByTestId('browser-permission').getAttribute('data-permission')).toBe('default');
    nextMinute();
    raise({ id: 'trap:e2e-1', title: 'Inflated favourite: Lyon' });
    raise({ id: 'trap:e2e-1', title: 'Inflated favourite: Lyon (updated)' });
    const toast = page.getByRole('status').filter({ hasText: 'Inflated favourite: Lyon' });
    await toast.waitFor();
    expect(await toast.count()).toBe(1);
    expect(await toast.textContent()).toContain('Home 1.45 against a fair 1.62');
    await toast.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.url()).toBe(`${desk.url}#ferrari`);
    await expect.poll(() => toast.count()).toBe(0);
  });

  it("with permission: the browser's Notification API, one per alert id", async () => {
    const { context } = browser;
    await context.grantPermissions(['notifications'], { origin: new URL(desk.url).origin });
    const page = await context.newPage();
    try {
      // record what the page shows through the real Notification API
      await page.addInitScript(() => {
        const Real = window.Notification;
        const shown: { title: string; body?: string; tag?: string }[] = [];
        (window as unknown as { shown: typeof shown }).shown = shown;
        class Recorded extends Real {
          constructor(title: string, options?: NotificationOptions) {
            super(title, options);
            shown.push({ title, body: options?.body, tag: options?.tag });
          }
        }
        window.Notification = Recorded as typeof Notification;
      });
      await openPanel(page, desk.url, 'settings');
      expect(await page.getByTestId('browser-permission').getAttribute('data-permission')).toBe('granted');
      nextMinute();
      raise({ id: 'steam:e2e-2', kind: 'steam', title: 'Steam: Nantes -9%', body: '3 books in 10 min' });
      raise({ id: 'steam:e2e-2', kind: 'steam', title: 'Steam: Nantes -11%', body: 'update' });
      raise({ id: 'trap:e2e-low', severity: 'low', title: 'Low trap' }); // below the threshold (medium)
      const shown = () => page.evaluate(() => (window as unknown as { shown: unknown[] }).shown);
      await expect.poll(shown).toEqual([{ title: 'Steam: Nantes -9%', body: '3 books in 10 min', tag: 'steam:e2e-2' }]);
      expect(await page.getByRole('status').filter({ hasText: 'Steam: Nantes' }).count()).toBe(0); // no toast beside it
    } finally {
      await page.close();
    }
  });
});
