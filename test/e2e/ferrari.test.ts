import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MethodOutput } from '../../src-shared/contract';
import type { FerrariHealth, FerrariTeamScorers, Trap, TrapDetail } from '../../src-shared/contract/intel';
import { launchDesk, openPanel, startDesk, waitForPanelReady, waitForStartupJobs, type DeskBrowser, type DeskServer } from './support/desk';

// The headless server on its embedded PostgreSQL with the demo world (seeded and synced at start; the demo
// plants traps and the agents run after the first sync), Debian's Chromium on the built renderer.
let desk: DeskServer;
let browser: DeskBrowser;
const TRAPS = '[data-grid-id="ferrari-traps"]';
const BOARD = '[data-grid-id="odds-board"]';

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
  // the agents run after the first sync: wait for their run to be recorded with its traps, then for the jobs after it
  await vi.waitFor(
    async () => {
      if ((await rpc<FerrariHealth>('ferrari.health')).lastAgentRun === null) throw new Error('the agents have not run yet');
    },
    { timeout: 150_000, interval: 250 },
  );
  await waitForStartupJobs(desk);
  browser = await launchDesk(desk.url, { width: 1600, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

/** Rendered rows of a grid with their row id, in display order (pinned parts merged). */
async function shownRows(page: Page, grid: string): Promise<{ id: string; cells: Record<string, string> }[]> {
  return page.locator(`${grid} [role="row"][row-id]`).evaluateAll((rows) => {
    const byId = new Map<string, { id: string; index: number; cells: Record<string, string> }>();
    for (const row of rows) {
      const id = row.getAttribute('row-id') ?? '';
      const e = byId.get(id) ?? { id, index: Number(row.getAttribute('row-index')), cells: {} };
      for (const cell of Array.from(row.querySelectorAll('[col-id]')))
        e.cells[cell.getAttribute('col-id') ?? ''] = (cell.textContent ?? '').trim();
      byId.set(id, e);
    }
    return [...byId.values()].sort((a, b) => a.index - b.index).map(({ id, cells }) => ({ id, cells }));
  });
}

const pct1 = (p: number | null) => (p == null ? '—' : `${(p * 100).toFixed(1)}%`);
const KIND_SHORT = { inflated_favourite: 'Inflated fav.', against_sharp: 'Against sharp', too_good: 'Too good', compound: 'Compound' };
const KIND = {
  inflated_favourite: 'Inflated favourite',
  against_sharp: 'Against the sharp',
  too_good: 'Too good to be true',
  compound: 'Compound',
};

describe('Ferrari Intel in Chromium against the headless server on the demo source', () => {
  let traps: Trap[];

  it('lists the active traps of the cache: count and top rows as ferrari.trapsActive has them, severity coloured', async () => {
    const { page } = browser;
    traps = await rpc<Trap[]>('ferrari.trapsActive');
    // the demo plants traps on upcoming matches: the detector must have found some
    expect(traps.length).toBeGreaterThan(0);
    const root = await openPanel(page, desk.url, 'ferrari');
    expect(Number(await root.getAttribute('data-trap-count'))).toBe(traps.length);
    await page.locator(`${TRAPS} [row-id]`).first().waitFor();
    expect(await page.getByTestId('ferrari-health').getAttribute('data-active-traps')).toBe(String(traps.length));
    const rows = await shownRows(page, TRAPS);
    const top = Math.min(5, traps.length);
    expect(rows.length).toBeGreaterThanOrEqual(top);
    // sorted by score, highest first, as the method answers (ties: kick-off, id)
    for (let i = 0; i < top; i++) {
      const t = traps[i];
      const r = rows[i];
      expect(r.id).toBe(t.trapId);
      expect(r.cells.fixture).toBe(`${t.match.home} – ${t.match.away}`);
      expect(r.cells.severity).toBe(`${t.severity} ${Math.round(t.score)}`);
      expect(r.cells.kind).toBe(KIND_SHORT[t.kind]);
      expect(r.cells.odds).toBe(`${t.odds?.toFixed(2) ?? '—'} ${t.bookmaker ?? ''}`.trim());
      expect(r.cells.fairOdds).toBe(t.fairOdds?.toFixed(2) ?? '—');
      expect(r.cells.historicalN).toBe(t.historicalN == null ? '—' : String(t.historicalN));
      expect(r.cells.selection).toContain(t.selection);
    }
    // severity in its colour: high red, medium amber, low cyan (tokens --sev-*)
    const colour = await page
      .locator(`${TRAPS} [row-id="${traps[0].trapId}"] [col-id="severity"]`)
      .evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe({ high: 'rgb(239, 91, 91)', medium: 'rgb(240, 180, 41)', low: 'rgb(90, 216, 230)' }[traps[0].severity]);
    expect(await page.getByRole('heading', { name: new RegExp(`Active traps · ${traps.length}$`) }).count()).toBe(1);
  });

  it('selecting a trap shows its price chart (one series per book), the evidence in words and the similar situations', async () => {
    const { page } = browser;
    const t = traps[Math.min(1, traps.length - 1)];
    await page.locator(`${TRAPS} [row-id="${t.trapId}"] [col-id="fixture"]`).click();
    const evidence = page.getByTestId('trap-evidence');
    await expect.poll(() => evidence.getAttribute('data-trap-id')).toBe(t.trapId);
    const d = await rpc<TrapDetail>('ferrari.trap', { trapId: t.trapId });
    expect(d.series.length).toBeGreaterThan(0);
    const quotes = d.series.reduce((a, s) => a + s.points.length, 0);
    await expect
      .poll(() => page.locator('[role="img"][aria-label^="Prices of"]').getAttribute('aria-label'))
      .toBe(
        `Prices of ${d.series.length} bookmakers over time for ${t.match.home} – ${t.match.away} ${await page.getByTestId('trap-title').evaluate((el) => el.textContent?.split(' · ').pop()?.trim())}: ${quotes} quotes, sharp fair ${t.fairOdds?.toFixed(2) ?? 'unknown'}`,
      );
    // a real canvas with pixels drawn
    const painted = await page
      .locator('.chart--trap canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d')!;
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
        return n;
      });
    expect(painted).toBeGreaterThan(1000);
    const words = (await page.getByTestId('trap-words').textContent()) ?? '';
    expect(words).toContain(`${KIND[t.kind]} on ${t.selection}, ${t.severity} severity`);
    if (t.odds !== null && t.fairOdds !== null) expect(words).toContain(`offers ${t.odds.toFixed(2)} where`);
    // every signal of the evidence gets its sentence
    for (const s of Object.keys((d.evidence.signals ?? {}) as object))
      expect(words).toContain(
        {
          inflated_favourite: 'Inflated favourite from',
          against_sharp: 'Moving against the sharp book from',
          too_good: 'Too good to be true from',
        }[s] ?? s,
      );
    expect(await page.getByTestId('similar-n').textContent()).toBe(String(d.similar.n));
    const won = d.similar.situations.filter((x) => x.won).length;
    expect(await page.getByTestId('similar-hit').textContent()).toBe(
      d.similar.situations.length
        ? `${((won / d.similar.situations.length) * 100).toFixed(0)}% (${won}/${d.similar.situations.length})`
        : '—',
    );
    expect(await page.getByRole('table', { name: 'Similar past situations, newest first' }).locator('tbody tr').count()).toBe(
      d.similar.situations.length,
    );
    // the trap's side: its team's profile and scorers follow
    const team = t.selection === 'away' ? t.match.away : t.match.home;
    await expect.poll(() => page.getByTestId('team-profile').locator('.card__title').textContent()).toBe(`Team profile · ${team}`);
    // and the coach matchup of the trap's match, as the analysis preview has it
    await expect.poll(() => page.getByTestId('coaches').count()).toBe(1);
    const preview = await rpc<MethodOutput<'analysis.preview'>>('analysis.preview', { matchId: t.match.matchId });
    const coachText = (await page.getByTestId('coaches').textContent()) ?? '';
    for (const c of [preview.coaches.home, preview.coaches.away]) if (c) expect(coachText).toContain(c.name);
  });

  it('team profile: form with home/away splits, coach, next match and market alerts newest first', async () => {
    const { page } = browser;
    // a team the demo gave market alerts (its sharp price moved ≥ 6%)
    const db = new Database(desk.headless.services.config.cacheFile, { readonly: true });
    const row = db
      .prepare(
        `SELECT t.name FROM team_intelligence ti JOIN teams t ON t.team_id = ti.team_id
         WHERE json_array_length(ti.market_alerts) > 0
           AND t.team_id IN (SELECT home_team_id FROM matches WHERE status = 'scheduled' UNION SELECT away_team_id FROM matches WHERE status = 'scheduled')
         ORDER BY json_array_length(ti.market_alerts) DESC, t.name LIMIT 1`,
      )
      .get() as { name: string } | undefined;
    db.close();
    expect(row).toBeDefined();
    const team = row!.name;
    const profile = await rpc<MethodOutput<'analysis.team'>>('analysis.team', { name: team });
    expect(profile.marketAlerts.length).toBeGreaterThan(0);
    // the team select (a native select: arrows and typing work in it)
    await page.getByRole('combobox', { name: 'Team' }).selectOption(team);
    const card = page.getByTestId('team-profile');
    await expect.poll(() => card.locator('.card__title').textContent()).toBe(`Team profile · ${team}`);
    await expect.poll(() => card.locator('.da-chip').count()).toBe(profile.form.last.length);
    expect(profile.form.last.length).toBeGreaterThan(0);
    expect(await card.locator('.da-form__chips').getAttribute('aria-label')).toBe(
      `Last results of ${team}, newest first: ${profile.form.last.map((r) => r.result).join(' ')}`,
    );
    const splits = (await card.locator('.da-form__splits').textContent()) ?? '';
    const h = profile.form.home;
    expect(splits).toContain(`${h.wins}-${h.draws}-${h.losses} · ${h.goalsFor}:${h.goalsAgainst}`);
    if (profile.form.intelligence?.xgForAvg != null) expect(splits).toContain(profile.form.intelligence.xgForAvg.toFixed(2));
    expect(await card.getByTestId('team-coach').textContent()).toContain(profile.coach ? profile.coach.name : 'no coach');
    if (profile.nextMatch)
      expect(await card.getByTestId('team-next').textContent()).toContain(`${profile.nextMatch.home} – ${profile.nextMatch.away}`);
    const alerts = card.getByTestId('market-alerts').locator('li');
    expect(await alerts.count()).toBe(profile.marketAlerts.length);
    const texts = await alerts.allTextContents();
    profile.marketAlerts.forEach((a, i) => expect(texts[i]).toContain(a.message));
    const ats = profile.marketAlerts.map((a) => a.at ?? '');
    expect(ats).toEqual([...ats].sort().reverse());
  });

  it('scorer cards: anytime and first-goalscorer probability, best price with book and edge, value highlighted', async () => {
    const { page } = browser;
    const team = (await page.getByRole('combobox', { name: 'Team' }).inputValue()) || '';
    const s = await rpc<FerrariTeamScorers>('analysis.ferrariScorers', { team });
    const cards = page.getByTestId('scorer-card');
    await expect.poll(() => cards.count()).toBe(Math.min(8, s.scorers.length));
    expect(s.scorers.length).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(3, s.scorers.length); i++) {
      const x = s.scorers[i];
      const label = (await cards.nth(i).getAttribute('aria-label')) ?? '';
      expect(label).toContain(`${x.name}: anytime ${pct1(x.anytime)}`);
      expect(label).toContain(`first ${pct1(x.first)}`);
      const a = x.market.anytime;
      expect(label).toContain(`best ${a.bestOdds?.toFixed(2) ?? 'no price'}${a.bestBook ? ` at ${a.bestBook}` : ''}`);
      const price = cards.nth(i).locator('.fe-scorer__price').first();
      expect(await price.getAttribute('data-value')).toBe(a.edge !== null && a.edge > 0 ? 'true' : 'false');
    }
    // a priced scorer shows its market: the demo quotes anytime odds for the team's next match
    const priced = s.scorers.slice(0, 8).filter((x) => x.market.anytime.bestOdds !== null);
    if (!s.marketNote) expect(priced.length).toBeGreaterThan(0);
  });

  it('works from the keyboard: arrows in the traps grid move the selection and the evidence follows', async () => {
    const { page } = browser;
    if (traps.length < 2) return;
    await page.locator(`${TRAPS} [row-id="${traps[0].trapId}"] [col-id="kickoff"]`).click();
    await expect.poll(() => page.getByTestId('trap-evidence').getAttribute('data-trap-id')).toBe(traps[0].trapId);
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.closest('[row-id]')?.getAttribute('row-id') ?? '');
    await expect.poll(focused).toBe(traps[1].trapId);
    await expect.poll(() => page.getByTestId('trap-evidence').getAttribute('data-trap-id')).toBe(traps[1].trapId);
    // the team select is reachable from the keyboard too
    await page.getByRole('combobox', { name: 'Team' }).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Team');
  });

  it("a trap notification's Open shows that match's traps in Ferrari Intel", async () => {
    const { page } = browser;
    const t = traps[traps.length - 1];
    const all = await rpc<Trap[]>('ferrari.matchTraps', { matchId: t.match.matchId });
    await openPanel(page, desk.url, 'command-center');
    // what the notifier's browser channel sends for a trap alert (its rules, once per id and rate limit, are the
    // notifier's tests; the agents' first run has used this minute's allowance): repeated until the page's event
    // stream is connected and the toast shows
    const toast = page.getByRole('status').filter({ hasText: `Trap: ${t.match.home} – ${t.match.away}` });
    await expect
      .poll(async () => {
        desk.headless.services.bus.emit('notification.show', {
          id: `trap:e2e-ferrari-${t.trapId}`,
          title: `Trap: ${t.match.home} – ${t.match.away}`,
          body: t.explanation,
          severity: 'high',
          matchId: t.match.matchId,
          panel: 'ferrari',
        });
        return toast.count();
      })
      .toBeGreaterThan(0);
    await toast.first().getByRole('button', { name: 'Open' }).click();
    // the repeats' toasts: dismissed, so they cover nothing in the screenshots
    for (let n = await toast.count(); n > 0; n = await toast.count()) await toast.first().getByRole('button', { name: 'Dismiss' }).click();
    const root = await waitForPanelReady(page, 'ferrari');
    await expect.poll(() => root.getAttribute('data-match-filter')).toBe(String(t.match.matchId));
    await expect.poll(async () => (await shownRows(page, TRAPS)).map((r) => r.id).sort()).toEqual(all.map((x) => x.trapId).sort());
    expect(await page.getByTestId('match-filter').textContent()).toContain(`${t.match.home} – ${t.match.away}`);
    await expect
      .poll(() => page.getByTestId('trap-evidence').getAttribute('data-trap-id'))
      .toBe(all.find((x) => x.status === 'active')!.trapId);
    await page.getByRole('button', { name: 'Show every active trap' }).click();
    await expect.poll(async () => (await shownRows(page, TRAPS)).length).toBeGreaterThanOrEqual(Math.min(5, traps.length));
  });

  it('Command Center marks a trapped price: ⚠ in the severity colour, kind and severity in its label; price and edge stay in view at 1280×720', async () => {
    const { page } = browser;
    const t = traps[0];
    const id = `${t.match.matchId}|${t.market}|${t.line ?? ''}|${t.selection}`;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPanel(page, desk.url, 'command-center');
    await page.getByRole('searchbox', { name: 'Filter the board' }).fill(t.match.home);
    const marker = page.locator(`${BOARD} [row-id="${id}"] [col-id="selection"] [data-trap-severity]`);
    await marker.waitFor({ timeout: 60_000 });
    const label = (await marker.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(new RegExp(`^Trap: ${KIND[t.kind].toLowerCase()}`));
    // the worst trap of the row is the one shown
    const sameRow = traps.filter((x) => `${x.match.matchId}|${x.market}|${x.line ?? ''}|${x.selection}` === id);
    const rank = { low: 1, medium: 2, high: 3 };
    const worst = sameRow.reduce((a, b) =>
      rank[b.severity] > rank[a.severity] || (b.severity === a.severity && b.score > a.score) ? b : a,
    );
    expect(label).toContain(`${worst.severity} severity, score ${Math.round(worst.score)}`);
    expect(await marker.getAttribute('data-trap-severity')).toBe(worst.severity);
    expect(await marker.evaluate((el) => getComputedStyle(el).color)).toBe(
      { high: 'rgb(239, 91, 91)', medium: 'rgb(240, 180, 41)', low: 'rgb(90, 216, 230)' }[worst.severity],
    );
    // an untrapped row has no marker
    const rows = await shownRows(page, BOARD);
    const keys = new Set(traps.map((x) => `${x.match.matchId}|${x.market}|${x.line ?? ''}|${x.selection}`));
    const clean = rows.find((r) => !keys.has(r.id));
    if (clean) expect(await page.locator(`${BOARD} [row-id="${clean.id}"] [col-id="selection"] [data-trap-severity]`).count()).toBe(0);
    // every marked row shown is a trapped row, and the marker leaves the cell's text (what exports read) the selection
    const marked = await page
      .locator(`${BOARD} [row-id]:has([data-trap-severity])`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('row-id')));
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(keys.has(m!)).toBe(true);
    for (const r of rows) expect(r.cells.selection).toBe(r.id.split('|')[3]);
    // the deciding columns are in view without scrolling sideways
    const grid = await page.locator(`${BOARD} .ag-root-wrapper`).first().boundingBox();
    for (const col of ['fixture', 'selection', 'bestOdds', 'bestBook', 'valueEdge', 'stake']) {
      const box = await page.locator(`${BOARD} .ag-header-cell[col-id="${col}"]`).boundingBox();
      expect(box, col).not.toBeNull();
      expect(box!.x + box!.width, col).toBeLessThanOrEqual(grid!.x + grid!.width);
    }
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'ferrari-cc-marker-1280x720.png') });
    await page.getByRole('searchbox', { name: 'Filter the board' }).fill('');
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it("Deep Analysis shows the selected match's active traps", async () => {
    const { page } = browser;
    const t = traps[0];
    const list = await rpc<Trap[]>('ferrari.matchTraps', { matchId: t.match.matchId });
    const active = list.filter((x) => x.status === 'active');
    await openPanel(page, desk.url, 'deep-analysis');
    const box = page.getByRole('combobox', { name: 'Search a match' });
    await box.fill(`${t.match.home} ${t.match.away}`);
    await page.locator(`[role="option"][data-match-id="${t.match.matchId}"]`).click();
    await expect.poll(() => page.locator('[data-panel="deep-analysis"]').getAttribute('data-match-id')).toBe(String(t.match.matchId));
    const warn = page.getByTestId('match-traps');
    await expect.poll(() => warn.getAttribute('data-active-traps')).toBe(String(active.length));
    const items = warn.getByTestId('match-trap');
    expect(await items.count()).toBe(active.length);
    expect(await items.first().getAttribute('aria-label')).toMatch(/^Trap: .*severity, score \d+$/);
    await page.screenshot({ path: path.join('test-results', 'ferrari-deep-analysis-1600x1000.png') });
    await warn.getByRole('button', { name: 'Open in Ferrari Intel' }).click();
    const root = await waitForPanelReady(page, 'ferrari');
    await expect.poll(() => root.getAttribute('data-match-filter')).toBe(String(t.match.matchId));
  });

  it('takes screenshots at 1600×1000 and 1280×720 with no page error', async () => {
    const { page } = browser;
    fs.mkdirSync('test-results', { recursive: true });
    const root = await openPanel(page, desk.url, 'ferrari');
    // the Deep Analysis link left one match's traps shown: back to all of them
    if ((await root.getAttribute('data-match-filter')) !== '') await page.getByRole('button', { name: 'Show every active trap' }).click();
    await expect.poll(() => root.getAttribute('data-match-filter')).toBe('');
    await page.locator(`${TRAPS} [row-id="${traps[0].trapId}"]`).waitFor();
    await page.locator(`${TRAPS} [row-id="${traps[0].trapId}"] [col-id="fixture"]`).click();
    await expect.poll(() => page.getByTestId('trap-evidence').getAttribute('data-trap-id')).toBe(traps[0].trapId);
    await expect.poll(() => page.getByTestId('scorer-card').count()).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join('test-results', 'ferrari-1600x1000.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: path.join('test-results', 'ferrari-1280x720.png') });
    await page.setViewportSize({ width: 1600, height: 1000 });
    expect(browser.errors).toEqual([]);
  });

  it('refreshes when the cache changes: a trap that expires leaves the grid, the health count follows', async () => {
    const { page } = browser;
    const root = await openPanel(page, desk.url, 'ferrari');
    await expect.poll(() => root.getAttribute('data-trap-count')).toBe(String(traps.length));
    // the agents' writer is stood in for by one UPDATE of the cache (a trap whose signal disappeared), then the
    // event the runner emits after such a write
    const gone = traps[0];
    const db = new Database(desk.headless.services.config.cacheFile);
    try {
      db.prepare("UPDATE market_traps SET status = 'expired' WHERE trap_id = ?").run(gone.trapId);
    } finally {
      db.close();
    }
    desk.headless.services.bus.emit('cache.changed', { tables: ['market_traps'], at: new Date().toISOString() });
    await expect.poll(() => root.getAttribute('data-trap-count')).toBe(String(traps.length - 1));
    await expect.poll(async () => (await shownRows(page, TRAPS)).some((r) => r.id === gone.trapId)).toBe(false);
    await expect.poll(() => page.getByTestId('ferrari-health').getAttribute('data-active-traps')).toBe(String(traps.length - 1));
    expect(browser.errors).toEqual([]);
  });
});
