// What a grid shows (its displayed columns, its rows after filter and sort) as a typed sheet, so the
// export menu writes the same CSV and XLSX as the reports. A column's kind is read off its values and
// its formatter: numbers stay numbers, a "3.4%" column becomes a percent format, ISO instants become
// dates at the user's wall time.
import type { GridApi } from 'ag-grid-community';
import type { CellValue, ColumnKind, Sheet, SheetColumn, SheetRow } from '../../src-shared/sheets/sheet';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The kind of a column from its raw values and, for numbers, how the grid prints them. */
export function inferKind(values: readonly unknown[], formatted: readonly (string | null)[]): { kind: ColumnKind; decimals?: number } {
  const present = values.map((v, i) => ({ v, f: formatted[i] })).filter((x) => x.v !== null && x.v !== undefined && x.v !== '');
  if (present.length === 0) return { kind: 'text' };
  if (present.every((x) => typeof x.v === 'boolean')) return { kind: 'boolean' };
  if (present.every((x) => typeof x.v === 'number' && Number.isFinite(x.v))) {
    const sample = present.find((x) => x.f && /\d/.test(x.f));
    const f = sample?.f ?? '';
    // the desk prints numbers en-US style: ',' groups thousands, '.' starts the decimals
    const decimals = /\.(\d+)/.exec(f.replace(/[^\d.]/g, ''))?.[1]?.length ?? 0;
    if (f.trim().endsWith('%')) {
      // a fraction printed ×100 is a percent cell; a value already in percent points stays a number
      const printed = Math.abs(Number(f.replace(/[^\d.]/g, '')));
      const v = Math.abs(sample!.v as number);
      return Math.abs(printed - v * 100) < Math.abs(printed - v) ? { kind: 'percent', decimals } : { kind: 'number', decimals };
    }
    if (present.every((x) => Number.isInteger(x.v)) && decimals === 0) return { kind: 'integer' };
    return { kind: 'number', decimals: sample ? decimals : 2 };
  }
  if (present.every((x) => typeof x.v === 'string' && ISO_INSTANT.test(x.v))) return { kind: 'datetime' };
  if (present.every((x) => typeof x.v === 'string' && ISO_DATE.test(x.v))) return { kind: 'date' };
  return { kind: 'text' };
}

const plain = (v: unknown): CellValue =>
  v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v);

/** The grid as it is shown: displayed columns in their order, rows after filter and sort. */
export function gridSheet<T>(api: GridApi<T>, name: string): Sheet {
  const cols = api.getAllDisplayedColumns();
  const raw: unknown[][] = cols.map(() => []);
  const shown: (string | null)[][] = cols.map(() => []);
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.group) return;
    cols.forEach((col, i) => {
      raw[i].push(api.getCellValue({ rowNode: node, colKey: col }));
      const f = api.getCellValue({ rowNode: node, colKey: col, useFormatter: true });
      shown[i].push(f === null || f === undefined ? null : String(f));
    });
  });
  const columns: SheetColumn[] = cols.map((col, i) => ({
    key: `c${i}`,
    header: api.getDisplayNameForColumn(col, 'csv') || col.getColId(),
    ...inferKind(raw[i], shown[i]),
  }));
  const n = raw[0]?.length ?? 0;
  const rows: SheetRow[] = [];
  for (let r = 0; r < n; r++) {
    const row: SheetRow = {};
    columns.forEach((c, i) => {
      const v = raw[i][r];
      // text columns keep what the grid prints (a formatter may turn a code into a name)
      row[c.key] = c.kind === 'text' ? (shown[i][r] ?? plain(v)) : plain(v);
    });
    rows.push(row);
  }
  return { name, columns, rows };
}

export const exportFileName = (id: string, ext: 'csv' | 'xlsx', now = new Date()): string =>
  `${id}-${now.toISOString().slice(0, 10)}.${ext}`;
