import { create } from 'zustand';
import { call } from '../../api/client';
import type { ReportFormat, ReportKind } from '../../../src-shared/contract/reports';
import { base64Bytes, saveBytes } from '../../ui/download';
import { useToasts } from './toasts';

/** The tables a CSV of each report can hold (ids of src-main/features/reports/tables.ts). */
export const REPORT_TABLES: Record<ReportKind, { id: string; label: string }[]> = {
  daily: [
    { id: 'picks', label: 'Picks du Jour' },
    { id: 'traps', label: 'Traps' },
    { id: 'settlements', label: 'Yesterday’s settlements' },
    { id: 'combos', label: 'Combos' },
    { id: 'by_day', label: 'By day, to date' },
  ],
  performance: [
    { id: 'picks', label: 'Every pick' },
    { id: 'by_month', label: 'By month' },
    { id: 'by_market', label: 'By market' },
    { id: 'by_source', label: 'By engine or agent' },
    { id: 'by_league', label: 'By league' },
    { id: 'by_bookmaker', label: 'By bookmaker' },
    { id: 'clv_buckets', label: 'CLV quintiles' },
    { id: 'combos', label: 'Combos' },
    { id: 'by_day', label: 'By day' },
  ],
};

const today = (): string => new Date().toLocaleDateString('sv-SE');
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toLocaleDateString('sv-SE');

export interface ReportForm {
  kind: ReportKind;
  date: string;
  from: string;
  to: string;
  format: ReportFormat;
  table: string;
  /** Whose picks and bets: this desk's (the default) or the team's. */
  desk: 'mine' | 'team';
}

interface ReportsState {
  open: boolean;
  form: ReportForm;
  running: boolean;
  error: string | null;
  show(kind?: ReportKind): void;
  hide(): void;
  edit(patch: Partial<ReportForm>): void;
  generate(): Promise<void>;
}

/** The "Reports" dialog: which report, then the file as a download (a save dialog in the desktop app). */
export const useReports = create<ReportsState>()((set, get) => ({
  open: false,
  form: { kind: 'daily', date: today(), from: daysAgo(30), to: today(), format: 'pdf', table: 'picks', desk: 'mine' },
  running: false,
  error: null,
  show(kind) {
    set((s) => ({ open: true, error: null, form: kind ? { ...s.form, kind } : s.form }));
  },
  hide() {
    set({ open: false });
  },
  edit(patch) {
    set((s) => ({ form: { ...s.form, ...patch }, error: null }));
  },
  async generate() {
    const f = get().form;
    set({ running: true, error: null });
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
      const table = f.format === 'csv' ? f.table : undefined;
      const file = await call(
        'reports.generate',
        f.kind === 'daily'
          ? { kind: 'daily', date: f.date, format: f.format, timeZone, table, desk: f.desk }
          : { kind: 'performance', from: f.from, to: f.to, format: f.format, timeZone, table, desk: f.desk },
      );
      saveBytes(base64Bytes(file.contentBase64), file.fileName, file.mimeType);
      useToasts.getState().push({
        kind: 'info',
        title: 'Report ready',
        message: `${file.fileName}${file.pages ? ` · ${file.pages} pages` : ''} · ${Math.ceil(file.bytes / 1024)} KB`,
      });
      set({ running: false, open: false });
    } catch (err) {
      set({ running: false, error: err instanceof Error ? err.message : String(err) });
    }
  },
}));
