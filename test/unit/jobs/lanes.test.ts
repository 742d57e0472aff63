import { describe, expect, it } from 'vitest';
import { laneOf } from '../../../src-main/jobs/lanes';
import { jobs } from '../../../src-main/jobs/registry';

describe('job lanes', () => {
  it('puts every job that writes the cache on the single writer lane, and the rest on the reader lane', () => {
    expect(laneOf('sync')).toBe('writer');
    expect(laneOf('demo.ensure')).toBe('writer');
    expect(laneOf('demo.feed')).toBe('writer');
    expect(laneOf('import.football-data')).toBe('writer');
    for (const kind of ['inventory', 'market', 'preview']) expect(laneOf(kind)).toBe('reader');
    // every registered kind has a lane (writer kinds must exist in the registry)
    for (const kind of ['sync', 'demo.ensure', 'demo.feed', 'import.football-data']) expect(Object.keys(jobs)).toContain(kind);
  });
});
