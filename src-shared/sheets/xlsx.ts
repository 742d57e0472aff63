// XLSX through exceljs: one worksheet per sheet, typed cells (numbers as numbers, instants as dates
// at the zone's wall time), a number format per column, the header row bold, frozen and filterable.
// Runs in main (reports) and in the renderer (a grid's export menu), where Vite picks exceljs's
// browser build.
import ExcelJS from 'exceljs';
import { wallClockDate } from '../domain/zoned-time';
import { columnWidth, numberFormat, safeSheetName, type CellValue, type Sheet, type SheetColumn } from './sheet';

export interface XlsxOptions {
  /** Zone of 'datetime' cells (default UTC). */
  timeZone?: string;
  /** Workbook metadata. */
  title?: string;
  created?: Date;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The value a cell of this column holds. */
export function xlsxCell(value: CellValue, column: SheetColumn, timeZone: string): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'integer':
    case 'number':
    case 'odds':
    case 'percent':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value === true || value === 1 ? true : value === false || value === 0 ? false : String(value);
    case 'datetime': {
      const ms = Date.parse(String(value));
      return Number.isFinite(ms) ? wallClockDate(String(value), timeZone) : String(value);
    }
    case 'date': {
      const s = String(value);
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : s;
    }
    default:
      return String(value);
  }
}

export function buildWorkbook(sheets: readonly Sheet[], opts: XlsxOptions = {}): ExcelJS.Workbook {
  const tz = opts.timeZone ?? 'UTC';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mon_PS Desk';
  wb.created = opts.created ?? new Date();
  wb.modified = wb.created;
  if (opts.title) wb.title = opts.title;
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(safeSheetName(sheet.name, taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = sheet.columns.map((c) => ({ key: c.key, header: c.header, width: columnWidth(c), style: { numFmt: numberFormat(c) } }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };
    header.alignment = { vertical: 'middle' };
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => xlsxCell(row[c.key], c, tz)));
    if (sheet.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return wb;
}

/** The workbook's bytes. */
export async function writeXlsx(sheets: readonly Sheet[], opts: XlsxOptions = {}): Promise<Uint8Array> {
  const buf = await buildWorkbook(sheets, opts).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
