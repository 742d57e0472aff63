import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toContractError } from '../../../src-main/platform/errors';

// Found by the contract fuzz (issue 17): a reader job on a cache not synced yet answered
// 500 INTERNAL "no such table: matches". A missing cache table is UNAVAILABLE, "sync first".
describe('toContractError', () => {
  it('a query on a cache table that does not exist yet is UNAVAILABLE, naming the table', () => {
    const db = new Database(':memory:');
    let caught: unknown;
    try {
      db.prepare('SELECT * FROM matches').all();
    } catch (err) {
      caught = err;
    } finally {
      db.close();
    }
    const e = toContractError(caught);
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toBe('the cache has no matches yet: sync the source first');
  });

  it('any other failure stays INTERNAL with its message', () => {
    expect(toContractError(new Error('no such table: x')).code).toBe('INTERNAL');
    expect(toContractError(new TypeError('boom')).toJSON()).toEqual({ code: 'INTERNAL', message: 'boom' });
  });
});
