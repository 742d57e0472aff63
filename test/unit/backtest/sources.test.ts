// Where a backtest's prices come from: football-data columns (pre-closing for decisions, closing for the
// CLV, AH lines from AHh / AHCh) and quote series of the cache (price age, the sharp book's last move).
import { describe, expect, it } from 'vitest';
import { footballDataFixtures, findStrategy, runBacktest, STRATEGIES } from '../../../src-main/features/agents/backtest';
import { parseFootballDataText } from '../../../src-main/ingest/football-data/parse';
import { closingPrices, collectSeries, pricesAt, type QuoteChange } from '../../../src-main/features/market';

const CSV = [
  'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,B365D,B365A,PSH,PSD,PSA,MaxH,MaxD,MaxA,AvgH,AvgD,AvgA,B365>2.5,B365<2.5,P>2.5,P<2.5,AHh,B365AHH,B365AHA,PAHH,PAHA,PSCH,PSCD,PSCA,AvgCH,AvgCD,AvgCA,PC>2.5,PC<2.5,AHCh,PCAHH,PCAHA',
  'E0,16/08/2024,20:00,Man United,Fulham,1,0,H,1.80,4.2,5.25,1.63,4.38,5.3,1.8,4.5,5.5,1.62,4.36,5.15,1.53,2.5,1.56,2.56,-1,2.05,1.88,2.07,1.86,1.65,4.23,5.28,1.66,4.2,5.02,1.63,2.38,-0.75,1.83,2.11',
  'E0,17/08/2024,12:30,Ipswich,Liverpool,0,2,A,8.5,5.5,1.45,8.18,5.84,1.34,9,6.1,1.45,8.28,5.76,1.34,1.4,3,1.41,3,1.5,2.02,1.91,1.99,1.92,8.14,6.09,1.34,7.87,5.81,1.35,1.37,3.3,1.5,2.04,1.9',
  'E0,17/08/2024,15:00,Arsenal,Wolves,2,0,H,1.2,7,15,1.22,7.2,14,1.25,7.5,16,1.21,6.9,13.5,1.5,2.6,1.52,2.7,-2,1.95,1.95,1.96,1.96,,,,,,,,,,,',
].join('\n');

describe('football-data files as backtest data', () => {
  const data = footballDataFixtures([parseFootballDataText(CSV, 'E0_test.csv')]);

  it('decision prices from the pre-closing columns, closing prices from the C columns, AH lines from AHh / AHCh', () => {
    const [f] = data.fixtures;
    expect(f.result).toEqual({ homeGoals: 1, awayGoals: 0 });
    const x12 = f.decision.find((m) => m.market === '1x2')!;
    expect(x12.books.map((b) => b.bookmaker)).toEqual(['B365', 'PS', 'Max', 'Avg']);
    expect(x12.books[0].odds).toEqual([1.8, 4.2, 5.25]);
    expect(f.decision.find((m) => m.market === 'totals')!.line).toBe(2.5);
    expect(f.decision.find((m) => m.market === 'spreads')!.line).toBe(-1);
    expect(f.closing.find((m) => m.market === 'spreads')!.line).toBe(-0.75);
    expect(f.closing.find((m) => m.market === 'totals')!.books.map((b) => [b.bookmaker, b.odds])).toEqual([['PS', [1.63, 2.38]]]);
    // decision quotes are dated at football-data's collection time, closing ones at kick-off
    expect(x12.books[0].observedAt! < f.kickoff).toBe(true);
    expect(f.closing[0].books[0].observedAt).toBe(f.kickoff);
  });

  it('a match without closing prices is kept: its bets count as "no closing line"', () => {
    expect(data.fixtures).toHaveLength(3);
    expect(data.fixtures[2].closing).toEqual([]);
    const r = runBacktest(data, findStrategy(STRATEGIES, 'sharp-reference'), { overroundMax: 1.5 }, { resamples: 0 });
    expect(r.fixturesWithoutClosingLine).toBe(1);
    const third = r.bets.filter((b) => b.home === 'Arsenal');
    expect(third.length).toBeGreaterThan(0);
    expect(third.every((b) => b.closing === 'none' && b.clv === null)).toBe(true);
    expect(r.bets.filter((b) => b.home === 'Man United').every((b) => b.closing === 'sharp')).toBe(true);
  });
});

describe('price snapshots from quote series', () => {
  const q = (bookmaker: string, selection: string, odds: number, prev: number | null, at: string, closing = false): QuoteChange => ({
    matchId: 1,
    market: '1x2',
    line: null,
    selection,
    bookmaker,
    odds,
    prev,
    at: `2026-11-25T${at}:00.000Z`,
    closing,
  });
  const series = collectSeries([
    q('PS', 'home', 2.0, null, '08:00'),
    q('PS', 'home', 1.9, 2.0, '10:00'), // 1/1.9 − 1/2.0 = 0.026: a move
    q('PS', 'home', 1.89, 1.9, '11:00'), // 0.003: not a move
    q('B365', 'home', 2.1, null, '07:00'),
    q('B365', 'home', 2.05, 2.1, '10:30'),
    q('WH', 'home', 2.2, null, '07:30'),
    q('PS', 'home', 1.85, 1.89, '15:00', true),
  ]);
  it('each book at T: its last price seen by T, the time that price started, and the sharp book’s last move', () => {
    const at = '2026-11-25T12:00:00.000Z';
    const [m] = pricesAt(series.get(1)!, at, { sharpBooks: ['PS'] });
    expect(m.lastMoveAt).toBe('2026-11-25T10:00:00.000Z');
    const byBook = Object.fromEntries(m.books.map((b) => [b.bookmaker, [b.odds[0], b.priceSince![0]]]));
    expect(byBook).toEqual({
      B365: [2.05, '2026-11-25T10:30:00.000Z'],
      PS: [1.89, '2026-11-25T11:00:00.000Z'],
      WH: [2.2, '2026-11-25T07:30:00.000Z'],
    });
    const early = pricesAt(series.get(1)!, '2026-11-25T09:00:00.000Z', { sharpBooks: ['PS'] })[0];
    expect(early.lastMoveAt).toBeNull();
    expect(early.books.find((b) => b.bookmaker === 'PS')!.odds[0]).toBe(2.0);
  });
  it('the closing snapshot holds only the quotes flagged closing', () => {
    const c = closingPrices(series.get(1)!);
    expect(c).toHaveLength(1);
    expect(c[0].books.map((b) => [b.bookmaker, b.odds[0]])).toEqual([['PS', 1.85]]);
  });
});
