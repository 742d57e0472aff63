// The exact joint distribution of two legs of one match under a score matrix (Dixon-Coles): every score
// decides both legs at once, so P(A and B) is the sum of the scores where both win. This is the model's
// own dependence between the legs (a strong home side wins more and scores more), not a correlation
// measured over many matches of different strengths.
import type { JointBinary } from './combos';
import { QuantError } from './errors';
import type { ScoreMatrix } from './markets';

/** A leg settled whole by the final score: 1X2, or a half goal line (totals) or half handicap (spreads,
 * the home side's line), which can neither push nor half-settle. */
export interface ScoreLegSpec {
  market: '1x2' | 'totals' | 'spreads';
  line: number | null;
  selection: string;
}

const isHalf = (line: number | null): line is number => line !== null && Number.isFinite(line) && Math.abs((line * 2) % 2) === 1;

/** Whether the leg wins at the score (home, away); QuantError for a leg a score cannot settle whole. */
export function scoreLegWins(leg: ScoreLegSpec): (home: number, away: number) => boolean {
  const { market, line, selection } = leg;
  if (market === '1x2') {
    if (selection === 'home') return (h, a) => h > a;
    if (selection === 'draw') return (h, a) => h === a;
    if (selection === 'away') return (h, a) => h < a;
  } else if (isHalf(line)) {
    if (market === 'totals' && selection === 'over') return (h, a) => h + a > line;
    if (market === 'totals' && selection === 'under') return (h, a) => h + a < line;
    if (market === 'spreads' && selection === 'home') return (h, a) => h + line > a;
    if (market === 'spreads' && selection === 'away') return (h, a) => h + line < a;
  } else {
    throw new QuantError(`${market} ${String(line)}: only half lines settle whole on a score (no push, no half result)`, undefined, line);
  }
  throw new QuantError(`${market} has no selection '${selection}'`, undefined, selection);
}

/** P(A and B), P(A only), P(B only), P(neither) summed over the matrix's scores. */
export function scoreJoint(m: ScoreMatrix, a: ScoreLegSpec, b: ScoreLegSpec): JointBinary {
  const winsA = scoreLegWins(a);
  const winsB = scoreLegWins(b);
  const n = m.maxGoals + 1;
  if (m.p.length !== n * n) throw new QuantError(`score matrix has ${m.p.length} cells, not ${n}²`, undefined, m.p.length);
  let p11 = 0;
  let p10 = 0;
  let p01 = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = m.p[i * n + j];
      total += p;
      const wa = winsA(i, j);
      const wb = winsB(i, j);
      if (wa && wb) p11 += p;
      else if (wa) p10 += p;
      else if (wb) p01 += p;
    }
  }
  if (!(Math.abs(total - 1) < 1e-9)) throw new QuantError(`score matrix sums to ${total}, not 1`, undefined, total);
  // p00 by difference keeps the four cells summing to 1 exactly as checkJoint wants
  return { p11, p10, p01, p00: Math.max(0, 1 - p11 - p10 - p01) };
}

/** Whether one leg settles the other on every score up to `maxGoals` a side: one implies the other (under
 * 1.5 goals implies away +1.5), or they never win together. Such a double is a single at a false price
 * (a book would not combine them), never a combo. */
export function legsNested(a: ScoreLegSpec, b: ScoreLegSpec, maxGoals = 15): boolean {
  const winsA = scoreLegWins(a);
  const winsB = scoreLegWins(b);
  let aWithoutB = false;
  let bWithoutA = false;
  let both = false;
  for (let i = 0; i <= maxGoals; i++) {
    for (let j = 0; j <= maxGoals; j++) {
      const wa = winsA(i, j);
      const wb = winsB(i, j);
      if (wa && wb) both = true;
      else if (wa) aWithoutB = true;
      else if (wb) bWithoutA = true;
    }
  }
  return !both || !aWithoutB || !bWithoutA;
}
