// Limited-memory BFGS (Nocedal & Wright 2006, Alg. 7.4/7.5) with a strong-Wolfe line search (Alg. 3.5/3.6).
// Hand-written: a few hundred lines beat pulling an npm optimiser (none is maintained with analytic
// gradients + Wolfe search + Float64Array buffers), and it lets the likelihood reuse its buffers.

/** Writes the gradient at x into g and returns f(x); may return Infinity where f is undefined. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

export interface LbfgsOptions {
  /** Stop when max |g_i| <= gtol. */
  gtol?: number;
  /** Stop when the relative decrease of f over an iteration is <= ftol. */
  ftol?: number;
  maxIterations?: number;
  memory?: number;
  /** Diagonal scaling of the initial inverse Hessian (e.g. 1/diag of an approximate Hessian):
   * H0 = γ·D with γ = s'y / y'Dy. Helps when parameters live on very different curvature scales. */
  diagonal?: Float64Array;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: 'gradient' | 'function' | 'max_iterations' | 'line_search';
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

export function lbfgs(fn: Objective, x0: ArrayLike<number>, opts: LbfgsOptions = {}): LbfgsResult {
  const n = x0.length;
  const gtol = opts.gtol ?? 1e-9;
  const ftol = opts.ftol ?? 1e-15;
  const maxIter = opts.maxIterations ?? 1000;
  const mem = opts.memory ?? 10;
  const D = opts.diagonal;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let evaluations = 1;
  let f = fn(x, g);
  if (!Number.isFinite(f)) throw new Error(`objective is not finite at the starting point (${f})`);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(mem);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let iter = 0;
  let reason: LbfgsResult['reason'] = 'max_iterations';
  if (maxAbs(g) <= gtol) return { x, f, gradientNorm: maxAbs(g), iterations: 0, evaluations, converged: true, reason: 'gradient' };

  for (; iter < maxIter; iter++) {
    // two-loop recursion: d = -H g
    for (let i = 0; i < n; i++) d[i] = -g[i];
    const k = s.length;
    for (let j = k - 1; j >= 0; j--) {
      alpha[j] = rho[j] * dot(s[j], d);
      const yj = y[j];
      for (let i = 0; i < n; i++) d[i] -= alpha[j] * yj[i];
    }
    if (k > 0) {
      const sk = s[k - 1];
      const yk = y[k - 1];
      if (D) {
        let yDy = 0;
        for (let i = 0; i < n; i++) yDy += yk[i] * yk[i] * D[i];
        const gamma = dot(sk, yk) / yDy;
        for (let i = 0; i < n; i++) d[i] *= gamma * D[i];
      } else {
        const gamma = dot(sk, yk) / dot(yk, yk);
        for (let i = 0; i < n; i++) d[i] *= gamma;
      }
    } else if (D) {
      for (let i = 0; i < n; i++) d[i] *= D[i];
    }
    for (let j = 0; j < k; j++) {
      const b = rho[j] * dot(y[j], d);
      const sj = s[j];
      for (let i = 0; i < n; i++) d[i] += (alpha[j] - b) * sj[i];
    }
    let dg = dot(d, g);
    if (!(dg < 0)) {
      // not a descent direction (numerical trouble): restart from steepest descent
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      dg = dot(d, g);
    }
    const step0 = k === 0 ? Math.min(1, 1 / Math.sqrt(-dg)) : 1;
    const ls = wolfeSearch(fn, x, f, g, d, dg, step0, xNew, gNew);
    evaluations += ls.evaluations;
    if (!ls.ok) {
      reason = 'line_search';
      break;
    }
    const fOld = f;
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = xNew[i] - x[i];
      yk[i] = gNew[i] - g[i];
      x[i] = xNew[i];
      g[i] = gNew[i];
    }
    f = ls.f;
    const sy = dot(sk, yk);
    if (sy > 1e-300) {
      if (s.length === mem) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    if (maxAbs(g) <= gtol) {
      reason = 'gradient';
      iter++;
      break;
    }
    if ((fOld - f) / Math.max(Math.abs(fOld), Math.abs(f), 1) <= ftol) {
      reason = 'function';
      iter++;
      break;
    }
  }
  const gn = maxAbs(g);
  // a line search that cannot decrease f any more with a small gradient is at the optimum to
  // machine precision (f has no more digits to give), not a failure
  const converged = reason === 'gradient' || reason === 'function' || (reason === 'line_search' && gn <= Math.max(gtol, 1e-6));
  return { x, f, gradientNorm: gn, iterations: iter, evaluations, converged, reason };
}

interface LineSearch {
  ok: boolean;
  f: number;
  evaluations: number;
}

const MAX_TRIALS = 20;

/** Strong Wolfe line search (c1 = 1e-4, c2 = 0.9); leaves the accepted point in xNew/gNew. */
function wolfeSearch(
  fn: Objective,
  x: Float64Array,
  f0: number,
  _g0: Float64Array,
  d: Float64Array,
  dg0: number,
  step0: number,
  xNew: Float64Array,
  gNew: Float64Array,
): LineSearch {
  const c1 = 1e-4;
  const c2 = 0.9;
  const n = x.length;
  let evaluations = 0;
  const phi = (a: number): [number, number] => {
    for (let i = 0; i < n; i++) xNew[i] = x[i] + a * d[i];
    evaluations++;
    const fv = fn(xNew, gNew);
    return [Number.isFinite(fv) ? fv : Infinity, dot(gNew, d)];
  };
  let aPrev = 0;
  let fPrev = f0;
  let dPrev = dg0;
  let a = step0;
  // at most MAX_TRIALS evaluations in all (MINPACK-2's dcsrch in scipy allows 20): past that, f has no
  // more digits to give and the caller judges convergence by the gradient
  for (let i = 0; evaluations < MAX_TRIALS; i++) {
    const [fa, da] = phi(a);
    if (fa > f0 + c1 * a * dg0 || (i > 0 && fa >= fPrev)) return zoom(aPrev, a, fPrev, fa, dPrev);
    if (Math.abs(da) <= -c2 * dg0) return { ok: true, f: fa, evaluations };
    if (da >= 0) return zoom(a, aPrev, fa, fPrev, da);
    aPrev = a;
    fPrev = fa;
    dPrev = da;
    a *= 2;
  }
  return { ok: false, f: f0, evaluations };

  function zoom(lo: number, hi: number, fLo: number, fHi: number, dLo: number): LineSearch {
    while (evaluations < MAX_TRIALS) {
      // safeguarded quadratic interpolation (bisection when the minimiser is outside the middle 80%)
      let a = lo - (dLo * (hi - lo) * (hi - lo)) / (2 * (fHi - fLo - dLo * (hi - lo)));
      const lo2 = Math.min(lo, hi);
      const w = Math.abs(hi - lo);
      if (!Number.isFinite(a) || a < lo2 + 0.1 * w || a > lo2 + 0.9 * w) a = 0.5 * (lo + hi);
      const [fa, da] = phi(a);
      if (fa > f0 + c1 * a * dg0 || fa >= fLo) {
        hi = a;
        fHi = fa;
      } else {
        if (Math.abs(da) <= -c2 * dg0) return { ok: true, f: fa, evaluations };
        if (da * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
        }
        lo = a;
        fLo = fa;
        dLo = da;
      }
      if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) break;
    }
    // accept the best point found if it decreased f at all
    if (fLo < f0) {
      phi(lo);
      return { ok: true, f: fLo, evaluations };
    }
    return { ok: false, f: f0, evaluations };
  }
}
