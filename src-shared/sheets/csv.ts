// RFC 4180 CSV of a sheet: comma-separated, CRLF line ends, fields quoted when they hold a comma, a
// quote or a line break. Numbers are written in full (re-read exactly), instants as the zone's wall
// time with its offset, and a text cell that a spreadsheet would run as a formula is defused.
import { zoneOffsetMs } from '../domain/zoned-time';
import type { CellValue, Sheet, SheetColumn } from './sheet';

export interface CsvOptions {
  /** Zone of 'datetime' cells (default UTC). */
  timeZone?: string;
  /** Prefix the byte-order mark Excel needs to read UTF-8 (default true). */
  bom?: boolean;
}

/** "=cmd()" in a CSV opened by a spreadsheet is a formula: such a text cell gets a leading apostrophe. */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function offsetText(ms: number): string {
  if (ms === 0) return 'Z';
  const sign = ms < 0 ? '-' : '+';
  const m = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** One cell as CSV text (before quoting). */
export function csvCell(value: CellValue, column: SheetColumn, timeZone = 'UTC'): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.kind) {
    case 'integer':
    case 'number':
    case 'odds':
    case 'percent':
    case 'money':
      return typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : defuseFormula(String(value));
    case 'boolean':
      return value === true || value === 1 ? 'true' : value === false || value === 0 ? 'false' : String(value);
    case 'datetime': {
      const ms = Date.parse(String(value));
      if (!Number.isFinite(ms)) return defuseFormula(String(value));
      const off = zoneOffsetMs(ms, timeZone);
      return new Date(ms + off).toISOString().slice(0, 16) + offsetText(off);
    }
    default:
      return defuseFormula(String(value));
  }
}

export function toCsv(sheet: Sheet, opts: CsvOptions = {}): string {
  const tz = opts.timeZone ?? 'UTC';
  const lines = [sheet.columns.map((c) => quote(c.header)).join(',')];
  for (const row of sheet.rows) lines.push(sheet.columns.map((c) => quote(csvCell(row[c.key], c, tz))).join(','));
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
