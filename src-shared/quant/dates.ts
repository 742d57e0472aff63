// Calendar dates as day numbers (days since 1970-01-01), for time-decay weights.
import { QuantError } from './errors';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

export function dayNumber(date: string, what = 'date'): number {
  // YYYY-MM-DD read by char codes and converted with Hinnant's days-from-civil (no Date, no regex,
  // no allocation: this runs once per match date in every fit)
  let y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  if (date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45 || !(y >= 0 && m >= 0 && d >= 0))
    throw new QuantError(`${what} '${date}' is not YYYY-MM-DD`, undefined, date);
  const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 1 : 0;
  if (m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1] + leap)
    throw new QuantError(`${what} '${date}' is not a valid date`, undefined, date);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
