import { describe, expect, it } from 'vitest';
import {
  binomialTest,
  bootstrapMeanInterval,
  brierScore,
  calibrationBins,
  logLoss,
  normalCdf,
  normalQuantile,
  sfc32,
  wilsonInterval,
  type Alternative,
} from '../../../src-shared/quant';
import { close, fixture } from './fixtures';

interface Ref {
  wilson: Array<{ k: number; n: number; confidence: number; lower: number; upper: number }>;
  binomial_test: Array<{ k: number; n: number; p: number; alternative: Alternative; pvalue: number }>;
  bootstrap: Array<{ values: number[]; seed: number; resamples: number; confidence: number; lower: number; upper: number; mean: number }>;
  scores: Array<{ probabilities: number[][]; outcomes: number[]; brier: number; log_loss: number }>;
  calibration: Array<{
    predicted: number[];
    happened: number[];
    bins: number;
    rows: Array<{ count: number; mean_predicted: number | null; observed_rate: number | null }>;
  }>;
}
const ref = fixture<Ref>('statistics.json');

describe('statistics against scipy', () => {
  it(`Wilson interval = scipy binomtest(...).proportion_ci(method='wilson') (${ref.wilson.length})`, () => {
    expect(ref.wilson.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.wilson.entries()) {
      const r = wilsonInterval(c.k, c.n, c.confidence);
      close(r.lower, c.lower, 1e-9, `lower #${i}`);
      close(r.upper, c.upper, 1e-9, `upper #${i}`);
    }
  });
  it(`exact binomial test = scipy.stats.binomtest, two-sided and one-sided (${ref.binomial_test.length})`, () => {
    expect(ref.binomial_test.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.binomial_test.entries())
      close(binomialTest(c.k, c.n, c.p, c.alternative), c.pvalue, 1e-9, `#${i} ${JSON.stringify(c)}`);
  });
  it(`bootstrap interval of a mean, seeded, = numpy on the same sfc32 stream (${ref.bootstrap.length})`, () => {
    expect(ref.bootstrap.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.bootstrap.entries()) {
      const r = bootstrapMeanInterval(c.values, { seed: c.seed, resamples: c.resamples, confidence: c.confidence });
      close(r.lower, c.lower, 1e-9, `lower #${i}`);
      close(r.upper, c.upper, 1e-9, `upper #${i}`);
      close(r.mean, c.mean, 1e-12, `mean #${i}`);
    }
  });
  it(`multi-class Brier score and log loss (${ref.scores.length})`, () => {
    expect(ref.scores.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.scores.entries()) {
      close(brierScore(c.probabilities, c.outcomes), c.brier, 1e-9, `brier #${i}`);
      close(logLoss(c.probabilities, c.outcomes), c.log_loss, 1e-9, `log loss #${i}`);
    }
  });
  it(`calibration bins (${ref.calibration.length})`, () => {
    expect(ref.calibration.length).toBeGreaterThanOrEqual(50);
    for (const [i, c] of ref.calibration.entries()) {
      const rows = calibrationBins(c.predicted, c.happened as Array<0 | 1>, c.bins);
      rows.forEach((r, b) => {
        expect(r.count, `#${i} bin ${b}`).toBe(c.rows[b].count);
        if (c.rows[b].mean_predicted === null) expect(r.meanPredicted).toBeNull();
        else close(r.meanPredicted!, c.rows[b].mean_predicted!, 1e-9, `#${i} bin ${b}`);
        if (c.rows[b].observed_rate === null) expect(r.observedRate).toBeNull();
        else close(r.observedRate!, c.rows[b].observed_rate!, 1e-12, `#${i} bin ${b}`);
      });
    }
  });
});

describe('statistics: behaviour', () => {
  it('bootstrap is deterministic for a seed and changes with it', () => {
    const v = [0.1, -0.3, 0.25, 0.9, -1, 0.4, 0.05];
    expect(bootstrapMeanInterval(v, { seed: 7 })).toEqual(bootstrapMeanInterval(v, { seed: 7 }));
    expect(bootstrapMeanInterval(v, { seed: 7 }).lower).not.toBe(bootstrapMeanInterval(v, { seed: 8 }).lower);
    const r = sfc32(1);
    for (let i = 0; i < 1000; i++) {
      const u = r();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
  it('normal quantile inverts the CDF', () => {
    for (const p of [1e-10, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999999]) close(normalCdf(normalQuantile(p)), p, 1e-14);
    close(normalQuantile(0.975), 1.959963984540054, 1e-14);
  });
  it('errors say what is wrong', () => {
    expect(() => wilsonInterval(5, 3)).toThrow(/successes = 5/);
    expect(() => brierScore([[0.5, 0.5]], [2])).toThrow(/outcome 0 = 2/);
    expect(() => logLoss([[0.5, 0.6]], [0])).not.toThrow();
    expect(() => bootstrapMeanInterval([1, NaN])).toThrow(/values\[1\]/);
    expect(logLoss([[0, 1]], [0])).toBe(Infinity);
  });
});
