import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cmpKey, cmpUtf8 } from '../../../src-main/sync/compare';

describe('key order = SQLite BINARY order', () => {
  it('cmpUtf8 orders like the UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(cmpUtf8(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 2000 },
    );
    expect(cmpUtf8('\u{1F600}', '\uFFFD')).toBe(1); // astral above U+E000..U+FFFF in UTF-8, unlike UTF-16
  });

  it('compares composite keys column by column, numbers before text, bigints exactly', () => {
    expect(cmpKey([1, 'b'], [1, 'a'])).toBe(1);
    expect(cmpKey([2, 'a'], [10, 'a'])).toBe(-1);
    expect(cmpKey([9007199254740993n], [9007199254740992])).toBe(1);
    expect(cmpKey([5], ['5'])).toBe(-1);
  });
});
