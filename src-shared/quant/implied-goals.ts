// The goal expectations a market's prices imply: the (λ_home, λ_away) whose Dixon-Coles matrix gives the
// de-vigged 1X2 probabilities (and a totals line's over probability when there is one) in least squares.
// A fixture's market prices read far more than a league model fitted on a few months of results, so the
// scorer markets (whose edges multiply any error in the team's λ) take their λ from here when the match is
// priced. Solved by L-BFGS on log λ with central-difference gradients (two parameters, a 16 × 16 matrix).
// Referenced against scipy (test/reference/implied_goals_reference.py).
import { QuantError } from './errors';
import { matchOdds, totals } from './markets';
import { lbfgs } from './optimize';
import { dixonColesMatrix } from './poisson/score-matrix';

export interface GoalTargets {
  /** De-vigged 1X2 probabilities (summing to 1). */
  home: number;
  draw: number;
  away: number;
  /** A totals line and its de-vigged over probability (pushes left out), when the market quotes one. */
  totals?: { line: number; over: number };
}

export interface ImpliedGoals {
  lambdaHome: number;
  lambdaAway: number;
  /** Root mean square gap between the matrix's probabilities and the targets at the solution. */
  rms: number;
}

function check(t: GoalTargets): void {
  const ps = [t.home, t.draw, t.away];
  if (ps.some((p) => !(p > 0 && p < 1)) || Math.abs(ps[0] + ps[1] + ps[2] - 1) > 1e-6)
    throw new QuantError(`implied goals: 1X2 probabilities ${ps.join(', ')} must be in (0, 1) and sum to 1`);
  if (t.totals && (!(t.totals.over > 0 && t.totals.over < 1) || !(t.totals.line >= 0)))
    throw new QuantError(`implied goals: totals ${t.totals.line} over ${t.totals.over} is not a line ≥ 0 with a probability in (0, 1)`);
}

/** The gaps between the matrix of (λh, λa) and the targets. */
function gaps(lh: number, la: number, rho: number, t: GoalTargets): number[] {
  const m = dixonColesMatrix(lh, la, rho);
  const x = matchOdds(m);
  const out = [x.home - t.home, x.draw - t.draw, x.away - t.away];
  if (t.totals) {
    const o = totals(m, t.totals.line).over;
    out.push(o.win / (o.win + o.lose) - t.totals.over);
  }
  return out;
}

export function impliedGoals(t: GoalTargets, rho = 0): ImpliedGoals {
  check(t);
  const f = (lh: number, la: number) => gaps(lh, la, rho, t).reduce((s, g) => s + g * g, 0);
  const h = 1e-6;
  const res = lbfgs(
    (x, g) => {
      const [a, b] = [x[0], x[1]];
      g[0] = (f(Math.exp(a + h), Math.exp(b)) - f(Math.exp(a - h), Math.exp(b))) / (2 * h);
      g[1] = (f(Math.exp(a), Math.exp(b + h)) - f(Math.exp(a), Math.exp(b - h))) / (2 * h);
      return f(Math.exp(a), Math.exp(b));
    },
    [Math.log(1.4), Math.log(1.1)],
    { gtol: 1e-13, maxIterations: 500 },
  );
  const [lambdaHome, lambdaAway] = [Math.exp(res.x[0]), Math.exp(res.x[1])];
  const g = gaps(lambdaHome, lambdaAway, rho, t);
  return { lambdaHome, lambdaAway, rms: Math.sqrt(g.reduce((s, v) => s + v * v, 0) / g.length) };
}
