// backtest.run as the worker runs it (the job runtime over a real MessagePort): progress while it replays,
// and a cancel sent mid-way stops it between two match days with a CANCELLED error.
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { backtestRunJob } from '../../../src-main/features/agents/backtest';
import type { FromWorker } from '../../../src-main/platform/jobs/protocol';
import { serveJobs } from '../../../src-main/platform/jobs/runtime';
import { footballDataDir } from '../../support/shared-data';

describe('backtest.run job', () => {
  it('reports progress by match day and stops on cancel with CANCELLED', { timeout: 300_000 }, async () => {
    const { port1, port2 } = new MessageChannel();
    serveJobs(port2, { cacheFile: ':memory:' }, [backtestRunJob]);
    const progress: number[] = [];
    const done = new Promise<FromWorker>((resolve) => {
      port1.on('message', (m: FromWorker) => {
        if (m.type !== 'progress') return resolve(m);
        progress.push(m.progress.fraction ?? 0);
        // cancel once the replay is under way (past the reading of the files)
        if (progress.filter((f) => f > 0.05).length === 1) port1.postMessage({ type: 'cancel', jobId: 'bt' });
      });
    });
    const files = ['2021-22', '2022-23', '2023-24', '2024-25', '2025-26'].map((s) => path.join(footballDataDir(), `E0_${s}.csv`));
    port1.postMessage({
      type: 'start',
      jobId: 'bt',
      kind: 'backtest.run',
      params: { strategy: 'value', params: { w: 0.3, markets: '1x2' }, source: { kind: 'csv', files }, from: '2024-07-01' },
    });
    try {
      const end = await done;
      expect(end).toMatchObject({ type: 'error', jobId: 'bt', error: { code: 'CANCELLED' } });
      expect(progress.some((f) => f > 0.05)).toBe(true);
      expect(Math.max(...progress)).toBeLessThan(1);
    } finally {
      port1.close();
    }
  });
});
