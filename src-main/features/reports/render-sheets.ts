// The report as spreadsheets: XLSX (a Summary sheet, then one sheet per table) and CSV (one table).
import { ContractError } from '../../../src-shared/contract/errors';
import { toCsv } from '../../../src-shared/sheets/csv';
import type { Sheet, SheetColumn } from '../../../src-shared/sheets/sheet';
import { writeXlsx } from '../../../src-shared/sheets/xlsx';
import type { ReportDoc, ReportTable } from './document';

const plainColumns = (t: ReportTable): SheetColumn[] =>
  t.columns.map(({ key, header, kind, decimals, width }) => ({ key, header, kind, decimals, width }));

export const tableSheet = (t: ReportTable): Sheet => ({ name: t.title, columns: plainColumns(t), rows: t.rows });

/** KPIs, period and notes as a two-column sheet. */
export function summarySheet(r: ReportDoc): Sheet {
  const rows = [
    { item: 'Report', value: r.title, target: null, status: null },
    { item: 'Period', value: r.from === r.to ? r.from : `${r.from} to ${r.to}`, target: null, status: null },
    { item: 'Time zone', value: r.timeZone, target: null, status: null },
    { item: 'Generated at', value: r.generatedAt, target: null, status: null },
    { item: 'Data as of', value: r.dataAsOf ?? 'never synced', target: null, status: null },
    ...r.kpis.map((k) => ({ item: k.label, value: k.value, target: k.target, status: k.status === 'none' ? null : k.status })),
    ...r.notes.map((n, i) => ({ item: `Note ${i + 1}`, value: n, target: null, status: null })),
  ];
  return {
    name: 'Summary',
    columns: [
      { key: 'item', header: 'Item', kind: 'text', width: 30 },
      { key: 'value', header: 'Value', kind: 'text', width: 70 },
      { key: 'target', header: 'Target', kind: 'text', width: 16 },
      { key: 'status', header: 'Against target', kind: 'text', width: 14 },
    ],
    rows,
  };
}

export function renderXlsx(r: ReportDoc): Promise<Uint8Array> {
  return writeXlsx([summarySheet(r), ...r.tables.map(tableSheet)], {
    timeZone: r.timeZone,
    title: r.title,
    created: new Date(r.generatedAt),
  });
}

/** One table of the report (`table` id, else the report's main table) as CSV. */
export function renderCsv(r: ReportDoc, table?: string): { text: string; table: ReportTable } {
  const id = table ?? r.mainTable;
  const t = r.tables.find((x) => x.id === id);
  if (!t)
    throw new ContractError(
      'VALIDATION',
      `the ${r.kind} report has no table '${id}': choose one of ${r.tables.map((x) => x.id).join(', ')}`,
      {
        path: ['table'],
      },
    );
  return { text: toCsv(tableSheet(t), { timeZone: r.timeZone }), table: t };
}
