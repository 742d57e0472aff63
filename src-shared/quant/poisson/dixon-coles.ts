// Dixon & Coles (1997) bivariate-Poisson-with-correction model with time decay.
//   λ_home = exp(attack_home + defence_away + home_advantage),  λ_away = exp(attack_away + defence_home)
//   P(x, y) = τ(x, y) · Pois(x; λ_home) · Pois(y; λ_away), τ(0,0) = 1 − λ_h λ_a ρ, τ(0,1) = 1 + λ_h ρ,
//   τ(1,0) = 1 + λ_a ρ, τ(1,1) = 1 − ρ, τ = 1 otherwise.
// Each match is weighted exp(−ξ · days between the match and the fit date). Identifiability: the attacks
// sum to 0 (the last team's attack is minus the sum of the others), so defences and the home advantage
// are on the log-goals scale: exp(defence_j + home_advantage) is the home goals an average attack scores at j.
// Fitted by maximum likelihood (weighted mean log-likelihood) with analytic gradient and L-BFGS.
// Speed: the likelihood is evaluated from sufficient statistics, never match by match: the linear
// terms from weighted goals per team, the exp terms once per distinct (home, away) pair, the τ terms once
// per pair and low score (0-0, 0-1, 1-0; 1-1 is a constant in λ). L-BFGS is preconditioned by the
// approximate Hessian diagonal (goals per team), which halves the iterations.
import { dayNumber } from '../dates';
import { QuantError } from '../errors';
import type { ScoreMatrix } from '../markets';
import { lbfgs, type LbfgsOptions, type LbfgsResult } from '../optimize';
import { dixonColesMatrix } from './score-matrix';

export interface MatchResult {
  /** YYYY-MM-DD calendar date of the match. */
  date: string;
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
}

export interface DixonColesOptions {
  /** Fit date: only matches dated strictly before it are used; weights decay from it. YYYY-MM-DD. */
  asOf: string;
  /** Time decay per day (Dixon & Coles: 0.0065 per half-week ≈ 0.0019 per day). 0 = no decay. */
  xi?: number;
  /** Start from a previous fit (warm start); teams it does not know start average. */
  init?: DixonColesModel;
  /** Stop when every gradient component of the weighted mean log-likelihood is <= gtol (default 1e-8;
   * below that f has no more digits to give: probabilities then agree with scipy to ~1e-7). */
  gtol?: number;
  maxIterations?: number;
}

export interface DixonColesModel {
  teams: string[];
  attack: number[];
  defence: number[];
  homeAdvantage: number;
  rho: number;
  xi: number;
  asOf: string;
  /** Matches the fit used, and their total weight. */
  matches: number;
  weight: number;
  /** Weighted log-likelihood at the optimum (with the log x! terms). */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Why the optimiser stopped ('boundary': the optimum lies on the τ = 0 wall, reached by the interior
   * point path; gradientNorm is then that of the last barrier problem), and the largest gradient component. */
  stop: LbfgsResult['reason'] | 'boundary';
  gradientNorm: number;
}

/** Sufficient statistics of the weighted likelihood for one fit. */
interface Prepared {
  n: number;
  teams: string[];
  /** Weighted goals scored / conceded per team, and weighted home goals. */
  scored: Float64Array;
  conceded: Float64Array;
  /** Weight of the matches each team played. */
  played: Float64Array;
  homeGoals: number;
  /** Distinct (home, away) pairs and their total weight. */
  pairHome: Int32Array;
  pairAway: Int32Array;
  pairWeight: Float64Array;
  /** Per pair, the weight of 0-0, 0-1 (home 0, away 1) and 1-0 results. */
  w00: Float64Array;
  w01: Float64Array;
  w10: Float64Array;
  w11: number;
  totalWeight: number;
  logFactorials: number;
  matches: number;
}

function prepare(matches: readonly MatchResult[], asOf: number, xi: number): Prepared {
  // pass 1: validate, index teams, weight each used match (typed arrays, no per-match objects)
  const index = new Map<string, number>();
  const cap = matches.length;
  const uh = new Int32Array(cap);
  const ua = new Int32Array(cap);
  const ux = new Int32Array(cap);
  const uy = new Int32Array(cap);
  const uw = new Float64Array(cap);
  let count = 0;
  let lastDate = '';
  let lastDay = 0;
  let lastWeight = 0;
  for (let i = 0; i < cap; i++) {
    const m = matches[i];
    // results usually arrive grouped by date: reuse the previous day's parse and weight
    if (m.date !== lastDate) {
      lastDate = m.date;
      lastDay = dayNumber(m.date, `matches[${i}].date`);
      lastWeight = Math.exp(-xi * (asOf - lastDay));
    }
    if (lastDay >= asOf) continue;
    const x = m.homeGoals;
    const y = m.awayGoals;
    if (!Number.isInteger(x) || x < 0) throw new QuantError(`matches[${i}].homeGoals = ${String(x)} must be a non-negative integer`, i, x);
    if (!Number.isInteger(y) || y < 0) throw new QuantError(`matches[${i}].awayGoals = ${String(y)} must be a non-negative integer`, i, y);
    if (m.home === m.away) throw new QuantError(`matches[${i}]: ${m.home} plays itself`, i, m.home);
    let h = index.get(m.home);
    if (h === undefined) index.set(m.home, (h = index.size));
    let a = index.get(m.away);
    if (a === undefined) index.set(m.away, (a = index.size));
    uh[count] = h;
    ua[count] = a;
    ux[count] = x;
    uy[count] = y;
    uw[count] = lastWeight;
    count++;
  }
  if (count === 0) throw new QuantError('no finished match before the fit date');
  const n = index.size;
  if (n < 2) throw new QuantError('a fit needs at least two teams');
  // pass 2: sufficient statistics per team and per (home, away) pair
  const scored = new Float64Array(n);
  const conceded = new Float64Array(n);
  const played = new Float64Array(n);
  const pairOf = new Int32Array(n * n).fill(-1);
  const ph = new Int32Array(n * n);
  const pa = new Int32Array(n * n);
  const pw = new Float64Array(n * n);
  const p00 = new Float64Array(n * n);
  const p01 = new Float64Array(n * n);
  const p10 = new Float64Array(n * n);
  let pairs = 0;
  let homeGoals = 0;
  let w11 = 0;
  let total = 0;
  let logFact = 0;
  for (let u = 0; u < count; u++) {
    const h = uh[u];
    const a = ua[u];
    const x = ux[u];
    const y = uy[u];
    const w = uw[u];
    let k = pairOf[h * n + a];
    if (k < 0) {
      k = pairOf[h * n + a] = pairs++;
      ph[k] = h;
      pa[k] = a;
    }
    pw[k] += w;
    if (x <= 1 && y <= 1) {
      if (x === 0 && y === 0) p00[k] += w;
      else if (x === 0) p01[k] += w;
      else if (y === 0) p10[k] += w;
      else w11 += w;
    }
    scored[h] += w * x;
    scored[a] += w * y;
    conceded[a] += w * x;
    conceded[h] += w * y;
    played[h] += w;
    played[a] += w;
    homeGoals += w * x;
    total += w;
    logFact += w * (logFactorial(x) + logFactorial(y));
  }
  return {
    n,
    teams: [...index.keys()],
    scored,
    conceded,
    played,
    homeGoals,
    pairHome: ph.slice(0, pairs),
    pairAway: pa.slice(0, pairs),
    pairWeight: pw.slice(0, pairs),
    w00: p00.slice(0, pairs),
    w01: p01.slice(0, pairs),
    w10: p10.slice(0, pairs),
    w11,
    totalWeight: total,
    logFactorials: logFact,
    matches: count,
  };
}

const LOG_FACTORIAL = [0];
function logFactorial(k: number): number {
  while (LOG_FACTORIAL.length <= k) LOG_FACTORIAL.push(LOG_FACTORIAL[LOG_FACTORIAL.length - 1] + Math.log(LOG_FACTORIAL.length));
  return LOG_FACTORIAL[k];
}

/** Negative weighted mean log-likelihood (without log x!) and its gradient over the free parameters
 * x = [attack_0..attack_{n-2}, defence_0..defence_{n-1}, home, rho]. With barrier t > 0, minus t times
 * the sum over fitted pairs of log τ(0,1), log τ(1,0), log τ(0,0): the interior-point form used when the
 * optimum lies on the τ = 0 wall. */
function makeObjective(P: Prepared, barrier = 0) {
  const n = P.n;
  const np = P.pairHome.length;
  const att = new Float64Array(n);
  const eAtt = new Float64Array(n);
  const eDef = new Float64Array(n);
  const gAtt = new Float64Array(n);
  const gDef = new Float64Array(n);
  const inv = 1 / P.totalWeight;
  const bw = barrier * P.totalWeight;
  return (x: Float64Array, g: Float64Array): number => {
    let last = 0;
    for (let i = 0; i < n - 1; i++) {
      att[i] = x[i];
      last -= x[i];
    }
    att[n - 1] = last;
    const H = x[2 * n - 1];
    const rho = x[2 * n];
    const eH = Math.exp(H);
    for (let i = 0; i < n; i++) {
      eAtt[i] = Math.exp(att[i]);
      eDef[i] = Math.exp(x[n - 1 + i]);
    }
    // linear part: Σ w (x log λ + y log μ)
    let ll = P.homeGoals * H;
    for (let i = 0; i < n; i++) {
      ll += att[i] * P.scored[i] + x[n - 1 + i] * P.conceded[i];
      gAtt[i] = P.scored[i];
      gDef[i] = P.conceded[i];
    }
    let gH = P.homeGoals;
    if (!(rho < 1)) return Infinity;
    let gRho = -P.w11 / (1 - rho);
    ll += P.w11 * Math.log(1 - rho);
    for (let k = 0; k < np; k++) {
      const h = P.pairHome[k];
      const a = P.pairAway[k];
      const lam = eAtt[h] * eDef[a] * eH;
      const mu = eAtt[a] * eDef[h];
      // τ must stay positive for every score of every fitted pair, observed or not (else the model
      // is not a distribution, and with no 0-1/1-0 results the likelihood would run off to ρ → −∞)
      if (!(1 + lam * rho > 0 && 1 + mu * rho > 0 && 1 - lam * mu * rho > 0)) return Infinity;
      const W = P.pairWeight[k];
      ll -= W * (lam + mu);
      let dLam = -W * lam; // d ll / d log λ
      let dMu = -W * mu;
      if (bw > 0) {
        const c1 = 1 + lam * rho;
        const c2 = 1 + mu * rho;
        const lm = lam * mu;
        const c3 = 1 - lm * rho;
        ll += bw * (Math.log(c1) + Math.log(c2) + Math.log(c3));
        dLam += bw * ((lam * rho) / c1 - (lm * rho) / c3);
        dMu += bw * ((mu * rho) / c2 - (lm * rho) / c3);
        gRho += bw * (lam / c1 + mu / c2 - lm / c3);
      }
      const w00 = P.w00[k];
      if (w00 > 0) {
        const t = 1 - lam * mu * rho;
        ll += w00 * Math.log(t);
        const q = (w00 * lam * mu) / t;
        gRho -= q;
        dLam -= q * rho;
        dMu -= q * rho;
      }
      const w01 = P.w01[k];
      if (w01 > 0) {
        const t = 1 + lam * rho;
        ll += w01 * Math.log(t);
        const q = (w01 * lam) / t;
        gRho += q;
        dLam += q * rho;
      }
      const w10 = P.w10[k];
      if (w10 > 0) {
        const t = 1 + mu * rho;
        ll += w10 * Math.log(t);
        const q = (w10 * mu) / t;
        gRho += q;
        dMu += q * rho;
      }
      gAtt[h] += dLam;
      gDef[a] += dLam;
      gH += dLam;
      gAtt[a] += dMu;
      gDef[h] += dMu;
    }
    const gLast = gAtt[n - 1];
    for (let i = 0; i < n - 1; i++) g[i] = -(gAtt[i] - gLast) * inv;
    for (let i = 0; i < n; i++) g[n - 1 + i] = -gDef[i] * inv;
    g[2 * n - 1] = -gH * inv;
    g[2 * n] = -gRho * inv;
    return -ll * inv;
  };
}

/** 1 / approximate diagonal of the Hessian of the objective (per unit weight), used to precondition
 * L-BFGS: at the optimum expected goals equal observed goals, so d²/d attack_i² ≈ goals scored by i,
 * d²/d defence_j² ≈ goals conceded at j, d²/d home² ≈ home goals; for rho, the weight of low scores. */
function curvature(P: Prepared): Float64Array {
  const n = P.n;
  const d = new Float64Array(2 * n + 1);
  const W = P.totalWeight;
  const floor = 1e-3 * W;
  for (let i = 0; i < n - 1; i++) d[i] = W / Math.max(P.scored[i] + P.scored[n - 1], floor);
  for (let i = 0; i < n; i++) d[n - 1 + i] = W / Math.max(P.conceded[i], floor);
  d[2 * n - 1] = W / Math.max(P.homeGoals, floor);
  let low = P.w11;
  for (let k = 0; k < P.w00.length; k++) low += P.w00[k] + P.w01[k] + P.w10[k];
  d[2 * n] = W / Math.max(low, floor);
  return d;
}

/** Barrier weights of the interior-point path, down to 1e-8 (below it f has no digits left to give). */
const BARRIERS = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

/** The interior-point path from a point stalled on the wall: each barrier problem starts where the last
 * ended; the answer is the last one solved (the smallest t), provided it is small enough (t <= 1e-7: the
 * barrier then costs the log-likelihood ~1e-5 at most, checked against scipy's constrained fit). */
function onTheWall(P: Prepared, from: Float64Array, o: LbfgsOptions) {
  let x = from;
  let iterations = 0;
  let solved: { x: Float64Array; t: number; gradientNorm: number } | null = null;
  for (const t of BARRIERS) {
    const r = lbfgs(makeObjective(P, t), x, { ...o, gtol: Math.max(o.gtol ?? 1e-8, t) });
    iterations += r.iterations;
    if (!r.converged) break;
    x = r.x;
    solved = { x: r.x, t, gradientNorm: r.gradientNorm };
  }
  const converged = solved !== null && solved.t <= 1e-7;
  return { x: solved?.x ?? x, iterations, converged, gradientNorm: solved?.gradientNorm ?? Infinity };
}

/** The start of a fit. Cold: the independent-Poisson moment estimates (attack = log goals scored per
 * match, defence = log goals conceded per match − home/2, home = log(home goals / away goals), ρ = 0).
 * Warm (`init`): the previous fit's values for the teams it knew, on its own (centred) scale, the centred
 * moment estimates for new ones, and its ρ shrunk toward 0 until τ > 0 for every pair of this window
 * (the previous ρ with a new team's start can put a pair past the wall, where the loss is infinite). */
function startPoint(P: Prepared, init: DixonColesModel | undefined): Float64Array {
  const n = P.n;
  const x0 = new Float64Array(2 * n + 1);
  const awayGoals = P.scored.reduce((a, b) => a + b, 0) - P.homeGoals;
  const home0 = P.homeGoals > 0 && awayGoals > 0 ? Math.log(P.homeGoals / awayGoals) : 0.2;
  const att0 = P.teams.map((_, i) => Math.log(Math.max(P.scored[i], 0.1) / P.played[i]));
  const def0 = P.teams.map((_, i) => Math.log(Math.max(P.conceded[i], 0.1) / P.played[i]) - home0 / 2);
  if (init) {
    const momentMean = att0.reduce((a, b) => a + b, 0) / n;
    const prev = new Map(init.teams.map((t, i) => [t, i] as const));
    P.teams.forEach((t, i) => {
      const j = prev.get(t);
      if (j !== undefined) {
        att0[i] = init.attack[j];
        def0[i] = init.defence[j];
      } else {
        att0[i] -= momentMean;
        def0[i] += momentMean;
      }
    });
  }
  const meanAtt = att0.reduce((a, b) => a + b, 0) / n;
  for (let i = 0; i < n - 1; i++) x0[i] = att0[i] - meanAtt;
  for (let i = 0; i < n; i++) x0[n - 1 + i] = def0[i] + meanAtt;
  x0[2 * n - 1] = init ? init.homeAdvantage : home0;
  x0[2 * n] = init ? init.rho : 0;
  const probe = makeObjective(P);
  const g = new Float64Array(x0.length);
  for (let k = 0; k < 60 && !Number.isFinite(probe(x0, g)); k++) x0[2 * n] /= 2;
  if (!Number.isFinite(probe(x0, g))) x0[2 * n] = 0;
  return x0;
}

/** Fits the model on the matches dated before `opts.asOf`. */
export function fitDixonColes(matches: readonly MatchResult[], opts: DixonColesOptions): DixonColesModel {
  const xi = opts.xi ?? 0.0019;
  if (!Number.isFinite(xi) || xi < 0) throw new QuantError(`xi = ${String(xi)} must be a finite number >= 0`, undefined, xi);
  const asOf = dayNumber(opts.asOf, 'asOf');
  const P = prepare(matches, asOf, xi);
  const n = P.n;
  const x0 = startPoint(P, opts.init);
  const objective = makeObjective(P);
  const lbfgsOptions = { gtol: opts.gtol ?? 1e-8, maxIterations: opts.maxIterations ?? 2000, memory: 20, diagonal: curvature(P) };
  let res: LbfgsResult = lbfgs(objective, x0, lbfgsOptions);
  let iterations = res.iterations;
  let stop: DixonColesModel['stop'] = res.reason;
  if (!res.converged && res.reason === 'line_search') {
    // Stalled against the τ <= 0 wall (the line search meets an infinite loss): in a short window the
    // optimum lies on it (one pair's λ or μ large enough that τ(0,1) or τ(1,0) bounds ρ), and L-BFGS
    // cannot slide along it. Reach it as an interior point: minimise loss − t·Σ log τ for t → 0.
    const wall = onTheWall(P, res.x, lbfgsOptions);
    iterations += wall.iterations;
    if (wall.converged) {
      const g = new Float64Array(res.x.length);
      res = { ...res, x: wall.x, f: objective(wall.x, g), gradientNorm: wall.gradientNorm, converged: true };
      stop = 'boundary';
    }
  }
  const attack = new Array<number>(n);
  let last = 0;
  for (let i = 0; i < n - 1; i++) {
    attack[i] = res.x[i];
    last -= res.x[i];
  }
  attack[n - 1] = last;
  return {
    teams: P.teams,
    attack,
    defence: Array.from(res.x.subarray(n - 1, 2 * n - 1)),
    homeAdvantage: res.x[2 * n - 1],
    rho: res.x[2 * n],
    xi,
    asOf: opts.asOf,
    matches: P.matches,
    weight: P.totalWeight,
    logLikelihood: -res.f * P.totalWeight - P.logFactorials,
    iterations,
    converged: res.converged,
    stop,
    gradientNorm: res.gradientNorm,
  };
}

export interface Expectation {
  lambdaHome: number;
  lambdaAway: number;
}

/** Expected goals of a fixture; an unknown team is a QuantError naming it. */
export function expectedGoals(model: DixonColesModel, home: string, away: string): Expectation {
  const h = model.teams.indexOf(home);
  const a = model.teams.indexOf(away);
  if (h < 0) throw new QuantError(`unknown team '${home}' (not in the fitted matches)`, undefined, home);
  if (a < 0) throw new QuantError(`unknown team '${away}' (not in the fitted matches)`, undefined, away);
  return {
    lambdaHome: Math.exp(model.attack[h] + model.defence[a] + model.homeAdvantage),
    lambdaAway: Math.exp(model.attack[a] + model.defence[h]),
  };
}

/** Score matrix of a fixture under a fitted model. */
export function predictMatrix(model: DixonColesModel, home: string, away: string, maxGoals = 15): ScoreMatrix & Expectation {
  const e = expectedGoals(model, home, away);
  return { ...e, ...dixonColesMatrix(e.lambdaHome, e.lambdaAway, model.rho, maxGoals) };
}
