import { describe, expect, it } from 'vitest';
import { makeValidator, QuarantineBook } from '../../../src-main/sync/quarantine';
import { defaultManifest } from '../../../src-main/sync/manifest';
import { planTable } from '../../../src-main/sync/mirror';
import type { SourceTable } from '../../../src-main/sync/introspect';
import { kindOfPgType } from '../../../src-main/sync/value-map';
import { openCache } from '../../../src-main/platform/cache/open';

const col = (name: string, dataType: string) => ({
  name,
  dataType,
  castType: '"pg_catalog"."text"',
  kind: kindOfPgType(dataType),
  nullable: true,
});
const oddsTotals: SourceTable = {
  table: 'odds_totals',
  primaryKey: ['match_id', 'bookmaker', 'line', 'selection', 'observed_at'],
  columns: [
    col('match_id', 'bigint'),
    col('bookmaker', 'text'),
    col('line', 'double precision'),
    col('selection', 'text'),
    col('odds', 'double precision'),
    col('observed_at', 'timestamp with time zone'),
    col('is_closing', 'boolean'),
    col('updated_at', 'timestamp with time zone'),
  ],
};
const plan = planTable(
  defaultManifest().find((e) => e.table === 'odds_totals')!,
  oddsTotals,
);
const now = Date.parse('2026-11-25T08:00:00Z');
const validate = makeValidator(plan, { nowMs: now });
const row = (over: Partial<Record<string, string | null>> = {}) => {
  const base: Record<string, string | null> = {
    match_id: '1',
    bookmaker: 'PS',
    line: '2.5',
    selection: 'over',
    odds: '1.91',
    observed_at: '2026-11-24 10:00:00+00',
    is_closing: 'f',
    updated_at: '2026-11-24 10:00:00+00',
  };
  const r = { ...base, ...over };
  // the reader appends the match flag (EXISTS in the source's matches) after the synced columns
  return [...oddsTotals.columns.map((c) => r[c.name] ?? null), ['1', '2'].includes(r.match_id ?? '') ? 't' : 'f'];
};

describe('quarantine rules', () => {
  it('lets a good quote through', () => {
    expect(validate(row())).toBeNull();
    expect(validate(row({ odds: '1.01' }))).toBeNull();
    expect(validate(row({ odds: '500', observed_at: '2026-11-26 07:00:00+00' }))).toBeNull(); // < 1 day ahead
  });

  it.each([
    [{ odds: '1' }, 'odds_le_1'],
    [{ odds: '0.5' }, 'odds_le_1'],
    [{ odds: '-3' }, 'odds_le_1'],
    [{ odds: 'NaN' }, 'odds_not_finite'],
    [{ odds: 'Infinity' }, 'odds_not_finite'],
    [{ odds: '-Infinity' }, 'odds_not_finite'],
    [{ odds: null }, 'odds_missing'],
    [{ odds: '999.99' }, 'odds_absurd'],
    [{ match_id: '990001' }, 'unknown_match'],
    [{ bookmaker: '' }, 'missing_key'],
    [{ observed_at: '2026-11-26 08:00:01+00' }, 'future_timestamp'],
    [{ observed_at: '1970-01-01 00:00:00+00' }, 'impossible_timestamp'],
    [{ selection: 'draw' }, 'bad_selection'],
    [{ line: '2.3' }, 'bad_line'],
    [{ line: '-1.5' }, 'bad_line'],
  ])('%o → %s', (over, reason) => {
    const v = validate(row(over));
    expect(v?.reason).toBe(reason);
    expect(v?.message.length).toBeGreaterThan(5);
  });

  it('the book adds once, updates last_seen, releases on fix', () => {
    const db = openCache(':memory:');
    const book = new QuarantineBook(db, plan);
    const r = row({ odds: '1' });
    expect(book.add('["1"]', '{"match_id":1}', { reason: 'odds_le_1', message: 'm' }, r, '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(book.add('["1"]', '{"match_id":1}', { reason: 'odds_le_1', message: 'm' }, r, '2026-01-02T00:00:00.000Z')).toBe(false);
    const stored = db.prepare('SELECT first_seen, last_seen, raw FROM quarantine').get() as {
      first_seen: string;
      last_seen: string;
      raw: string;
    };
    expect(stored.first_seen).toBe('2026-01-01T00:00:00.000Z');
    expect(stored.last_seen).toBe('2026-01-02T00:00:00.000Z');
    expect(JSON.parse(stored.raw).odds).toBe('1');
    expect(new QuarantineBook(db, plan).has('["1"]')).toBe(true);
    expect(book.release('["1"]')).toBe(true);
    expect(book.release('["1"]')).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM quarantine').get()).toEqual({ n: 0 });
  });
});
