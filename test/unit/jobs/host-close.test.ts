import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineJob } from '../../../src-main/platform/jobs/define';
import { JobHost } from '../../../src-main/platform/jobs/host';

// Closing the app lets running jobs finish or checkpoint: a worker (a small script speaking the job
// protocol) that writes a checkpoint when cancelled, and one that ignores the cancel.
const slow = defineJob({ kind: 'slow', lane: 'writer', params: z.object({}), run: () => null });

function worker(dir: string, onCancel: 'checkpoint' | 'ignore'): string {
  const file = path.join(dir, `worker-${onCancel}.cjs`);
  fs.writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');
    const fs = require('node:fs');
    const timers = new Map();
    parentPort.on('message', (m) => {
      if (m.type === 'start') timers.set(m.jobId, setInterval(() => {}, 1000));
      if (m.type === 'cancel' && ${JSON.stringify(onCancel)} === 'checkpoint') {
        fs.writeFileSync(${JSON.stringify(path.join(dir, 'checkpoint'))}, 'batch 41 committed');
        clearInterval(timers.get(m.jobId));
        parentPort.postMessage({ type: 'error', jobId: m.jobId, error: { code: 'CANCELLED', message: 'cancelled' } });
      }
    });`,
  );
  return file;
}

describe('closing the job host', () => {
  it('asks running jobs to stop and waits for them to checkpoint', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-close-'));
    const host = new JobHost({ cacheFile: path.join(dir, 'c.sqlite') }, { file: worker(dir, 'checkpoint'), execArgv: [] });
    const job = host.run(slow, {});
    const settled = job.done.catch((e: { code: string }) => e.code);
    expect(await host.close({ graceMs: 20_000 })).toEqual({ finished: 1, abandoned: 0 });
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).toBe('batch 41 committed');
    expect(await settled).toBe('CANCELLED');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ends a job that does not stop within the grace, and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-close-'));
    const host = new JobHost({ cacheFile: path.join(dir, 'c.sqlite') }, { file: worker(dir, 'ignore'), execArgv: [] });
    const settled = host.run(slow, {}).done.catch((e: { code: string; message: string }) => `${e.code}: ${e.message}`);
    expect(await host.close({ graceMs: 300 })).toEqual({ finished: 0, abandoned: 1 });
    expect(await settled).toBe('CANCELLED: application closing');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
