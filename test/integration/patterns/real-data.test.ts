// Agent C on the real football-data files (E0 SP1 D1 F1, 2019-20 to 2025-26), read straight from the CSVs as
// `monps patterns mine --csv` does, against the independent numpy/scipy reference
// (test/reference/patterns_reference.py → test/fixtures/real/patterns_reference.json).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_PRICE_REFERENCE, historyFromCsv, runPatterns, type MiningRun } from '../../../src-main/features/agents/patterns';
import { falseDiscoveryControl } from '../../../src-shared/quant/multiple-testing';
import { footballDataDir } from '../../support/shared-data';

interface Reference {
  matches: number;
  priced_matches: number;
  bets: number;
  tried: number;
  too_small: number;
  significant_bh_05: number;
  significant_by_05: number;
  situation_columns: string[];
  situations: (string | number | null)[][];
  bootstrap: { resamples: number; intervals: Record<string, [number, number]> };
  model: { fits: number; priced_matches: number };
  correlations: {
    id: string;
    n: number;
    a: number;
    b: number;
    both: number;
    phi: number;
    se: number;
    lower: number;
    upper: number;
    model: number;
    within: number;
    model_sample: number;
    model_sample_phi: number;
  }[];
}

const ref = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/real/patterns_reference.json'), 'utf8')) as Reference;
const near = (a: number | null, b: number | null, abs: number, rel = 0, what = '') => {
  if (a === null || b === null) return expect(a, what).toBe(b);
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(abs + rel * Math.abs(b));
};

let run: MiningRun;

beforeAll(() => {
  const dir = footballDataDir();
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^(E0|SP1|D1|F1)_20\d\d-\d\d\.csv$/.test(f))
    .map((f) => path.join(dir, f));
  expect(files).toHaveLength(28);
  run = runPatterns(historyFromCsv(files).matches, {
    minSample: 100,
    fdr: 0.05,
    method: 'bh',
    resamples: 1000,
    correlations: true,
    priceReference: CSV_PRICE_REFERENCE,
  });
}, 600_000);

describe('situations on the real files, against numpy/scipy', () => {
  it('the same matches, bets and number of situations tried; none survives Benjamini–Hochberg at 0.05', () => {
    const m = run.mined;
    expect([m.matches, m.pricedMatches, m.bets]).toEqual([ref.matches, ref.priced_matches, ref.bets]);
    expect(m.tried).toBe(ref.tried);
    expect(m.tooSmall).toBe(ref.too_small);
    expect(m.significant).toBe(ref.significant_bh_05);
    expect(m.situations.every((s) => s.qValue > 0.05)).toBe(true);
  });

  it('every situation: counts exactly, rates, ROI, CLV, p-value and the BH (and BY) q-value over all of them', () => {
    const col = (name: string) => ref.situation_columns.indexOf(name);
    const byId = new Map(run.mined.situations.map((s) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual(ref.situations.map((r) => r[0]));
    const by = falseDiscoveryControl(
      run.mined.situations.map((s) => s.pValue),
      'by',
    );
    const byOf = new Map(run.mined.situations.map((s, i) => [s.id, by[i]]));
    for (const r of ref.situations) {
      const id = r[0] as string;
      const s = byId.get(id)!;
      const v = (name: string) => r[col(name)] as number | null;
      expect([s.n, s.hits, s.clvSample], id).toEqual([v('n'), v('hits'), v('clv_n')]);
      near(s.hitRateLower, v('hit_lo'), 1e-10, 0, `${id} wilson lower`);
      near(s.hitRateUpper, v('hit_hi'), 1e-10, 0, `${id} wilson upper`);
      near(s.marketHitRate, v('market_hit_rate'), 1e-10, 0, `${id} market hit rate`);
      near(s.meanOdds, v('mean_odds'), 1e-9, 1e-11, `${id} mean odds`);
      near(s.roi, v('roi'), 1e-10, 0, `${id} roi`);
      near(s.meanClv, v('mean_clv'), 1e-10, 0, `${id} clv`);
      near(s.pValue, v('p'), 1e-11, 1e-9, `${id} p`);
      near(s.qValue, v('q_bh'), 1e-11, 1e-9, `${id} q`);
      near(byOf.get(id)!, v('q_by'), 1e-11, 1e-9, `${id} q BY`);
    }
  });

  it('the ROI bootstrap intervals agree within the Monte Carlo error of 1,000 against 10,000 resamples', () => {
    const byId = new Map(run.mined.situations.map((s) => [s.id, s]));
    const intervals = Object.entries(ref.bootstrap.intervals);
    expect(intervals.length).toBeGreaterThanOrEqual(12);
    for (const [id, [lo, hi]] of intervals) {
      const s = byId.get(id)!;
      const tol = 0.06 * (hi - lo);
      near(s.roiLower, lo, tol, 0, `${id} lower`);
      near(s.roiUpper, hi, tol, 0, `${id} upper`);
    }
  });
});

describe('correlations on the real files, against numpy/scipy', () => {
  it('empirical phi, its delta-method interval, and the walk-forward Dixon-Coles phi beside it', () => {
    const c = run.correlations!;
    expect(c.fits).toBe(ref.model.fits);
    expect(c.modelMatches).toBe(ref.model.priced_matches);
    const byId = new Map(c.rows.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual(ref.correlations.map((r) => r.id).sort());
    for (const r of ref.correlations) {
      const x = byId.get(r.id)!;
      expect([x.empirical.n, x.empirical.a, x.empirical.b, x.empirical.both, x.modelSample], r.id).toEqual([
        r.n,
        r.a,
        r.b,
        r.both,
        r.model_sample,
      ]);
      near(x.empirical.phi, r.phi, 1e-11, 0, `${r.id} phi`);
      near(x.empirical.standardError, r.se, 1e-9, 1e-6, `${r.id} se`);
      near(x.empirical.lower, r.lower, 1e-8, 0, `${r.id} lower`);
      near(x.empirical.upper, r.upper, 1e-8, 0, `${r.id} upper`);
      near(x.modelSampleCorrelation, r.model_sample_phi, 1e-11, 0, `${r.id} phi on the model's sample`);
      // two optimisers (TypeScript L-BFGS, scipy L-BFGS-B) agree on every match's probabilities to ~3e-7
      near(x.modelCorrelation, r.model, 2e-6, 0, `${r.id} model phi`);
      near(x.modelWithinCorrelation, r.within, 2e-6, 0, `${r.id} within-match phi`);
    }
  });

  it('what the real data say: goals and results are correlated, and the model is right about most pairs', () => {
    const all = new Map(run.correlations!.rows.filter((r) => r.league === 'ALL').map((r) => [`${r.marketA}~${r.marketB}`, r]));
    const homeOver = all.get('1x2:home~totals:over:2.5')!;
    expect(homeOver.empirical.lower).toBeGreaterThan(0.1); // a home win and over 2.5 go together
    expect(all.get('1x2:draw~totals:over:2.5')!.empirical.upper).toBeLessThan(-0.25);
    expect(all.get('ah:home:-0.5~1x2:home')!.empirical.phi).toBeCloseTo(1, 12); // the same bet
    // the model's phi over the same matches falls inside the empirical interval for the home-win/over pair
    expect(homeOver.modelCorrelation!).toBeGreaterThan(homeOver.empirical.lower);
    expect(homeOver.modelCorrelation!).toBeLessThan(homeOver.empirical.upper);
  });
});
