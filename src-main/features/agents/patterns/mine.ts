// Mining: every cut of every family (situations.ts) over the bets, tested when it holds minSample bets or
// more; each tested situation gets its hit rate (Wilson interval), ROI at the reference closing price
// (percentile bootstrap interval), mean CLV, a one-sided t test of the per-bet profit and the
// Benjamini–Hochberg q-value over every situation tried in the run.
//
// Why a t test of profit, not a binomial test of hits against the de-vigged closing probabilities: the
// question is whether the situation makes money at the price one gets, after the margin; the closing
// probabilities vary inside a situation (a 1.50–2.00 band spans 0.50 to 0.67), so a binomial test needs one
// common p it does not have; and a market can misprice a situation by less than its margin, which a hit
// test would call significant and a bettor would still lose on. One-sided (H1: mean profit > 0) because a
// losing situation is no bet. The profit of a long price is skewed, so for long-odds cuts the t test is an
// approximation: the bootstrap interval of the ROI stands beside it.
import { falseDiscoveryControl, type FdrMethod } from '../../../../src-shared/quant/multiple-testing';
import { bootstrapMeanInterval, wilsonInterval } from '../../../../src-shared/quant/stats';
import { oneSampleTTest } from '../../../../src-shared/quant/t-test';
import { QuantError } from '../../../../src-shared/quant/errors';
import type { PatternFilters } from '../../../../src-shared/contract/patterns';
import type { Bet, BetSet } from './bets';
import { drain, type Steps } from './steps';
import {
  FAMILIES,
  marketOf,
  situationDescription,
  situationFilters,
  situationId,
  situationName,
  type Market,
  type Selection,
  type SituationValues,
} from './situations';

export interface MineOptions {
  minSample: number;
  fdr: number;
  method: FdrMethod;
  /** Bootstrap resamples of each ROI interval. */
  resamples: number;
  priceReference: string;
}

export interface SituationStats {
  id: string;
  market: Market;
  selection: Selection;
  values: SituationValues;
  filters: PatternFilters;
  name: string;
  description: string;
  n: number;
  hits: number;
  hitRate: number;
  hitRateLower: number;
  hitRateUpper: number;
  marketHitRate: number;
  meanOdds: number;
  roi: number;
  roiLower: number;
  roiUpper: number;
  meanClv: number | null;
  clvSample: number;
  pValue: number;
  qValue: number;
  significant: boolean;
}

export interface MineResult {
  /** Tested situations, smallest p-value first. */
  situations: SituationStats[];
  tried: number;
  tooSmall: number;
  significant: number;
  matches: number;
  pricedMatches: number;
  bets: number;
  dataFrom: string | null;
  dataTo: string | null;
  fdr: number;
  method: FdrMethod;
  priceReference: string;
}

interface Cell {
  selection: Selection;
  values: SituationValues;
  bets: Bet[];
}

/** Every cut each bet falls in, keyed by situation id. */
export function cells(bets: readonly Bet[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const bet of bets) {
    for (const family of FAMILIES) {
      const values: SituationValues = {};
      let defined = true;
      for (const d of family) {
        const v = bet.values[d];
        if (v === undefined) {
          defined = false;
          break;
        }
        values[d] = v;
      }
      if (!defined) continue;
      const id = situationId(bet.selection, values);
      let cell = out.get(id);
      if (!cell) out.set(id, (cell = { selection: bet.selection, values, bets: [] }));
      cell.bets.push(bet);
    }
  }
  return out;
}

/** 32-bit FNV-1a of the id: each situation's bootstrap has its own seed, whatever else was mined. */
export function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One-sided p-value of mean profit > 0; all-equal profits (every bet lost, or won at one price) have no
 * variance: 1 if they lose, 0 if they win. */
export function profitPValue(profits: readonly number[]): number {
  try {
    return oneSampleTTest(profits, { alternative: 'greater' }).pValue;
  } catch (err) {
    if (err instanceof QuantError && /all \d+ values are equal/.test(err.message)) return profits[0] > 0 ? 0 : 1;
    throw err;
  }
}

function stats(id: string, cell: Cell, opts: MineOptions): Omit<SituationStats, 'qValue' | 'significant'> {
  const n = cell.bets.length;
  const profits = new Array<number>(n);
  let hits = 0;
  let pSum = 0;
  let oddsSum = 0;
  let clvSum = 0;
  let clvSample = 0;
  cell.bets.forEach((b, i) => {
    profits[i] = b.profit;
    if (b.won) hits++;
    pSum += b.pClose;
    oddsSum += b.odds;
    if (b.clv !== null) {
      clvSum += b.clv;
      clvSample++;
    }
  });
  const wilson = wilsonInterval(hits, n);
  const roi = bootstrapMeanInterval(profits, { seed: seedOf(id), resamples: opts.resamples });
  return {
    id,
    market: marketOf(cell.selection),
    selection: cell.selection,
    values: cell.values,
    filters: situationFilters(cell.selection, cell.values),
    name: situationName(cell.selection, cell.values),
    description: situationDescription(cell.selection, cell.values, opts.priceReference),
    n,
    hits,
    hitRate: hits / n,
    hitRateLower: wilson.lower,
    hitRateUpper: wilson.upper,
    marketHitRate: pSum / n,
    meanOdds: oddsSum / n,
    roi: roi.mean,
    roiLower: roi.lower,
    roiUpper: roi.upper,
    meanClv: clvSample ? clvSum / clvSample : null,
    clvSample,
    pValue: profitPValue(profits),
  };
}

/** Mining as steps (one every 25 situations tested). */
export function* mineSteps(set: BetSet, opts: MineOptions): Steps<MineResult> {
  const all = cells(set.bets);
  const ids = [...all.keys()].filter((id) => (all.get(id) as Cell).bets.length >= opts.minSample).sort();
  const tested: Omit<SituationStats, 'qValue' | 'significant'>[] = [];
  for (const id of ids) {
    tested.push(stats(id, all.get(id) as Cell, opts));
    if (tested.length % 25 === 0) yield { fraction: tested.length / ids.length, message: `situation ${tested.length} of ${ids.length}` };
  }
  const q = falseDiscoveryControl(
    tested.map((s) => s.pValue),
    opts.method,
  );
  const situations: SituationStats[] = tested
    .map((s, i) => ({ ...s, qValue: q[i], significant: q[i] <= opts.fdr }))
    .sort((a, b) => a.pValue - b.pValue || (a.id < b.id ? -1 : 1));
  let dataFrom: string | null = null;
  let dataTo: string | null = null;
  for (const b of set.bets) {
    const d = set.matches[b.match].date;
    if (dataFrom === null || d < dataFrom) dataFrom = d;
    if (dataTo === null || d > dataTo) dataTo = d;
  }
  return {
    situations,
    tried: situations.length,
    tooSmall: all.size - situations.length,
    significant: situations.filter((s) => s.significant).length,
    matches: set.matches.length,
    pricedMatches: set.pricedMatches,
    bets: set.bets.length,
    dataFrom,
    dataTo,
    fdr: opts.fdr,
    method: opts.method,
    priceReference: opts.priceReference,
  };
}

export function mineSituations(set: BetSet, opts: MineOptions): MineResult {
  return drain(mineSteps(set, opts));
}
