import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../../src-main/jobs/host';

describe('the job host', () => {
  it('restarts a worker that dies as it loads with a growing pause, not in a tight loop, and fails its jobs with a typed error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-host-'));
    const counter = path.join(dir, 'loads');
    const broken = path.join(dir, 'broken-worker.cjs');
    fs.writeFileSync(broken, `require('node:fs').appendFileSync(${JSON.stringify(counter)}, 'x'); throw new Error('broken at load');`);
    const host = new JobHost({ cacheFile: path.join(dir, 'cache.sqlite') }, undefined, { file: broken, execArgv: [] });
    try {
      const job = host.run('inventory', {});
      await expect(job.done).rejects.toMatchObject({ code: 'INTERNAL' });
      await new Promise((r) => setTimeout(r, 1500));
      const loads = fs.readFileSync(counter, 'utf8').length;
      // two lanes: first load each, then pauses of 0.5 s and 1 s: a handful of loads, not hundreds
      expect(loads).toBeGreaterThanOrEqual(2);
      expect(loads).toBeLessThanOrEqual(8);
    } finally {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
