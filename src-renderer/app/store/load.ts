import { reportError } from './toasts';

type SetState<S> = (partial: Partial<S>) => void;
type KeyOf<S, V> = { [K in keyof S]: S[K] extends V ? K : never }[keyof S];

export interface LoadOptions<S> {
  /** The store's flag that is true while the load runs (omit when the store keeps none). */
  loading?: KeyOf<S, boolean>;
  /** The store's field that holds the last failure's message (cleared by a success). */
  error: KeyOf<S, string | null>;
  /** A failure also raises a toast with this title. */
  toast?: string;
  /** False when a newer load of the same thing started meanwhile: this one's answer is dropped. */
  isCurrent?: () => boolean;
  /** Written with the error (e.g. the stale value it replaces). */
  onError?: Partial<S>;
}

/** The load/loading/error pattern every panel store repeats: runs `fetch`, writes what it returns
 * into the store, keeps the loading flag and the error message right, and drops a stale answer.
 * Resolves true when the answer was applied. */
export async function loadInto<S>(set: SetState<S>, fetch: () => Promise<Partial<S>>, o: LoadOptions<S>): Promise<boolean> {
  const flag = (v: boolean): Partial<S> => (o.loading ? ({ [o.loading]: v } as Partial<S>) : {});
  set(flag(true));
  try {
    const value = await fetch();
    if (o.isCurrent && !o.isCurrent()) return false;
    set({ ...value, ...flag(false), [o.error]: null } as Partial<S>);
    return true;
  } catch (err) {
    if (o.isCurrent && !o.isCurrent()) return false;
    set({ ...o.onError, ...flag(false), [o.error]: err instanceof Error ? err.message : String(err) } as Partial<S>);
    if (o.toast) reportError(err, o.toast);
    return false;
  }
}
