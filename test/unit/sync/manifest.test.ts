import { describe, expect, it } from 'vitest';
import { defaultManifest, loadManifest, parseManifest, saveManifest, OWN_OUTPUT_TABLES } from '../../../src-main/sync/manifest';
import { openCache } from '../../../src-main/platform/cache/open';

describe('sync manifest', () => {
  it('the default lists the core tables, odds windowed to 30 days plus open matches, own outputs flagged', () => {
    const m = defaultManifest();
    const odds = m.find((e) => e.table === 'odds_history');
    expect(odds?.window).toEqual({ kind: 'recent-or-open', timeColumn: 'observed_at', days: 30, matchColumn: 'match_id' });
    expect(odds?.primaryKey[0]).toBe('match_id'); // by-match lookups ride on the key
    expect(m.find((e) => e.table === 'matches')?.indexes).toContainEqual(['kickoff']);
    expect(
      m
        .filter((e) => e.ownOutput)
        .map((e) => e.table)
        .sort(),
    ).toEqual([...OWN_OUTPUT_TABLES].sort());
    expect(m.every((e) => e.watermark === 'updated_at')).toBe(true);
    expect(defaultManifest(7).find((e) => e.table === 'odds_totals')?.window).toMatchObject({ days: 7 });
  });

  it('refuses duplicates, reserved names, non-identifiers and column lists without the key', () => {
    expect(() =>
      parseManifest([
        { table: 'teams', primaryKey: ['team_id'] },
        { table: 'teams', primaryKey: ['team_id'] },
      ]),
    ).toThrow(/twice/);
    expect(() => parseManifest([{ table: 'quarantine', primaryKey: ['id'] }])).toThrow(/cannot be mirrored/);
    expect(() => parseManifest([{ table: 'x; DROP TABLE y', primaryKey: ['id'] }])).toThrow(
      /manifest entry 0.*table: must be a plain SQL identifier/,
    );
    expect(() => parseManifest([{ table: 't', primaryKey: ['id'], columns: ['name', 'updated_at'] }])).toThrow(/must include 'id'/);
    expect(() => parseManifest([{ table: 't', primaryKey: [] }])).toThrow(/primaryKey/);
  });

  it('is stored in the cache: default on first use, then what was saved', () => {
    const db = openCache(':memory:');
    expect(loadManifest(db).length).toBe(defaultManifest().length);
    saveManifest(db, [...defaultManifest().slice(0, 2), { table: 'weather', primaryKey: ['station', 'at'], watermark: null }]);
    const again = loadManifest(db);
    expect(again.map((e) => e.table)).toEqual(['leagues', 'bookmakers', 'weather']);
    expect(again[2]).toMatchObject({ watermark: null, window: { kind: 'all' }, rules: ['missing_key'], enabled: true });
  });
});
