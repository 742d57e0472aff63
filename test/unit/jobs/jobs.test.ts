import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { z } from 'zod';
import { ContractError } from '../../../src-shared/contract/errors';
import { QuantError } from '../../../src-shared/quant/errors';
import { allJobs } from '../../../src-main/app/jobs';
import { toContractError } from '../../../src-main/platform/errors';
import { defineJob, JobCancelled } from '../../../src-main/platform/jobs/define';
import type { FromWorker } from '../../../src-main/platform/jobs/protocol';
import { serveJobs } from '../../../src-main/platform/jobs/runtime';
import { SourceError } from '../../../src-main/platform/pg/errors';

describe('job definitions', () => {
  it('every job that writes the cache is on the writer lane; kinds are unique', () => {
    const lane = new Map(allJobs.map((j) => [j.kind, j.lane]));
    expect(lane.size).toBe(allJobs.length);
    for (const kind of [
      'sync',
      'sync.status',
      'sync.manifest.set',
      'sync.manifest.add',
      'sync.introspect',
      'sync.quarantine.list',
      'demo.ensure',
      'demo.feed',
      'import.football-data',
    ]) {
      expect(lane.get(kind), kind).toBe('writer');
    }
    // every sync.* job: beside the cache's one writer
    for (const [kind, l] of lane) if (kind.startsWith('sync')) expect(l, kind).toBe('writer');
    for (const kind of ['inventory', 'market.board', 'analysis.preview']) expect(lane.get(kind), kind).toBe('reader');
  });
});

describe('one error path from a job to a contract error', () => {
  it('keeps contract codes and details', () => {
    expect(toContractError(new ContractError('NOT_FOUND', "no team 'Barcelona'", { team: 'Barcelona' })).toJSON()).toEqual({
      code: 'NOT_FOUND',
      message: "no team 'Barcelona'",
      details: { team: 'Barcelona' },
    });
  });
  it('maps a cancel, an unreachable or refused source, bad math input, anything else', () => {
    expect(toContractError(new JobCancelled()).code).toBe('CANCELLED');
    expect(toContractError(new SourceError('UNAVAILABLE', 'connection refused', true)).code).toBe('UNAVAILABLE');
    expect(toContractError(new SourceError('AUTH', 'password authentication failed', false)).toJSON()).toEqual({
      code: 'VALIDATION',
      message: 'password authentication failed',
    });
    expect(toContractError(new QuantError('odds[0] = 1 must be greater than 1')).code).toBe('VALIDATION');
    expect(toContractError(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' })).toJSON()).toEqual({
      code: 'INTERNAL',
      message: 'relation "x" does not exist',
    });
    expect(toContractError('plain string').message).toBe('plain string');
  });

  it('the worker runtime checks parameters, answers results and typed errors (in this thread, over a real MessagePort)', async () => {
    const echo = defineJob({
      kind: 'test.echo',
      lane: 'reader',
      params: z.object({ n: z.number().int() }).strict(),
      run: ({ n }) => n * 2,
    });
    const refuse = defineJob({
      kind: 'test.refuse',
      lane: 'reader',
      params: z.object({}),
      run: () => {
        throw new ContractError('NOT_FOUND', 'nothing here', { id: 7 });
      },
    });
    const { port1, port2 } = new MessageChannel();
    serveJobs(port2, { cacheFile: ':memory:' }, [echo, refuse]);
    const answers = new Map<string, FromWorker>();
    const answered = (id: string) =>
      new Promise<FromWorker>((resolve) => {
        const check = () => (answers.has(id) ? resolve(answers.get(id) as FromWorker) : setImmediate(check));
        check();
      });
    port1.on('message', (m: FromWorker) => m.type !== 'progress' && answers.set(m.jobId, m));
    port1.postMessage({ type: 'start', jobId: 'a', kind: 'test.echo', params: { n: 21 } });
    port1.postMessage({ type: 'start', jobId: 'b', kind: 'test.echo', params: { n: 'x' } });
    port1.postMessage({ type: 'start', jobId: 'c', kind: 'test.refuse', params: {} });
    port1.postMessage({ type: 'start', jobId: 'd', kind: 'test.nope', params: {} });
    try {
      expect(await answered('a')).toEqual({ type: 'result', jobId: 'a', value: 42 });
      expect(await answered('b')).toMatchObject({
        type: 'error',
        error: { code: 'VALIDATION', message: expect.stringMatching(/parameters of job test.echo: n:/) },
      });
      expect(await answered('c')).toEqual({
        type: 'error',
        jobId: 'c',
        error: { code: 'NOT_FOUND', message: 'nothing here', details: { id: 7 } },
      });
      expect(await answered('d')).toMatchObject({ type: 'error', error: { code: 'UNKNOWN_METHOD' } });
    } finally {
      port1.close();
    }
  });
});
