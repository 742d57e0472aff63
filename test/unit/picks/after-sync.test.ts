import { describe, expect, it } from 'vitest';
import { afterSync } from '../../../src-main/app/events';
import { EventBus } from '../../../src-main/platform/events';
import type { JobHost } from '../../../src-main/platform/jobs/host';
import type { SettleReport } from '../../../src-shared/contract/picks';
import type { SyncResult } from '../../../src-shared/contract/sync';

const table = (name: string, upserted: number) => ({
  table: name,
  mode: 'incremental' as const,
  rowsRead: upserted,
  upserted,
  quarantined: 0,
  released: 0,
  deleted: 0,
  pruned: 0,
  reconciled: false,
  seconds: 0,
});
const result = (tables: ReturnType<typeof table>[]): SyncResult =>
  ({ startedAt: 't0', finishedAt: '2026-03-01T18:00:00.000Z', tables }) as unknown as SyncResult;

const report: SettleReport = {
  at: '2026-03-01T18:00:01.000Z',
  closing: { candidates: 3, captured: 3, lastQuote: 0, missing: 0, written: 3 },
  results: { candidates: 2, settled: 2, resettled: 0, voided: 1, written: 2 },
  combos: { candidates: 0, settled: 0, written: 0 },
  notes: [],
  seconds: 0.01,
};

const agentsFoundNothing = { summary: { findings: [], traps: { written: 0, expired: 0 }, scorerPicks: { written: 0 } }, alerts: [] };
const valueRunNothingNew = { matches: 3, analyses: 3, predictions: 9, bets: 0, written: 0, blend: null };
const answers: Record<string, unknown> = { 'picks.settle': report, 'agents.run': agentsFoundNothing, 'value.run': valueRunNothingNew };

/** Stand-in for the worker host: records the jobs asked for and answers the tracking pass with `report`. */
function stubJobs(kinds: string[]): JobHost {
  return {
    run: (job: { kind: string }) => {
      kinds.push(job.kind);
      return { jobId: job.kind, done: Promise.resolve(answers[job.kind] ?? {}) };
    },
  } as unknown as JobHost;
}

describe('after a sync', () => {
  it('results or odds changed: the tracking pass runs on the writer lane, the panels hear of the picks, a settlement alert is raised, then the agents and Agent B run', async () => {
    const kinds: string[] = [];
    const bus = new EventBus();
    const seen: [string, unknown][] = [];
    bus.onAny((name, payload) => seen.push([name, payload]));
    await afterSync(result([table('matches', 4), table('teams', 0)]), { bus, jobs: stubJobs(kinds) });
    // Agent B follows Agent A (results came): its blend weight checked, then its run; afterSync resolves after all
    expect(kinds).toEqual(['market.board', 'market.topMoves', 'picks.settle', 'agents.run', 'value.calibrate', 'value.run']);
    expect(seen.map(([n]) => n)).toEqual(['cache.changed', 'cache.changed', 'alert.raised']);
    expect(seen[0][1]).toEqual({ tables: ['matches'], at: '2026-03-01T18:00:00.000Z' });
    expect((seen[1][1] as { tables: string[] }).tables).toEqual(['tracking_clv_picks']);
    expect(seen[2][1]).toMatchObject({ kind: 'settlement', title: '2 picks settled', panel: 'history', id: `settlement:${report.at}` });
  });

  it('nothing a pick depends on changed: no tracking pass', async () => {
    const kinds: string[] = [];
    await afterSync(result([table('team_intelligence', 2)]), { bus: new EventBus(), jobs: stubJobs(kinds) });
    expect(kinds).not.toContain('picks.settle');
    await afterSync(result([table('odds_history', 0)]), { bus: new EventBus(), jobs: stubJobs(kinds) });
    expect(kinds).not.toContain('picks.settle');
  });

  it('a failed tracking pass is logged, never thrown at the sync, and the agents still run (their failures logged too)', async () => {
    const lines: string[] = [];
    const jobs = { run: () => ({ jobId: 'x', done: Promise.reject(new Error('disk full')) }) } as unknown as JobHost;
    await afterSync(result([table('odds_totals', 1)]), { bus: new EventBus(), jobs, log: (l) => lines.push(l) });
    expect(lines).toEqual([
      'pick tracking after the sync failed: disk full',
      'agents after the sync failed: disk full',
      'Agent B after the sync failed: disk full',
    ]);
  });
});
