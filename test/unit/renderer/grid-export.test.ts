import { describe, expect, it } from 'vitest';
import { exportFileName, inferKind } from '../../../src-renderer/ui/gridExport';

describe('a grid column’s kind, read off its values and how the grid prints them', () => {
  it('keeps numbers as numbers with the grid’s decimals, and spots percentages and fractions', () => {
    expect(inferKind([1.95, 2.1], ['1.95', '2.10'])).toEqual({ kind: 'number', decimals: 2 });
    expect(inferKind([1200, 35], ['1,200', '35'])).toEqual({ kind: 'integer' });
    expect(inferKind([0.034, -0.012], ['+3.4%', '−1.2%'])).toEqual({ kind: 'percent', decimals: 1 });
    expect(inferKind([34, 12], ['34%', '12%'])).toEqual({ kind: 'number', decimals: 0 }); // already in points
  });

  it('turns ISO instants and dates into date cells, leaves the rest as text', () => {
    expect(inferKind(['2026-11-25T15:00:00.000Z', null], ['25/11 16:00', null])).toEqual({ kind: 'datetime' });
    expect(inferKind(['2026-11-25'], ['25 Nov'])).toEqual({ kind: 'date' });
    expect(inferKind(['Arsenal', 'Chelsea'], ['Arsenal', 'Chelsea'])).toEqual({ kind: 'text' });
    expect(inferKind([true, false], ['yes', 'no'])).toEqual({ kind: 'boolean' });
    expect(inferKind([null, undefined, ''], [null, null, null])).toEqual({ kind: 'text' });
  });

  it('names the file after the grid and the day', () => {
    expect(exportFileName('odds-board', 'xlsx', new Date('2026-11-25T10:00:00Z'))).toBe('odds-board-2026-11-25.xlsx');
  });
});
