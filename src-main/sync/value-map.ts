// The one place that says how a PostgreSQL value is stored in the SQLite cache. Everyone reading the
// cache relies on it: timestamptz → 'YYYY-MM-DDTHH:MM:SS.sssZ' (UTC, milliseconds, truncated);
// date → 'YYYY-MM-DD'; boolean → 0/1; integers → INTEGER; double/real/numeric → REAL;
// json/jsonb → TEXT holding the JSON; text and anything else → TEXT (PostgreSQL's text form).

export type CacheType = 'INTEGER' | 'REAL' | 'TEXT';
export type CacheValue = string | number | bigint | null;

/** How a source column is converted. */
export type ValueKind = 'timestamptz' | 'timestamp' | 'date' | 'boolean' | 'integer' | 'real' | 'json' | 'text';

export const CACHE_TYPE: Record<ValueKind, CacheType> = {
  timestamptz: 'TEXT',
  timestamp: 'TEXT',
  date: 'TEXT',
  boolean: 'INTEGER',
  integer: 'INTEGER',
  real: 'REAL',
  json: 'TEXT',
  text: 'TEXT',
};

/** Kind of a column from information_schema.columns.data_type (or udt_name). */
export function kindOfPgType(dataType: string): ValueKind {
  switch (dataType.toLowerCase()) {
    case 'timestamp with time zone':
    case 'timestamptz':
      return 'timestamptz';
    case 'timestamp without time zone':
    case 'timestamp':
      return 'timestamp';
    case 'date':
      return 'date';
    case 'boolean':
    case 'bool':
      return 'boolean';
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'int2':
    case 'int4':
    case 'int8':
      return 'integer';
    case 'double precision':
    case 'real':
    case 'numeric':
    case 'float4':
    case 'float8':
      return 'real';
    case 'json':
    case 'jsonb':
      return 'json';
    default:
      return 'text';
  }
}

/** 'YYYY-MM-DD HH:MM:SS[.ffffff]+00' (PostgreSQL's ISO output with TimeZone=UTC) →
 * 'YYYY-MM-DDTHH:MM:SS.sssZ'. Sub-millisecond digits are truncated, as to_char(…, 'MS') does. */
export function pgTimestampToIso(text: string, withZone: boolean): string {
  if (text.length < 19 || text.charCodeAt(10) !== 32) return text; // 'infinity', BC dates: kept as written
  let ms = '000';
  if (text.charCodeAt(19) === 46) {
    let end = 20;
    while (end < text.length && end < 23 && isDigit(text.charCodeAt(end))) end++;
    ms = text.slice(20, end).padEnd(3, '0');
  }
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${ms}${withZone ? 'Z' : ''}`;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A value in PostgreSQL's text output (as COPY TO writes it, unescaped) → its cache value. */
export function fromPgText(kind: ValueKind, text: string | null): CacheValue {
  if (text === null) return null;
  switch (kind) {
    case 'integer': {
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : BigInt(text);
    }
    case 'real':
      return Number(text);
    case 'boolean':
      return text === 't' ? 1 : 0;
    case 'timestamptz':
      return pgTimestampToIso(text, true);
    case 'timestamp':
      return pgTimestampToIso(text, false);
    default:
      return text; // date (DateStyle ISO → YYYY-MM-DD), json, text
  }
}

const num = (t: string | null): CacheValue => (t === null ? null : Number(t));
const same = (t: string | null): CacheValue => t;

/** fromPgText specialised for one kind (no per-value switch on the hot path of a bulk load). */
export function converterFor(kind: ValueKind): (text: string | null) => CacheValue {
  switch (kind) {
    case 'real':
      return num;
    case 'text':
    case 'json':
    case 'date':
      return same;
    default:
      return (t) => fromPgText(kind, t);
  }
}

/** A JavaScript value an app module hands in (writeOwnOutput) → its cache value. */
export function fromJsValue(kind: ValueKind, v: unknown, where: string): CacheValue {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'integer':
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      break;
    case 'boolean':
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (v === 0 || v === 1) return v;
      break;
    case 'real':
      // NaN would be stored as NULL by SQLite and ±Infinity published as JSON null: refused, not altered
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      break;
    case 'timestamptz':
    case 'timestamp': {
      const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : null;
      if (d && Number.isFinite(d.getTime())) return kind === 'timestamptz' ? d.toISOString() : d.toISOString().slice(0, 23);
      break;
    }
    case 'date':
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
      break;
    case 'json':
      return typeof v === 'string' ? v : JSON.stringify(v);
    case 'text':
      return typeof v === 'string' ? v : String(v);
  }
  throw new Error(
    `${where}: ${typeof v === 'number' ? String(v) : JSON.stringify(typeof v === 'bigint' ? v.toString() : v)} is not a valid ${kind}`,
  );
}
