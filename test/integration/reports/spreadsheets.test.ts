import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportJob } from '../../../src-main/features/reports';
import type { ReportRequestInput } from '../../../src-shared/contract/reports';
import { zonedDayRange, zonedDayStart } from '../../../src-shared/domain/zoned-time';
import { jobContext, runJob } from '../../support/jobs';
import { buildReportCache, type FixturePick, type ReportFixture } from '../../support/report-cache';
import { paidProfit } from './support';

// The XLSX read back and compared cell by cell with the rows it came from; the CSV likewise.
const TZ = 'Europe/Paris';
let dir: string;
let cacheFile: string;
let fixture: ReportFixture;

const generate = (req: ReportRequestInput) => runJob(reportJob, req, jobContext(cacheFile));

async function workbook(req: ReportRequestInput): Promise<ExcelJS.Workbook> {
  const file = await generate(req);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** A sheet as header → value records, after checking its header row is frozen. */
function records(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.getRow(1).font?.bold).toBe(true);
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  }
  return out;
}

const column = (ws: ExcelJS.Worksheet, header: string): ExcelJS.Column => {
  const i = (ws.getRow(1).values as ExcelJS.CellValue[]).indexOf(header);
  expect(i, header).toBeGreaterThan(0);
  return ws.getColumn(i);
};

/** The wall time in Paris of an instant, as the Date a spreadsheet cell holds. */
const parisWall = (iso: string): Date => {
  const ms = Date.parse(iso);
  const local = new Date(ms).toLocaleString('sv-SE', { timeZone: TZ }).replace(' ', 'T');
  return new Date(`${local}Z`);
};

const selectionOf = (p: FixturePick): string => {
  const s = p.selection.charAt(0).toUpperCase() + p.selection.slice(1);
  return p.line === null ? s : `${s} ${p.market === 'spreads' && p.line > 0 ? '+' : ''}${p.line}`;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-report-sheets-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  const made = buildReportCache(cacheFile, { reasons: true });
  made.db.close();
  fixture = made.fixture;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('daily report as XLSX', () => {
  it('has a Summary sheet and one sheet per table, in order', async () => {
    const wb = await workbook({ kind: 'daily', date: fixture.day, format: 'xlsx', timeZone: TZ });
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Picks du Jour',
      'Traps on the day’s fixtures',
      'Yesterday’s settlements',
      'Scorer specials and combos',
      'Settled bets by day, to date',
    ]);
    const summary = records(wb.getWorksheet('Summary')!);
    expect(summary.find((r) => r.Item === 'Time zone')?.Value).toBe(TZ);
    expect(summary.find((r) => r.Item === 'Mean CLV to date')?.Target).toBe('> 2%');
  });

  it('holds every pick of the day, cell by cell, with typed cells and number formats', async () => {
    const wb = await workbook({ kind: 'daily', date: fixture.day, format: 'xlsx', timeZone: TZ });
    const ws = wb.getWorksheet('Picks du Jour')!;
    const day = zonedDayRange(fixture.day, TZ);
    const expected = fixture.picks.filter((p) => p.kickoff >= day.start && p.kickoff < day.end);
    const rows = records(ws);
    expect(rows.length).toBe(expected.length);
    const byId = new Map(rows.map((r) => [r.Pick, r]));
    for (const p of expected) {
      const r = byId.get(p.pickId)!;
      const m = fixture.matches.get(p.matchId)!;
      expect(r['Kick-off']).toEqual(parisWall(p.kickoff));
      expect(r.League).toBe(m.league === 'E0' ? 'Premier League' : 'La Liga');
      expect(r.Match).toBe(`${fixture.teams.get(m.home)} v ${fixture.teams.get(m.away)}`);
      expect(r.Market).toBe(p.market);
      expect(r.Selection).toBe(selectionOf(p));
      expect(r.Book).toBe(p.bookmaker);
      expect(r.Odds).toBe(p.odds);
      expect(r.Fair).toBe(p.fairOdds);
      expect(r.Edge as number).toBeCloseTo(p.odds / p.fairOdds - 1, 12);
      expect(r['Conf.']).toBe(p.confidence);
      expect(r.Stake).toBe(p.stake);
      expect(r.Source).toBe(p.source);
      expect(r.CLV).toBeNull();
      expect(r.Result).toBe('pending');
      expect(r.Reasons).toBe(p.reasons.join(' · '));
      const trap = fixture.traps.find((t) => t.matchId === p.matchId && t.market === p.market && t.selection === p.selection);
      const warnings = [...p.warnings, ...(trap ? [expect.stringContaining(trap.explanation)] : [])];
      if (warnings.length === 0) expect(r.Warnings).toBeNull();
      else for (const w of warnings) expect(r.Warnings).toEqual(expect.stringContaining(typeof w === 'string' ? w : trap!.explanation));
    }
    expect(typeof rows[0].Odds).toBe('number');
    expect(rows[0]['Kick-off']).toBeInstanceOf(Date);
    expect(column(ws, 'Odds').numFmt).toBe('0.00');
    expect(column(ws, 'Edge').numFmt).toBe('0.0%');
    expect(column(ws, 'Stake').numFmt).toBe('#,##0.00;[Red]-#,##0.00');
    expect(column(ws, 'Kick-off').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.autoFilter).toBeTruthy();
  });

  it('holds yesterday’s settlements with the profit each pick paid and its CLV', async () => {
    const wb = await workbook({ kind: 'daily', date: fixture.day, format: 'xlsx', timeZone: TZ });
    const rows = records(wb.getWorksheet('Yesterday’s settlements')!);
    const y = zonedDayRange('2026-11-24', TZ);
    const expected = fixture.picks.filter((p) => p.kickoff >= y.start && p.kickoff < y.end);
    expect(rows.map((r) => r.Pick).sort()).toEqual(expected.map((p) => p.pickId).sort());
    rows.forEach((r) => {
      const p = expected.find((x) => x.pickId === r.Pick)!;
      expect(r.Odds).toBe(p.odds);
      expect(r.Result).toBe(p.result);
      expect(r.Profit as number).toBeCloseTo(paidProfit(p), 12);
      if (p.clv === null) expect(r.CLV).toBeNull();
      else expect(r.CLV as number).toBeCloseTo(p.clv, 12);
      const m = fixture.matches.get(p.matchId)!;
      expect(r.Score).toBe(`${m.homeGoals}-${m.awayGoals}`);
    });
  });
});

describe('performance report as XLSX and CSV', () => {
  const from = '2026-10-01';
  const to = '2026-10-31';
  const inRange = (): FixturePick[] => {
    const start = new Date(zonedDayStart(from, TZ)).toISOString();
    const end = new Date(zonedDayStart('2026-11-01', TZ)).toISOString();
    return fixture.picks.filter((p) => p.kickoff >= start && p.kickoff < end);
  };

  it('lists every pick of the range and sums them by month and by market as recomputed here', async () => {
    const wb = await workbook({ kind: 'performance', from, to, format: 'xlsx', timeZone: TZ });
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'By month',
      'By market',
      'By engine or agent',
      'By league',
      'By bookmaker',
      'CLV quintiles vs realised ROI',
      'Every pick of the period',
      'Scorer specials and combos',
      'Settled bets by day',
    ]);
    const picks = records(wb.getWorksheet('Every pick of the period')!);
    const expected = inRange();
    expect(picks.map((r) => r.Pick).sort()).toEqual(expected.map((p) => p.pickId).sort());
    const byId = new Map(picks.map((r) => [r.Pick, r]));
    for (const p of expected) {
      const r = byId.get(p.pickId)!;
      expect(r.Odds).toBe(p.odds);
      expect(r.Result).toBe(p.result);
      expect(r.Profit as number).toBeCloseTo(paidProfit(p), 12);
    }
    const settled = expected.filter((p) => p.stake > 0);
    const month = records(wb.getWorksheet('By month')!);
    expect(month).toHaveLength(1);
    expect(month[0].Month).toBe('2026-10');
    expect(month[0].Bets).toBe(settled.length);
    expect(month[0].Staked as number).toBeCloseTo(
      settled.reduce((s, p) => s + p.stake, 0),
      9,
    );
    expect(month[0].Profit as number).toBeCloseTo(
      settled.reduce((s, p) => s + paidProfit(p), 0),
      9,
    );
    const markets = records(wb.getWorksheet('By market')!);
    for (const mk of ['1x2', 'totals', 'spreads']) {
      const bets = settled.filter((p) => p.market === mk);
      const r = markets.find((x) => x.Market === mk)!;
      expect(r.Bets).toBe(bets.length);
      expect(r.ROI as number).toBeCloseTo(bets.reduce((s, p) => s + paidProfit(p), 0) / bets.reduce((s, p) => s + p.stake, 0), 12);
    }
    const quintiles = records(wb.getWorksheet('CLV quintiles vs realised ROI')!);
    expect(quintiles.map((q) => q.Quintile)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
    expect(quintiles.reduce((s, q) => s + (q.Bets as number), 0)).toBe(settled.filter((p) => p.clv !== null).length);
  });

  it('writes the picks of the range as CSV (RFC 4180, numbers in full) and any other table on request', async () => {
    const file = await generate({ kind: 'performance', from, to, format: 'csv', timeZone: TZ });
    expect(file.fileName).toBe(`monps-performance-${from}_${to}-picks.csv`);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
    const expected = inRange();
    expect(rows.length).toBe(expected.length);
    const byId = new Map(rows.map((r) => [r.Pick, r]));
    for (const p of expected) {
      const r = byId.get(p.pickId)!;
      expect(Number(r.Odds)).toBe(p.odds);
      expect(Number(r.Stake)).toBe(p.stake);
      expect(r['Kick-off']).toMatch(/^2026-10-\d\dT\d\d:\d\d\+0[12]:00$/);
      expect(Date.parse(r['Kick-off'])).toBe(Date.parse(p.kickoff));
      if (p.clv === null) expect(r.CLV).toBe('');
      else expect(Number(r.CLV)).toBeCloseTo(p.clv, 14);
    }
    const traps = await generate({ kind: 'daily', date: fixture.day, format: 'csv', table: 'traps', timeZone: TZ });
    const trapRows = parseCsv(Buffer.from(traps.contentBase64, 'base64').toString('utf8'), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(trapRows.map((r) => r.Explanation).sort()).toEqual(fixture.traps.map((t) => t.explanation).sort());
  });

  it('refuses a table the report does not have, naming the ones it has', async () => {
    await expect(generate({ kind: 'daily', date: fixture.day, format: 'csv', table: 'nope', timeZone: TZ })).rejects.toThrow(
      /no table 'nope': choose one of picks, traps, settlements, combos, by_day/,
    );
  });
});
