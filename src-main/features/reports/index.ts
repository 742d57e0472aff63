// Reports: the daily report and the performance report of a date range, from the cache's mirrors of
// the tracking, trap and match tables, as PDF (charts drawn server-side), XLSX or CSV.
export { reportsJobs, reportJob } from './jobs';
export { reportsHandlers } from './handlers';
export { generateReport, buildReportDoc, summaryOf } from './generate';
export { assertWritable, notAFileReason, unwritableReason, writeFileAtomic } from './output';
export { activeTrapCount, trapCountJob } from './traps-now';
export type { ReportDoc, ReportTable } from './document';
