import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportJob } from '../../../src-main/features/reports';
import type { ReportFile } from '../../../src-shared/contract/reports';
import { zonedDayRange } from '../../../src-shared/domain/zoned-time';
import { jobContext, runJob } from '../../support/jobs';
import { countColour, inkShare } from '../../support/png';
import { buildReportCache, type ReportFixture } from '../../support/report-cache';
import { ledgerOf, pdfPages, pdfText, printedPct } from './support';

// The daily report of a fixture day, run as the worker runs the job, then read back as a person
// would: its text, its pages as images, its charts' colours.
const TZ = 'Europe/Paris';
let dir: string;
let fixture: ReportFixture;
let report: ReportFile;
let pdf: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-report-daily-'));
  const cacheFile = path.join(dir, 'cache.sqlite');
  const made = buildReportCache(cacheFile, { reasons: true });
  made.db.close();
  fixture = made.fixture;
  report = await runJob(reportJob, { kind: 'daily', date: fixture.day, format: 'pdf', timeZone: TZ }, jobContext(cacheFile));
  pdf = path.join(dir, report.fileName);
  fs.writeFileSync(pdf, Buffer.from(report.contentBase64, 'base64'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('daily report as PDF', () => {
  it('is a PDF with the pages it says, each with something printed on it, numbered', () => {
    expect(report.fileName).toBe(`monps-daily-${fixture.day}.pdf`);
    expect(report.mimeType).toBe('application/pdf');
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const { files, images } = pdfPages(pdf, 'report-daily');
    expect(files.length).toBe(report.pages);
    expect(report.pages).toBeGreaterThanOrEqual(2);
    for (const [i, img] of images.entries()) {
      expect(img.width).toBeGreaterThan(img.height); // landscape A4
      expect(inkShare(img), `page ${i + 1}`).toBeGreaterThan(0.01);
      expect(pdfText(pdf, i + 1)).toContain(`page ${i + 1} of ${report.pages}`);
    }
  });

  it('draws the profit and CLV charts on the first page, in their colours', () => {
    const [first] = pdfPages(pdf, 'report-daily').images;
    const charts = { x0: 0.03, y0: 0.33, x1: 0.97, y1: 0.7 };
    const blue = countColour(first, '#2f6fb2', charts, 30); // the cumulative profit and running CLV lines
    const green = countColour(first, '#2e8b57', charts, 30); // days in profit, days beating the close
    expect(blue).toBeGreaterThan(300);
    expect(green).toBeGreaterThan(300);
    // outside the chart band (title, tiles) the chart colours hardly appear
    expect(countColour(first, '#2e8b57', { x0: 0, y0: 0, x1: 1, y1: 0.12 }, 30)).toBeLessThan(50);
    const text = pdfText(pdf, 1);
    expect(text).toContain('Cumulative profit to date (units)');
    expect(text).toContain('Closing line value to date (%)');
  });

  it('prints the title, the period and when the data is from', () => {
    const text = pdfText(pdf);
    expect(text).toContain(`Daily report — ${fixture.day}`);
    expect(text).toContain(`(${TZ})`);
    expect(text).toContain('data as of 2026-11-25 08:00'); // 07:00 UTC in Paris
  });

  it('lists every pick of the day with its reasons and warnings, and a trap on a picked selection', () => {
    const text = pdfText(pdf);
    const day = zonedDayRange(fixture.day, TZ);
    const todays = fixture.picks.filter((p) => p.kickoff >= day.start && p.kickoff < day.end);
    expect(todays.length).toBeGreaterThan(0);
    for (const p of todays) {
      const m = fixture.matches.get(p.matchId)!;
      expect(text).toContain(`${fixture.teams.get(m.home)} v ${fixture.teams.get(m.away)}`);
      expect(text).toContain(p.odds.toFixed(2));
      for (const r of p.reasons) expect(text).toContain(r);
      for (const w of p.warnings) expect(text).toContain(w);
    }
    expect(text).toMatch(/Warnings: TRAP high \(inflated favourite\): price 1 ticks above the sharp book/);
  });

  it('shows the traps on the day’s fixtures and yesterday’s settlements', () => {
    const text = pdfText(pdf);
    for (const t of fixture.traps) expect(text).toContain(t.explanation);
    const y = zonedDayRange('2026-11-24', TZ);
    const yesterday = fixture.picks.filter((p) => p.kickoff >= y.start && p.kickoff < y.end);
    for (const p of yesterday) expect(text).toContain(p.result!);
    expect(text).toContain('Scorer specials and combos');
  });

  it('states ROI and mean CLV to date as recomputed from the rows it came from', () => {
    const text = pdfText(pdf, 1);
    const end = zonedDayRange(fixture.day, TZ).end;
    const l = ledgerOf(fixture.picks.filter((p) => p.kickoff < end));
    // settled combos are bets too (stake 1 each in the fixture), without a CLV
    const combos = fixture.combos.filter((c) => c.result !== null && c.lastKickoff < end);
    expect(combos).toHaveLength(1);
    const roi = (l.profit + combos.reduce((s, c) => s + c.profit!, 0)) / (l.staked + combos.length);
    expect(text).toContain(`${printedPct(roi)} [`);
    expect(text).toMatch(new RegExp(`· ${l.bets + combos.length}\\s+bets`)); // the tile may wrap before "bets"
    expect(text).toContain(printedPct(l.meanClv, 2));
  });
});
