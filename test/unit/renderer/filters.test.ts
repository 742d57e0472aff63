// The one filter logic of Historique's bets and Performance (src-renderer/ui/filters.ts): what is sent,
// what is refused beside its field (nothing typed lost, nothing read), and both stores sending the same
// query for the same choice.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { performanceInput, pickFilter } from '../../../src-shared/contract/picks';
import { changeFilters, queryOf, type ListFilters } from '../../../src-renderer/ui/filters';

const bar = (f: ListFilters & { kind?: string }) => f;

const calls: { method: string; input: Record<string, unknown> }[] = [];
vi.mock('../../../src-renderer/api/client', () => ({
  call: vi.fn(async (method: string, input: Record<string, unknown>) => {
    calls.push({ method, input });
    return method === 'picks.list' ? { rows: [], total: 0, truncated: false } : {};
  }),
  subscribe: vi.fn(() => () => {}),
  ContractCallError: class extends Error {},
}));

const { useHistory } = await import('../../../src-renderer/panels/history/store');
const { usePerformance } = await import('../../../src-renderer/panels/performance/store');

beforeEach(() => {
  calls.length = 0;
});

describe('filter logic', () => {
  it("sends only the filters that are set ('' and undefined are any)", () => {
    expect(queryOf({ kind: 'all', league: '', bookmaker: 'PS', market: undefined, desk: 'mine' })).toEqual({
      kind: 'all',
      bookmaker: 'PS',
      desk: 'mine',
    });
  });

  it('refuses an end before the start beside `to`, keeping both dates as typed', () => {
    for (const schema of [pickFilter, performanceInput]) {
      const r = changeFilters(schema, bar({ kind: 'all', from: '2026-12-01' }), { to: '2026-11-30' });
      expect(r.filters).toEqual({ kind: 'all', from: '2026-12-01', to: '2026-11-30' });
      expect(r.errors?.to).toBe('to (2026-11-30) is before from (2026-12-01)');
    }
  });

  it('refuses a day that does not exist and a book code past 40 characters, each beside its field', () => {
    const r = changeFilters(pickFilter, bar({ kind: 'all' }), { from: '2026-02-30', bookmaker: 'x'.repeat(41) });
    expect(Object.keys(r.errors ?? {}).sort()).toEqual(['bookmaker', 'from']);
    expect(r.errors?.from).toMatch(/calendar date/);
  });

  it('accepts a range of one day and clears the refusal once fixed', () => {
    const bad = changeFilters(pickFilter, bar({ from: '2026-12-01' }), { to: '2026-11-01' });
    const fixed = changeFilters(pickFilter, bad.filters, { to: '2026-12-01' });
    expect(fixed.errors).toBeNull();
  });
});

describe('the stores share it', () => {
  it('the same choice sends the same filters from Historique and Performance (the book by its code)', async () => {
    const patch = {
      from: '2026-11-01',
      to: '2026-11-30',
      league: 'E0',
      market: '1x2',
      bookmaker: 'PS',
      source: 'conseil',
      desk: 'mine',
    } as const;
    useHistory.getState().setFilters(patch);
    usePerformance.getState().setFilters(patch);
    await vi.waitFor(() => expect(calls.map((c) => c.method).sort()).toEqual(['picks.list', 'picks.performance']));
    const list = calls.find((c) => c.method === 'picks.list')?.input;
    const perf = calls.find((c) => c.method === 'picks.performance')?.input;
    expect(list).toEqual({ kind: 'all', state: 'all', ...patch });
    expect(perf).toEqual({ kind: 'all', staking: 'staked', ...patch });
  });

  it('a refused change reads nothing and shows the refusal; fixing it reads again', async () => {
    for (const store of [useHistory, usePerformance] as const) {
      calls.length = 0;
      store.getState().setFilters({ from: '2026-12-10', to: '2026-12-01' });
      expect(store.getState().filterErrors?.to).toMatch(/before from/);
      expect(store.getState().filters.to).toBe('2026-12-01');
      expect(calls).toEqual([]);
      store.getState().setFilters({ to: '2026-12-31' });
      expect(store.getState().filterErrors).toBeNull();
      await vi.waitFor(() => expect(calls).toHaveLength(1));
    }
  });
});

describe('desk labels', () => {
  it("names a row's desk: its published name, else its id, else 'before desks'; mine only by this desk's id", async () => {
    const { deskLabel, isMine } = await import('../../../src-renderer/ui/desk-labels');
    expect(deskLabel({ deskId: 'a1b2c3d4e5f6', deskName: 'Trader North' })).toBe('Trader North');
    expect(deskLabel({ deskId: 'a1b2c3d4e5f6', deskName: null })).toBe('desk a1b2c3d4e5f6');
    expect(deskLabel({ deskId: null, deskName: null })).toBe('before desks');
    expect(isMine({ deskId: 'a1', deskName: null }, 'a1')).toBe(true);
    expect(isMine({ deskId: null, deskName: null }, null)).toBe(false);
    expect(isMine({ deskId: 'a1', deskName: null }, 'b2')).toBe(false);
  });
});
