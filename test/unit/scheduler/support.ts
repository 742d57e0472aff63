import type { Clock, JobRunner } from '../../../src-main/platform/scheduler';

/** A clock the test moves. `advance` fires every timer on the way (an awake machine); `sleep` jumps
 * and then fires only what is pending (a machine asleep: no timer fires while it sleeps). */
export function fakeClock(start: Date) {
  let now = start.getTime();
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const fireDue = (until: number): boolean => {
    const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
    if (!due) return false;
    timers.delete(due[0]);
    due[1].fn();
    return true;
  };
  const clock: Clock & {
    advance(ms: number): Promise<void>;
    /** The wall clock moves and no timer fires (asleep, the monotonic timers did not advance). */
    jump(ms: number): void;
    sleep(ms: number): Promise<void>;
    pending(): number;
  } = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++nextId;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(h) {
      timers.delete(h as number);
    },
    // Between two timers, the promise callbacks of what they started run (runs finish), as they would.
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (;;) {
        const next = [...timers.values()].filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        now = Math.max(now, next.at);
        fireDue(now);
        await flush();
      }
      now = target;
    },
    jump(ms) {
      now += ms;
    },
    async sleep(ms) {
      now += ms;
      // on waking, the one timer armed before the sleep fires (its monotonic time was not spent asleep,
      // but the scheduler never sleeps longer than maxSleepMs)
      fireDue(now);
      await flush();
    },
    pending: () => timers.size,
  };
  return clock;
}

/** Local time on a fixed day (cron expressions are read in local time). */
export const at = (h: number, m: number, day = 5): Date => new Date(2026, 0, day, h, m, 0, 0);

/** A job runner that records what was cancelled; steps in these tests do not start jobs unless they say so. */
export function recordingJobs(): JobRunner & { cancelled: string[] } {
  const cancelled: string[] = [];
  return {
    cancelled,
    run: () => {
      throw new Error('no job expected');
    },
    cancel: (id) => {
      cancelled.push(id);
      return true;
    },
  };
}

/** A promise the test settles by hand. */
export function gate<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};
