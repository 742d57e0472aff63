// Agent A's input: quotes → de-vigged snapshots per book, bad input skipped with a counted reason
// (never an exception), and the fast helpers held equal to the quant core they stand in for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGroups, isoMs, Skips, snapshot, type RawQuote } from '../../../src-main/features/agents/anomaly/series';
import { consensusOf } from '../../../src-main/features/agents/anomaly/replay';
import { medianWithout } from '../../../src-main/features/agents/anomaly/outlier';
import { devig } from '../../../src-shared/quant/margins';
import { consensusProbabilities, median } from '../../../src-shared/quant/consensus';

const ASOF = Date.parse('2026-11-28T00:00:00.000Z');
const KICKOFF = Date.parse('2026-11-29T15:00:00.000Z');
const roles = new Map([
  ['PS', 'sharp' as const],
  ['BFE', 'exchange' as const],
]);

function quotes(book: string, at: string, odds: (number | null)[], matchId = 1): RawQuote[] {
  return ['home', 'draw', 'away'].map((selection, k) => ({
    matchId,
    bookmaker: book,
    line: null,
    selection,
    odds: odds[k],
    observedAt: at,
  }));
}

describe('building the series', () => {
  it('groups quotes by market line and book into time-ordered snapshots, whatever order they come in', () => {
    const rows = [
      ...quotes('PS', '2026-11-27T12:00:00.000Z', [2.1, 3.4, 3.6]),
      ...quotes('B365', '2026-11-27T10:00:00.000Z', [2.0, 3.3, 3.5]),
      ...quotes('PS', '2026-11-27T08:00:00.000Z', [2.2, 3.3, 3.4]),
    ].reverse();
    const skips = new Skips();
    const [g] = buildGroups(rows, { market: '1x2', kickoffs: new Map([[1, KICKOFF]]), roles, asOf: ASOF, skips });
    expect(g.books.map((b) => b.bookmaker)).toEqual(['B365', 'PS']);
    const ps = g.books[1];
    expect(ps.role).toBe('sharp');
    expect(ps.snaps.map((s) => new Date(s.t).toISOString())).toEqual(['2026-11-27T08:00:00.000Z', '2026-11-27T12:00:00.000Z']);
    expect(ps.snaps[1].odds).toEqual([2.1, 3.4, 3.6]);
    expect(skips.total()).toBe(0);
  });

  it('skips every kind of bad input with a counted reason and an example, and keeps the rest', () => {
    const rows: RawQuote[] = [
      ...quotes('PS', '2026-11-27T08:00:00.000Z', [2.2, 3.3, 3.4]),
      ...quotes('B365', '2026-11-27T08:00:00.000Z', [2.1, 3.2, 3.3]),
      // odds ≤ 1, NaN (SQLite gives null), empty: the snapshot then misses a selection too
      ...quotes('WH', '2026-11-27T09:00:00.000Z', [1, null, Number.NaN]),
      { matchId: 1, bookmaker: 'VC', line: null, selection: 'home', odds: 2.1, observedAt: '2026-11-27T09:00:00.000Z' },
      { matchId: 1, bookmaker: 'VC', line: null, selection: 'both', odds: 2.1, observedAt: '2026-11-27T09:00:00.000Z' },
      // after kick-off; stamped far in the future; unreadable time
      ...quotes('PS', '2026-11-27T16:00:00.000Z', [2.2, 3.3, 3.4]),
      ...quotes('PS', '2099-01-01T00:00:00.000Z', [2.2, 3.3, 3.4]),
      { matchId: 1, bookmaker: 'PS', line: null, selection: 'home', odds: 2, observedAt: 'yesterday' },
      // a match without kick-off; a market only one book prices
      ...quotes('PS', '2026-11-27T08:00:00.000Z', [2.2, 3.3, 3.4], 2),
      ...quotes('B365', '2026-11-27T08:00:00.000Z', [2.2, 3.3, 3.4], 3),
    ];
    const skips = new Skips();
    const groups = buildGroups(rows, {
      market: '1x2',
      kickoffs: new Map<number, number | null>([
        [1, Date.parse('2026-11-27T15:00:00.000Z')],
        [2, null],
        [3, KICKOFF],
      ]),
      roles,
      asOf: Date.parse('2026-11-28T00:00:00.000Z'),
      skips,
    });
    const counts = Object.fromEntries(skips.list().map((s) => [s.reason.split(':')[0], s.count]));
    expect(counts).toEqual({
      bad_odds: 3,
      unknown_selection: 1,
      selection_missing: 1, // VC quoted home alone (WH's snapshot had no valid price at all)
      after_kickoff: 3,
      clock_skew: 3,
      bad_time: 1,
      no_kickoff: 3,
      single_book: 1,
    });
    expect(skips.list().find((s) => s.reason.startsWith('bad_odds'))?.example).toContain('WH');
    expect(groups).toHaveLength(1);
    expect(groups[0].books.map((b) => [b.bookmaker, b.snaps.length])).toEqual([
      ['B365', 1],
      ['PS', 1],
    ]);
  });

  it("reads the cache's ISO text exactly as Date.parse does", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const s = d.toISOString();
        expect(isoMs(s)).toBe(Date.parse(s));
      }),
    );
    expect(isoMs('2026-11-27 08:00:00+00')).toBe(Date.parse('2026-11-27 08:00:00+00'));
    expect(isoMs('2026-1x-27T08:00:00.000Z')).toBeNaN();
  });
});

const oddsArb = (n: number) => fc.array(fc.double({ min: 1.01, max: 40, noNaN: true }), { minLength: n, maxLength: n });

describe('the fast helpers equal the quant core', () => {
  it("a snapshot's fair probabilities are quant's multiplicative de-vig, its logits their log-odds", () => {
    fc.assert(
      fc.property(oddsArb(3), (odds) => {
        const s = snapshot(0, odds);
        const d = devig(odds, 'multiplicative');
        s.fair.forEach((p, k) => {
          expect(p).toBeCloseTo(d.probabilities[k], 12);
          expect(s.logit[k]).toBeCloseTo(Math.log(p / (1 - p)), 12);
        });
        expect(s.overround).toBeCloseTo(d.overround, 12);
      }),
    );
  });

  it("the consensus of de-vigged books is quant's consensusProbabilities (median, renormalised)", () => {
    fc.assert(
      fc.property(fc.array(oddsArb(3), { minLength: 1, maxLength: 9 }), (books) => {
        const mine = consensusOf(books.map((o) => snapshot(0, o).fair)) as number[];
        const ref = consensusProbabilities(books.map((odds, i) => ({ bookmaker: `b${i}`, odds }))).probabilities;
        mine.forEach((p, k) => expect(p).toBeCloseTo(ref[k], 12));
      }),
    );
  });

  it('the leave-one-out median is the median of the list without that element', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 }), fc.nat(), (xs, i) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const skip = i % sorted.length;
        const rest = sorted.filter((_, j) => j !== skip);
        expect(medianWithout(sorted, sorted.length, skip)).toBeCloseTo(median(rest), 14);
      }),
    );
  });
});
