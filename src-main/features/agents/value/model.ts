// Dixon-Coles probabilities of the selections of one market line, from a fixture's score matrix.
// For totals and Asian handicap lines that can push (whole lines) or half-settle (quarter lines), the
// probability is the one the market's prices express: of winning given no push, 1/fair odds, where the
// fair odds (zero expected profit) come from quant's totals/asianHandicap over every score.
import { asianHandicap, matchOdds, totals, type ScoreMatrix } from '../../../../src-shared/quant/markets';
import type { MarketKind } from '../../../../src-shared/contract/market';

const implied = (fairOdds: number): number => (Number.isFinite(fairOdds) && fairOdds > 0 ? 1 / fairOdds : 0);

/** Probabilities in SELECTIONS order (home, draw, away / over, under / home, away). */
export function modelProbabilities(m: ScoreMatrix, market: MarketKind, line: number | null): number[] {
  if (market === '1x2') {
    const x = matchOdds(m);
    return [x.home, x.draw, x.away];
  }
  if (line === null) throw new Error(`a ${market} market needs a line`);
  if (market === 'totals') {
    const t = totals(m, line);
    return [implied(t.over.fairOdds), implied(t.under.fairOdds)];
  }
  const h = asianHandicap(m, line);
  return [implied(h.home.fairOdds), implied(h.away.fairOdds)];
}
