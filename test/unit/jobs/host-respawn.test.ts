import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../../src-main/platform/jobs/host';
import { syncStatusJob } from '../../../src-main/sync/jobs';

describe('the job host', () => {
  it('restarts a worker that dies as it loads with a growing pause, not in a tight loop, and fails its jobs with a typed error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-host-'));
    const counter = path.join(dir, 'loads');
    const broken = path.join(dir, 'broken-worker.cjs');
    fs.writeFileSync(
      broken,
      `require('node:fs').appendFileSync(${JSON.stringify(counter)}, Date.now() + '\\n'); throw new Error('broken at load');`,
    );
    const host = new JobHost({ cacheFile: path.join(dir, 'cache.sqlite') }, { file: broken, execArgv: [] });
    try {
      const job = host.run(syncStatusJob, {});
      await expect(job.done).rejects.toMatchObject({ code: 'INTERNAL' });
      // Two lanes load at once; then each lane's reloads come after pauses of 0.5 s, 1 s, 2 s, …
      // Wait for three loads of the lanes after the first two (no fixed sleep), then check the gaps.
      const loads = async (): Promise<number[]> =>
        fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8').trim().split('\n').map(Number) : [];
      const deadline = Date.now() + 60_000;
      let times = await loads();
      while (times.length < 6 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        times = await loads();
      }
      expect(times.length).toBeGreaterThanOrEqual(6);
      // a tight loop would have put six loads within a few milliseconds; the pauses grow, so the
      // 6th load (the 2nd reload of one lane at the least) comes at least 0.5 + 1 s after the first
      expect(times[5] - times[0]).toBeGreaterThanOrEqual(1400);
    } finally {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
