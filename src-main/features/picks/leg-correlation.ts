// The correlation of two legs of one match, one function for every place a combo is priced (the slip's
// picks.priceCombo / recordCombo and CONSEIL's doubles), the better number first:
//   1. the fixture's Dixon-Coles score matrix when it has a model and both legs are settled whole by the
//      score (1X2, half goal lines, half handicaps): the exact joint, its phi;
//   2. else Agent C's within-match phi (patterns_correlations.model_within: the model's phi inside one
//      match averaged over the matches it priced, what a combo is priced with per Agent C's contract),
//      its latest run, the league's row before all leagues', only with at least MIN_WITHIN_SAMPLE matches;
//      a half-line under or away leg reads its over or home row with the sign turned;
//   3. else none: the caller says so (the slip prices the pair as independent, CONSEIL refuses it).
// The across-matches empirical `correlation` column is never read: it mixes matches of different strengths.
import { correlationKey, type LegForKey } from '../../../src-shared/domain/combo-legs';
import { legCorrelation } from '../../../src-shared/quant/combos';
import type { ScoreMatrix } from '../../../src-shared/quant/markets';
import { scoreJoint, type ScoreLegSpec } from '../../../src-shared/quant/score-joint';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';

/** Agent C's row is read only for pairs its model priced in at least this many matches. */
export const MIN_WITHIN_SAMPLE = 300;

export const MATRIX_SOURCE = 'Dixon-Coles score matrix (exact joint)';
export const NO_MODEL_NONE_KNOWN = 'no model and no known correlation for the pair';

export type LegCorrelation = { phi: number; source: string } | { why: string };

/** A leg as the correlation reads it: a goalscorer leg carries its player's side. */
export type CorrelationLeg = LegForKey & { playerSide?: 'home' | 'away' };

/** Agent C's latest within-match phi of two keys (either order), the league's row first. */
export function withinCorrelation(
  db: Cache,
  league: string,
  a: string,
  b: string,
  minSample = MIN_WITHIN_SAMPLE,
): { id: string; phi: number; n: number } | undefined {
  if (!tableExists(db, 'patterns_correlations')) return undefined;
  return db
    .prepare(
      `SELECT correlation_id AS id, model_within AS phi, model_sample AS n FROM patterns_correlations
        WHERE ((market_a = @a AND market_b = @b) OR (market_a = @b AND market_b = @a))
          AND league IN (@league, 'ALL') AND model_within IS NOT NULL AND model_sample >= @minSample
        ORDER BY mined_at DESC, CASE league WHEN @league THEN 0 ELSE 1 END LIMIT 1`,
    )
    .get({ a, b, league, minSample }) as { id: string; phi: number; n: number } | undefined;
}

const isHalf = (line: number | null) => line !== null && Number.isFinite(line) && Math.abs((line * 2) % 2) === 1;

/** Whether the final score settles the leg whole (no push, no half result): the score matrix prices it. */
export function scoreSettled(leg: LegForKey): leg is ScoreLegSpec {
  return leg.market === '1x2' || ((leg.market === 'totals' || leg.market === 'spreads') && isHalf(leg.line));
}

/** Agent C's within-match phi of the pair, its sign turned for a complement leg; null when unknown. */
export function agentCCorrelation(db: Cache, league: string, a: CorrelationLeg, b: CorrelationLeg): { phi: number; source: string } | null {
  const ka = correlationKey(a, a.playerSide);
  const kb = correlationKey(b, b.playerSide);
  const row = withinCorrelation(db, league, ka.key, kb.key);
  if (!row) return null;
  const turn = (k: typeof ka, l: CorrelationLeg) => (k.complementOf ? `of ${k.complementOf}, sign turned for ${l.selection}` : null);
  const turned = [turn(ka, a), turn(kb, b)].filter((t) => t !== null);
  const note = turned.length ? ` (${turned.join('; ')})` : '';
  return {
    phi: row.phi * ka.sign * kb.sign,
    source: `Agent C ${row.id}: the model's within-match phi averaged over ${row.n} matches${note}`,
  };
}

/** The pair's correlation, the better number first (see the head of this file). */
export function sameMatchCorrelation(
  db: Cache,
  fixture: { league: string; matrix: ScoreMatrix | null },
  a: CorrelationLeg,
  b: CorrelationLeg,
): LegCorrelation {
  if (fixture.matrix && scoreSettled(a) && scoreSettled(b)) {
    const phi = legCorrelation(scoreJoint(fixture.matrix, a, b));
    return phi === null ? { why: 'a leg certain under the model' } : { phi, source: MATRIX_SOURCE };
  }
  const known = agentCCorrelation(db, fixture.league, a, b);
  if (known) return known;
  if (!fixture.matrix) return { why: NO_MODEL_NONE_KNOWN };
  return { why: 'no exact joint (a leg the final score does not settle whole) and no known correlation for the pair' };
}
