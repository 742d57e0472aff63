import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, zonedDate, zonedDayRange, zonedMinute, zoneOffsetMs } from '../../../src-shared/domain/zoned-time';

describe('local days in a time zone', () => {
  it('starts a Paris day at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(zonedDayRange('2026-01-15', 'Europe/Paris')).toEqual({ start: '2026-01-14T23:00:00.000Z', end: '2026-01-15T23:00:00.000Z' });
    expect(zonedDayRange('2026-07-15', 'Europe/Paris')).toEqual({ start: '2026-07-14T22:00:00.000Z', end: '2026-07-15T22:00:00.000Z' });
  });

  it('gives the days of a clock change 23 and 25 hours', () => {
    const spring = zonedDayRange('2026-03-29', 'Europe/Paris');
    expect((Date.parse(spring.end) - Date.parse(spring.start)) / 3600_000).toBe(23);
    const autumn = zonedDayRange('2026-10-25', 'Europe/Paris');
    expect((Date.parse(autumn.end) - Date.parse(autumn.start)) / 3600_000).toBe(25);
    const ny = zonedDayRange('2026-11-01', 'America/New_York');
    expect(ny.start).toBe('2026-11-01T04:00:00.000Z');
    expect((Date.parse(ny.end) - Date.parse(ny.start)) / 3600_000).toBe(25);
  });

  it('reads instants back as local dates and minutes', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3600_000);
    expect(zonedDate(Date.parse('2026-11-25T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-26');
    expect(zonedMinute('2026-11-25T23:30:00.000Z', 'UTC')).toBe('2026-11-25 23:30');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('knows a calendar date from a look-alike', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const s of ['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', '']) expect(isCalendarDate(s), s).toBe(false);
  });
});
