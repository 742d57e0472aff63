import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { marketAlertsOf } from '../../../src-main/features/analysis/queries';

// team_intelligence.market_alerts as the sync mirrors it: a JSON text column written by the source.
let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE team_intelligence (team_id INTEGER PRIMARY KEY, market_alerts TEXT)');
});
afterEach(() => db.close());

const put = (teamId: number, alerts: unknown) =>
  db
    .prepare('INSERT INTO team_intelligence (team_id, market_alerts) VALUES (?, ?)')
    .run(teamId, typeof alerts === 'string' || alerts === null ? alerts : JSON.stringify(alerts));

describe('marketAlertsOf: a team profile’s market alerts', () => {
  it('maps every entry (match_id → matchId), newest first, undated last', () => {
    put(7, [
      { kind: 'drift', message: 'sharp drifted 1.72 → 1.88', severity: 'low', at: '2026-11-28T23:57:00.000Z', match_id: 41 },
      { kind: 'shortening', message: 'sharp shortened 2.10 → 1.85', severity: 'high', at: '2026-11-28T23:59:00.000Z', match_id: 42 },
      { message: 'no date, no kind' },
    ]);
    expect(marketAlertsOf(db, 7)).toEqual([
      { kind: 'shortening', message: 'sharp shortened 2.10 → 1.85', severity: 'high', at: '2026-11-28T23:59:00.000Z', matchId: 42 },
      { kind: 'drift', message: 'sharp drifted 1.72 → 1.88', severity: 'low', at: '2026-11-28T23:57:00.000Z', matchId: 41 },
      { kind: 'alert', message: 'no date, no kind', severity: 'low', at: null, matchId: null },
    ]);
  });

  it('leaves out malformed entries and keeps the good ones beside them', () => {
    put(7, [
      null,
      3,
      'a bare string',
      ['an', 'array'],
      { kind: 'drift', severity: 'high' }, // no message
      { message: 42 }, // a message that is not text
      { kind: 5, message: 'kept: odd field types fall back', severity: true, at: 12, match_id: '41' },
      { kind: 'drift', message: 'kept', severity: 'medium', at: '2026-11-28T10:00:00.000Z', match_id: 9 },
    ]);
    expect(marketAlertsOf(db, 7)).toEqual([
      { kind: 'drift', message: 'kept', severity: 'medium', at: '2026-11-28T10:00:00.000Z', matchId: 9 },
      { kind: 'alert', message: 'kept: odd field types fall back', severity: 'low', at: null, matchId: null },
    ]);
  });

  it('a field that is not a JSON array, empty, or missing gives no alert (never an exception)', () => {
    put(1, '[{"message": "cut off"');
    put(2, '{"message": "an object, not a list"}');
    put(3, null);
    put(4, '');
    put(5, '[]');
    for (const team of [1, 2, 3, 4, 5, 99]) expect(marketAlertsOf(db, team)).toEqual([]);
  });

  it('a cache without team_intelligence (never synced) gives no alert', () => {
    db.exec('DROP TABLE team_intelligence');
    expect(marketAlertsOf(db, 7)).toEqual([]);
  });
});
