import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-shared/contract/errors';
import type { RunReason, SlotState } from '../../../src-shared/contract/scheduler';
import { memoryStateStore, Scheduler, type SlotDefinition } from '../../../src-main/platform/scheduler';
import { at, fakeClock, flush, gate, recordingJobs } from './support';

const syncSlot: SlotDefinition = {
  slot: 'sync',
  title: 'Sync',
  description: 'source → cache',
  defaultCron: '*/5 * * * *',
  needsSource: true,
  probe: true,
};
const settlementSlot: SlotDefinition = {
  slot: 'settlement',
  title: 'Settlement',
  description: 'settle finished matches',
  defaultCron: '0 * * * *',
  needsSource: true,
};

function setup(start: Date, opts: { runs?: Parameters<typeof memoryStateStore>[0]; retryDelay?: (n: number) => number } = {}) {
  const clock = fakeClock(start);
  const jobs = recordingJobs();
  const store = memoryStateStore(opts.runs);
  const changes: SlotState[] = [];
  const scheduler = new Scheduler({ jobs, clock, store, onChange: (s) => changes.push(s), retryDelay: opts.retryDelay ?? (() => 60_000) });
  /** Runs of each slot: [slot, reason, local HH:MM]. */
  const runs: [string, RunReason, string][] = [];
  const hhmm = () => {
    const d = new Date(clock.now());
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  };
  const step = (slot: string, body: () => Promise<void> = async () => {}) => ({
    name: slot,
    order: 10,
    run: async (ctx: { reason: RunReason }) => {
      runs.push([slot, ctx.reason, hhmm()]);
      await body();
    },
  });
  return { clock, jobs, store, scheduler, runs, step, changes };
}

describe('the scheduler', () => {
  it('runs a slot on its cron ticks, in local time, and shows the next run', async () => {
    const t = setup(at(10, 2));
    t.scheduler.define(syncSlot);
    t.scheduler.plug('sync', t.step('sync'));
    t.scheduler.start();
    expect(t.scheduler.state('sync').nextRunAt).toBe(at(10, 5).toISOString());
    await t.clock.advance(3 * 60_000);
    await t.scheduler.idle();
    await t.clock.advance(5 * 60_000);
    await t.scheduler.idle();
    expect(t.runs).toEqual([
      ['sync', 'cron', '10:05'],
      ['sync', 'cron', '10:10'],
    ]);
    const s = t.scheduler.state('sync');
    expect(s.nextRunAt).toBe(at(10, 15).toISOString());
    expect(s.lastRun).toMatchObject({ status: 'ok', reason: 'cron' });
  });

  it('runs a slot once after the machine slept through twenty ticks, then goes back to its cron', async () => {
    const t = setup(at(10, 6));
    t.scheduler.define(syncSlot);
    t.scheduler.plug('sync', t.step('sync'));
    t.scheduler.start();
    await t.clock.sleep(101 * 60_000); // 10:06 → 11:47
    await t.scheduler.idle();
    expect(t.runs).toEqual([['sync', 'catch-up', '11:47']]);
    expect(t.scheduler.state('sync').nextRunAt).toBe(at(11, 50).toISOString());
    await t.clock.advance(3 * 60_000);
    await t.scheduler.idle();
    expect(t.runs.at(-1)).toEqual(['sync', 'cron', '11:50']);
  });

  it('on wake (Electron powerMonitor resume) looks at the clock at once: one catch-up run, before any timer fires', async () => {
    const t = setup(at(10, 6));
    t.scheduler.define(syncSlot);
    t.scheduler.plug('sync', t.step('sync'));
    t.scheduler.start();
    t.clock.jump(3 * 3_600_000); // 13:06, no timer fired
    t.scheduler.wake();
    await t.scheduler.idle();
    expect(t.runs).toEqual([['sync', 'catch-up', '13:06']]);
    t.scheduler.wake(); // nothing more is due
    await t.scheduler.idle();
    expect(t.runs).toHaveLength(1);
  });

  it('never overlaps two runs of a slot: a tick during a run makes one run after it', async () => {
    const t = setup(at(10, 4));
    t.scheduler.define(syncSlot);
    let running = 0;
    let most = 0;
    const gates = [gate(), gate()];
    let n = 0;
    t.scheduler.plug(
      'sync',
      t.step('sync', async () => {
        running++;
        most = Math.max(most, running);
        await gates[n++].promise;
        running--;
      }),
    );
    t.scheduler.start();
    await t.clock.advance(60_000); // 10:05 starts, and blocks
    await flush();
    await t.clock.advance(15 * 60_000); // 10:10, 10:15, 10:20 tick during it
    await flush();
    expect(t.runs).toHaveLength(1);
    expect(t.scheduler.state('sync').running).toMatchObject({ reason: 'cron' });
    expect(() => t.scheduler.runNow('sync')).toThrow(/already running/);
    gates[0].resolve();
    await flush();
    expect(t.runs).toHaveLength(2); // one follow-up for the three ticks
    gates[1].resolve();
    await t.scheduler.idle();
    expect(most).toBe(1);
    expect(t.runs).toHaveLength(2);
  });

  it('while the source is down: the sync retries with backoff, a slot that needs the source is held, and runs once when it is back', async () => {
    const delays: number[] = [];
    const t = setup(at(9, 58), {
      retryDelay: (n) => {
        delays.push(n);
        return n * 20 * 60_000; // 20, 40 min: longer than the cron, so the cron does not drive retries
      },
    });
    t.scheduler.define(syncSlot);
    t.scheduler.define(settlementSlot);
    let down = true;
    t.scheduler.plug(
      'sync',
      t.step('sync', async () => {
        if (down) throw new ContractError('UNAVAILABLE', 'source unreachable: 10.0.0.9:5432 (EHOSTUNREACH)');
      }),
    );
    t.scheduler.plug(
      'settlement',
      t.step('settlement', async () => {
        if (down) throw new ContractError('UNAVAILABLE', 'source unreachable');
      }),
    );
    t.scheduler.start();
    await t.clock.advance(2 * 60_000); // 10:00: the sync and settlement's hourly tick both find the source down
    await t.scheduler.idle();
    expect(t.scheduler.sourceOnline).toBe(false);
    expect(t.runs).toEqual([
      ['sync', 'cron', '10:00'],
      ['settlement', 'cron', '10:00'],
    ]);
    expect(t.scheduler.state('settlement').lastRun).toMatchObject({ status: 'offline' });
    await t.clock.advance(60 * 60_000); // 11:00: settlement due but held; sync retried at 10:20 and 11:00
    await t.scheduler.idle();
    const syncs = t.runs.filter((r) => r[0] === 'sync');
    expect(syncs.map((r) => r[2])).toEqual(['10:00', '10:20', '11:00']);
    expect(syncs.slice(1).every((r) => r[1] === 'retry')).toBe(true);
    expect(delays).toEqual([1, 2, 3]);
    expect(t.scheduler.state('sync').nextReason).toBe('retry');
    expect(t.runs.filter((r) => r[0] === 'settlement')).toHaveLength(1);
    expect(t.scheduler.state('settlement').held).toBe(true);
    await t.clock.advance(3 * 3_600_000); // three more settlement ticks while down; sync retries once (at 12:00)
    await t.scheduler.idle();
    expect(t.runs.filter((r) => r[0] === 'settlement')).toHaveLength(1);
    down = false;
    await t.clock.advance(60 * 60_000 + 60_000); // the next retry reaches the source
    await t.scheduler.idle();
    const after = t.runs.filter((r) => r[0] === 'settlement');
    expect(after).toHaveLength(2);
    expect(after[1][1]).toBe('reconnect');
    expect(t.scheduler.sourceOnline).toBe(true);
    expect(t.scheduler.state('sync').nextReason).toBe('cron'); // back on its cron, failures reset
  });

  it('a run missed while the app was closed runs once at start; a slot that ran since its last tick does not', async () => {
    const learning: SlotDefinition = {
      slot: 'learning',
      title: 'Learning',
      description: '',
      defaultCron: '30 4 * * *',
      needsSource: false,
    };
    const intel: SlotDefinition = {
      slot: 'intelligence',
      title: 'Intelligence',
      description: '',
      defaultCron: '0 6 * * *',
      needsSource: false,
    };
    const t = setup(at(9, 0, 6), {
      runs: {
        // learning last ran yesterday 04:30: today's 04:30 was missed
        learning: {
          startedAt: at(4, 30, 5).toISOString(),
          finishedAt: at(4, 31, 5).toISOString(),
          reason: 'cron',
          status: 'ok',
          message: '',
        },
        // intelligence ran today at 06:00
        intelligence: {
          startedAt: at(6, 0, 6).toISOString(),
          finishedAt: at(6, 2, 6).toISOString(),
          reason: 'cron',
          status: 'ok',
          message: '',
        },
      },
    });
    t.scheduler.define(learning);
    t.scheduler.define(intel);
    t.scheduler.plug('learning', t.step('learning'));
    t.scheduler.plug('intelligence', t.step('intelligence'));
    t.scheduler.start();
    await t.scheduler.idle();
    expect(t.runs).toEqual([['learning', 'catch-up', '09:00']]);
    expect(t.store.runs.learning).toMatchObject({ reason: 'catch-up', status: 'ok' });
  });

  it('runs at each kick-off besides its cron', async () => {
    const closing: SlotDefinition = {
      slot: 'closing-line',
      title: 'Closing line',
      description: '',
      defaultCron: '0 3 * * *',
      needsSource: true,
      triggers: ['each kick-off'],
    };
    const t = setup(at(14, 50));
    t.scheduler.define(closing);
    t.scheduler.plug('closing-line', t.step('closing-line'));
    t.scheduler.setExtraTimes('closing-line', [at(15, 0), at(15, 0), at(17, 30), at(12, 0)]);
    t.scheduler.start();
    expect(t.scheduler.state('closing-line')).toMatchObject({ nextRunAt: at(15, 0).toISOString(), nextReason: 'kickoff' });
    await t.clock.advance(3 * 3_600_000);
    await t.scheduler.idle();
    expect(t.runs).toEqual([
      ['closing-line', 'kickoff', '15:00'],
      ['closing-line', 'kickoff', '17:30'],
    ]);
  });

  it('cancels a running slot and its job; a slot without steps does not run and says what will plug in', async () => {
    const t = setup(at(10, 0));
    t.scheduler.define(syncSlot);
    t.scheduler.define({ ...settlementSlot, pending: 'the decision engine plugs settlement in' });
    const g = gate();
    t.scheduler.plug('sync', {
      name: 'sync',
      order: 10,
      run: async (ctx) => {
        ctx.track('job-42');
        await Promise.race([
          g.promise,
          new Promise((_r, rej) => ctx.signal.addEventListener('abort', () => rej(new ContractError('CANCELLED', 'cancelled')))),
        ]);
      },
    });
    t.scheduler.start();
    t.scheduler.runNow('sync');
    await flush();
    expect(t.scheduler.state('sync').running).toMatchObject({ reason: 'manual', jobId: 'job-42', step: 'sync' });
    expect(t.scheduler.cancel('sync')).toBe(true);
    await t.scheduler.idle();
    expect(t.jobs.cancelled).toEqual(['job-42']);
    expect(t.scheduler.state('sync').lastRun).toMatchObject({ status: 'cancelled', reason: 'manual' });
    expect(() => t.scheduler.runNow('settlement')).toThrow(/decision engine plugs settlement in/);
    expect(t.scheduler.state('settlement')).toMatchObject({
      steps: [],
      nextRunAt: null,
      pending: 'the decision engine plugs settlement in',
    });
  });

  it('re-plans when the cron changes and stops firing a disabled slot', async () => {
    const t = setup(at(10, 1));
    t.scheduler.define(syncSlot);
    t.scheduler.plug('sync', t.step('sync'));
    t.scheduler.start();
    t.scheduler.configure('sync', { cron: '30 10 * * *', enabled: true });
    expect(t.scheduler.state('sync')).toMatchObject({ cron: '30 10 * * *', nextRunAt: at(10, 30).toISOString() });
    t.scheduler.configure('sync', { cron: null, enabled: false });
    expect(t.scheduler.state('sync')).toMatchObject({ cron: '*/5 * * * *', enabled: false, nextRunAt: null });
    await t.clock.advance(60 * 60_000);
    await t.scheduler.idle();
    expect(t.runs).toEqual([]);
  });
});
