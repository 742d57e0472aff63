// COPY ... FROM STDIN in PostgreSQL's text format: the fast path for bulk writes (demo seed, importer).
import type pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | bigint | Date | null | undefined;

/** One value in COPY text format: \N for null, doubles in shortest round-trip form (NaN/Infinity as
 * PostgreSQL spells them), text with backslash, tab and newlines escaped. */
export function copyValue(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) return 'Infinity';
    if (v === -Infinity) return '-Infinity';
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyLine(values: readonly CopyValue[]): string {
  let s = '';
  for (let i = 0; i < values.length; i++) s += (i === 0 ? '' : '\t') + copyValue(values[i]);
  return `${s}\n`;
}

/** Streams rows (already rendered lines, or value arrays) into `COPY table (columns) FROM STDIN`.
 * Lines are batched into ~256 KB chunks so the stream does not pay per row. Returns the row count. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<string | readonly CopyValue[]>,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let buf = '';
    for (const r of rows) {
      buf += typeof r === 'string' ? r : copyLine(r);
      count++;
      if (buf.length >= 262_144) {
        yield buf;
        buf = '';
      }
    }
    if (buf.length > 0) yield buf;
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks(), { objectMode: false }), sink);
  return count;
}
