// Picks du Jour and the learning log in Chromium against the headless server on the embedded demo:
// CONSEIL ULTIM run from the panel, the cards checked against `conseil.today` (count, order, prices,
// factors, reasons), the "placed at" form refusing bad input beside its field then recording the bet,
// and the Historique's learning log after a `conseil.learn` run; screenshots to look at.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearningEntry, PicksToday } from '../../src-shared/contract/conseil';
import type { PickRow } from '../../src-shared/contract/picks';
import { weightChangeText } from '../../src-renderer/panels/history/learning';
import { betText, formatOdds, money } from '../../src-renderer/panels/picks/labels';
import { launchDesk, openPanel, startDesk, waitForPanelReady, waitForStartupJobs, type DeskBrowser, type DeskServer } from './support/desk';

let desk: DeskServer;
let browser: DeskBrowser;
/** The day decided: the UTC day with the most fixtures still to kick off (today when it has any). */
let day: string;
/** expect.poll with room for a loaded machine (each answer is a worker job). */
const poll = <V>(fn: () => V | Promise<V>, timeout = 60_000) => expect.poll(fn, { timeout });

async function rpc<R>(method: string, input: unknown = {}): Promise<R> {
  const res = await fetch(new URL(`rpc/${method}`, desk.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: R; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

function cache<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(desk.headless.services.config.cacheFile, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

async function shot(page: Page, name: string, width: number, height: number): Promise<string> {
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(500); // charts follow their container's size
  fs.mkdirSync('test-results', { recursive: true });
  const file = path.join('test-results', `${name}-${width}x${height}.png`);
  await page.screenshot({ path: file });
  return file;
}

const today = () => rpc<PicksToday>('conseil.today', { date: day });
const bets = async (pickId: string) =>
  (await rpc<{ rows: PickRow[] }>('picks.list', { kind: 'bet' })).rows.filter((r) => r.parentPickId === pickId);

beforeAll(async () => {
  desk = await startDesk();
  await waitForStartupJobs(desk);
  const now = new Date().toISOString();
  const days = cache(
    (db) =>
      db
        .prepare(
          `SELECT substr(kickoff, 1, 10) AS day, count(*) AS n FROM matches WHERE status = 'scheduled' AND kickoff > ?
           GROUP BY day ORDER BY day LIMIT 4`,
        )
        .all(now) as { day: string; n: number }[],
  );
  expect(days.length).toBeGreaterThan(0);
  day = days.find((d) => d.day === now.slice(0, 10))?.day ?? [...days].sort((a, b) => b.n - a.n)[0].day;
  browser = await launchDesk(desk.url, { width: 1600, height: 1000 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

describe('Picks du Jour', () => {
  it('runs CONSEIL from the panel; the cards are the day of conseil.today, ranked by PATRON score', async () => {
    const { page } = browser;
    const root = await openPanel(page, desk.url, 'picks');
    await root.getByLabel('Day').fill(day);
    await poll(() => root.getAttribute('data-ready')).toBe('true');
    await root.getByRole('button', { name: 'Run CONSEIL now' }).click();
    // the run ends with its report line, or a banner saying why it failed
    const outcome = async () =>
      (await root.getByTestId('last-run').count()) ? 'ran' : (await root.getByRole('alert').allTextContents()).join(' ') || 'running';
    await poll(outcome, 180_000).toBe('ran');
    await waitForPanelReady(page, 'picks');
    const t = await today();
    expect(t.picks.length).toBeGreaterThan(0);
    const cards = root.getByTestId('pick-card');
    await poll(() => cards.count()).toBe(t.picks.length);
    const expected = [...t.picks].sort((a, b) => b.score - a.score);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-pick-id')))).toEqual(expected.map((p) => p.pickId));
    const scores = expected.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const top = expected[0];
    const card = cards.first();
    const currency = (await rpc<{ settings: { staking: { currency: string } } }>('settings.get')).settings.staking.currency;
    expect(await card.getByTestId('pick-odds').textContent()).toBe(`${formatOdds(top.odds)} ${top.bookmaker}`);
    expect(await card.getByTestId('pick-stake').textContent()).toBe(money(top.stake, currency));
    expect(await card.getByTestId('pick-bet').textContent()).toBe(betText(top));
    expect(await card.getByTestId('pick-tier').textContent()).toContain(top.score.toFixed(0));
    expect(await root.getByTestId('summary-count').textContent()).toBe(`${t.picks.length} pick${t.picks.length === 1 ? '' : 's'}`);
    const total = t.picks.reduce((s, p) => s + p.stake, 0);
    expect(await root.getByTestId('summary-stake').textContent()).toBe(money(total, currency));
    if (t.patron) expect(await root.getByTestId('summary-patron').textContent()).toContain(`PATRON v${t.patron.version}`);
    await shot(page, 'picks', 1600, 1000);
    await shot(page, 'picks', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it('the proposed combos of conseil.today in their compact section: legs, offer, fair with and without the correlation, edge', async () => {
    const { page } = browser;
    const root = await waitForPanelReady(page, 'picks');
    const t = await today();
    expect(t.combos.length).toBeGreaterThan(0);
    const rows = root.getByTestId('proposed-combo');
    await poll(() => rows.count()).toBe(t.combos.length);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-combo-id')))).toEqual(t.combos.map((c) => c.comboId));
    const top = t.combos[0];
    const row = rows.first();
    expect(await row.getByTestId('combo-offered').textContent()).toBe(`${top.offeredOdds.toFixed(2)} ${top.bookmaker}`);
    expect(await row.getByTestId('combo-fair').textContent()).toBe(`${top.fairOdds.toFixed(2)} (${top.independentFairOdds.toFixed(2)})`);
    expect(await row.getByTestId('combo-phi').getAttribute('title')).toBe(top.correlationSource);
    expect(await row.getAttribute('title')).toBe(top.reasons.join('\n'));
    await root.getByTestId('proposed-combos').scrollIntoViewIfNeeded();
    await shot(page, 'picks-combos', 1600, 1000);
    await shot(page, 'picks-combos', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it('a card shows every factor with its CLV part, and the reasons', async () => {
    const { page } = browser;
    const root = await waitForPanelReady(page, 'picks');
    const t = await today();
    const top = [...t.picks].sort((a, b) => b.score - a.score)[0];
    const card = root.locator(`[data-testid="pick-card"][data-pick-id="${top.pickId}"]`);
    const factors = card.getByTestId('factors').locator('li');
    expect(await factors.count()).toBe(top.contributions.length);
    expect(top.contributions.length).toBeGreaterThan(0);
    const biggest = [...top.contributions].sort((a, b) => Math.abs(b.clv) - Math.abs(a.clv))[0];
    const first = factors.first();
    expect(await first.getAttribute('data-input')).toBe(biggest.input);
    expect(await first.textContent()).toContain(biggest.label);
    expect(top.reasons.length).toBeGreaterThan(0);
    const reasons = await card.getByTestId('pick-reasons').locator('li').allTextContents();
    expect(reasons).toEqual(top.reasons);
  });

  it('"placed at" refuses bad odds and an unknown book beside the field, then records the bet on the card', async () => {
    const { page } = browser;
    const root = await waitForPanelReady(page, 'picks');
    const top = [...(await today()).picks].sort((a, b) => b.score - a.score)[0];
    const card = root.locator(`[data-testid="pick-card"][data-pick-id="${top.pickId}"]`);
    const before = (await bets(top.pickId)).length;
    await card.getByRole('button', { name: /^Placed at / }).click();
    const form = card.getByTestId('place-form');
    expect(await form.getByLabel('Odds taken').inputValue()).toBe(String(top.odds));
    expect(await form.getByLabel('Book').inputValue()).toBe(top.bookmaker);
    await form.getByLabel('Odds taken').fill('1');
    await form.getByRole('button', { name: 'Record bet' }).click();
    await poll(() => form.locator('[data-field="odds"]').textContent()).toContain('odds must be a decimal price above 1');
    await form.getByLabel('Odds taken').fill(String(top.odds));
    await form.getByLabel('Book').fill('Nope Bet');
    await form.getByRole('button', { name: 'Record bet' }).click();
    await poll(() => form.locator('[data-field="bookmaker"]').textContent()).toMatch(/unknown bookmaker 'Nope Bet'/);
    expect(await form.locator('[data-field="odds"]').count()).toBe(0);
    expect((await bets(top.pickId)).length).toBe(before);
    await shot(page, 'picks-place-form', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await form.getByLabel('Book').fill(top.bookmaker);
    await form.getByLabel('Stake').fill('7.5');
    await form.getByRole('button', { name: 'Record bet' }).click();
    await poll(async () => (await bets(top.pickId)).length).toBe(before + 1);
    const bet = (await bets(top.pickId)).find((b) => b.stake === 7.5) as PickRow;
    expect(bet).toMatchObject({ bookmaker: top.bookmaker, odds: top.odds, kind: 'bet' });
    await poll(() => card.locator(`[data-testid="pick-placed"] [data-bet-id="${bet.pickId}"]`).count()).toBe(1);
    expect(await card.getByTestId('place-form').count()).toBe(0);
    await poll(async () => (await today()).picks.find((p) => p.pickId === top.pickId)?.placed.map((b) => b.pickId)).toContain(bet.pickId);
    // the unknown book was answered 400, which the browser logs; nothing else went wrong
    expect(browser.errors.filter((e) => !e.includes('status of 400 (Bad Request)'))).toEqual([]);
  });
});

describe('Historique: learning log', () => {
  it('shows every PATRON refit after conseil.learn, its weight changes and the weights over the versions', async () => {
    const { page } = browser;
    const learned = await rpc<LearningEntry>('conseil.learn', {});
    const log = await rpc<{ entries: LearningEntry[] }>('conseil.learningLog', {});
    expect(log.entries.map((e) => e.version)).toContain(learned.version);
    const root = await openPanel(page, desk.url, 'history');
    await root.getByRole('tab', { name: 'Learning log' }).click();
    const tab = root.getByTestId('learning-log');
    await poll(() => tab.getAttribute('data-entries')).toBe(String(log.entries.length));
    const grid = root.locator('[data-grid-id="history-learning"]');
    await poll(() => grid.locator('[role="row"][row-id]').count()).toBeGreaterThan(0);
    await grid.locator(`[role="row"][row-id="${learned.version}"] [col-id="version"]`).first().click();
    const changes = root.getByTestId('learning-changes');
    await poll(() => changes.locator('.card__title').textContent()).toContain(`v${learned.version}`);
    expect(await changes.locator('li').count()).toBe(learned.changes.length);
    // the refit with the most changes, chosen with the keyboard-reachable picker: every change, before → after
    const most = [...log.entries].sort((a, b) => b.changes.length - a.changes.length)[0];
    expect(most.changes.length).toBeGreaterThan(0);
    if (log.entries.length > 1) await changes.getByLabel('Refit shown').selectOption(String(most.version));
    await poll(() => changes.locator('.card__title').textContent()).toContain(`v${most.version}`);
    await poll(() => grid.locator(`[role="row"][row-id="${most.version}"] .learning__shown`).count()).toBeGreaterThan(0);
    const shown = await changes.locator('li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-input'), e.textContent]));
    expect(shown.map(([input]) => input)).toEqual(most.changes.map((c) => c.input));
    for (const [i, c] of most.changes.entries()) expect(shown[i][1]).toContain(weightChangeText(c.before, c.after));
    expect(await root.locator('[role="img"][aria-label^="PATRON weights"]').getAttribute('aria-label')).toContain(
      `over ${log.entries.length} versions`,
    );
    await shot(page, 'learning-log', 1600, 1000);
    await shot(page, 'learning-log', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 1000 });
    expect(browser.errors.filter((e) => !e.includes('status of 400 (Bad Request)'))).toEqual([]);
  });
});
