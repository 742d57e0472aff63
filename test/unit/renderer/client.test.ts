import { beforeEach, describe, expect, it } from 'vitest';
import { call, ContractCallError, setTransport, subscribe } from '../../../src-renderer/api/client';
import { memoryTransport } from '../../../src-renderer/api/memory';
import type { JobInfo } from '../../../src-shared/contract/jobs';

const job = (state: JobInfo['state']): JobInfo => ({
  jobId: 'j1',
  kind: 'inventory',
  state,
  fraction: state === 'done' ? 1 : 0.5,
  message: state,
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: null,
  error: null,
});

describe('renderer contract client over the in-memory transport', () => {
  let t: ReturnType<typeof memoryTransport>;
  beforeEach(() => {
    t = memoryTransport({
      'jobs.cancel': async ({ jobId }) => ({ cancelled: jobId === 'j1' }),
      'jobs.list': async () => [job('running')],
      // breaks its output schema on purpose: the transport must refuse it like main's dispatch does
      'app.info': async () => ({ name: 'x' }) as never,
    });
    setTransport(t);
  });

  it('returns the typed value of a valid call', async () => {
    expect(await call('jobs.cancel', { jobId: 'j1' })).toEqual({ cancelled: true });
    expect((await call('jobs.list', {}))[0].state).toBe('running');
  });

  it('throws ContractCallError(VALIDATION) naming the field for bad input, before the handler', async () => {
    const err = await call('jobs.cancel', { jobId: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractCallError);
    expect(err).toMatchObject({ code: 'VALIDATION', method: 'jobs.cancel' });
    expect((err as Error).message).toContain('jobId');
  });

  it('refuses an output that breaks the contract, and a method it has no handler for', async () => {
    await expect(call('app.info', {})).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('output of app.info'),
    });
    await expect(call('inventory.get', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await t.invoke('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('subscribe delivers only the named event, until unsubscribed', () => {
    const seen: string[] = [];
    const stop = subscribe('job.progress', (j) => seen.push(j.state));
    t.emit('job.progress', job('running'));
    t.emit('something.else', job('failed'));
    t.emit('job.progress', job('done'));
    stop();
    t.emit('job.progress', job('cancelled'));
    expect(seen).toEqual(['running', 'done']);
  });
});

describe('job failures as toasts', () => {
  it('a job failing again with the same message toasts once, until it succeeds', async () => {
    const { useJobs } = await import('../../../src-renderer/app/store/jobs');
    const { useToasts } = await import('../../../src-renderer/app/store/toasts');
    const failed = (id: string, message: string): JobInfo => ({
      ...job('failed'),
      jobId: id,
      kind: 'sync',
      error: { code: 'UNAVAILABLE', message },
    });
    const toasts = () =>
      useToasts
        .getState()
        .toasts.filter((t) => t.title === 'Job sync failed')
        .map((t) => t.message);
    useJobs.getState().apply(failed('a', 'source refused the connection'));
    useJobs.getState().apply(failed('b', 'source refused the connection'));
    expect(toasts()).toEqual(['source refused the connection']);
    useJobs.getState().apply(failed('c', 'password authentication failed'));
    expect(toasts()).toHaveLength(2);
    useJobs.getState().apply({ ...job('done'), jobId: 'd', kind: 'sync' });
    useJobs.getState().apply(failed('e', 'password authentication failed'));
    expect(toasts()).toHaveLength(3);
  });
});
