// From a request to a rendered report: read the cache, compute, render. Used by the worker job
// (desktop, browser) and in-process by `monps report`.
import type { ReportRequest, ReportSummary } from '../../../src-shared/contract/reports';
import type { Cache } from '../../platform/cache/open';
import { throwIfCancelled } from '../../platform/jobs/define';
import { buildDailyReport } from './daily';
import type { ReportDoc } from './document';
import { buildPerformanceReport } from './performance';
import { renderReport, type RenderedReport } from './render';

export interface GenerateContext {
  signal: AbortSignal;
  progress(fraction: number, message: string): void;
  now?: Date;
}

export function buildReportDoc(db: Cache, req: ReportRequest, now = new Date()): ReportDoc {
  return req.kind === 'daily'
    ? buildDailyReport(db, { date: req.date, timeZone: req.timeZone, desk: req.desk }, now)
    : buildPerformanceReport(db, { from: req.from, to: req.to, timeZone: req.timeZone, desk: req.desk }, now);
}

export function summaryOf(r: ReportDoc): ReportSummary {
  return {
    kind: r.kind,
    title: r.title,
    from: r.from,
    to: r.to,
    timeZone: r.timeZone,
    generatedAt: r.generatedAt,
    dataAsOf: r.dataAsOf,
    kpis: r.kpis.map((k) => ({ label: k.label, value: k.value, target: k.target })),
    tables: r.tables.map((t) => ({ id: t.id, title: t.title, rows: t.rows.length })),
    charts: r.charts.map((c) => c.title),
    notes: r.notes,
  };
}

export async function generateReport(
  db: Cache,
  req: ReportRequest,
  ctx: GenerateContext,
): Promise<{ doc: ReportDoc; file: RenderedReport }> {
  ctx.progress(0.05, 'reading the cache');
  const doc = buildReportDoc(db, req, ctx.now);
  throwIfCancelled(ctx.signal);
  ctx.progress(0.4, `writing the ${req.format.toUpperCase()}`);
  const file = await renderReport(doc, req.format, req.table, (m) => {
    throwIfCancelled(ctx.signal);
    ctx.progress(0.6, m);
  });
  throwIfCancelled(ctx.signal);
  ctx.progress(1, `${file.fileName}: ${file.bytes.length} bytes`);
  return { doc, file };
}
