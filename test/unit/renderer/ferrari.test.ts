import { describe, expect, it } from 'vitest';
import type { Trap, TrapDetail } from '../../../src-shared/contract/intel';
import { bandOf } from '../../../src-main/features/traps/history';
import { PRICE_BANDS } from '../../../src-shared/domain/price-bands';
import {
  evidenceSentences,
  marksSignature,
  NO_TRAP,
  priceBand,
  similarSummary,
  trapMarks,
  trapNote,
  trapRowKey,
} from '../../../src-renderer/ui/trap-format';
import { diffRows, joinTraps, toGridRows, type GridRow } from '../../../src-renderer/panels/command-center/rows';
import { teamOfTrap, teamsOf } from '../../../src-renderer/panels/ferrari/store';
import { trapChartOption } from '../../../src-renderer/panels/ferrari/trap-chart';

const match = {
  matchId: 12,
  league: 'I1',
  leagueName: 'Serie',
  kickoff: '2026-11-29T14:00:00.000Z',
  status: 'scheduled',
  home: 'Lyon',
  away: 'Nice',
};

function trap(p: Partial<Trap> = {}): Trap {
  return {
    trapId: 't1',
    match,
    market: '1x2',
    line: null,
    selection: 'home',
    bookmaker: '1XB',
    kind: 'inflated_favourite',
    signals: ['inflated_favourite'],
    severity: 'medium',
    score: 55,
    explanation: 'home: 7 soft books price the favourite far shorter',
    odds: 1.51,
    fairOdds: 1.94,
    edge: 1.51 / 1.94 - 1,
    books: ['PS', '1XB'],
    historicalRoi: 0.43,
    historicalN: 1,
    status: 'active',
    detectedAt: '2026-11-28T13:36:00.000Z',
    expiredAt: null,
    ...p,
  };
}

describe('trap markers joined onto the Command Center rows', () => {
  it('keys a trap by the board row id: matchId|market|line|selection (line empty for 1X2)', () => {
    expect(trapRowKey({ matchId: 12, market: '1x2', line: null, selection: 'home' })).toBe('12|1x2||home');
    expect(trapRowKey({ matchId: 12, market: 'totals', line: 2.5, selection: 'over' })).toBe('12|totals|2.5|over');
    expect(trapRowKey({ matchId: 12, market: 'spreads', line: -0.25, selection: 'away' })).toBe('12|spreads|-0.25|away');
  });

  it('marks a row with its worst active trap (severity, then score) and counts them; expired traps mark nothing', () => {
    const marks = trapMarks([
      trap({ trapId: 'a', severity: 'medium', score: 60 }),
      trap({ trapId: 'b', severity: 'high', score: 72, kind: 'compound', signals: ['against_sharp', 'inflated_favourite'] }),
      trap({ trapId: 'c', severity: 'high', score: 71 }),
      trap({ trapId: 'd', selection: 'away', status: 'expired', severity: 'high', score: 99 }),
      trap({
        trapId: 'e',
        market: 'totals',
        line: 2.5,
        selection: 'over',
        kind: 'too_good',
        signals: ['too_good'],
        severity: 'low',
        score: 30,
      }),
    ]);
    expect([...marks.keys()].sort()).toEqual(['12|1x2||home', '12|totals|2.5|over']);
    expect(marks.get('12|1x2||home')).toEqual({
      trapSeverity: 'high',
      trapNote: 'Trap: compound (moving against the sharp book + inflated favourite), high severity, score 72; 3 traps on this price',
    });
    expect(marks.get('12|totals|2.5|over')).toEqual({ trapSeverity: 'low', trapNote: 'Trap: too good to be true, low severity, score 30' });
    expect(trapNote(trap())).toBe('Trap: inflated favourite, medium severity, score 55');
  });

  it('board rows get the marks by id; a change of marks is a row update, the same marks are none', () => {
    const board = {
      matches: [match],
      bookmakers: ['PS', '1XB'],
      commission: {},
      rowCount: 3,
      columns: {
        matchId: [12, 12, 12],
        market: [0, 0, 0],
        line: [null, null, null],
        selection: [0, 1, 2],
        books: [2, 2, 2],
        bestOdds: [1.51, 3.9, 5.1],
        bestQuoted: [1.51, 3.9, 5.1],
        bestBook: [1, 0, 0],
        fairProb: [0.5, 0.27, 0.23],
        sharpOdds: [1.94, 3.7, 4.9],
        sharpBook: [0, 0, 0],
        margin: [0.05, 0.05, 0.05],
        openFairOdds: [2, 3.7, 4.4],
        move: [0, 0, 0],
        edge: [-0.2, 0.05, 0.17],
      },
    } as unknown as Parameters<typeof toGridRows>[0];
    const marks = trapMarks([trap()]);
    const rows = toGridRows(board, null, marks);
    expect(rows.map((r) => [r.id, r.trapSeverity])).toEqual([
      ['12|1x2||home', 'medium'],
      ['12|1x2||draw', null],
      ['12|1x2||away', null],
    ]);
    const byId = new Map<string, GridRow>(rows.map((r) => [r.id, r]));
    expect(diffRows(byId, joinTraps(rows, marks)).update).toEqual([]);
    const none = diffRows(byId, joinTraps(rows, new Map()));
    expect(none.update.map((r) => [r.id, r.trapSeverity, r.trapNote])).toEqual([['12|1x2||home', null, '']]);
    const worse = diffRows(byId, joinTraps(rows, trapMarks([trap({ severity: 'high', score: 80 })])));
    expect(worse.update.map((r) => r.trapSeverity)).toEqual(['high']);
    expect(marksSignature(marks)).toBe(marksSignature(trapMarks([trap()])));
    expect(marksSignature(marks)).not.toBe(marksSignature(new Map()));
    expect(NO_TRAP).toEqual({ trapSeverity: null, trapNote: '' });
  });
});

describe('the opened trap: history and evidence in words', () => {
  const situations = [
    {
      matchId: 1,
      kickoff: '2026-11-16T14:00:00Z',
      home: 'A',
      away: 'B',
      selection: 'home',
      odds: 1.43,
      fairOdds: 1.6,
      won: true,
      profit: 0.43,
    },
    {
      matchId: 2,
      kickoff: '2026-11-09T14:00:00Z',
      home: 'C',
      away: 'D',
      selection: 'home',
      odds: 1.5,
      fairOdds: 1.7,
      won: false,
      profit: -1,
    },
    {
      matchId: 3,
      kickoff: '2026-11-02T14:00:00Z',
      home: 'E',
      away: 'F',
      selection: 'away',
      odds: 1.55,
      fairOdds: 1.8,
      won: false,
      profit: -1,
    },
  ];

  it('summarises the similar situations: count and ROI of all, hit rate and mean odds of those listed', () => {
    const s = similarSummary({ n: 40, roi: -0.12, situations });
    expect(s).toMatchObject({ n: 40, roi: -0.12, shown: 3, won: 1, hitRate: 1 / 3 });
    expect(s.meanOdds).toBeCloseTo((1.43 + 1.5 + 1.55) / 3, 12);
    expect(s.profit).toBeCloseTo(-1.57, 12);
    expect(similarSummary({ n: 0, roi: null, situations: [] })).toMatchObject({ hitRate: null, meanOdds: null, profit: 0 });
  });

  it('price bands are the trap history’s own (bandOf, the shared bands), at and around each boundary', () => {
    for (const o of [1.01, 1.49, 1.5, 1.99, 2, 2.49, 2.5, 3.49, 3.5, 4.99, 5, 15])
      expect(priceBand(o)).toBe(PRICE_BANDS.find((b) => b.key === bandOf(o))?.label);
    expect(priceBand(null)).toBeNull();
    expect(priceBand(Number.NaN)).toBeNull();
  });

  it('explains the trap: the price against fair, each signal with its numbers and times, the track record', () => {
    const d: Pick<TrapDetail, 'trap' | 'evidence' | 'similar'> = {
      trap: trap({ kind: 'compound', signals: ['inflated_favourite', 'too_good'], severity: 'high', score: 82.4 }),
      evidence: {
        start: '2026-11-25T13:36:00.000Z',
        lastSeen: '2026-11-29T01:17:00.000Z',
        sharp: 'PS',
        signals: {
          inflated_favourite: {
            from: '2026-11-25T13:36:00.000Z',
            to: '2026-11-29T01:17:00.000Z',
            peak: { sharpFairOdds: 1.93, books: 7, thirdLevel: 0.286, topLevel: 0.286 },
            latest: { sharpFairOdds: 1.93, books: 7, thirdLevel: 0.28, topLevel: 0.286 },
          },
          too_good: {
            from: '2026-11-26T08:00:00.000Z',
            to: '2026-11-26T09:30:00.000Z',
            peak: { odds: 2.8, sharpFairOdds: 1.94, factor: 1.443299 },
            latest: { odds: 2.7, sharpFairOdds: 1.94, factor: 1.391753 },
          },
        },
      },
      similar: { n: 40, roi: -0.12, situations },
    };
    const words = evidenceSentences(d);
    expect(words[0]).toBe(
      "Compound on home, high severity (score 82/100). 1XB offers 1.51 where PS's de-vigged fair price is 1.94 (−22.2% against fair).",
    );
    expect(words[1]).toBe(
      "Inflated favourite from Wed 13:36 UTC to Sun 01:17 UTC: at its peak 7 soft books priced the favourite shorter than PS's fair 1.93, the shortest +28.6% in implied probability (the third +28.6%; ~+5% is usual); latest 7 books, +28.6%.",
    );
    expect(words[2]).toBe(
      "Too good to be true from Thu 08:00 UTC to Thu 09:30 UTC: 2.80 at its peak, 1.44× PS's fair 1.94 (latest 2.70, 1.39×): a stale or palpable-error quote a book is likely to void or move.",
    );
    expect(words[3]).toBe('First seen Wed 13:36 UTC, last confirmed Sun 01:17 UTC.');
    expect(words[4]).toBe(
      'In 40 similar past situations (same kind, market and price band 1.50–1.99), backing the selection returned −12.0% per unit; it won 1 of the 3 most recent (33%).',
    );
    // no history: said so, not a 0% ROI
    expect(evidenceSentences({ ...d, similar: { n: 0, roi: null, situations: [] } }).at(-1)).toMatch(
      /^No similar situation in the synced history/,
    );
    // evidence from an older detector (no signals, no sharp named): still a sentence, never an exception
    expect(evidenceSentences({ ...d, evidence: {} })[0]).toContain("the sharp book's de-vigged fair price is 1.94");
  });
});

describe('Ferrari Intel store helpers', () => {
  it('lists the teams of the upcoming matches once, by league then name', () => {
    const m = (home: string, away: string, leagueName: string) => ({ ...match, home, away, leagueName });
    expect(teamsOf([m('Lyon', 'Nice', 'Ligue 1'), m('Nice', 'Brest', 'Ligue 1'), m('Ajax', 'PSV', 'Eredivisie')])).toEqual([
      { name: 'Ajax', league: 'Eredivisie' },
      { name: 'PSV', league: 'Eredivisie' },
      { name: 'Brest', league: 'Ligue 1' },
      { name: 'Lyon', league: 'Ligue 1' },
      { name: 'Nice', league: 'Ligue 1' },
    ]);
  });

  it("a trap's team is the side backed; the home team for a draw or a total", () => {
    expect(teamOfTrap(trap({ selection: 'away' }))).toBe('Nice');
    expect(teamOfTrap(trap({ selection: 'home' }))).toBe('Lyon');
    expect(teamOfTrap(trap({ selection: 'draw' }))).toBe('Lyon');
    expect(teamOfTrap(trap({ market: 'totals', line: 2.5, selection: 'over' }))).toBe('Lyon');
  });
});

describe('the trap chart', () => {
  it('one step line per book involved (sharp and trap book marked), the sharp fair level in range, the trap span shaded', () => {
    const pts = (xs: number[]) => xs.map((odds, i) => ({ at: `2026-11-2${5 + i}T12:00:00.000Z`, odds }));
    const d: TrapDetail = {
      trap: trap(),
      series: [
        { bookmaker: 'PS', sharp: true, points: pts([1.72, 1.88]) },
        { bookmaker: '1XB', sharp: false, points: pts([1.66, 1.51]) },
        { bookmaker: 'BW', sharp: false, points: pts([1.65, 1.5]) },
      ],
      evidence: { start: '2026-11-25T13:36:00.000Z', lastSeen: '2026-11-29T01:17:00.000Z' },
      similar: { n: 0, roi: null, situations: [] },
    };
    const o = trapChartOption(d) as {
      series: {
        name: string;
        type: string;
        data: [string, number][];
        markLine?: { data: { yAxis: number }[] };
        markArea?: { data: unknown };
      }[];
      yAxis: { min: (v: { min: number }) => number; max: (v: { max: number }) => number };
    };
    expect(o.series.map((x) => x.name)).toEqual(['PS (sharp)', '1XB (trap)', 'BW']);
    expect(o.series.every((x) => x.type === 'line')).toBe(true);
    expect(o.series[1].data).toEqual([
      ['2026-11-25T12:00:00.000Z', 1.66],
      ['2026-11-26T12:00:00.000Z', 1.51],
    ]);
    expect(o.series[0].markLine?.data).toEqual([{ yAxis: 1.94 }]);
    expect(o.series[0].markArea?.data).toEqual([[{ xAxis: '2026-11-25T13:36:00.000Z' }, { xAxis: '2026-11-29T01:17:00.000Z' }]]);
    // every quote is below the fair 1.94: the axis still reaches it
    expect(o.yAxis.max({ max: 1.88 })).toBe(1.95);
    expect(o.yAxis.min({ min: 1.5 })).toBe(1.5);
  });
});
