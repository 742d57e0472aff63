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
