import { z } from 'zod';
import { isCalendarDate } from '../domain/zoned-time';

// Dates at the boundary (contract, REST query strings, CLI): real calendar days only (2026-02-30 and
// 2026-13-40 are refused, not rolled over to March), within years a football record can hold, and
// ranges whose end is not before their start. Every schema of the contract takes its dates from here.

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const inYears = (s: string): boolean => {
  const y = Number(s.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};

/** YYYY-MM-DD naming a day that exists, years MIN_YEAR..MAX_YEAR. */
export function isDay(s: string): boolean {
  return isCalendarDate(s) && inYears(s);
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?([0-5]\d))$/;

/** An ISO-8601 instant with its zone (2026-03-01T10:00:00Z, …+01:00) on a day that exists. */
export function isInstant(s: string): boolean {
  const m = INSTANT.exec(s);
  return m !== null && isDay(m[1]) && Number.isFinite(Date.parse(s));
}

/** A calendar day, named in the error as `field`. */
export const calendarDate = (field: string) =>
  z
    .string({ error: `${field} must be a date YYYY-MM-DD` })
    .refine(isDay, { error: `${field} must be a calendar date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}` });

/** An instant with its zone, named in the error as `field`. */
export const isoInstant = (field: string) =>
  z
    .string({ error: `${field} must be an ISO time` })
    .refine(isInstant, { error: `${field} must be an ISO time on a calendar date (YYYY-MM-DDTHH:MM:SSZ), years ${MIN_YEAR}..${MAX_YEAR}` });

/** For an object's superRefine: `to` not before `from` (either may be absent). */
export function orderedRange(fromKey = 'from', toKey = 'to') {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const from = v[fromKey];
    const to = v[toKey];
    if (typeof from === 'string' && typeof to === 'string' && to < from)
      ctx.addIssue({ code: 'custom', path: [toKey], message: `${toKey} (${to}) is before ${fromKey} (${from})` });
  };
}
