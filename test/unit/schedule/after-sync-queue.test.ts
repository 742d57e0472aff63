// The after-sync queue: passes one at a time, in order; the first run's chain once; the settlement
// slot's status counting what the whole run settled (the sync's own pass included).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AfterSyncQueue, runChain } from '../../../src-main/app/after-sync';
import { createScheduler, settlementMessage } from '../../../src-main/app/schedule';
import { minePatternsIfDue } from '../../../src-main/app/patterns-step';
import { ContractError } from '../../../src-shared/contract/errors';
import { EventBus } from '../../../src-main/platform/events';
import type { JobHost } from '../../../src-main/platform/jobs/host';
import type { SyncRunner } from '../../../src-main/sync';
import type { JobInfo } from '../../../src-shared/contract/jobs';
import type { SettleReport } from '../../../src-shared/contract/picks';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import type { SyncResult } from '../../../src-shared/contract/sync';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-after-sync-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const result = (table: string): SyncResult =>
  ({
    startedAt: 't0',
    finishedAt: '2026-03-01T18:00:00.000Z',
    tables: [
      {
        table,
        mode: 'incremental',
        rowsRead: 1,
        upserted: 1,
        quarantined: 0,
        released: 0,
        deleted: 0,
        pruned: 0,
        reconciled: false,
        seconds: 0,
      },
    ],
  }) as unknown as SyncResult;

const report = (settled: number, voided = 0): SettleReport => ({
  at: '2026-03-01T18:00:01.000Z',
  closing: { candidates: 0, captured: 0, lastQuote: 0, missing: 0, written: 0 },
  results: { candidates: settled + voided, settled, resettled: 0, voided, written: settled + voided },
  combos: { candidates: 0, settled: 0, written: 0 },
  notes: [],
  seconds: 0.01,
});

/** A worker host stand-in: answers each job kind from `answers` (a function: per call), records the order. */
function stubJobs(kinds: string[], answers: Record<string, () => unknown>): JobHost {
  return {
    run: (job: { kind: string }) => {
      kinds.push(job.kind);
      const answer = answers[job.kind];
      return { jobId: `${job.kind}:${kinds.length}`, done: Promise.resolve(answer ? answer() : {}) };
    },
  } as unknown as JobHost;
}
const quietAgents = () => ({ summary: { findings: [], traps: { written: 0, expired: 0 }, scorerPicks: { written: 0 } }, alerts: [] });

describe('the settlement slot', () => {
  it("counts what the whole run settled: the sync's tracking pass settled the pick, the slot's own pass found nothing", async () => {
    const bus = new EventBus();
    const settles = [report(1), report(0)];
    const jobs = stubJobs([], { 'picks.settle': () => settles.shift(), 'agents.run': quietAgents, 'value.run': () => ({ written: 0 }) });
    const queue = new AfterSyncQueue({ bus, jobs, firstRun: false });
    const alerts: string[] = [];
    bus.onAny((name, a) => name === 'alert.raised' && alerts.push((a as { title: string }).title));
    // the slot's sync: its onSynced hands the result to the queue, as services.ts wires it
    const sync = {
      scheduled: async () => {
        void queue.push(result('matches'));
        return { status: 'ok', message: 'synced' };
      },
    } as unknown as SyncRunner;
    const scheduler = createScheduler({
      jobs,
      sync,
      afterSync: queue,
      bus,
      dataDir: tmp,
      embedded: true,
      settings: () => DEFAULT_SETTINGS,
      cron: false,
    });
    scheduler.runNow('settlement');
    await scheduler.idle();
    expect(alerts).toEqual(['1 pick settled']);
    expect(scheduler.state('settlement').lastRun?.message).toBe('synced · 1 settled, 0 void');
    expect(settles).toEqual([]);
  });

  it('adds the two passes and names combos only when there are some', () => {
    const none = { settled: 0, resettled: 0, voided: 0, combos: 0 };
    expect(settlementMessage({ ...none, settled: 2, voided: 1 }, { ...none, resettled: 1, combos: 1 })).toBe('3 settled, 1 void, 1 combo');
    expect(settlementMessage(none, none)).toBe('0 settled, 0 void');
  });
});

describe('the after-sync queue', () => {
  it('runs one pass at a time in the order the syncs ended, and idle() waits for all of them', async () => {
    const kinds: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const settles = [report(1), report(2, 1)];
    const jobs = {
      run: (job: { kind: string }) => {
        kinds.push(job.kind);
        const done =
          job.kind === 'picks.settle' && kinds.filter((k) => k === 'picks.settle').length === 1
            ? gate.then(() => settles.shift())
            : Promise.resolve(job.kind === 'picks.settle' ? settles.shift() : job.kind === 'agents.run' ? quietAgents() : { written: 0 });
        return { jobId: job.kind, done };
      },
    } as unknown as JobHost;
    const queue = new AfterSyncQueue({ bus: new EventBus(), jobs, firstRun: false });
    void queue.push(result('matches'));
    void queue.push(result('tracking_clv_picks'));
    await Promise.resolve();
    expect(kinds.filter((k) => !k.startsWith('market.'))).toEqual(['picks.settle']);
    const idle = queue.idle();
    release();
    await idle;
    // the second pass began only when the first was over (agents and Agent B after its settlement)
    expect(kinds.filter((k) => k === 'picks.settle')).toHaveLength(2);
    expect(kinds.lastIndexOf('picks.settle')).toBeGreaterThan(kinds.indexOf('value.run'));
    expect(queue.settled).toEqual({ settled: 3, resettled: 0, voided: 1, combos: 0 });
  });

  it('after the first sync that brought data, the whole chain once in order, then the ordinary pass', async () => {
    const kinds: string[] = [];
    const bus = new EventBus();
    const jobs = stubJobs(kinds, {
      'picks.settle': () => report(0),
      'agents.run': quietAgents,
      'value.calibrate': () => ({ chosenAt: '2000-01-01T00:00:00Z' }),
      'value.run': () => ({ written: 1 }),
      'patterns.list': () => ({ run: null, rows: [] }),
      'patterns.mine': () => ({ testsTried: 25, significant: 1, patternsWritten: 25, correlationsWritten: 10 }),
      'conseil.learningLog': () => ({ entries: [] }),
      'conseil.learn': () => ({ version: 1, rows: 1700 }),
      'conseil.run': () => ({ recorded: 3, picks: [], asOf: 'x' }),
    });
    const progress: JobInfo[] = [];
    bus.onAny((name, p) => name === 'job.progress' && progress.push(p as JobInfo));
    const queue = new AfterSyncQueue({ bus, jobs });
    await queue.push({ ...result('matches'), tables: [] } as SyncResult); // nothing changed: no chain yet
    expect(queue.firstRun).toBeNull();
    await queue.push(result('matches'));
    const outcome = await queue.firstRun;
    expect(outcome?.steps.map((s) => [s.name, s.ok])).toEqual([
      ['settlement', true],
      ['Agent A and traps', true],
      ['Agent B', true],
      ['Agent C', true],
      ['PATRON fit', true],
      ['CONSEIL', true],
    ]);
    expect(kinds.filter((k) => !k.startsWith('market.'))).toEqual([
      'picks.settle',
      'agents.run',
      'value.calibrate',
      'value.run',
      'patterns.list',
      'patterns.mine',
      'conseil.learningLog',
      'conseil.learn',
      'conseil.run',
    ]);
    expect(progress.map((p) => [p.state, p.message])).toEqual([
      ['running', '1/6 settlement'],
      ['running', '2/6 Agent A and traps'],
      ['running', '3/6 Agent B'],
      ['running', '4/6 Agent C'],
      ['running', '5/6 PATRON fit'],
      ['running', '6/6 CONSEIL'],
      ['done', expect.stringMatching(/^6\/6 steps in \d+\.\d s$/)],
    ]);
    kinds.length = 0;
    await queue.push(result('matches'));
    expect(kinds.filter((k) => !k.startsWith('market.'))).toEqual(['picks.settle', 'agents.run', 'value.calibrate', 'value.run']);
  });

  it("an after-sync pass that only logs its failure (Agent B's) fails its step of the first run", async () => {
    const jobs = {
      run: (job: { kind: string }) => ({
        jobId: job.kind,
        done:
          job.kind === 'value.run'
            ? Promise.reject(new Error('disk full'))
            : Promise.resolve(
                (
                  {
                    'picks.settle': report(0),
                    'agents.run': quietAgents(),
                    'value.calibrate': { chosenAt: '2000-01-01T00:00:00Z' },
                    'patterns.list': { run: null },
                    'patterns.mine': { testsTried: 1, significant: 0, patternsWritten: 1, correlationsWritten: 0 },
                    'conseil.learningLog': { entries: [{ version: 2 }] },
                    'conseil.run': { recorded: 0, picks: [], asOf: 'x' },
                  } as Record<string, unknown>
                )[job.kind] ?? {},
              ),
      }),
    } as unknown as JobHost;
    const lines: string[] = [];
    const queue = new AfterSyncQueue({ bus: new EventBus(), jobs, log: (l) => lines.push(l) });
    await queue.push(result('odds_history'));
    const outcome = await queue.firstRun;
    expect(outcome?.steps.map((s) => [s.name, s.ok, s.message])).toEqual([
      ['settlement', true, '0 settled'],
      ['Agent A and traps', true, '0 alerts'],
      ['Agent B', false, 'Agent B after the sync failed: disk full'],
      ['Agent C', true, '1 situations mined, 0 significant'],
      ['PATRON fit', true, 'PATRON v2 already fitted'],
      ['CONSEIL', true, '0 new picks (0 today)'],
    ]);
    expect(lines.filter((l) => /^first run: 5\/6 steps in \d+\.\d s, 1 failed$/.test(l))).toHaveLength(1);
  });

  it('a failed step is logged and counted, the next steps still run, and the job ends failed naming it', async () => {
    const bus = new EventBus();
    const progress: JobInfo[] = [];
    bus.onAny((name, p) => name === 'job.progress' && progress.push(p as JobInfo));
    const lines: string[] = [];
    const ran: string[] = [];
    const outcome = await runChain(
      [
        { name: 'one', run: async () => (ran.push('one'), 'ok') },
        {
          name: 'two',
          run: async () => {
            throw new Error('no finished match');
          },
        },
        { name: 'three', run: async () => (ran.push('three'), 'ok') },
      ],
      bus,
      (l) => lines.push(l),
    );
    expect(ran).toEqual(['one', 'three']);
    expect(outcome.steps.map((s) => s.ok)).toEqual([true, false, true]);
    expect(lines[0]).toBe('first run: two failed: no finished match');
    expect(progress.at(-1)).toMatchObject({ state: 'failed', error: { code: 'INTERNAL', message: 'two: no finished match' } });
  });
});

describe("Agent C's step of the intelligence slot", () => {
  const NOW = Date.parse('2026-03-02T12:00:00Z');
  const mined = { testsTried: 25, significant: 1, patternsWritten: 25, correlationsWritten: 0 };
  function runner(latest: unknown, mine: () => unknown = () => mined) {
    const kinds: string[] = [];
    const run = (async (job: { kind: string }) => {
      kinds.push(job.kind);
      return job.kind === 'patterns.list' ? latest : mine();
    }) as unknown as Parameters<typeof minePatternsIfDue>[0];
    return { kinds, run };
  }
  it('mines when the cache has no run or a day-old one, keeps a younger one', async () => {
    const none = runner({ run: null, rows: [] });
    expect(await minePatternsIfDue(none.run, new EventBus(), NOW)).toEqual({ message: '25 situations mined, 1 significant' });
    expect(none.kinds).toEqual(['patterns.list', 'patterns.mine']);
    const old = runner({ run: { minedAt: '2026-03-01T11:59:00Z' } });
    await minePatternsIfDue(old.run, new EventBus(), NOW);
    expect(old.kinds).toEqual(['patterns.list', 'patterns.mine']);
    const young = runner({ run: { minedAt: '2026-03-02T01:00:00Z' } });
    expect(await minePatternsIfDue(young.run, new EventBus(), NOW)).toEqual({ message: 'patterns of 2026-03-02 01:00 kept' });
    expect(young.kinds).toEqual(['patterns.list']);
  });
  it('a cache that cannot be mined yet is said in the status; other failures fail the step', async () => {
    const empty = runner({ run: null }, () => {
      throw new ContractError('UNAVAILABLE', 'the cache has no finished match with a score yet');
    });
    expect(await minePatternsIfDue(empty.run, new EventBus(), NOW)).toEqual({
      message: 'patterns not mined: the cache has no finished match with a score yet',
    });
    const broken = runner({ run: null }, () => {
      throw new Error('disk full');
    });
    await expect(minePatternsIfDue(broken.run, new EventBus(), NOW)).rejects.toThrow('disk full');
  });
});
