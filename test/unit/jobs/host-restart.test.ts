import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../../src-main/platform/jobs/define';
import { JobHost } from '../../../src-main/platform/jobs/host';

// A worker script of a few lines speaking the host's protocol: 'echo' answers the config it was
// started with, 'hang' never answers. It counts its loads so the test sees how many workers started.
const echo = defineJob({
  kind: 'echo',
  lane: 'reader',
  params: z.object({}),
  run: () => ({}) as { cacheFile: string; sourceUrl?: string },
});
const echoWriter = defineJob({ ...echo, kind: 'echo', lane: 'writer' });
const hang = defineJob({ kind: 'hang', lane: 'writer', params: z.object({}), run: () => undefined });

describe('the job host restart (a source switch)', () => {
  it('cancels running jobs with the reason, refuses jobs while stopped, runs `between` with no worker up, and restarts on the new config', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-restart-'));
    const loads = path.join(dir, 'loads');
    const script = path.join(dir, 'worker.cjs');
    fs.writeFileSync(
      script,
      `const { parentPort, workerData } = require('node:worker_threads');
       require('node:fs').appendFileSync(${JSON.stringify(loads)}, 'x');
       parentPort.on('message', (m) => {
         if (m.type === 'start' && m.kind === 'echo') parentPort.postMessage({ type: 'result', jobId: m.jobId, value: workerData });
       });`,
    );
    const host = new JobHost({ cacheFile: path.join(dir, 'a.sqlite'), sourceUrl: 'postgres://a/x' }, { file: script, execArgv: [] });
    try {
      expect(await host.run(echo, {}).done).toMatchObject({ cacheFile: path.join(dir, 'a.sqlite') });
      await host.run(echoWriter, {}).done; // both lanes are up (a worker stopped before it loaded would not count)
      const hanging = host.run(hang, {});
      const cancelled = expect(hanging.done).rejects.toMatchObject({ code: 'CANCELLED', message: 'the source was switched' });
      let duringBetween: Promise<unknown> | undefined;
      await host.restart({ cacheFile: path.join(dir, 'b.sqlite'), sourceUrl: 'postgres://b/x' }, 'the source was switched', () => {
        duringBetween = host.run(echo, {}).done;
        duringBetween.catch(() => {});
      });
      await cancelled;
      await expect(duringBetween).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      expect(await host.run(echo, {}).done).toMatchObject({ cacheFile: path.join(dir, 'b.sqlite'), sourceUrl: 'postgres://b/x' });
      expect(host.workerConfig.cacheFile).toBe(path.join(dir, 'b.sqlite'));
      expect(await host.run(echoWriter, {}).done).toMatchObject({ cacheFile: path.join(dir, 'b.sqlite') });
      // two lanes at start, two after the restart (both answered): the stopped workers were not respawned
      expect(fs.readFileSync(loads, 'utf8')).toBe('xxxx');
      expect(host.list().find((j) => j.kind === 'hang')).toMatchObject({ state: 'cancelled' });
    } finally {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
