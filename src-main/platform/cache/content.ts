// Comparing rows the app is about to write with what the cache holds, so that writing the same
// content again is skipped: a re-run of an agent changes no row, no updated_at, no outbox entry.
import type { Cache } from './open';
import { tableExists } from './tables';

/** JSON with sorted keys: the source's jsonb reorders keys, so contents are compared canonically. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

const parseJson = (s: unknown): unknown => {
  if (typeof s !== 'string') return s;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

/** Stored rows of `table` by id, as canonical text of the given columns (`json` ones parsed). */
export function storedContent(
  db: Cache,
  table: string,
  idColumn: string,
  columns: readonly string[],
  ids: readonly string[],
  json: readonly string[] = ['payload', 'evidence'],
): Map<string, string> {
  const out = new Map<string, string>();
  if (!ids.length || !tableExists(db, table)) return out;
  const rows = db
    .prepare(`SELECT ${[idColumn, ...columns].join(', ')} FROM ${table} WHERE ${idColumn} IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Record<string, unknown>[];
  for (const r of rows) out.set(String(r[idColumn]), canonical(columns.map((c) => (json.includes(c) ? parseJson(r[c]) : r[c]))));
  return out;
}
