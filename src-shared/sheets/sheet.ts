// A table to export: typed columns and plain rows. The report writer (main) and the grids' export
// menu (renderer) both describe what they write this way, and the CSV and XLSX writers below read it.

/** How a column's values are typed and shown: numbers stay numbers, times are zoned. */
export type ColumnKind =
  | 'text'
  | 'integer'
  /** decimal number; `decimals` digits shown */
  | 'number'
  /** decimal odds, two digits */
  | 'odds'
  /** a fraction shown as a percentage (0.034 → 3.4%) */
  | 'percent'
  /** stakes and profits in units, two digits, negatives in red */
  | 'money'
  /** ISO instant shown as the zone's wall time */
  | 'datetime'
  /** YYYY-MM-DD */
  | 'date'
  | 'boolean';

export interface SheetColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Digits after the point for 'number' and 'percent' (defaults: 2 and 1). */
  decimals?: number;
  /** Width in characters (XLSX); a default from the kind otherwise. */
  width?: number;
}

export type CellValue = string | number | boolean | null | undefined;
export type SheetRow = Record<string, CellValue>;

export interface Sheet {
  /** Sheet name (XLSX: at most 31 characters, no []:*?/\). */
  name: string;
  columns: SheetColumn[];
  rows: SheetRow[];
}

/** Excel number format of a column. */
export function numberFormat(c: SheetColumn): string | undefined {
  switch (c.kind) {
    case 'integer':
      return '#,##0';
    case 'number':
      return c.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals ?? 2)}`;
    case 'odds':
      return '0.00';
    case 'percent':
      return c.decimals === 0 ? '0%' : `0.${'0'.repeat(c.decimals ?? 1)}%`;
    case 'money':
      return '#,##0.00;[Red]-#,##0.00';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}

const DEFAULT_WIDTH: Record<ColumnKind, number> = {
  text: 18,
  integer: 9,
  number: 10,
  odds: 8,
  percent: 9,
  money: 11,
  datetime: 17,
  date: 11,
  boolean: 8,
};

export const columnWidth = (c: SheetColumn): number => c.width ?? Math.max(DEFAULT_WIDTH[c.kind], Math.min(40, c.header.length + 2));

/** A worksheet name Excel accepts, unique among `taken`. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
