// PATRON DIAMOND's inputs: what each candidate bet is scored on, one number per input, computed the same
// way live (the cache) and in replay (any backtest data). An input an agent did not give (no model for a
// team, no trap on the selection, a replay without intraday series) is 0: its learned weight then rests
// on the history that has it.
import type { MarketPrices, BookRoles } from '../../../../src-shared/domain/market-prices';
import { commissionOf, completeOdds, isSoftBook } from '../../../../src-shared/domain/market-prices';
import { netOdds } from '../../../../src-shared/quant/commission';
import { SELECTIONS } from '../../../../src-shared/contract/market';
import type { ValueRow } from '../value';

export const PATRON_INPUTS = [
  'edge',
  'marketEdge',
  'model',
  'outlier',
  'priceBand',
  'thinMarket',
  'consensusOnly',
  'steam',
  'trap',
  'pattern',
] as const;
export type PatronInput = (typeof PATRON_INPUTS)[number];

/** What each input is, in words (the panel's factor list and the README). */
export const INPUT_LABELS: Record<PatronInput, string> = {
  edge: 'Agent B: edge of the best price against the blended fair probability (p·odds − 1)',
  marketEdge: 'Agent B: edge of the best price against the market alone (sharp book de-vigged, else consensus)',
  model: 'Agent B: Dixon-Coles probability minus the market probability',
  outlier: 'Agent A: best price over the second best − 1 (a lone high price is often a stale quote)',
  priceBand: 'price band: ln(best odds)',
  thinMarket: 'thin market: 1 / books quoting the selection',
  consensusOnly: 'no sharp price on the line: the fair price is the consensus of the soft books',
  steam: 'Agent A: steam toward the selection (score/100; negative when against it)',
  trap: 'FERRARI: trap on the selection (severity low 1, medium 2, high 3)',
  pattern: 'Agent C: ROI of the matching historical pattern when it survives the multiple-testing correction',
};

/** An input's label on a pick, saying so when the fit merged it into a collinear input (its part is 0
 * and is counted in the other's). */
export function contributionLabel(input: PatronInput, mergedInto?: string): string {
  const label = INPUT_LABELS[input] ?? input;
  if (!mergedInto) return label;
  return `${label}; moved with ${mergedInto} on the history PATRON learned from (|r| > 0.95), so merged into it: its part is counted in ${mergedInto}'s`;
}

/** Signals that only the live agents give (Agent A, FERRARI, Agent C), per candidate. */
export interface LiveSignals {
  steam?: number;
  trap?: number;
  pattern?: number;
}

export type InputVector = Record<PatronInput, number>;

/** The soft prices of selection k on the line, net of each book's commission, highest first (books
 * quoting the whole line): the best price's lead is over the second best price a bettor can get. */
function softPrices(m: MarketPrices, roles: BookRoles, k: number): number[] {
  const n = SELECTIONS[m.market].length;
  const out: number[] = [];
  for (const b of m.books) {
    if (!isSoftBook(b.bookmaker, roles)) continue;
    const o = completeOdds(b, n);
    if (o) out.push(netOdds(o[k], commissionOf(roles, b.bookmaker)));
  }
  return out.sort((a, b) => b - a);
}

/** The inputs of one candidate: Agent B's row of the selection (its best price and probabilities), the
 * line's prices, and the live signals. Null when the row has no price or no fair probability. */
export function candidateInputs(row: ValueRow, m: MarketPrices, roles: BookRoles, signals: LiveSignals = {}): InputVector | null {
  if (row.bestOdds === null || row.blendProb === null || row.marketProb === null) return null;
  const k = SELECTIONS[row.market].indexOf(row.selection);
  const prices = softPrices(m, roles, k);
  const second = prices.length > 1 ? prices[1] : null;
  return {
    edge: row.blendProb * row.bestOdds - 1,
    marketEdge: row.marketProb * row.bestOdds - 1,
    model: row.modelProb === null ? 0 : row.modelProb - row.marketProb,
    outlier: second ? row.bestOdds / second - 1 : 0,
    priceBand: Math.log(row.bestOdds),
    thinMarket: 1 / Math.max(1, prices.length),
    consensusOnly: row.marketSource?.startsWith('sharp') ? 0 : 1,
    steam: signals.steam ?? 0,
    trap: signals.trap ?? 0,
    pattern: signals.pattern ?? 0,
  };
}

export const inputArray = (v: InputVector): number[] => PATRON_INPUTS.map((k) => v[k]);
