// Long computations written as generators that yield their progress: the CLI and the tests drain them at
// once; the worker job drains them giving the event loop a turn now and then, so a cancel can arrive.
import { throwIfCancelled } from '../../../platform/jobs/define';

export interface Step {
  /** 0..1 of this computation. */
  fraction: number;
  message: string;
}

export type Steps<R> = Generator<Step, R, void>;

export function drain<R>(steps: Steps<R>, onStep?: (s: Step) => void): R {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onStep?.(r.value);
  }
}

/** Drains `steps`, yielding to the event loop at least every `sliceMs` and stopping if `signal` aborts. */
export async function drainAsync<R>(steps: Steps<R>, signal: AbortSignal, onStep?: (s: Step) => void, sliceMs = 50): Promise<R> {
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onStep?.(r.value);
    if (performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      throwIfCancelled(signal);
      since = performance.now();
    }
  }
}

/** Maps a sub-computation's fractions into [from, to] of the caller's. */
export function* scaled<R>(steps: Steps<R>, from: number, to: number): Steps<R> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield { fraction: from + (to - from) * r.value.fraction, message: r.value.message };
  }
}
