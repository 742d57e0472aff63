// Reports count settled combos (issue 18): the daily report's "Yesterday" line and its ledger to date,
// and the performance report's ledger, each change by exactly the profit of a settled combo, and
// nothing else moves (a combo is one bet; its legs are not picks). Built on the report fixture's
// cache, where combo C3 (stake 1, +4.2) settled on the day before the report day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportDoc, type ReportDoc } from '../../../src-main/features/reports';
import type { Cache } from '../../../src-main/platform/cache/open';
import { reportRequest } from '../../../src-shared/contract/reports';
import { addDays } from '../../../src-shared/domain/zoned-time';
import { buildReportCache, type ReportFixture } from '../../support/report-cache';

let dir: string;
let db: Cache;
let fixture: ReportFixture;
const NOW = new Date('2026-12-07T08:00:00Z');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-report-combos-'));
  ({ db, fixture } = buildReportCache(path.join(dir, 'cache.sqlite')));
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const kpi = (doc: ReportDoc, label: string): string => doc.kpis.find((k) => k.label === label)!.value as string;
/** The first "±x.xx u" of a KPI's text, as a number. */
const units = (text: string): number => {
  const m = /([+\u2212-]?)(\d+\.\d\d) u/.exec(text);
  if (!m) throw new Error(`no units in '${text}'`);
  return (m[1] === '' || m[1] === '+' ? 1 : -1) * Number(m[2]);
};
const lastCumulative = (doc: ReportDoc): number => {
  const rows = doc.tables.find((t) => t.id === 'by_day')!.rows;
  return rows.at(-1)!.cumulativeProfit as number;
};

/** The same report with the settled combo C3 taken out (put back after). */
function withoutC3(build: () => ReportDoc): ReportDoc {
  const row = db.prepare("SELECT * FROM fg_combo_tracking WHERE combo_id = 'C3'").get() as Record<string, unknown>;
  db.prepare("DELETE FROM fg_combo_tracking WHERE combo_id = 'C3'").run();
  try {
    return build();
  } finally {
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO fg_combo_tracking (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
  }
}

describe('reports count settled combos', () => {
  it('the daily report: yesterday and to date move by the combo’s exact profit, one more bet', () => {
    const c3 = fixture.combos.find((c) => c.comboId === 'C3')!;
    expect(c3).toMatchObject({ result: 'won', profit: 4.2 });
    const daily = () => buildReportDoc(db, reportRequest.parse({ kind: 'daily', date: fixture.day, timeZone: 'UTC', format: 'pdf' }), NOW);
    const withIt = daily();
    const without = withoutC3(daily);
    expect(units(kpi(withIt, 'Yesterday')) - units(kpi(without, 'Yesterday'))).toBeCloseTo(4.2, 9);
    const wins = (d: ReportDoc) => Number(/(\d+)W/.exec(kpi(d, 'Yesterday'))![1]);
    expect(wins(withIt)).toBe(wins(without) + 1);
    expect(units(kpi(withIt, 'Profit to date')) - units(kpi(without, 'Profit to date'))).toBeCloseTo(4.2, 9);
    expect(lastCumulative(withIt) - lastCumulative(without)).toBeCloseTo(4.2, 12);
    expect(kpi(withIt, 'ROI to date')).toMatch(/· \d+ bets/);
    const bets = (d: ReportDoc) => Number(/· (\d+) bets/.exec(kpi(d, 'ROI to date'))![1]);
    expect(bets(withIt)).toBe(bets(without) + 1);
    expect(withIt.notes.join(' ')).toContain("1 settled combo count in profit and ROI as one bet each (market 'combo')");
    // the day's pending combos (C1, C2) change nothing of the ledger
    expect(kpi(withIt, 'Mean CLV to date')).toBe(kpi(without, 'Mean CLV to date'));
  });

  it('the performance report: profit, the by-market row "combo" and the bet count', () => {
    const from = addDays(fixture.day, -3);
    const perf = () =>
      buildReportDoc(db, reportRequest.parse({ kind: 'performance', from, to: fixture.day, timeZone: 'UTC', format: 'xlsx' }), NOW);
    const withIt = perf();
    const without = withoutC3(perf);
    expect(units(kpi(withIt, 'Profit')) - units(kpi(without, 'Profit'))).toBeCloseTo(4.2, 9);
    const byMarket = withIt.tables.find((t) => t.id === 'by_market')!.rows;
    expect(byMarket.find((r) => r.group === 'combo')).toMatchObject({ bets: 1, staked: 1, profit: 4.2 });
    expect(without.tables.find((t) => t.id === 'by_market')!.rows.map((r) => r.group)).not.toContain('combo');
    expect(kpi(withIt, 'Picks')).toContain('1 settled combos');
  });
});
