// Mined situations and correlations as rows of market_patterns and patterns_correlations (deterministic
// ids: the same situation or pair keeps its row from run to run), and the multiple-testing note.
import { createHash } from 'node:crypto';
import type { CorrelationsResult } from './correlations';
import type { MineResult, SituationStats } from './mine';

const fmtP = (p: number): string => (p < 0.0001 ? p.toExponential(1) : p.toFixed(4));

/** Said beside every pattern: how many situations were tried and what its q-value means. */
export function multipleTestingNote(
  s: Pick<SituationStats, 'pValue' | 'qValue' | 'significant'>,
  r: Pick<MineResult, 'tried' | 'fdr' | 'method'>,
): string {
  const corr = r.method === 'by' ? 'Benjamini–Yekutieli' : 'Benjamini–Hochberg';
  return (
    `One of ${r.tried} situations tried in this run (data snooping): raw p = ${fmtP(s.pValue)}, ${corr} q = ${fmtP(s.qValue)}` +
    (s.significant
      ? ` ≤ ${r.fdr}: kept at a false discovery rate of ${r.fdr}; confirm it on later data.`
      : ` > ${r.fdr}: not distinguishable from luck.`)
  );
}

/** Same data and same parameters → same run id. */
export function runIdOf(parts: unknown): string {
  return `run.${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16)}`;
}

export function patternRows(r: MineResult, runId: string, minedAt: Date): Record<string, unknown>[] {
  return r.situations.map((s) => ({
    pattern_id: s.id,
    name: s.name,
    description: s.description,
    filters: s.filters,
    market: s.market,
    selection: s.selection,
    sample_size: s.n,
    hits: s.hits,
    hit_rate: s.hitRate,
    hit_rate_lower: s.hitRateLower,
    hit_rate_upper: s.hitRateUpper,
    market_hit_rate: s.marketHitRate,
    mean_odds: s.meanOdds,
    roi: s.roi,
    roi_lower: s.roiLower,
    roi_upper: s.roiUpper,
    mean_clv: s.meanClv,
    clv_sample: s.clvSample,
    p_value: s.pValue,
    q_value: s.qValue,
    tests_tried: r.tried,
    significant: s.significant,
    fdr_level: r.fdr,
    fdr_method: r.method,
    price_reference: r.priceReference,
    run_id: runId,
    mined_at: minedAt,
    data_from: r.dataFrom,
    data_to: r.dataTo,
    note: multipleTestingNote(s, r),
  }));
}

export function correlationRows(c: CorrelationsResult, runId: string, minedAt: Date): Record<string, unknown>[] {
  return c.rows.map((x) => ({
    correlation_id: x.id,
    market_a: x.marketA,
    market_b: x.marketB,
    correlation: x.empirical.phi,
    sample_size: x.empirical.n,
    league: x.league,
    description: x.description,
    correlation_lower: x.empirical.lower,
    correlation_upper: x.empirical.upper,
    rate_a: x.empirical.rateA,
    rate_b: x.empirical.rateB,
    rate_both: x.empirical.rateBoth,
    lift: x.empirical.lift,
    model_correlation: x.modelCorrelation,
    model_within: x.modelWithinCorrelation,
    model_sample_correlation: x.modelSampleCorrelation,
    model_sample: x.modelSample,
    run_id: runId,
    mined_at: minedAt,
  }));
}
