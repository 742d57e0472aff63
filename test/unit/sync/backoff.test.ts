import { describe, expect, it } from 'vitest';
import { nextRetryDelay } from '../../../src-main/sync/backoff';

describe('retry backoff', () => {
  it('doubles from 2 s and caps at 5 minutes', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextRetryDelay(n))).toEqual([2000, 4000, 8000, 16000, 32000]);
    expect(nextRetryDelay(9)).toBe(300_000);
    expect(nextRetryDelay(1000)).toBe(300_000);
    expect(nextRetryDelay(3, { baseMs: 100, maxMs: 250 })).toBe(250);
  });

  it('jitter stays within [d/2, d]', () => {
    expect(nextRetryDelay(3, { random: () => 0 })).toBe(4000);
    expect(nextRetryDelay(3, { random: () => 1 })).toBe(8000);
  });
});
