import { describe, expect, it } from 'vitest';
import { boardRows, type SeriesQuote } from '../../../src-main/features/market/board';
import { encodeRows } from '../../../src-main/features/market/encode';
import { LARGE_MOVE, largeMoveAlerts, topMoves } from '../../../src-main/features/market/moves';
import type { BoardMatch } from '../../../src-shared/contract/market';
import { diffRows, toGridRows } from '../../../src-renderer/panels/command-center/rows';
import { timeToKickoff } from '../../../src-renderer/ui/market-labels';
import { filterMatches } from '../../../src-renderer/panels/deep-analysis/store';
import { bestPriceNote } from '../../../src-renderer/panels/command-center/columns';

const match: BoardMatch = {
  matchId: 4,
  league: 'E0',
  leagueName: 'Premier League',
  kickoff: '2026-11-26T15:00:00.000Z',
  status: 'scheduled',
  home: 'Arsenal',
  away: 'Chelsea',
};
const quote = (bookmaker: string, selection: string, odds: number, openOdds = odds): SeriesQuote => ({
  matchId: 4,
  market: '1x2',
  line: null,
  selection,
  bookmaker,
  odds,
  observedAt: '2026-11-25T08:00:00.000Z',
  openOdds,
  openAt: '2026-11-20T08:00:00.000Z',
});

describe('board columns and the grid', () => {
  const quotes = ['A', 'B', 'C'].flatMap((b, i) => [
    quote(b, 'home', 2.0 + i / 10, 2.4),
    quote(b, 'draw', 3.4),
    quote(b, 'away', 3.6 - i / 10),
  ]);
  const rows = boardRows(quotes, ['B'], {});

  it('round-trips the rows through the column form (prices exact, ratios to 1e-6)', () => {
    const { bookmakers, columns } = encodeRows(rows);
    const grid = toGridRows({ matches: [match], bookmakers, rowCount: rows.length, columns, commission: {} });
    expect(grid.map((g) => g.id)).toEqual(rows.map((r) => r.id));
    grid.forEach((g, i) => {
      expect(g.bestOdds).toBe(rows[i].bestOdds);
      expect(g.bestBook).toBe(rows[i].bestBook);
      expect(g.sharpBook).toBe('B');
      expect(g.fairOdds).toBeCloseTo(rows[i].fairOdds!, 6);
      expect(g.move).toBeCloseTo(rows[i].move!, 6);
      expect(g).toMatchObject({ fixture: 'Arsenal – Chelsea', leagueName: 'Premier League', kickoffMs: Date.parse(match.kickoff) });
    });
  });

  it('diff: only rows whose shown values changed, plus added and removed ones', () => {
    const a = toGridRows({ matches: [match], ...encodeRows(rows), rowCount: rows.length, commission: {} });
    const changed = boardRows(
      quotes.map((q) => (q.bookmaker === 'C' && q.selection === 'home' ? { ...q, odds: 2.6 } : q)),
      ['B'],
      {},
    );
    const b = toGridRows({ matches: [match], ...encodeRows(changed), rowCount: changed.length, commission: {} });
    const d = diffRows(new Map(a.map((r) => [r.id, r])), b);
    // the home price moved; the consensus (and so every selection's fair price) moved with it
    expect(d.update.map((r) => r.id)).toContain('4|1x2||home');
    expect(d.update.find((r) => r.id === '4|1x2||home')!.bestOdds).toBe(2.6);
    expect(d.add).toEqual([]);
    expect(d.remove).toEqual([]);
    expect(diffRows(new Map(a.map((r) => [r.id, r])), a)).toEqual({ add: [], update: [], remove: [] });
    const gone = diffRows(new Map(a.map((r) => [r.id, r])), a.slice(1));
    expect(gone.remove.map((r) => r.id)).toEqual([a[0].id]);
  });

  it('time to kick-off', () => {
    const ko = '2026-11-25T12:00:00.000Z';
    expect(timeToKickoff(ko, Date.parse('2026-11-25T11:15:00.000Z'))).toBe('45m');
    expect(timeToKickoff(ko, Date.parse('2026-11-25T09:55:00.000Z'))).toBe('2h05');
    expect(timeToKickoff(ko, Date.parse('2026-11-22T08:00:00.000Z'))).toBe('3d4h');
    expect(timeToKickoff(ko, Date.parse('2026-11-25T12:35:00.000Z'))).toBe("live 35'");
  });
});

describe('largest moves and their alerts', () => {
  const w = (bookmaker: string, fromOdds: number, toOdds: number) => ({
    matchId: 4,
    market: '1x2' as const,
    line: null,
    selection: 'home',
    bookmaker,
    fromOdds,
    toOdds,
    toAt: '2026-11-25T08:00:00.000Z',
  });

  it('median change of implied probability across books; books that moved with it', () => {
    const t = topMoves(
      [w('A', 2.2, 1.9), w('B', 2.25, 1.95), w('C', 2.2, 2.2), { ...w('A', 3.4, 3.45), selection: 'draw' }],
      new Map([[4, match]]),
      10,
    );
    expect(t[0].id).toBe('4|1x2||home');
    const d = [1 / 1.9 - 1 / 2.2, 1 / 1.95 - 1 / 2.25, 0].sort((a, b) => a - b)[1];
    expect(t[0].deltaProb).toBeCloseTo(d, 15);
    expect(t[0]).toMatchObject({ booksMoved: 2, books: 3, fromOdds: 2.2, toOdds: 1.95 });
    expect(t[1].selection).toBe('draw');
    const alerts = largeMoveAlerts(t);
    expect(d).toBeGreaterThan(LARGE_MOVE.warning);
    expect(alerts.map((a) => a.kind === 'large_move' && a.move.id)).toEqual(['4|1x2||home']);
    expect(alerts[0].title).toContain('shortened');
  });
});

describe('match search', () => {
  const ms: BoardMatch[] = [
    match,
    { ...match, matchId: 5, home: 'Everton', away: 'Arsenal' },
    { ...match, matchId: 6, league: 'SP1', leagueName: 'La Liga', home: 'Betis', away: 'Sevilla' },
  ];
  it('every word, any order, teams and league, as the option reads ("Home – Away")', () => {
    expect(filterMatches(ms, 'arsenal').map((m) => m.matchId)).toEqual([4, 5]);
    expect(filterMatches(ms, 'liga bet').map((m) => m.matchId)).toEqual([6]);
    expect(filterMatches(ms, 'Arsenal – Chelsea').map((m) => m.matchId)).toEqual([4]);
    expect(filterMatches(ms, '')).toHaveLength(3);
  });
});

describe('AH line labels: the line of the side bet on', () => {
  it('the away side of a home handicap reads with the opposite sign, in the grids, the side list and the alerts', async () => {
    const { lineLabel } = await import('../../../src-renderer/ui/market-labels');
    const { selectionLabel } = await import('../../../src-main/features/market/moves');
    const { movesTitle } = await import('../../../src-renderer/panels/command-center/moves-title');
    expect(lineLabel('spreads', -0.5, 'home')).toBe('-0.5');
    expect(lineLabel('spreads', -0.5, 'away')).toBe('+0.5');
    expect(lineLabel('spreads', 0.75, 'away')).toBe('-0.75');
    expect(lineLabel('spreads', 0, 'away')).toBe('0');
    expect(lineLabel('totals', 2.5, 'under')).toBe('2.5');
    expect(selectionLabel({ market: 'spreads', line: -1.25, selection: 'away' })).toBe('AH +1.25 away');
    expect(selectionLabel({ market: 'spreads', line: -1.25, selection: 'home' })).toBe('AH -1.25 home');
    expect(selectionLabel({ market: 'totals', line: 2.5, selection: 'over' })).toBe('O/U 2.5 over');
    expect(movesTitle({ market: 'spreads', line: -0.25, selection: 'away', match: { home: 'A', away: 'B' } })).toBe(
      'A – B · AH +0.25 away',
    );
  });
});

describe('AH Line columns sort and filter on the line they show', () => {
  it('the value of an away row is the away handicap', async () => {
    const { boardColumns } = await import('../../../src-renderer/panels/command-center/columns');
    const { modelColumns } = await import('../../../src-renderer/panels/deep-analysis/columns');
    for (const col of [boardColumns(() => 0).find((c) => c.colId === 'line')!, modelColumns.find((c) => c.colId === 'line')!]) {
      const get = col.valueGetter as (p: { data: unknown }) => unknown;
      expect(get({ data: { market: 'spreads', line: -0.5, selection: 'away' } })).toBe(0.5);
      expect(get({ data: { market: 'spreads', line: -0.5, selection: 'home' } })).toBe(-0.5);
      expect(Object.is(get({ data: { market: 'spreads', line: 0, selection: 'away' } }), 0)).toBe(true);
      expect(get({ data: { market: 'totals', line: 2.5, selection: 'under' } })).toBe(2.5);
    }
  });
});

describe('the best net price in the grid', () => {
  it("carries the quoted price and the book's commission through the column form; the cell's tooltip names both", () => {
    // BFE's 5.2 nets 1 + 4.2 × 0.95 = 4.99 at 5%: still above A's 4.9; its 2.0 nets 1.95 < A's 1.96
    const q = quote;
    const quotes = [
      q('A', 'home', 1.96),
      q('A', 'draw', 3.4),
      q('A', 'away', 4.9),
      q('BFE', 'home', 2.0),
      q('BFE', 'draw', 3.3),
      q('BFE', 'away', 5.2),
    ];
    const rows = boardRows(quotes, [], { BFE: 0.05 });
    const { bookmakers, columns } = encodeRows(rows);
    const grid = toGridRows({ matches: [match], bookmakers, rowCount: rows.length, columns, commission: { BFE: 0.05 } });
    const [home, , away] = grid;
    expect([home.bestBook, home.bestOdds, home.bestCommission]).toEqual(['A', 1.96, 0]);
    expect([away.bestBook, away.bestQuoted, away.bestCommission]).toEqual(['BFE', 5.2, 0.05]);
    expect(away.bestOdds).toBeCloseTo(4.99, 12);
    expect(bestPriceNote(away)).toBe('5.20 at BFE, 4.99 net of 5%: the best price net of commission (the edge uses it)');
    expect(bestPriceNote(home)).toBe('1.96 at A');
  });
});
