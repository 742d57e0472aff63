// Agent B in the Command Center, in Chromium against the headless server on the demo (seeded, synced, the
// blend weight chosen by backtest and the agent run after the first sync): the columns that decide a bet
// are in view on a 1280×720 screen, their values are the worker's, and the REST route of the seed answers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValueBets, ValueBoard } from '../../src-shared/contract/agents';
import { launchDesk, openPanel, startDesk, waitForStartupJobs, type DeskBrowser, type DeskServer } from './support/desk';

let desk: DeskServer;
let browser: DeskBrowser;
const GRID = '[data-grid-id="odds-board"]';
const DECIDING = ['fixture', 'selection', 'bestOdds', 'bestBook', 'blendOdds', 'valueEdge', 'stake'];

beforeAll(async () => {
  desk = await startDesk();
  await waitForStartupJobs(desk);
  browser = await launchDesk(desk.url, { width: 1280, height: 720 });
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

async function rpc<T>(method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${desk.url}rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T };
  expect(body.ok).toBe(true);
  return body.value;
}

const pct = (x: number | null, d: number) => (x === null ? '—' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(d)}%`);

describe('Agent B in the Command Center at 1280×720', () => {
  it('the blend weight chosen by backtest is shown; the columns that decide a bet are in view without scrolling', async () => {
    const { page } = browser;
    await openPanel(page, desk.url, 'command-center');
    await expect
      .poll(() => page.getByTestId('value-blend').textContent(), { timeout: 60_000 })
      .toMatch(/^Agent B · w \d\.\d\d model \/ \d\.\d\d market$/);
    expect(await page.getByTestId('value-blend').getAttribute('title')).toMatch(/minimum walk-forward log loss/);
    await page.locator(`${GRID} [row-id]`).first().waitFor();
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'command-center-value-1280x720.png') });
    const body = await page.locator(`${GRID} .ag-root-wrapper`).first().boundingBox();
    for (const col of DECIDING) {
      // ag-grid renders only the header cells in view: a column scrolled out has none
      const cell = page.locator(`${GRID} .ag-header-cell[col-id="${col}"]`);
      expect(await cell.count(), `${col} rendered`).toBe(1);
      const box = await cell.boundingBox();
      expect(box, col).not.toBeNull();
      expect(box!.x, `${col} left`).toBeGreaterThanOrEqual(body!.x - 1);
      expect(box!.x + box!.width, `${col} right edge`).toBeLessThanOrEqual(body!.x + body!.width + 1);
    }
  });

  it("the value cells are the worker's: model and blended fair odds, value edge and Kelly stake of each row", async () => {
    const { page } = browser;
    const v = await rpc<ValueBoard>('value.board', { minEdge: 0.02, kellyFraction: 0.25, cap: 0.05 });
    const at = new Map(v.columns.id.map((id, i) => [id, i]));
    // sort by value, largest first: the bets come to the top
    const header = page.locator(`${GRID} .ag-header-cell[col-id="valueEdge"]`);
    for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== 'descending'; i++)
      await header.locator('.ag-header-cell-label').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const rows = await page.locator(`${GRID} [role="row"][row-id]`).evaluateAll((els) =>
      els.map((row) => ({
        id: row.getAttribute('row-id') ?? '',
        cells: Object.fromEntries(
          Array.from(row.querySelectorAll('[col-id]')).map((c) => [c.getAttribute('col-id'), (c.textContent ?? '').trim()]),
        ),
      })),
    );
    const merged = new Map<string, Record<string, string>>();
    for (const r of rows) merged.set(r.id, { ...(merged.get(r.id) ?? {}), ...r.cells });
    let bets = 0;
    for (const [id, cells] of [...merged].slice(0, 15)) {
      const i = at.get(id);
      expect(i, id).toBeDefined();
      const c = v.columns;
      expect(cells.blendOdds).toBe(c.blendOdds[i!] === null ? '—' : c.blendOdds[i!]!.toFixed(2));
      expect(cells.valueEdge).toBe(pct(c.edge[i!], 1));
      expect(cells.stake).toBe(c.stake[i!] === null ? '—' : `${(c.stake[i!]! * 100).toFixed(2)}%`);
      if (c.bet[i!]) bets++;
    }
    expect(bets).toBeGreaterThan(0);
    await page.screenshot({ path: path.join('test-results', 'command-center-value-sorted.png') });
  });

  it('GET /api/unified/value-bets: the bets, largest edge first, each with its match; query parameters apply', async () => {
    const get = async (query: string): Promise<ValueBets> => {
      const res = await fetch(`${desk.url}api/unified/value-bets?${query}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ok: true; value: ValueBets } | ValueBets;
      return 'value' in body ? body.value : body;
    };
    // the edges on offer follow the demo's clock: the threshold is taken from what is there now
    const all = await get('minEdge=0&limit=500');
    expect(all.bets.length).toBeGreaterThan(2);
    const allEdges = all.bets.map((b) => b.edge as number);
    const minEdge = allEdges[2];
    const v = await get(`minEdge=${minEdge}&limit=10`);
    expect(v.bets.length).toBe(Math.min(10, allEdges.filter((e) => e > minEdge).length));
    expect(v.bets.every((b) => b.bet && (b.edge as number) > minEdge && b.match.matchId === b.matchId)).toBe(true);
    const edges = v.bets.map((b) => b.edge as number);
    expect(edges).toEqual([...edges].sort((a, b) => b - a));
    expect((await get('minEdge=0&limit=1')).bets.length).toBe(1);
    expect(v.blend?.w).toBeGreaterThanOrEqual(0);
    expect(browser.errors).toEqual([]);
  });
});
