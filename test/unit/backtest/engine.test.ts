// The walk-forward engine: what a decision can see (nothing of its day or later), settlement and closing
// lines of the bets it records, and the errors a caller gets for an unknown strategy or parameter.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineStrategy,
  findStrategy,
  paramDocs,
  runBacktest,
  STRATEGIES,
  type BacktestData,
  type BacktestFixture,
} from '../../../src-main/features/agents/backtest';
import { ContractError } from '../../../src-shared/contract/errors';
import { syntheticLeague } from './synthetic';

const value = findStrategy(STRATEGIES, 'value');

describe('no look-ahead', () => {
  it('train and decide see only fixtures and results dated before the match day, and never a result of their own fixture', () => {
    const data = syntheticLeague({ seasons: 2 });
    const seen: string[] = [];
    const spy = defineStrategy({
      name: 'spy',
      summary: 'records what it is shown',
      params: z.object({}).strict(),
      train({ day, past }) {
        for (const f of past.fixtures()) if (f.date >= day) seen.push(`train ${day} saw fixture ${f.date}`);
        for (const r of past.results('SYN')) if (r.date >= day) seen.push(`train ${day} saw result ${r.date}`);
        return day;
      },
      decide(ctx) {
        if ('result' in ctx.fixture || 'closing' in ctx.fixture || 'decision' in ctx.fixture) seen.push(`decide saw its own result`);
        for (const f of ctx.past.fixtures()) if (f.date >= ctx.fixture.date) seen.push(`decide ${ctx.fixture.date} saw ${f.date}`);
        if (ctx.state !== ctx.fixture.date) seen.push('state from another day');
        return { bets: [] };
      },
    });
    const r = runBacktest(data, spy, {});
    expect(r.fixtures).toBe(data.fixtures.length);
    expect(seen).toEqual([]);
  });

  it('rewriting every result from a day on leaves the bets decided before that day unchanged', () => {
    const data = syntheticLeague({ seasons: 3, seed: 11 });
    const cut = data.fixtures[Math.floor(data.fixtures.length * 0.8)].date;
    const altered: BacktestData = {
      ...data,
      fixtures: data.fixtures.map((f): BacktestFixture =>
        f.date >= cut ? { ...f, result: { homeGoals: f.result!.awayGoals + 3, awayGoals: 0 } } : f,
      ),
    };
    const params = { w: 0.5, minTeamMatches: 3, windowDays: 400 };
    const opts = { from: data.fixtures[Math.floor(data.fixtures.length * 0.5)].date, resamples: 0 };
    const a = runBacktest(data, value, params, opts).bets.filter((b) => b.date < cut);
    const b = runBacktest(altered, value, params, opts).bets.filter((b) => b.date < cut);
    expect(a.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
    // and from the cut on, the (future) results do change what is recorded: the test can see a difference
    const after = (d: BacktestData) =>
      runBacktest(d, value, params, opts)
        .bets.filter((x) => x.date >= cut)
        .map((x) => x.profit);
    expect(after(altered)).not.toEqual(after(data));
  });
});

describe('bets as the engine records them', () => {
  it('a fixture without closing prices keeps its bets and counts as "no closing line", never a CLV of 0', () => {
    const data = syntheticLeague({ seasons: 1 });
    const stripped = { ...data, fixtures: data.fixtures.map((f, i) => (i % 2 ? { ...f, closing: [] } : f)) };
    const r = runBacktest(stripped, findStrategy(STRATEGIES, 'sharp-reference'), {}, { resamples: 0 });
    const none = r.bets.filter((b) => b.closing === 'none');
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((b) => b.clv === null && b.closingFairOdds === null)).toBe(true);
    expect(r.summary.closingReference.none).toBe(none.length);
    expect(r.summary.clvBets).toBe(r.bets.length - none.length);
    const withClv = r.bets.filter((b) => b.clv !== null).map((b) => b.clv as number);
    expect(r.summary.meanClv).toBeCloseTo(withClv.reduce((x, y) => x + y, 0) / withClv.length, 12);
    expect(r.fixturesWithoutClosingLine).toBe(Math.floor(data.fixtures.length / 2));
    expect(r.warnings.join(' ')).toMatch(/no closing line: left out of the mean CLV \(not counted as 0\)/);
  });

  it('a fixture without a result: its bets stay unsettled, out of the ROI, and are counted', () => {
    const data = syntheticLeague({ seasons: 1 });
    const open = { ...data, fixtures: data.fixtures.map((f, i) => (i >= data.fixtures.length - 4 ? { ...f, result: null } : f)) };
    const r = runBacktest(open, findStrategy(STRATEGIES, 'sharp-reference'), {}, { resamples: 0 });
    const unsettled = r.bets.filter((b) => b.result === 'unsettled');
    expect(unsettled.every((b) => b.profit === null)).toBe(true);
    expect(r.summary.unsettled).toBe(unsettled.length);
    expect(r.summary.settled + r.summary.unsettled).toBe(r.summary.bets);
    expect(r.fixturesWithoutResult).toBe(4);
  });

  it('totals and Asian handicap bets settle with quant (half results on quarter lines) and ROI = profit / stake', () => {
    const data = syntheticLeague({ seasons: 2, seed: 3 });
    const r = runBacktest(data, value, { w: 0, markets: ['totals', 'spreads'], minEdge: 0 }, { resamples: 0 });
    expect(r.byMarket.totals.bets).toBeGreaterThan(0);
    expect(r.byMarket.spreads.bets).toBeGreaterThan(0);
    for (const b of r.bets) {
      const f = data.fixtures.find((x) => x.key === b.fixture)!;
      const goals = f.result!.homeGoals + f.result!.awayGoals;
      if (b.market === 'totals') expect(b.result).toBe((b.selection === 'over') === goals > 2.5 ? 'won' : 'lost');
      else {
        const diff = f.result!.homeGoals - f.result!.awayGoals;
        expect(b.result).toBe((b.selection === 'home') === diff > 0.5 ? 'won' : 'lost');
      }
      expect(b.profit).toBeCloseTo(b.result === 'won' ? b.stake * (b.odds - 1) : -b.stake, 12);
    }
    expect(r.summary.roi).toBeCloseTo(r.summary.profit / r.summary.staked, 12);
  });

  it('a team with too little history gets no model probability: the market alone, said in the bet, or a pass', () => {
    const data = syntheticLeague({ seasons: 1 });
    const base = { w: 0.4, minTeamMatches: 6, windowDays: 400, minEdge: 0 };
    const market = runBacktest(data, value, base, { resamples: 0 });
    const early = market.bets.filter((b) => b.date < data.fixtures[24].date);
    expect(early.length).toBeGreaterThan(0);
    // early in the season: a team without 6 matches, or a league fit that cannot converge yet (a side
    // without a goal has no finite attack rating)
    expect(
      early.every((b) =>
        /^market only \(sharp PS\): (Team \d has \d match(es)? in the fit window \(6 needed\)|the SYN fit before \S+ did not converge)$/.test(
          b.basis,
        ),
      ),
    ).toBe(true);
    expect(early.some((b) => /has \d match/.test(b.basis))).toBe(true);
    expect(market.bets.some((b) => b.basis.startsWith('blend w=0.400'))).toBe(true);
    const skip = runBacktest(data, value, { ...base, noModel: 'skip' }, { resamples: 0 });
    expect(skip.bets.some((b) => b.basis.startsWith('market only'))).toBe(false);
    expect(skip.notes['no model: skipped']).toBeGreaterThan(0);
  });

  it('cancelled through its signal between match days', () => {
    const ctl = new AbortController();
    ctl.abort();
    expect(() => runBacktest(syntheticLeague({ seasons: 1 }), value, {}, { signal: ctl.signal })).toThrow(/cancelled/);
  });
});

describe('bad strategy names and parameters', () => {
  it('an unknown strategy names every strategy there is', () => {
    expect(() => findStrategy(STRATEGIES, 'martingale')).toThrow(
      /unknown strategy 'martingale': the strategies are conseil, value, sharp-reference, kaunitz/,
    );
  });
  it('an unknown parameter lists the valid ones with their defaults; a bad value says which and why', () => {
    const data = syntheticLeague({ seasons: 1 });
    const err = (() => {
      try {
        runBacktest(data, value, { alpha: 0.1 });
      } catch (e) {
        return e as ContractError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(ContractError);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(
      /strategy 'value' has no parameter 'alpha': valid parameters are w \("auto" \| number in \[0, 1\], default "auto"\);.*minEdge \(number in \[0, 1\], default 0\.02\)/,
    );
    expect(() => runBacktest(data, value, { w: 'half' })).toThrow(/strategy 'value': w: .*valid parameters/);
    expect(() => runBacktest(data, value, { markets: 'corners' })).toThrow(/markets/);
  });
  it('text values (the CLI) are read as the parameter type', () => {
    const data = syntheticLeague({ seasons: 1 });
    const r = runBacktest(data, value, { w: '0.25', markets: '1x2,totals', staleCheck: 'false', minTeamMatches: '3' }, { resamples: 0 });
    expect(r.params).toMatchObject({ w: 0.25, markets: ['1x2', 'totals'], staleCheck: false, minTeamMatches: 3 });
  });
});

describe('commission on net winnings (the `commission` parameter of every strategy)', () => {
  const valueRule = findStrategy(STRATEGIES, 'value');
  const data = syntheticLeague({ seasons: 1 });

  it('reads each price net of its book: the bet records quoted price, commission and net price, and settles and measures CLV at the net price', () => {
    const gross = runBacktest(data, valueRule, { commission: 'none' });
    const net = runBacktest(data, valueRule, { commission: 'B365:0.05,BW:0.02' });
    expect(net.params.commission).toEqual({ B365: 0.05, BW: 0.02, BFE: 0.05 });
    expect(gross.params.commission).toEqual({});
    expect(net.bets.length).toBeGreaterThan(5);
    expect(net.bets.length).toBeLessThan(gross.bets.length); // edges shrink: fewer selections clear the fair price
    for (const b of net.bets) {
      const c = { B365: 0.05, BW: 0.02 }[b.bookmaker] ?? 0;
      expect(b.commission).toBe(c);
      expect(b.odds).toBeCloseTo(1 + (b.quotedOdds - 1) * (1 - c), 12);
      if (b.result === 'won') expect(b.profit as number).toBeCloseTo(b.stake * (b.quotedOdds - 1) * (1 - c), 12);
      if (b.result === 'lost') expect(b.profit).toBe(-b.stake);
      if (b.clv !== null) expect(b.clv).toBeCloseTo(b.odds / (b.closingFairOdds as number) - 1, 12);
    }
    for (const b of gross.bets) expect([b.commission, b.quotedOdds]).toEqual([0, b.odds]);
  });

  it('a rate outside [0, 1) or a malformed list is a VALIDATION error; --list documents the parameter', () => {
    for (const bad of ['BFE:1', 'BFE:-0.1', 'BFE', 'BFE:x', 42])
      expect(() => runBacktest(data, valueRule, { commission: bad })).toThrow(ContractError);
    expect(() => runBacktest(data, valueRule, { commission: 'BFE:1' })).toThrow(/commission of BFE = 1: a rate in \[0, 1\)/);
    expect(paramDocs(valueRule).find((p) => p.name === 'commission')?.description).toMatch(/net winnings/);
  });
});
