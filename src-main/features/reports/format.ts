// Numbers as a report prints them (PDF cells, KPI tiles). The XLSX keeps the numbers themselves.
import { zonedMinute } from '../../../src-shared/domain/zoned-time';
import type { CellValue } from '../../../src-shared/sheets/sheet';
import type { ReportColumn } from './document';

const MINUS = '\u2212';
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function signed(text: string, x: number, always: boolean): string {
  if (x < 0) return `${MINUS}${text.replace(/^-/, '')}`;
  return always && x > 0 ? `+${text}` : text;
}

export const fmtInt = (x: number): string => grouped.format(x);
export const fmtPct = (x: number | null, decimals = 1, sign = true): string =>
  x === null || !Number.isFinite(x) ? '—' : signed(`${Math.abs(x * 100).toFixed(decimals)}%`, x, sign);
export const fmtUnits = (x: number | null, sign = true): string =>
  x === null || !Number.isFinite(x) ? '—' : signed(`${Math.abs(x).toFixed(2)} u`, x, sign);
export const fmtOdds = (x: number | null): string => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(2));

/** One cell of a report table as the PDF shows it. */
export function cellText(value: CellValue, c: ReportColumn, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'number') {
    if (c.kind === 'datetime') return zonedMinute(String(value), timeZone);
    if (c.kind === 'boolean') return value === true ? 'yes' : value === false ? 'no' : String(value);
    return String(value);
  }
  if (!Number.isFinite(value)) return '';
  switch (c.kind) {
    case 'integer':
      return signed(fmtInt(Math.abs(value)), value, false);
    case 'odds':
      return value.toFixed(2);
    case 'percent':
      return fmtPct(value, c.decimals ?? 1, c.signed ?? false);
    case 'money':
      return signed(Math.abs(value).toFixed(2), value, c.signed ?? false);
    case 'number':
      return signed(Math.abs(value).toFixed(c.decimals ?? 2), value, c.signed ?? false);
    case 'boolean':
      return value ? 'yes' : 'no';
    default:
      return String(value);
  }
}
