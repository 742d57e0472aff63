// Mining on synthetic histories with a known truth: a planted edge is found and survives the correction,
// fair prices give raw "patterns" that do not, and every figure equals a brute-force count.
import { describe, expect, it } from 'vitest';
import { betsOf, mineSituations } from '../../../src-main/features/agents/patterns';
import { profitPValue, seedOf } from '../../../src-main/features/agents/patterns/mine';
import { multipleTestingNote } from '../../../src-main/features/agents/patterns/rows';
import { benjaminiHochberg, oneSampleTTest, wilsonInterval } from '../../../src-shared/quant';
import { syntheticHistory } from './synthetic';

const OPTS = { minSample: 60, fdr: 0.05, method: 'bh' as const, resamples: 300, priceReference: 'the synthetic close' };

describe('a planted edge', () => {
  // league P1: the home favourite's closing price is 20% too long (true ROI ≈ +18% after the margin)
  const planted = (teams: number, seasons: number) =>
    syntheticHistory({
      seed: 3,
      leagues: ['N1', 'P1'],
      teams,
      seasons,
      margin: 0.02,
      plant: (league, pHome, pAway) => (league === 'P1' && pHome > pAway ? 1.2 : 1),
    });
  const r = mineSituations(betsOf(planted(16, 8)), OPTS);

  it('is found at the top and survives Benjamini–Hochberg; nothing outside its league does', () => {
    const found = r.situations.filter((s) => s.significant);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((s) => s.id === 'pat.v1|1x2|home|league=P1|role=favourite')).toBe(true);
    // every discovery is a home bet that holds P1's favourites (with or without the league in the cut)
    for (const s of found) expect(s.selection, s.id).toBe('home');
    expect(found.filter((s) => s.values.league === 'N1')).toEqual([]);
    const top = r.situations.find((s) => s.id === 'pat.v1|1x2|home|league=P1|role=favourite')!;
    expect(top.roi).toBeGreaterThan(0.1);
    expect(top.roiLower).toBeGreaterThan(0);
    expect(top.hitRate).toBeGreaterThan(top.marketHitRate); // the price implied less than what happened
  });

  it('the correction costs power: over 300 bets the same real edge is not told from luck', () => {
    const short = mineSituations(betsOf(planted(12, 4)), OPTS);
    const s = short.situations.find((x) => x.id === 'pat.v1|1x2|home|league=P1|role=favourite')!;
    expect(s.n).toBe(300);
    expect(s.roi).toBeGreaterThan(0.1);
    expect(s.pValue).toBeLessThan(0.001); // alone, it would look certain
    expect(s.qValue).toBeGreaterThan(0.05); // among the ~190 cuts tried, it is not
    expect(short.significant).toBe(0);
  });
});

describe('fair prices (no edge anywhere)', () => {
  const history = syntheticHistory({ seed: 8, leagues: ['A1', 'B1', 'C1'], teams: 12, seasons: 4, margin: 0 });
  const set = betsOf(history);
  const r = mineSituations(set, OPTS);

  it('raw p-values find "patterns"; the q-values over all situations tried do not', () => {
    expect(r.tried).toBeGreaterThan(200);
    const raw = r.situations.filter((s) => s.pValue < 0.05);
    expect(raw.length).toBeGreaterThan(0); // what searching many cuts does
    expect(r.significant).toBe(0);
    expect(r.situations.every((s) => s.qValue > 0.05)).toBe(true);
  });

  it('every figure equals a brute-force computation over the bets of the cut', () => {
    const q = benjaminiHochberg(r.situations.map((s) => s.pValue));
    r.situations.forEach((s, i) => {
      const bets = set.bets.filter(
        (b) => b.selection === s.selection && Object.entries(s.values).every(([d, v]) => b.values[d as keyof typeof b.values] === v),
      );
      expect(bets.length, s.id).toBe(s.n);
      const profits = bets.map((b) => b.profit);
      const hits = bets.filter((b) => b.won).length;
      expect(s.hits).toBe(hits);
      expect(s.hitRate).toBe(hits / s.n);
      expect(s.hitRateLower).toBeCloseTo(wilsonInterval(hits, s.n).lower, 14);
      expect(s.roi).toBeCloseTo(profits.reduce((a, b) => a + b, 0) / s.n, 12);
      expect(s.pValue).toBeCloseTo(oneSampleTTest(profits, { alternative: 'greater' }).pValue, 14);
      expect(s.qValue).toBe(q[i]); // over every situation tried, in one go
      expect(s.roiLower).toBeLessThanOrEqual(s.roi);
      expect(s.roiUpper).toBeGreaterThanOrEqual(s.roi);
    });
  });

  it('cuts under the minimum sample are neither tested nor counted', () => {
    const strict = mineSituations(set, { ...OPTS, minSample: 400 });
    expect(strict.situations.every((s) => s.n >= 400)).toBe(true);
    expect(strict.tried + strict.tooSmall).toBe(r.tried + r.tooSmall);
    expect(strict.tried).toBeLessThan(r.tried);
  });

  it('Benjamini–Yekutieli is the more conservative correction', () => {
    const by = mineSituations(set, { ...OPTS, method: 'by' });
    by.situations.forEach((s) => expect(s.qValue).toBeGreaterThanOrEqual(r.situations.find((x) => x.id === s.id)!.qValue));
  });

  it('is deterministic: the same data give the same intervals (each situation has its own seed)', () => {
    const again = mineSituations(set, OPTS);
    expect(again.situations.map((s) => [s.id, s.roiLower, s.roiUpper])).toEqual(r.situations.map((s) => [s.id, s.roiLower, s.roiUpper]));
    expect(seedOf('pat.v1|1x2|home')).not.toBe(seedOf('pat.v1|1x2|away'));
  });
});

describe('edge cases', () => {
  it('a cut whose bets all lost has p = 1; all won at one price, p = 0', () => {
    expect(profitPValue([-1, -1, -1])).toBe(1);
    expect(profitPValue([0.5, 0.5])).toBe(0);
  });
  it('the note says how many situations were tried and what q means', () => {
    const n = multipleTestingNote({ pValue: 0.004, qValue: 0.6, significant: false }, { tried: 463, fdr: 0.05, method: 'bh' });
    expect(n).toBe(
      'One of 463 situations tried in this run (data snooping): raw p = 0.0040, Benjamini–Hochberg q = 0.6000 > 0.05: not distinguishable from luck.',
    );
    expect(multipleTestingNote({ pValue: 1e-6, qValue: 0.01, significant: true }, { tried: 10, fdr: 0.05, method: 'by' })).toMatch(
      /Benjamini–Yekutieli q = 0.0100 ≤ 0.05: kept/,
    );
  });
});
