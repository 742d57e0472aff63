// Wall-clock time in an IANA time zone, through Intl only (no Node or DOM API): the day an analyst
// means by "2026-11-25" starts at local midnight, which is not UTC midnight.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone ('Europe/Paris', 'UTC'). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const offsets = new Map<string, Map<number, number>>();
/** Zones change offset on the quarter hour at the finest: one Intl call per quarter hour is enough. */
const QUARTER_HOUR = 900_000;

/** Offset of the zone from UTC at an instant, in milliseconds (Paris in winter: +3 600 000). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  let memo = offsets.get(timeZone);
  if (!memo) offsets.set(timeZone, (memo = new Map()));
  const slot = Math.floor(instantMs / QUARTER_HOUR);
  let off = memo.get(slot);
  if (off === undefined) {
    off = intlOffset(slot * QUARTER_HOUR, timeZone);
    if (memo.size > 100_000) memo.clear();
    memo.set(slot, off);
  }
  return off;
}

function intlOffset(instantMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** The UTC instant of local midnight starting `date` (YYYY-MM-DD) in the zone. */
export function zonedDayStart(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - zoneOffsetMs(guess, timeZone);
  // across a DST change the offset at the guess and at the answer differ: one more step settles it
  return guess - zoneOffsetMs(first, timeZone);
}

/** [start, end) of a local day as ISO UTC strings, the form the cache stores timestamps in. */
export function zonedDayRange(date: string, timeZone: string): { start: string; end: string } {
  return {
    start: new Date(zonedDayStart(date, timeZone)).toISOString(),
    end: new Date(zonedDayStart(addDays(date, 1), timeZone)).toISOString(),
  };
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The local calendar date of an instant in the zone. */
export function zonedDate(instantMs: number, timeZone: string): string {
  return new Date(instantMs + zoneOffsetMs(instantMs, timeZone)).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:MM' wall time of an ISO instant in the zone. */
export function zonedMinute(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

/** A Date whose UTC fields are the zone's wall time: what a spreadsheet (which has no zones) should show. */
export function wallClockDate(iso: string, timeZone: string): Date {
  const ms = Date.parse(iso);
  return new Date(ms + zoneOffsetMs(ms, timeZone));
}

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
