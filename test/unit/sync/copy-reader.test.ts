import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CopyTextParser, parseLine, unescapeField, type RawRow } from '../../../src-main/sync/copy-reader';
import { copyLine } from '../../../src-main/platform/pg/copy-in';

function parseChunks(chunks: Buffer[]): RawRow[] {
  const p = new CopyTextParser();
  const out: RawRow[] = [];
  for (const c of chunks) p.push(c, out);
  p.end();
  return out;
}

describe('COPY text format parser', () => {
  it('splits columns, reads \\N as NULL and undoes every escape PostgreSQL writes', () => {
    expect(parseLine('1\t\\N\tabc\t')).toEqual(['1', null, 'abc', '']);
    expect(unescapeField('a\\\\b\\tc\\nd\\re\\bf\\fg\\vh')).toBe('a\\b\tc\nd\re\bf\fg\vh');
    expect(unescapeField('\\101\\x42\\x4a7')).toBe('ABJ7'); // octal and hex escapes (at most 3 / 2 digits)
    expect(unescapeField('\\N')).toBe('N'); // inside a longer field \N is just N
    expect(parseLine('\\\\N')).toEqual(['\\N']); // an escaped backslash then N is text, not NULL
  });

  it('an empty line is one row with one empty string column', () => {
    expect(parseChunks([Buffer.from('\n')])).toEqual([['']]);
  });

  it('refuses a stream cut in the middle of a row', () => {
    const p = new CopyTextParser();
    p.push(Buffer.from('1\t2\n3\t'), []);
    expect(() => p.end()).toThrow(/middle of a row/);
  });

  it('round-trips any rows (unicode, tabs, newlines, backslashes, NULLs) split into chunks anywhere, even inside a character', () => {
    const field = fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, cuts) => {
          // copyLine is the demo's COPY FROM encoder: the same text format PostgreSQL writes
          const width = rows[0].length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
          const bytes = Buffer.from(table.map((r) => copyLine(r)).join(''), 'utf8');
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let prev = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(prev, p));
            prev = p;
          }
          const parsed = parseChunks(chunks);
          // lone surrogates cannot survive UTF-8 either way: compare with what UTF-8 makes of them
          const viaUtf8 = table.map((r) => r.map((v) => (v === null ? null : Buffer.from(v, 'utf8').toString('utf8'))));
          expect(parsed).toEqual(viaUtf8);
        },
      ),
      { numRuns: 300 },
    );
  });
});
