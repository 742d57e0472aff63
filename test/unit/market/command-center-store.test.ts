import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Board, BoardMatch } from '../../../src-shared/contract/market';
import { setTransport } from '../../../src-renderer/api/client';
import { memoryTransport } from '../../../src-renderer/api/memory';
import { useCommandCenter } from '../../../src-renderer/panels/command-center/store';
import type { RowDiff } from '../../../src-renderer/panels/command-center/rows';
import { encodeRows } from '../../../src-main/features/market/encode';
import { boardRows, type SeriesQuote } from '../../../src-main/features/market/board';

const match: BoardMatch = {
  matchId: 1,
  league: 'E0',
  leagueName: 'Premier League',
  kickoff: '2026-11-26T15:00:00.000Z',
  status: 'scheduled',
  home: 'A',
  away: 'B',
};
const q = (bookmaker: string, selection: string, odds: number): SeriesQuote => ({
  matchId: 1,
  market: '1x2',
  line: null,
  selection,
  bookmaker,
  odds,
  observedAt: '2026-11-25T08:00:00.000Z',
  openOdds: odds,
  openAt: '2026-11-24T08:00:00.000Z',
});

let answer: () => Board;
const boardOf = (home: number, version: string): Board => {
  const rows = boardRows([q('X', 'home', home), q('X', 'draw', 3.4), q('X', 'away', 3.6)], [], {});
  return {
    generatedAt: '2026-11-25T08:00:00.000Z',
    version,
    asOf: '2026-11-25T08:00:00.000Z',
    sharpBooks: [],
    commission: {},
    matches: [match],
    rowCount: rows.length,
    buildMs: 1,
    ...encodeRows(rows),
  };
};

const initial = useCommandCenter.getState();
beforeEach(() => {
  useCommandCenter.setState(initial, true);
  setTransport(memoryTransport({ 'market.board': async () => answer() }));
});
afterAll(() => useCommandCenter.setState(initial, true));

describe('Command Center store', () => {
  it('a refresh hands the grid only the changed rows', async () => {
    answer = () => boardOf(2.0, 'v1');
    await useCommandCenter.getState().load();
    expect(useCommandCenter.getState().byId.size).toBe(3);
    const diffs: RowDiff[] = [];
    answer = () => boardOf(2.1, 'v2');
    await useCommandCenter.getState().refresh((d) => diffs.push(d));
    expect(diffs).toHaveLength(1);
    expect(diffs[0].update.map((r) => r.id)).toContain('1|1x2||home');
    expect(diffs[0].update.find((r) => r.id === '1|1x2||home')!.bestOdds).toBe(2.1);
    expect(useCommandCenter.getState().byId.get('1|1x2||home')!.bestOdds).toBe(2.1);
    await useCommandCenter.getState().refresh((d) => diffs.push(d)); // same version: nothing to do
    expect(diffs).toHaveLength(1);
  });

  it('a board that could not be read (empty cache) loads on the next cache change and clears the error', async () => {
    answer = () => {
      throw new ContractError('UNAVAILABLE', 'the cache has no matches yet: sync the source first');
    };
    await useCommandCenter.getState().load();
    expect(useCommandCenter.getState()).toMatchObject({ version: null, error: 'the cache has no matches yet: sync the source first' });
    answer = () => boardOf(2.0, 'v1');
    const diffs: RowDiff[] = [];
    await useCommandCenter.getState().refresh((d) => diffs.push(d));
    expect(diffs).toEqual([]); // the panel gives the grid its rows when the board first arrives
    expect(useCommandCenter.getState()).toMatchObject({ version: 'v1', error: null });
    expect(useCommandCenter.getState().byId.size).toBe(3);
  });
});
