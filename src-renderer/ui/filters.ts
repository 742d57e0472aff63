// The filters Historique's bets and Performance share (issue 18: one filter bar): their values, how a
// change is checked (by the same contract schema the call is checked by, so a refusal shows beside its
// field before any call) and the query sent. The stores keep only what is their own (kind, staking).
import type { z } from 'zod';
import type { DeskScope, PickFilter } from '../../src-shared/contract/picks';
import { errorsByField, type FieldErrors } from './form';

/** The fields of the filter bar. The book is filtered by its code (the bar shows its name). */
export type ListFilters = Pick<PickFilter, 'from' | 'to' | 'league' | 'market' | 'bookmaker' | 'source' | 'state'> & {
  desk?: DeskScope;
};

/** What the call is given: the filters that are set ('' and undefined are "any"). */
export function queryOf<F extends object>(filters: F): Partial<F> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as Partial<F>;
}

export interface FilterChange<F> {
  /** The filters as the analyst set them, kept even when refused (nothing typed is lost). */
  filters: F;
  /** Refusals by field (e.g. `to` before `from`); null when the filters can be sent. */
  errors: FieldErrors | null;
}

/** Applies a change and checks the result with the call's schema. */
export function changeFilters<F extends object>(schema: z.ZodType, current: F, patch: Partial<F>): FilterChange<F> {
  const filters = { ...current, ...patch };
  const r = schema.safeParse(queryOf(filters));
  return { filters, errors: r.success ? null : errorsByField(r.error.issues) };
}

/** The store side of a filter bar: the filters, their refusals, and a change that reloads only when
 * the filters can be sent. Spread into a zustand store with its own `refresh`. */
export function filterSlice<F extends object, S extends { filters: F; filterErrors: FieldErrors | null; refresh(): Promise<void> }>(
  schema: z.ZodType,
  set: (p: Partial<S>) => void,
  get: () => S,
) {
  return {
    filterErrors: null as FieldErrors | null,
    setFilters(patch: Partial<F>): void {
      const next = changeFilters(schema, get().filters, patch);
      set({ filters: next.filters, filterErrors: next.errors } as Partial<S>);
      if (!next.errors) void get().refresh();
    },
  };
}
