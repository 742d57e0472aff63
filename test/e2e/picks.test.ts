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
import type { ComboPreview, ComboRow, PickRow } from '../../src-shared/contract/picks';
import { formatSignedPct } from '../../src-renderer/ui/format';
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
    // the best pick a combo can take (a quarter line or a pushing line without a win probability is refused at the button)
    const top = [...(await today()).picks].filter((p) => p.modelProb !== null).sort((a, b) => b.score - a.score)[0];
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

describe('Combo slip', () => {
  it('builds a combo from Picks du Jour, shows its fair price as picks.priceCombo prices it, records it, and Historique › Combos lists it', async () => {
    const { page } = browser;
    const root = await openPanel(page, desk.url, 'picks');
    const picks = [...(await today()).picks].sort((a, b) => b.score - a.score);
    // two legs a combo can take: the model's win probability (lines that settle whole), on two matches when the day has them
    const fit = picks.filter((p) => p.modelProb !== null);
    const a = fit[0];
    const b = fit.find((p) => p.matchId !== a.matchId) ?? fit[1];
    expect(b).toBeDefined();
    const card = (pickId: string) => root.locator(`[data-testid="pick-card"][data-pick-id="${pickId}"]`);
    await card(a.pickId).getByRole('button', { name: 'Add to combo' }).click();
    const slip = root.getByTestId('combo-slip');
    await poll(() => slip.locator('[data-leg]').count()).toBe(1);
    await card(b.pickId).getByRole('button', { name: 'Add to combo' }).click();
    await poll(() => slip.locator('[data-leg]').count()).toBe(2);
    expect(await card(b.pickId).getByRole('button', { name: 'In combo ✓' }).getAttribute('aria-pressed')).toBe('true');

    const legs = [a, b].map((p) => ({
      matchId: p.matchId,
      market: p.market,
      line: p.line,
      selection: p.selection,
      odds: p.quotedOdds,
      probability: p.modelProb!,
    }));
    const priced = await rpc<ComboPreview>('picks.priceCombo', { kind: 'accumulator', legs });
    await poll(() => slip.getByTestId('combo-fair').textContent()).toBe(priced.fairOdds.toFixed(2));
    expect(await slip.getByTestId('combo-independent').textContent()).toBe(priced.independentFairOdds.toFixed(2));
    const pairs = await slip.getByTestId('combo-correlations').textContent();
    if (priced.pricing.length) expect(pairs).toContain(priced.pricing[0].correlationSource);
    else expect(pairs).toContain('independent');

    // a bad price is refused beside its field, and nothing is recorded
    const before = (await rpc<ComboRow[]>('picks.combos', {})).length;
    await slip.getByLabel('Price taken').fill('1');
    await slip.getByRole('button', { name: 'Record combo' }).click();
    await poll(() => slip.locator('[data-field="odds"]').textContent()).toContain('odds must be a decimal price above 1');
    const price = +(priced.fairOdds * 1.08).toFixed(2);
    await slip.getByLabel('Price taken').fill(String(price));
    await slip.getByLabel('Book').fill(a.bookmaker);
    await slip.getByLabel('Stake').fill('3');
    const withPrice = await rpc<ComboPreview>('picks.priceCombo', { kind: 'accumulator', legs, odds: price, bookmaker: a.bookmaker });
    await poll(() => slip.getByTestId('combo-net').textContent()).toContain(`Price taken ${price.toFixed(2)}`);
    expect(await slip.getByTestId('combo-net').textContent()).toContain(formatSignedPct(withPrice.edge));
    await shot(page, 'combo-slip', 1600, 1000);
    await shot(page, 'combo-slip', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 1000 });
    expect((await rpc<ComboRow[]>('picks.combos', {})).length).toBe(before);

    await slip.getByRole('button', { name: 'Record combo' }).click();
    const done = root.getByTestId('combo-recorded');
    await done.waitFor({ state: 'visible', timeout: 60_000 });
    const comboId = (await done.getAttribute('data-combo-id'))!;
    const combo = (await rpc<ComboRow[]>('picks.combos', {})).find((c) => c.comboId === comboId)!;
    expect(combo).toMatchObject({ kind: 'accumulator', stake: 3, quotedOdds: price, bookmaker: a.bookmaker, source: 'manual' });
    expect(combo.legs.map((l) => l.matchId)).toEqual([a.matchId, b.matchId]);
    expect(combo.fairOdds).toBeCloseTo(priced.fairOdds, 12);
    expect(combo.odds).toBeCloseTo(withPrice.netOdds!, 12);

    const history = await openPanel(page, desk.url, 'history');
    await history.getByRole('tab', { name: 'Combos' }).click();
    const row = history.locator(`[data-grid-id="history-combos"] [role="row"][row-id="${comboId}"]`);
    await poll(() => row.count()).toBeGreaterThan(0);
    expect(await row.locator('[col-id="fairOdds"]').first().textContent()).toBe(combo.fairOdds!.toFixed(2));
    expect(await row.locator('[col-id="stake"]').first().textContent()).toBe('3.00');
    await shot(page, 'history-combos', 1600, 1000);
    await page.setViewportSize({ width: 1600, height: 1000 });
    expect(browser.errors.filter((e) => !e.includes('status of 400 (Bad Request)'))).toEqual([]);
  });

  it('takes legs from Historique too, and shows a refusal beside the leg it names', async () => {
    const { page } = browser;
    const history = await openPanel(page, desk.url, 'history');
    await history.getByRole('tab', { name: 'Bets' }).click();
    await history.getByRole('button', { name: 'Open', exact: true }).click();
    // the best pick a combo can take (a quarter line or a pushing line without a win probability is refused at the button)
    const top = [...(await today()).picks].filter((p) => p.modelProb !== null).sort((a, b) => b.score - a.score)[0];
    const bet = (await bets(top.pickId))[0];
    expect(bet).toBeDefined();
    const detail = history.getByTestId('pick-detail');
    for (const id of [top.pickId, bet.pickId]) {
      const cell = history.locator(`[data-grid-id="history-bets"] [row-id="${id}"] [col-id="bet"]`).first();
      await poll(() => cell.count()).toBeGreaterThan(0);
      await cell.click();
      await poll(() => detail.getAttribute('data-pick-id')).toBe(id);
      await detail.getByRole('button', { name: 'Add to combo' }).click();
    }
    const slip = history.getByTestId('combo-slip');
    await poll(() => slip.locator('[data-leg]').count()).toBe(2);
    // the bet follows the pick: the same selection twice
    await poll(() => slip.locator('[data-field="legs.1"]').textContent()).toMatch(/leg 1 repeats leg 0/);
    expect(await slip.getByTestId('combo-price').count()).toBe(0);
    await shot(page, 'history-combo-slip', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await slip.getByRole('button', { name: 'Clear' }).click();
    await poll(() => history.getByTestId('combo-slip').count()).toBe(0);
  });
});

describe('Combo slip: two legs of one match', () => {
  it("prices them from the fixture's score matrix, the correlation CONSEIL uses, its source named", async () => {
    const { page } = browser;
    const root = await openPanel(page, desk.url, 'picks');
    const fit = [...(await today()).picks].filter((p) => p.modelProb !== null).sort((a, b) => b.score - a.score);
    const a = fit.find((p) => fit.some((q) => q.matchId === p.matchId && q.market !== p.market))!;
    expect(a).toBeDefined();
    const b = fit.find((q) => q.matchId === a.matchId && q.market !== a.market)!;
    for (const p of [a, b])
      await root.locator(`[data-testid="pick-card"][data-pick-id="${p.pickId}"]`).getByRole('button', { name: 'Add to combo' }).click();
    const slip = root.getByTestId('combo-slip');
    await poll(() => slip.locator('[data-leg]').count()).toBe(2);
    const legs = [a, b].map((p) => ({ ...p, odds: p.quotedOdds, probability: p.modelProb! }));
    const priced = await rpc<ComboPreview>('picks.priceCombo', {
      kind: 'accumulator',
      legs: legs.map(({ matchId, market, line, selection, odds, probability }) => ({
        matchId,
        market,
        line,
        selection,
        odds,
        probability,
      })),
    });
    expect(priced.pricing[0].correlationSource).toBe('Dixon-Coles score matrix (exact joint)');
    await poll(() => slip.getByTestId('combo-fair').textContent()).toBe(priced.fairOdds.toFixed(2));
    expect(await slip.getByTestId('combo-correlations').textContent()).toContain('Dixon-Coles score matrix (exact joint)');
    expect(priced.fairOdds).not.toBeCloseTo(priced.independentFairOdds, 2);
    await shot(page, 'combo-slip-same-match', 1600, 1000);
    await shot(page, 'combo-slip-same-match', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await slip.getByRole('button', { name: 'Clear' }).click();
    await poll(() => root.getByTestId('combo-slip').count()).toBe(0);
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
