// `npm run bench -- report [--runs 5] [--days 365]`: the daily report of a full fixture day (300
// matches, 30 picks — CONSEIL's target is 20–30 —, 10 traps) with a year of settled history behind
// it (~11 000 picks for ROI and CLV to date), as PDF and as XLSX, from a real SQLite cache.
// Target: under 2 s. Baseline measured in the same run: the same rows read by the same queries and
// written as plain CSV text (no figures, no charts, no layout) — the ratio is what the report costs on top.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReport } from '../../src-main/features/reports';
import { picksOnFixtures, settledPicks, trapsOnFixtures } from '../../src-main/features/reports/queries';
import { openCache } from '../../src-main/platform/cache/open';
import { reportRequest } from '../../src-shared/contract/reports';
import { addDays, zonedDayRange } from '../../src-shared/domain/zoned-time';
import { buildReportCache } from '../support/report-cache';
import { median, report } from './report';

function arg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

function plainCsv(rows: readonly object[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]);
  return [keys.join(','), ...rows.map((r) => keys.map((k) => JSON.stringify((r as Record<string, unknown>)[k] ?? '')).join(','))].join(
    '\n',
  );
}

export default async function bench(argv: string[]): Promise<void> {
  const runs = arg(argv, 'runs', 5);
  const days = arg(argv, 'days', 365);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-bench-report-'));
  try {
    const file = path.join(dir, 'cache.sqlite');
    const t0 = performance.now();
    const made = buildReportCache(file, { days, matchesPerDay: 300, picksPerDay: 30, traps: 10 });
    made.db.close();
    const day = made.fixture.day;
    report({
      bench: 'report',
      metric: 'fixture',
      value: (performance.now() - t0) / 1000,
      unit: 's',
      picks: made.fixture.picks.length,
      matchesPerDay: 300,
    });

    const db = openCache(file, { readonly: true, migrate: false });
    const ctx = { signal: new AbortController().signal, progress: () => {} };
    const tz = 'Europe/Paris';
    const baseline = (): number => {
      const t = performance.now();
      const d = zonedDayRange(day, tz);
      const y = zonedDayRange(addDays(day, -1), tz);
      const text = [
        plainCsv(picksOnFixtures(db, d.start, d.end)),
        plainCsv(trapsOnFixtures(db, d.start, d.end)),
        plainCsv(picksOnFixtures(db, y.start, y.end)),
        plainCsv(settledPicks(db, d.end)),
      ].join('\n');
      if (text.length === 0) throw new Error('baseline wrote nothing');
      return performance.now() - t;
    };
    for (const format of ['pdf', 'xlsx'] as const) {
      const req = reportRequest.parse({ kind: 'daily', date: day, format, timeZone: tz });
      const first = performance.now();
      const out = await generateReport(db, req, ctx);
      const firstMs = performance.now() - first;
      const times: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < runs; i++) {
        base.push(baseline());
        const t = performance.now();
        await generateReport(db, req, ctx);
        times.push(performance.now() - t);
      }
      const m = median(times);
      const b = median(base);
      report({
        bench: 'report',
        metric: `daily-${format}`,
        value: m / 1000,
        unit: 's',
        baseline: b / 1000,
        ratio: m / b,
        target: '< 2 s',
        firstRun: firstMs / 1000,
        bytes: out.file.bytes.length,
        pages: out.file.pages,
        picksToDate: out.doc.tables.find((t) => t.id === 'by_day')?.rows.length,
      });
    }
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
