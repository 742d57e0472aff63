import type { CacheValue } from './value-map';

/** Compares strings in UTF-8 byte order (SQLite's BINARY collation, PostgreSQL's "C"), which differs
 * from JavaScript's UTF-16 order only between surrogate pairs and U+E000..U+FFFF. */
export function cmpUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function cmpValue(a: CacheValue, b: CacheValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' || typeof b === 'string') {
    if (typeof a === 'string' && typeof b === 'string') return cmpUtf8(a, b);
    return typeof a === 'string' ? 1 : -1; // SQLite: numbers sort before text
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders keys as SQLite orders its primary key index. */
export function cmpKey(a: readonly CacheValue[], b: readonly CacheValue[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = cmpValue(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}
