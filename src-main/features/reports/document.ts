// A report as data, before any format: what the PDF, XLSX and CSV writers each render their own way.
import type { ReportKind } from '../../../src-shared/contract/reports';
import type { SheetColumn, SheetRow } from '../../../src-shared/sheets/sheet';

export interface ReportColumn extends SheetColumn {
  /** Percentages and money shown with their sign (+3.1%). */
  signed?: boolean;
  /** PDF: relative width of the column (default 1). */
  weight?: number;
  /** PDF: shown on a line of its own under the row (reasons, warnings) instead of as a column. */
  detail?: 'note' | 'warning';
}

export interface ReportTable {
  /** Stable id (CSV --table, XLSX sheet order). */
  id: string;
  title: string;
  /** One line under the title: what the rows are. */
  description: string;
  columns: ReportColumn[];
  rows: SheetRow[];
  /** Said instead of an empty table. */
  emptyText: string;
  /** PDF: at most this many rows (the rest is in the XLSX and CSV, and the PDF says so). */
  pdfLimit?: number;
}

export interface Kpi {
  label: string;
  value: string;
  /** The seed's target, when there is one ("> 2%"). */
  target: string | null;
  /** Against the target: met, missed, or nothing to compare. */
  status: 'met' | 'missed' | 'none';
}

/** An ECharts option (plain data) drawn to SVG on the server for the PDF. */
export interface ReportChart {
  id: string;
  title: string;
  option: Record<string, unknown>;
}

export interface ReportDoc {
  kind: ReportKind;
  title: string;
  subtitle: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  dataAsOf: string | null;
  kpis: Kpi[];
  charts: ReportChart[];
  tables: ReportTable[];
  /** The table a CSV holds when none is named. */
  mainTable: string;
  notes: string[];
}
