// The situation definitions: bands at their edges, ids that stay the same from run to run, names and
// descriptions an analyst can read.
import { describe, expect, it } from 'vitest';
import {
  FAMILIES,
  formBand,
  moveBand,
  oddsBand,
  restBand,
  restEdge,
  situationDescription,
  situationFilters,
  situationId,
  situationName,
} from '../../../src-main/features/agents/patterns/situations';
import { patternFilters } from '../../../src-shared/contract/patterns';

describe('bands', () => {
  it('odds bands are [lower, upper)', () => {
    expect([1.01, 1.49, 1.5, 1.99, 2, 2.5, 3.49, 3.5, 4.99, 5, 41].map(oddsBand)).toEqual([
      '1.01-1.50',
      '1.01-1.50',
      '1.50-2.00',
      '1.50-2.00',
      '2.00-2.50',
      '2.50-3.50',
      '2.50-3.50',
      '3.50-5.00',
      '3.50-5.00',
      '5.00+',
      '5.00+',
    ]);
  });
  it('move: closing minus earlier fair probability, 1 and 3 percentage points', () => {
    expect([0.05, 0.03, 0.0299, 0.01, 0.0099, 0, -0.0099, -0.01, -0.0299, -0.03].map(moveBand)).toEqual([
      'shortened-large',
      'shortened-large',
      'shortened',
      'shortened',
      'steady',
      'steady',
      'steady',
      'drifted',
      'drifted',
      'drifted-large',
    ]);
  });
  it('rest, rest edge and form', () => {
    expect([1, 3, 4, 5, 6, 8, 9, 30].map(restBand)).toEqual(['short', 'short', 'mid', 'mid', 'week', 'week', 'long', 'long']);
    expect([3, 2, 1, 0, -1, -2, -5].map(restEdge)).toEqual(['more', 'more', 'same', 'same', 'same', 'less', 'less']);
    expect([0, 4, 5, 9, 10, 15].map(formBand)).toEqual(['cold', 'cold', 'mixed', 'mixed', 'hot', 'hot']);
  });
});

describe('situations', () => {
  it('ids list the dimensions in one fixed order, whatever order they were given in', () => {
    expect(situationId('home', { form: 'hot', league: 'E0', role: 'favourite' })).toBe('pat.v1|1x2|home|league=E0|role=favourite|form=hot');
    expect(situationId('over', {})).toBe('pat.v1|totals|over');
  });
  it('filters validate against the contract and carry the market', () => {
    const f = situationFilters('away', { oddsBand: '2.00-2.50', move: 'drifted' });
    expect(patternFilters.parse(f)).toEqual({ market: '1x2', selection: 'away', oddsBand: '2.00-2.50', move: 'drifted' });
  });
  it('names and descriptions say what is bet, where, when, and at which price', () => {
    const v = { league: 'SP1', role: 'underdog', rest: 'short' } as const;
    expect(situationName('home', v)).toBe('Home win · SP1 · underdog · rest ≤3 days');
    expect(situationName('draw', {})).toBe('Draw · all leagues');
    const d = situationDescription('home', v, 'the closing price of the sharp book (PS)');
    expect(d).toContain('in SP1');
    expect(d).toContain('the home team is the underdog');
    expect(d).toContain('1 unit at the closing price of the sharp book (PS)');
  });
  it('every family is distinct and the selection is never a dimension of its own', () => {
    const keys = FAMILIES.map((f) => [...f].sort().join('+'));
    expect(new Set(keys).size).toBe(FAMILIES.length);
  });
});
