// One report, one format: the bytes, their name and type.
import type { ReportFormat } from '../../../src-shared/contract/reports';
import { XLSX_MIME } from '../../../src-shared/sheets/xlsx';
import type { ReportDoc } from './document';
import { renderPdf } from './render-pdf';
import { renderCsv, renderXlsx } from './render-sheets';

export interface RenderedReport {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
  pages: number | null;
}

/** monps-daily-2026-11-25.pdf, monps-performance-2026-10-01_2026-10-31.xlsx, monps-daily-2026-11-25-traps.csv */
export function reportFileName(r: ReportDoc, format: ReportFormat, table?: string): string {
  const period = r.from === r.to ? r.from : `${r.from}_${r.to}`;
  const suffix = format === 'csv' ? `-${table ?? r.mainTable}` : '';
  return `monps-${r.kind}-${period}${suffix}.${format}`;
}

export async function renderReport(
  r: ReportDoc,
  format: ReportFormat,
  table: string | undefined,
  onProgress: (message: string) => void = () => {},
): Promise<RenderedReport> {
  if (format === 'pdf') {
    const { bytes, pages } = await renderPdf(r, onProgress);
    return { bytes, fileName: reportFileName(r, format), mimeType: 'application/pdf', pages };
  }
  if (format === 'xlsx') return { bytes: await renderXlsx(r), fileName: reportFileName(r, format), mimeType: XLSX_MIME, pages: null };
  const { text, table: t } = renderCsv(r, table);
  return {
    bytes: new TextEncoder().encode(text),
    fileName: reportFileName(r, format, t.id),
    mimeType: 'text/csv; charset=utf-8',
    pages: null,
  };
}
