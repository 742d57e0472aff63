/** Delay before retry number `attempt` (1 = first retry) after the source was unreachable:
 * exponential from `baseMs`, capped at `maxMs`. With `random` (0..1) the delay is jittered
 * ("equal jitter": half fixed, half random) so many desks do not retry in step. */
export function nextRetryDelay(attempt: number, opts: { baseMs?: number; maxMs?: number; random?: () => number } = {}): number {
  const base = opts.baseMs ?? 2_000;
  const max = opts.maxMs ?? 300_000;
  const n = Math.max(1, Math.floor(attempt));
  const d = Math.min(max, base * 2 ** Math.min(n - 1, 30));
  if (!opts.random) return d;
  return Math.round(d / 2 + (d / 2) * opts.random());
}

/** Runs `attempt` until it succeeds, the error is not retryable, or `signal` aborts; between failures
 * waits nextRetryDelay(n). `onRetry` hears each scheduled retry. */
export async function retryLoop<T>(
  attempt: () => Promise<T>,
  opts: {
    retryable(err: unknown): boolean;
    signal: AbortSignal;
    delay?: (n: number) => number;
    onRetry?: (n: number, delayMs: number, err: unknown) => void;
    maxAttempts?: number;
  },
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!opts.retryable(err) || opts.signal.aborted || (opts.maxAttempts !== undefined && n >= opts.maxAttempts)) throw err;
      const ms = (opts.delay ?? nextRetryDelay)(n);
      opts.onRetry?.(n, ms, err);
      await sleep(ms, opts.signal);
      if (opts.signal.aborted) throw err; // cancelled while waiting: no further attempt
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
