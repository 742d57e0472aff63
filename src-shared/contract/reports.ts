import { z } from 'zod';
import { method } from './define';
import { isTimeZone } from '../domain/zoned-time';
import { isDay, MAX_YEAR, MIN_YEAR } from './dates';

// Reports (SPEC 8): the daily report (the day's picks with reasons and warnings, traps on the day's
// fixtures, yesterday's settlements, CLV and ROI to date with their charts) and the performance report
// of a date range, as PDF, XLSX or CSV (one table of the report).

const timeZone = z.string().min(1).refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris or UTC');

export const reportFormat = z.enum(['pdf', 'xlsx', 'csv']);
export type ReportFormat = z.infer<typeof reportFormat>;
export const reportKind = z.enum(['daily', 'performance']);
export type ReportKind = z.infer<typeof reportKind>;

/** Longest performance range (about ten years): longer is surely a typo. */
export const MAX_RANGE_DAYS = 3660;

// The shared calendar rule; the message leaves the field out (the CLI puts its --flag before it).
const day = z.string().refine(isDay, `must be a calendar date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}`);

const common = {
  format: reportFormat,
  /** The zone whose calendar days the dates name (the analyst's own). */
  timeZone: timeZone.default('UTC'),
  /** CSV: which table of the report (its id, e.g. 'picks'); the report's main table by default. */
  table: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,40}$/, 'must be a table id such as picks or traps')
    .optional(),
  /** Whose picks, bets and combos (issue 18, a team on one database): 'mine' (the default: a report of
   * the analyst's own stakes and results) this desk's and those from before desks had identities;
   * 'team' every desk's. The report's header says which. */
  desk: z.enum(['mine', 'team']).default('mine'),
};

export const reportRequest = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('daily'), date: day, ...common }).strict(),
    z.object({ kind: z.literal('performance'), from: day, to: day, ...common }).strict(),
  ])
  .superRefine((r, ctx) => {
    if (r.kind !== 'performance') return;
    if (r.from > r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `ends (${r.to}) before it starts (${r.from})` });
    else if ((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 > MAX_RANGE_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the range is longer than ${MAX_RANGE_DAYS} days` });
  });
export type ReportRequest = z.output<typeof reportRequest>;
export type ReportRequestInput = z.input<typeof reportRequest>;

/** What a report holds, for a caller that shows or logs it (and for --json). */
export const reportSummary = z.object({
  kind: reportKind,
  title: z.string(),
  /** Local calendar days covered, in `timeZone`. */
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  generatedAt: z.string(),
  /** When the cache last received data from the source (null: never synced). */
  dataAsOf: z.string().nullable(),
  kpis: z.array(z.object({ label: z.string(), value: z.string(), target: z.string().nullable() })),
  tables: z.array(z.object({ id: z.string(), title: z.string(), rows: z.number().int().nonnegative() })),
  charts: z.array(z.string()),
  notes: z.array(z.string()),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  bytes: z.number().int().nonnegative(),
  /** The file itself (a browser download, or a save dialog in the desktop app). */
  contentBase64: z.string(),
  /** PDF: pages written. */
  pages: z.number().int().positive().nullable(),
  summary: reportSummary,
});
export type ReportFile = z.infer<typeof reportFile>;

export const reportsMethods = {
  'reports.generate': method({
    summary: 'Build a daily or performance report as PDF, XLSX or CSV (a worker job with progress); answers the file',
    input: reportRequest,
    output: reportFile,
    job: true,
  }),
};
