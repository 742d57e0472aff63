import { beforeEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { loadInto } from '../../../src-renderer/app/store/load';
import { useToasts } from '../../../src-renderer/app/store/toasts';

interface S {
  value: number | null;
  busy: boolean;
  failure: string | null;
  current: number;
}

const useS = create<S>()(() => ({ value: null, busy: false, failure: null, current: 0 }));
const set = (p: Partial<S>) => useS.setState(p);

beforeEach(() => {
  useS.setState({ value: null, busy: false, failure: null, current: 0 });
  useToasts.setState({ toasts: [] });
});

describe('loadInto: the load/loading/error pattern of the panel stores', () => {
  it('sets the loading flag while it runs, then the value and no error', async () => {
    let release!: (v: number) => void;
    const run = loadInto<S>(set, () => new Promise<Partial<S>>((r) => (release = (v) => r({ value: v }))), {
      loading: 'busy',
      error: 'failure',
    });
    expect(useS.getState().busy).toBe(true);
    release(7);
    expect(await run).toBe(true);
    expect(useS.getState()).toMatchObject({ value: 7, busy: false, failure: null });
  });

  it('a failure keeps the message, clears the flag, writes onError and raises the toast asked for', async () => {
    useS.setState({ value: 3 });
    const ok = await loadInto<S>(set, () => Promise.reject(new Error('source unreachable')), {
      loading: 'busy',
      error: 'failure',
      toast: 'Load failed',
      onError: { value: null },
    });
    expect(ok).toBe(false);
    expect(useS.getState()).toMatchObject({ value: null, busy: false, failure: 'source unreachable' });
    expect(useToasts.getState().toasts).toMatchObject([{ kind: 'error', title: 'Load failed', message: 'source unreachable' }]);
  });

  it('drops the answer of a load that a newer one replaced', async () => {
    let first!: (v: number) => void;
    useS.setState({ current: 1 });
    const a = loadInto<S>(set, () => new Promise<Partial<S>>((r) => (first = (v) => r({ value: v }))), {
      error: 'failure',
      isCurrent: () => useS.getState().current === 1,
    });
    useS.setState({ current: 2 });
    await loadInto<S>(set, async () => ({ value: 2 }), { error: 'failure', isCurrent: () => useS.getState().current === 2 });
    first(1);
    expect(await a).toBe(false);
    expect(useS.getState().value).toBe(2);
  });
});
