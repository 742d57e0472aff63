import { describe, expect, it } from 'vitest';
import { CACHE_TYPE, fromJsValue, fromPgText, kindOfPgType, pgTimestampToIso } from '../../../src-main/sync/value-map';

describe('value map (source text → cache value)', () => {
  it('maps information_schema types to kinds and SQLite types', () => {
    const cases: [string, string, string][] = [
      ['timestamp with time zone', 'timestamptz', 'TEXT'],
      ['date', 'date', 'TEXT'],
      ['boolean', 'boolean', 'INTEGER'],
      ['bigint', 'integer', 'INTEGER'],
      ['smallint', 'integer', 'INTEGER'],
      ['double precision', 'real', 'REAL'],
      ['numeric', 'real', 'REAL'],
      ['jsonb', 'json', 'TEXT'],
      ['text', 'text', 'TEXT'],
      ['uuid', 'text', 'TEXT'],
    ];
    for (const [pgType, kind, sqlite] of cases) {
      expect(kindOfPgType(pgType)).toBe(kind);
      expect(CACHE_TYPE[kindOfPgType(pgType)]).toBe(sqlite);
    }
  });

  it('timestamptz → ISO-8601 UTC with milliseconds, sub-millisecond digits truncated', () => {
    expect(pgTimestampToIso('2026-11-25 08:00:00+00', true)).toBe('2026-11-25T08:00:00.000Z');
    expect(pgTimestampToIso('2026-11-25 08:00:00.5+00', true)).toBe('2026-11-25T08:00:00.500Z');
    expect(pgTimestampToIso('2026-11-25 08:00:00.123999+00', true)).toBe('2026-11-25T08:00:00.123Z');
    expect(pgTimestampToIso('2026-11-25 08:00:00.12+00', false)).toBe('2026-11-25T08:00:00.120');
    expect(pgTimestampToIso('infinity', true)).toBe('infinity');
  });

  it('converts every kind from PostgreSQL text', () => {
    expect(fromPgText('integer', '42')).toBe(42);
    expect(fromPgText('integer', '9007199254740993')).toBe(9007199254740993n);
    expect(fromPgText('real', '1.85')).toBe(1.85);
    expect(fromPgText('real', 'NaN')).toBeNaN();
    expect(fromPgText('boolean', 't')).toBe(1);
    expect(fromPgText('boolean', 'f')).toBe(0);
    expect(fromPgText('date', '2026-01-02')).toBe('2026-01-02');
    expect(fromPgText('json', '{"a": 1}')).toBe('{"a": 1}');
    expect(fromPgText('text', null)).toBeNull();
  });

  it('accepts JS values from app modules and says which column is wrong', () => {
    expect(fromJsValue('timestamptz', new Date('2026-01-01T10:00:00Z'), 'x')).toBe('2026-01-01T10:00:00.000Z');
    expect(fromJsValue('boolean', true, 'x')).toBe(1);
    expect(fromJsValue('json', { a: [1] }, 'x')).toBe('{"a":[1]}');
    expect(() => fromJsValue('real', 'abc', 'row 3 column odds')).toThrow(/row 3 column odds: "abc" is not a valid real/);
    expect(() => fromJsValue('timestamptz', 'yesterday', 'c')).toThrow(/not a valid timestamptz/);
    // a NaN edge or an infinite price is a bug upstream: said where, not stored as NULL / published as null
    expect(() => fromJsValue('real', Number.NaN, 'row 0 column edge')).toThrow(/row 0 column edge: NaN is not a valid real/);
    expect(() => fromJsValue('real', Infinity, 'c')).toThrow(/Infinity is not a valid real/);
    expect(fromJsValue('real', -0.5, 'c')).toBe(-0.5);
  });
});

describe('constant column defaults carried to the mirror', () => {
  it('reads the constants information_schema shows, ignores functions', async () => {
    const { constantDefault } = await import('../../../src-main/sync/introspect');
    expect(constantDefault("'active'::text", 'text')).toBe('active');
    expect(constantDefault("'it''s'::text", 'text')).toBe("it's");
    expect(constantDefault("'{}'::jsonb", 'json')).toBe('{}');
    expect(constantDefault('0', 'integer')).toBe(0);
    expect(constantDefault('(-1.5)::double precision', 'real')).toBe(-1.5);
    expect(constantDefault('false', 'boolean')).toBe(0);
    expect(constantDefault('clock_timestamp()', 'timestamptz')).toBeUndefined();
    expect(constantDefault("nextval('t_id_seq'::regclass)", 'integer')).toBeUndefined();
    expect(constantDefault(null, 'text')).toBeUndefined();
  });
});
