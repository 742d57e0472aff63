import { describe, expect, it } from 'vitest';
import { nextRetryDelay, retryLoop } from '../../../src-main/data/sync/backoff';

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

  it('retries retryable failures with the given delays, stops on others', async () => {
    let calls = 0;
    const delays: number[] = [];
    const value = await retryLoop(
      async () => {
        calls++;
        if (calls < 4) throw new Error('offline');
        return 'ok';
      },
      { retryable: (e) => (e as Error).message === 'offline', signal: new AbortController().signal, delay: (n) => n, onRetry: (_n, ms) => delays.push(ms) },
    );
    expect(value).toBe('ok');
    expect(delays).toEqual([1, 2, 3]);
    await expect(
      retryLoop(async () => Promise.reject(new Error('bad sql')), { retryable: (e) => (e as Error).message === 'offline', signal: new AbortController().signal }),
    ).rejects.toThrow('bad sql');
  });
  it('a cancel during the wait stops the loop: no further attempt', async () => {
    const ac = new AbortController();
    let calls = 0;
    const run = retryLoop(
      async () => {
        calls++;
        throw new Error('offline');
      },
      { retryable: () => true, signal: ac.signal, delay: () => 60_000, onRetry: () => setTimeout(() => ac.abort(), 10) },
    );
    await expect(run).rejects.toThrow('offline');
    expect(calls).toBe(1);
  });
});
