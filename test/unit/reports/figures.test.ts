import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakdown,
  chartSeries,
  clvBuckets,
  ledgerBets,
  pickFigures,
  textList,
  type PickFigures,
} from '../../../src-main/features/reports/figures';
import type { PickRow } from '../../../src-main/features/reports/queries';
import { csvCell, defuseFormula, toCsv } from '../../../src-shared/sheets/csv';
import { parse } from 'csv-parse/sync';
import { safeSheetName } from '../../../src-shared/sheets/sheet';

const pick = (over: Partial<PickRow> = {}): PickRow => ({
  pickId: 'p',
  matchId: 1,
  kickoff: '2026-11-25T15:00:00.000Z',
  matchStatus: 'finished',
  league: 'E0',
  home: 'A',
  away: 'B',
  homeGoals: 1,
  awayGoals: 0,
  market: 'spreads',
  line: -0.25,
  selection: 'home',
  bookmaker: 'PS',
  odds: 2,
  fairOdds: 1.9,
  stake: 2,
  confidence: 0.7,
  source: 'conseil',
  pickedAt: '2026-11-25T10:00:00.000Z',
  closingOdds: 1.9,
  closingFairOdds: 1.95,
  closingReference: 'PS',
  clv: null,
  result: 'half_won',
  profit: null,
  settledAt: null,
  reasons: null,
  warnings: null,
  ...over,
});

describe('a pick’s figures', () => {
  it('settles a missing profit from the result, and takes CLV from the de-vigged close when none is stored', () => {
    const f = pickFigures(pick());
    expect(f.profitValue).toBe(1); // half won at 2.00 on 2 units: 2 × (2 − 1) / 2
    expect(f.clvFair).toBeCloseTo(2 / 1.95 - 1, 15);
    expect(f.clvRaw).toBeCloseTo(2 / 1.9 - 1, 15);
    expect(f.edge).toBeCloseTo(2 / 1.9 - 1, 15);
    expect(pickFigures(pick({ result: 'half_lost' })).profitValue).toBe(-1);
    expect(pickFigures(pick({ profit: 0.97 })).profitValue).toBe(0.97); // the engine's own figure wins
    expect(pickFigures(pick({ clv: 0.031 })).clvFair).toBe(0.031);
  });

  it('never turns a missing close into a CLV of 0', () => {
    const f = pickFigures(pick({ closingOdds: null, closingFairOdds: null }));
    expect(f.clvFair).toBeNull();
    expect(f.clvRaw).toBeNull();
    expect(ledgerBets([f])[0].clv).toBeNull();
  });

  it('leaves unsettled and unstaked picks out of the ledger', () => {
    expect(ledgerBets([pickFigures(pick({ result: null })), pickFigures(pick({ stake: 0 }))])).toEqual([]);
  });

  it('reads reasons as a JSON array or as lines of text', () => {
    expect(textList('["edge 4%", "steam"]')).toEqual(['edge 4%', 'steam']);
    expect(textList('edge 4%\n steam \n')).toEqual(['edge 4%', 'steam']);
    expect(textList('[not json')).toEqual(['[not json']);
    expect(textList(null)).toEqual([]);
  });
});

describe('breakdowns and CLV quintiles (properties)', () => {
  const picks = fc.array(
    fc.record({
      market: fc.constantFrom('1x2', 'totals', 'spreads'),
      odds: fc.double({ min: 1.05, max: 15, noNaN: true }),
      stake: fc.double({ min: 0.1, max: 10, noNaN: true }),
      won: fc.boolean(),
      clv: fc.option(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { nil: null }),
    }),
    { minLength: 1, maxLength: 80 },
  );
  const figures = (xs: { market: string; odds: number; stake: number; won: boolean; clv: number | null }[]): PickFigures[] =>
    xs.map((x, i) =>
      pickFigures(
        pick({ pickId: `p${i}`, market: x.market, odds: x.odds, stake: x.stake, result: x.won ? 'won' : 'lost', clv: x.clv, line: null }),
      ),
    );

  it('groups add up to the whole', () => {
    fc.assert(
      fc.property(picks, (xs) => {
        const f = figures(xs);
        const groups = breakdown(f, (p) => p.market);
        const bets = ledgerBets(f);
        expect(groups.reduce((s, g) => s + g.bets, 0)).toBe(bets.length);
        expect(groups.reduce((s, g) => s + g.profit, 0)).toBeCloseTo(
          bets.reduce((s, b) => s + b.profit, 0),
          8,
        );
        expect(groups.reduce((s, g) => s + g.staked, 0)).toBeCloseTo(
          bets.reduce((s, b) => s + b.stake, 0),
          8,
        );
      }),
    );
  });

  it('quintiles are ordered by CLV, nearly equal in size, and hold every bet with a CLV once', () => {
    fc.assert(
      fc.property(picks, (xs) => {
        const bets = ledgerBets(figures(xs));
        const withClv = bets.filter((b) => b.clv !== null).length;
        const q = clvBuckets(bets);
        if (withClv < 10) {
          expect(q).toEqual([]);
          return;
        }
        expect(q.reduce((s, b) => s + b.bets, 0)).toBe(withClv);
        expect(Math.max(...q.map((b) => b.bets)) - Math.min(...q.map((b) => b.bets))).toBeLessThanOrEqual(1);
        for (let k = 1; k < q.length; k++) expect(q[k].low).toBeGreaterThanOrEqual(q[k - 1].high);
      }),
    );
  });
});

describe('CSV and sheet names', () => {
  it('quotes what needs quoting, defuses formulas and reads back as written', () => {
    const sheet = {
      name: 's',
      columns: [
        { key: 't', header: 'Team, "quoted"', kind: 'text' as const },
        { key: 'o', header: 'Odds', kind: 'odds' as const },
        { key: 'k', header: 'Kick-off', kind: 'datetime' as const },
      ],
      rows: [
        { t: 'Brighton & "Hove"\nAlbion', o: 1.1 + 0.2, k: '2026-07-01T18:00:00.000Z' },
        { t: '=HYPERLINK("x")', o: null, k: null },
      ],
    };
    const text = toCsv(sheet, { timeZone: 'Europe/Paris' });
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Team, "quoted"', 'Odds', 'Kick-off']);
    expect(rows[1]).toEqual(['Brighton & "Hove"\nAlbion', String(1.1 + 0.2), '2026-07-01T20:00+02:00']);
    expect(rows[2]).toEqual(['\'=HYPERLINK("x")', '', '']);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(defuseFormula('-2+3')).toBe("'-2+3");
    expect(csvCell(-0.25, { key: 'l', header: 'Line', kind: 'number' })).toBe('-0.25'); // numbers are never defused
  });

  it('makes sheet names Excel accepts, unique', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Picks: today/tomorrow', taken)).toBe('Picks  today tomorrow');
    expect(safeSheetName('A very long sheet name that goes past thirty-one', taken)).toHaveLength(31);
    expect(safeSheetName('picks  today tomorrow', taken)).toBe('picks  today tomorrow 2');
  });
});

describe('chart series of a long history', () => {
  it('merges a year of days into weeks, keeping the totals and the last cumulative figures', () => {
    const days = Array.from({ length: 365 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      bets: 2,
      staked: 2,
      profit: i % 3 === 0 ? 1 : -0.4,
      cumulativeProfit: 0,
      meanClv: i % 2 ? 0.03 : 0.01,
      runningClv: 0.02,
      clvBets: 2,
    }));
    let c = 0;
    for (const d of days) d.cumulativeProfit = c += d.profit;
    const weeks = chartSeries(days);
    expect(weeks.length).toBeLessThanOrEqual(54);
    expect(weeks.every((w) => new Date(`${w.date}T00:00:00Z`).getUTCDay() === 1)).toBe(true); // Mondays
    expect(weeks.reduce((s, w) => s + w.profit, 0)).toBeCloseTo(c, 9);
    expect(weeks.reduce((s, w) => s + w.bets, 0)).toBe(730);
    expect(weeks.at(-1)!.cumulativeProfit).toBeCloseTo(c, 9);
    expect(chartSeries(days.slice(0, 30))).toEqual(days.slice(0, 30));
  });
});
