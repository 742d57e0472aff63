import { describe, expect, it } from 'vitest';
import { bookmakerInfo, preClosingTime, quoteColumn } from '../../../src-main/ingest/football-data/columns';

describe('football-data odds columns', () => {
  it('reads bookmaker, market, selection and closing flag from the header', () => {
    expect(quoteColumn('B365H')).toMatchObject({ bookmaker: 'B365', market: '1x2', selection: 'home', closing: false });
    expect(quoteColumn('PSCD')).toMatchObject({ bookmaker: 'PS', market: '1x2', selection: 'draw', closing: true });
    expect(quoteColumn('VCCA')).toMatchObject({ bookmaker: 'VC', selection: 'away', closing: true });
    expect(quoteColumn('VCH')).toMatchObject({ bookmaker: 'VC', closing: false });
    expect(quoteColumn('BFD')).toMatchObject({ bookmaker: 'BF', selection: 'draw', closing: false }); // Betfair sportsbook draw
    expect(quoteColumn('BFDD')).toMatchObject({ bookmaker: 'BFD', selection: 'draw', closing: false }); // Betfred draw
    expect(quoteColumn('BFDCH')).toMatchObject({ bookmaker: 'BFD', selection: 'home', closing: true });
    expect(quoteColumn('1XBCA')).toMatchObject({ bookmaker: '1XB', selection: 'away', closing: true });
    expect(quoteColumn('P>2.5')).toMatchObject({ bookmaker: 'PS', market: 'totals', selection: 'over', line: 2.5, closing: false });
    expect(quoteColumn('AvgC<2.5')).toMatchObject({ bookmaker: 'Avg', market: 'totals', selection: 'under', closing: true });
    expect(quoteColumn('PCAHH')).toMatchObject({
      bookmaker: 'PS',
      market: 'spreads',
      selection: 'home',
      closing: true,
      lineColumn: 'AHCh',
    });
    expect(quoteColumn('BFEAHA')).toMatchObject({
      bookmaker: 'BFE',
      market: 'spreads',
      selection: 'away',
      closing: false,
      lineColumn: 'AHh',
    });
    expect(quoteColumn('BbMxAHH')).toMatchObject({ bookmaker: 'BbMx', market: 'spreads', lineColumn: 'BbAHh' });
    expect(quoteColumn('B36CA')).toMatchObject({ bookmaker: 'B365', selection: 'away', closing: true }); // the extra layout's typo
    for (const c of ['AHh', 'AHCh', 'BbAHh', 'Bb1X2', 'BbOU', 'BbAH']) expect(quoteColumn(c), c).toBeUndefined();
  });

  it('knows the roles of the books', () => {
    expect(bookmakerInfo('PS')).toMatchObject({ is_sharp: true, is_exchange: false, is_aggregate: false });
    expect(bookmakerInfo('BFE')).toMatchObject({ is_exchange: true });
    expect(bookmakerInfo('Avg')).toMatchObject({ is_aggregate: true });
    expect(bookmakerInfo('ZZ')).toMatchObject({ bookmaker: 'ZZ', name: 'ZZ', is_sharp: false });
  });

  it('dates pre-closing prices at the last Tuesday or Friday 16:00 UK time an hour before kick-off', () => {
    // Saturday 15:00 BST → Friday 16:00 BST (15:00 UTC)
    expect(preClosingTime(new Date('2024-08-17T14:00:00Z')).toISOString()).toBe('2024-08-16T15:00:00.000Z');
    // Monday 20:00 GMT → previous Friday 16:00 GMT
    expect(preClosingTime(new Date('2024-12-02T20:00:00Z')).toISOString()).toBe('2024-11-29T16:00:00.000Z');
    // Tuesday 19:45 GMT → the same Tuesday 16:00
    expect(preClosingTime(new Date('2024-12-03T19:45:00Z')).toISOString()).toBe('2024-12-03T16:00:00.000Z');
    // Wednesday → Tuesday; Friday 16:30 kick-off → the Tuesday before (16:00 Friday is less than an hour before)
    expect(preClosingTime(new Date('2024-12-04T19:30:00Z')).toISOString()).toBe('2024-12-03T16:00:00.000Z');
    expect(preClosingTime(new Date('2024-12-06T16:30:00Z')).toISOString()).toBe('2024-12-03T16:00:00.000Z');
  });
});
