import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preview } from '../../src-shared/contract/analysis';
import type { BoardMatch } from '../../src-shared/contract/market';
import { matchOdds, totals } from '../../src-shared/quant/markets';
import { netOdds } from '../../src-shared/quant/commission';
import { fitDixonColes, predictMatrix, type MatchResult } from '../../src-shared/quant/poisson/dixon-coles';
import { launchDesk, openPanel, waitForPanelReady, waitForSync, startDesk, type DeskBrowser, type DeskServer } from './support/desk';

// The headless server on the demo source (seeded and synced at start), Chromium on the built renderer.
let desk: DeskServer;
let browser: DeskBrowser;

beforeAll(async () => {
  desk = await startDesk();
  await waitForSync(desk.headless);
  browser = await launchDesk(desk.url, { width: 1680, height: 1050 });
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

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

/** The model the test fits itself: the league's finished matches in the cache, Dixon-Coles with decay. */
function fitFromCache(league: string, asOf: string, xi: number) {
  const db = new Database(desk.headless.services.config.cacheFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        "SELECT substr(kickoff, 1, 10) AS date, home_team_id AS h, away_team_id AS a, home_goals AS hg, away_goals AS ag FROM matches WHERE league_code = ? AND status = 'finished' AND home_goals IS NOT NULL ORDER BY kickoff, match_id",
      )
      .all(league) as { date: string; h: number; a: number; hg: number; ag: number }[];
    const results: MatchResult[] = rows.map((r) => ({
      date: r.date,
      home: String(r.h),
      away: String(r.a),
      homeGoals: r.hg,
      awayGoals: r.ag,
    }));
    return fitDixonColes(results, { asOf, xi });
  } finally {
    db.close();
  }
}

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

describe('Deep Analysis in Chromium against the headless server on the demo source', () => {
  let matches: BoardMatch[];
  let target: BoardMatch;

  it('picks a match with the keyboard: type, arrows, Enter; Escape closes the list', async () => {
    const { page } = browser;
    await openPanel(page, desk.url, 'deep-analysis');
    matches = await rpc<BoardMatch[]>('analysis.matches', {});
    expect(matches.length).toBeGreaterThan(20);
    target = matches[7];
    const box = page.getByRole('combobox', { name: 'Search a match' });
    await box.focus();
    await page.keyboard.type(target.home);
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    const texts = await options.allTextContents();
    const index = texts.findIndex((t) => t.includes(`${target.home} – ${target.away}`));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('[role="option"][aria-selected="true"]').textContent())
      .toContain(`${target.home} – ${target.away}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-panel="deep-analysis"]').getAttribute('data-match-id')).toBe(String(target.matchId));
    await waitForPanelReady(page, 'deep-analysis');
    expect(await page.getByTestId('preview-title').textContent()).toContain(`${target.home} – ${target.away}`);
    await expect.poll(() => options.count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => options.count()).toBe(0);
  });

  it("shows the model's probabilities as the test's own fit computes them, against the market", async () => {
    const { page } = browser;
    const p = await rpc<Preview>('analysis.preview', { matchId: target.matchId });
    expect(p.model).not.toBeNull();
    const model = fitFromCache(target.league, p.model!.asOf, p.model!.xi);
    const m = predictMatrix(model, String(p.match.homeTeamId), String(p.match.awayTeamId));
    expect(p.model!.lambdaHome).toBeCloseTo(m.lambdaHome, 4);
    expect(p.model!.lambdaAway).toBeCloseTo(m.lambdaAway, 4);
    const x = matchOdds(m);
    const t = totals(m, 2.5);
    const row = (market: string, line: number | null, sel: string) =>
      p.markets.find((r) => r.market === market && r.line === line && r.selection === sel)!;
    expect(row('1x2', null, 'home').modelProb).toBeCloseTo(x.home, 4);
    expect(row('1x2', null, 'draw').modelProb).toBeCloseTo(x.draw, 4);
    expect(row('1x2', null, 'away').modelProb).toBeCloseTo(x.away, 4);
    expect(row('totals', 2.5, 'over').modelFairOdds).toBeCloseTo(t.over.fairOdds, 3);
    // the grid shows the same numbers, and the market side next to them
    const cells = await page.locator('[data-grid-id="preview-markets"] [role="row"][row-id]').evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.getAttribute('row-id'),
        model: r.querySelector('[col-id="modelProb"]')?.textContent,
        market: r.querySelector('[col-id="marketProb"]')?.textContent,
        best: r.querySelector('[col-id="bestOdds"]')?.textContent,
      })),
    );
    const shown = (id: string) => cells.find((c) => c.id === id)!;
    expect(shown('1x2||home').model).toBe(pct(row('1x2', null, 'home').modelProb));
    expect(shown('1x2||away').model).toBe(pct(row('1x2', null, 'away').modelProb));
    expect(shown('1x2||home').market).toBe(pct(row('1x2', null, 'home').marketProb!));
    expect(shown('1x2||home').best).toBe(row('1x2', null, 'home').bestOdds!.toFixed(2));
    expect(p.markets.some((r) => r.market === 'btts')).toBe(true);
    expect(p.markets.some((r) => r.market === 'spreads' && r.marketProb !== null)).toBe(true);
    // edge of the best net price under the model: the price the book quotes (in the cache) net of its commission
    const h = row('1x2', null, 'home');
    expect(h.edge).toBeCloseTo(h.modelProb * h.bestOdds! - 1, 10);
    const cache = new Database(desk.headless.services.config.cacheFile, { readonly: true });
    try {
      const exchanges = new Set(
        (cache.prepare('SELECT bookmaker FROM bookmakers WHERE is_exchange = 1').all() as { bookmaker: string }[]).map((r) => r.bookmaker),
      );
      for (const r of p.markets.filter((x) => x.market === '1x2' && x.bestOdds !== null)) {
        const c = exchanges.has(r.bestBook!) ? 0.05 : 0;
        expect(r.bestCommission).toBe(c);
        expect(r.bestOdds).toBeCloseTo(netOdds(r.bestQuoted!, c), 12);
        const quoted = cache
          .prepare('SELECT count(*) AS n FROM odds_history WHERE match_id = ? AND bookmaker = ? AND selection = ? AND odds = ?')
          .get(target.matchId, r.bestBook, r.selection, r.bestQuoted) as { n: number };
        expect(quoted.n).toBeGreaterThan(0);
        expect(r.edge).toBeCloseTo(r.modelProb * r.bestOdds! - 1, 12);
      }
    } finally {
      cache.close();
    }
    // the heatmap names the most likely score of the test's matrix
    let best = { i: 0, j: 0, p: -1 };
    for (let i = 0; i <= 7; i++)
      for (let j = 0; j <= 7; j++) if (m.p[i * (m.maxGoals + 1) + j] > best.p) best = { i, j, p: m.p[i * (m.maxGoals + 1) + j] };
    await expect
      .poll(() => page.locator('[role="img"][aria-label^="Score matrix"]').getAttribute('aria-label'))
      .toContain(`most likely ${best.i}-${best.j}`);
  });

  it('shows H2H, form with splits, coach matchup and likely scorers; screenshot kept', async () => {
    const { page } = browser;
    const p = await rpc<Preview>('analysis.preview', { matchId: target.matchId });
    expect(await page.getByTestId('form-home').textContent()).toContain(p.form.home.team);
    expect(await page.getByTestId('form-away').textContent()).toContain(p.form.away.team);
    expect(p.form.home.home.played + p.form.home.away.played).toBeGreaterThan(0);
    expect(await page.getByTestId('h2h').textContent()).toContain(`${p.h2h.matches.length}`);
    if (p.coaches.home) expect(await page.getByTestId('coaches').textContent()).toContain(p.coaches.home.name);
    const top = p.scorers.home[0];
    expect(top.anytime).not.toBeNull();
    expect(await page.getByTestId('scorers').textContent()).toContain(top.name);
    expect(await page.getByTestId('scorers').textContent()).toContain(pct(top.anytime!));
    await page.waitForTimeout(400);
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'deep-analysis.png') });
    expect(browser.errors).toEqual([]);
  });

  it('serves the seed REST routes: names resolved case-insensitively, an unknown team is 404 naming it', async () => {
    const get = async (p: string) => {
      const res = await fetch(new URL(p, desk.url));
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const home = encodeURIComponent(target.home.toUpperCase());
    const away = encodeURIComponent(target.away.toLowerCase());
    const a = await get(`/api/unified/match-preview/${home}/${away}`);
    expect(a.status).toBe(200);
    expect((a.body as unknown as Preview).match.matchId).toBe(target.matchId);
    const f = await get(`/api/ferrari/match/${home}/${away}`);
    expect((f.body as unknown as Preview).markets.length).toBe((a.body as unknown as Preview).markets.length);
    const s = await get(`/api/unified/scorers/${encodeURIComponent(target.home)}`);
    expect(s.status).toBe(200);
    expect((s.body as { scorers: unknown[] }).scorers.length).toBeGreaterThan(0);
    expect((await get(`/api/ferrari/scorers/${encodeURIComponent(target.away)}`)).status).toBe(200);
    const team = await get(`/api/ferrari/team/${encodeURIComponent(target.home.toLowerCase())}`);
    expect(team.body).toMatchObject({ team: target.home });
    const missing = await get('/api/unified/match-preview/Nowhere%20United/' + away);
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain("unknown team 'Nowhere United'");
  });
});
