import { describe, expect, it } from 'vitest';
import { boardRows, rowId, type SeriesQuote } from '../../../src-main/features/market/board';
import { consensusProbabilities, bestPrices } from '../../../src-shared/quant/consensus';
import { devig } from '../../../src-shared/quant/margins';
import { overround } from '../../../src-shared/quant/odds';

const T0 = '2026-11-20T10:00:00.000Z';
const T1 = '2026-11-25T07:00:00.000Z';

/** Quotes of one 1X2 market: bookmaker → [home, draw, away] now and at opening. */
function oneXTwo(matchId: number, books: Record<string, { now: (number | null)[]; open?: number[] }>): SeriesQuote[] {
  const out: SeriesQuote[] = [];
  for (const [bookmaker, b] of Object.entries(books)) {
    ['home', 'draw', 'away'].forEach((selection, k) => {
      const odds = b.now[k];
      if (odds === null) return;
      out.push({
        matchId,
        market: '1x2',
        line: null,
        selection,
        bookmaker,
        odds,
        observedAt: T1,
        openOdds: b.open?.[k] ?? odds,
        openAt: T0,
      });
    });
  }
  return out;
}

describe('board rows', () => {
  const books: Record<string, { now: (number | null)[]; open?: number[] }> = {
    B365: { now: [2.1, 3.4, 3.6], open: [2.3, 3.3, 3.2] },
    WH: { now: [2.05, 3.5, 3.7], open: [2.25, 3.3, 3.25] },
    PS: { now: [2.15, 3.55, 3.75], open: [2.35, 3.4, 3.3] },
    BW: { now: [2.2, null, 3.5] }, // incomplete: counts for best price, not for the consensus
  };
  const rows = boardRows(oneXTwo(7, books), ['PS'], {});

  it('has one row per selection with a stable id', () => {
    expect(rows.map((r) => r.id)).toEqual([rowId(7, '1x2', null, 'home'), rowId(7, '1x2', null, 'draw'), rowId(7, '1x2', null, 'away')]);
    expect(rows.map((r) => r.books)).toEqual([4, 3, 4]);
  });

  it('best price and its bookmaker across every book', () => {
    expect(rows.map((r) => [r.bestOdds, r.bestBook])).toEqual([
      [2.2, 'BW'],
      [3.55, 'PS'],
      [3.75, 'PS'],
    ]);
    const q = bestPrices(Object.entries(books).map(([bookmaker, b]) => ({ bookmaker, odds: b.now })));
    expect(rows.map((r) => r.bestOdds)).toEqual(q.map((x) => x?.odds));
    // no commission: the net price is the quoted one
    expect(rows.every((r) => r.bestQuoted === r.bestOdds && r.bestCommission === 0)).toBe(true);
  });

  it("the best price is the best net of each book's commission: an exchange at 5% loses its first place", () => {
    // BFE quotes the best home price (2.24 > BW's 2.2) but nets 1 + 1.24 × 0.95 = 2.178 < 2.2; its away 3.9
    // nets 3.755 > PS's 3.75 and stays best
    const withExchange = { ...books, BFE: { now: [2.24, 3.5, 3.9] } };
    const gross = boardRows(oneXTwo(7, withExchange), ['PS'], {});
    const net = boardRows(oneXTwo(7, withExchange), ['PS'], { BFE: 0.05 });
    expect(gross[0].bestBook).toBe('BFE');
    expect([net[0].bestBook, net[0].bestOdds, net[0].bestQuoted, net[0].bestCommission]).toEqual(['BW', 2.2, 2.2, 0]);
    expect(net[2].bestBook).toBe('BFE');
    expect(net[2].bestQuoted).toBe(3.9);
    expect(net[2].bestCommission).toBe(0.05);
    expect(net[2].bestOdds).toBeCloseTo(1 + 2.9 * 0.95, 14);
    // the edge is the net price's
    for (const r of net) expect(r.edge).toBeCloseTo(r.fairProb! * r.bestOdds! - 1, 14);
    expect(net[2].edge).toBeLessThan(gross[2].edge!);
  });

  it('consensus = median of the multiplicatively de-vigged complete books, by hand and by quant', () => {
    // by hand: each complete book normalised, the median per outcome (3 books: the middle), renormalised
    const complete = [books.B365.now, books.WH.now, books.PS.now] as number[][];
    const fair = complete.map((o) => {
      const s = o.reduce((a, x) => a + 1 / x, 0);
      return o.map((x) => 1 / x / s);
    });
    const med = [0, 1, 2].map((k) => fair.map((f) => f[k]).sort((a, b) => a - b)[1]);
    const t = med.reduce((a, b) => a + b, 0);
    rows.forEach((r, k) => {
      expect(r.fairProb).toBeCloseTo(med[k] / t, 14);
      expect(r.fairOdds).toBeCloseTo(t / med[k], 12);
    });
    const c = consensusProbabilities(Object.entries(books).map(([bookmaker, b]) => ({ bookmaker, odds: b.now })));
    expect(rows.map((r) => r.fairProb)).toEqual(c.probabilities);
    expect(c.bookmakers).toEqual(['B365', 'WH', 'PS']);
  });

  it('sharp reference is the sharp book de-vigged on its own', () => {
    const p = devig(books.PS.now as number[]).probabilities;
    rows.forEach((r, k) => {
      expect(r.sharpBook).toBe('PS');
      expect(r.sharpOdds).toBeCloseTo(1 / p[k], 12);
    });
    expect(boardRows(oneXTwo(7, books), ['Pinnacle'], {}).every((r) => r.sharpOdds === null && r.sharpBook === null)).toBe(true);
  });

  it('margin is the median overround of the complete books', () => {
    const m = [books.B365.now, books.WH.now, books.PS.now].map((o) => overround(o as number[])).sort((a, b) => a - b)[1];
    for (const r of rows) expect(r.margin).toBeCloseTo(m, 14);
    expect(m).toBeGreaterThan(0.01);
  });

  it('move = consensus fair odds now over consensus fair odds at opening, minus 1; edge = fair × best − 1', () => {
    const open = consensusProbabilities(
      Object.entries(books).map(([bookmaker, b]) => ({ bookmaker, odds: b.open ?? b.now })),
    ).probabilities;
    rows.forEach((r, k) => {
      expect(r.openFairOdds).toBeCloseTo(1 / open[k], 12);
      expect(r.move).toBeCloseTo(r.fairOdds! / (1 / open[k]) - 1, 12);
      expect(r.edge).toBeCloseTo(r.fairProb! * r.bestOdds! - 1, 14);
    });
    expect(rows[0].move).toBeLessThan(0); // home shortened from ~2.3 to ~2.1
    expect(rows[2].move).toBeGreaterThan(0);
  });

  it('two-way markets group by line; bad prices are ignored; a line no book completes has no consensus', () => {
    const q: SeriesQuote[] = [];
    const add = (bookmaker: string, line: number, selection: string, odds: number) =>
      q.push({ matchId: 9, market: 'spreads', line, selection, bookmaker, odds, observedAt: T1, openOdds: odds, openAt: T0 });
    add('A', -0.25, 'home', 1.9);
    add('A', -0.25, 'away', 1.95);
    add('B', -0.25, 'home', 1.93);
    add('B', -0.25, 'away', 0.5); // impossible price: not a quote
    add('A', -0.5, 'home', 2.05);
    const r = boardRows(q, [], {});
    expect(r.map((x) => x.id)).toEqual(['9|spreads|-0.25|home', '9|spreads|-0.25|away', '9|spreads|-0.5|home']);
    expect(r[1].books).toBe(1);
    expect(r[0].fairProb).toBeCloseTo(devig([1.9, 1.95]).probabilities[0], 14);
    expect(r[2].fairProb).toBeNull();
    expect(r[2].margin).toBeNull();
    expect(r[2].bestOdds).toBe(2.05);
  });
});

describe('board rows: one snapshot per book', () => {
  const T2 = '2026-11-25T07:30:00.000Z';
  const q = (bookmaker: string, selection: string, odds: number, observedAt: string, openOdds = odds, openAt = T0): SeriesQuote => ({
    matchId: 8,
    market: '1x2',
    line: null,
    selection,
    bookmaker,
    odds,
    observedAt,
    openOdds,
    openAt,
  });
  const fresh = (b: string, o: number[]) => ['home', 'draw', 'away'].map((s, k) => q(b, s, o[k], T2));
  // X quoted all three at T1, then only home and away at T2 (draw pulled or refused): its 4.5 draw is not a price now
  const quotes = [
    ...fresh('A', [2.1, 3.4, 3.6]),
    ...fresh('B', [2.05, 3.5, 3.7]),
    q('X', 'home', 2.12, T2),
    q('X', 'draw', 4.5, T1),
    q('X', 'away', 3.65, T2),
  ];
  const rows = boardRows(quotes, [], {});

  it("a selection missing from the book's latest snapshot is not a current quote", () => {
    const draw = rows.find((r) => r.selection === 'draw')!;
    expect(draw.bestOdds).toBe(3.5);
    expect(draw.bestBook).toBe('B');
    expect(draw.books).toBe(2);
  });

  it('a book whose latest snapshot is incomplete stays out of the consensus and the margin', () => {
    const c = consensusProbabilities([
      { bookmaker: 'A', odds: [2.1, 3.4, 3.6] },
      { bookmaker: 'B', odds: [2.05, 3.5, 3.7] },
    ]).probabilities;
    rows.forEach((r, k) => expect(r.fairProb).toBeCloseTo(c[k], 14));
    const m = (overround([2.1, 3.4, 3.6]) + overround([2.05, 3.5, 3.7])) / 2;
    for (const r of rows) expect(r.margin).toBeCloseTo(m, 14);
    expect(rows.find((r) => r.selection === 'home')!.bestBook).toBe('X'); // its fresh prices still count
  });
});
