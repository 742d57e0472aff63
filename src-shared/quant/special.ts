// Special functions the statistics need: log-gamma, log-beta, the regularised incomplete beta, the normal
// and Student t distributions.
import { QuantError } from './errors';
import { brent } from './roots';

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; ~1e-15 relative). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

const LOG_FACT: number[] = [0];
/** ln k! exactly summed for k <= 1000 (no Lanczos error in binomial sums), Lanczos beyond. */
export function logFactorial(k: number): number {
  if (k <= 1000) {
    while (LOG_FACT.length <= k) LOG_FACT.push(LOG_FACT[LOG_FACT.length - 1] + Math.log(LOG_FACT.length));
    return LOG_FACT[k];
  }
  return logGamma(k + 1);
}

/** erf(x) for x >= 0 by the all-positive series erf x = 2/√π e^{−x²} Σ 2^n x^{2n+1}/(2n+1)!!,
 * 1 beyond x = 6 (erfc(6) < 3e-17). */
function erfPositive(x: number): number {
  if (x > 6) return 1;
  let term = x;
  let sum = x;
  for (let n = 1; n < 1000; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

/** Standard normal CDF. */
export function normalCdf(z: number): number {
  const e = erfPositive(Math.abs(z) / Math.SQRT2);
  return z >= 0 ? 0.5 * (1 + e) : 0.5 * (1 - e);
}

export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Standard normal quantile: Acklam's rational approximation, polished by Newton steps on normalCdf. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normal quantile of ${p}: p must be in (0, 1)`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let z: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5;
    const r = q * q;
    z =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    z = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  for (let i = 0; i < 3; i++) z -= (normalCdf(z) - p) / normalPdf(z);
  return z;
}

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** lnΓ(x) − [(x − ½)·ln x − x + ln √(2π)] for x >= 10: the Stirling series to the x^−13 term
 * (the next term is below 1e-17 at x = 10). */
function stirlingRemainder(x: number): number {
  const r = 1 / (x * x);
  return (1 / 12 + r * (-1 / 360 + r * (1 / 1260 + r * (-1 / 1680 + r * (1 / 1188 + r * (-691 / 360360 + r / 156)))))) / x;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. When an argument is >= 10 the large
 * log-gammas are not subtracted but cancelled analytically (the arrangement of R's lbeta), so
 * ln B(½, 5000) keeps ~1e-15 relative accuracy instead of losing four digits. */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = stirlingRemainder(q) - stirlingRemainder(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** Continued fraction of I_x(a, b) (modified Lentz; Numerical Recipes §6.4), multiplied by its prefactor
 * x^a·y^b / (a·B(a, b)), y = 1 − x, with ln x and ln y given by the caller so that they can be exact. */
function betaContinuedFraction(a: number, b: number, x: number, y: number, logX: number, logY: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // 1 − (a + b)·x/(a + 1) = (1 − b + (a + b)·y)/(a + 1): from y when x is near 1 (no cancellation for b <= 1)
  let d = x > 0.5 ? (1 - b + qab * y) / qap : 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return (Math.exp(a * logX + b * logY - logBeta(a, b)) * h) / a;
}

/** Both tails of the incomplete beta: lower = I_x(a, b), upper = 1 − I_x(a, b), the smaller one computed
 * directly (never as 1 − the other), from x, y = 1 − x and their logarithms. */
function incompleteBetaTails(a: number, b: number, x: number, y: number, logX: number, logY: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  if (x < (a + 1) / (a + b + 2)) {
    const lower = betaContinuedFraction(a, b, x, y, logX, logY);
    return { lower, upper: 1 - lower };
  }
  const upper = betaContinuedFraction(b, a, y, x, logY, logX);
  return { lower: 1 - upper, upper };
}

function checkShape(v: number, what: string): void {
  if (!(Number.isFinite(v) && v > 0)) throw new QuantError(`${what} = ${String(v)} must be a finite number > 0`, undefined, v);
}

/** Regularised incomplete beta I_x(a, b) (scipy.special.betainc(a, b, x)), a, b > 0, x in [0, 1]:
 * ~1e-13 relative for a, b up to 10³ (checked against scipy). For a ≫ 1 with x near 1 the continued
 * fraction loses ~ε·a/(a·(1 − x)) to cancellation; the t distribution avoids that region (BGRAT below). */
export function regularizedIncompleteBeta(a: number, b: number, x: number): number {
  checkShape(a, 'a');
  checkShape(b, 'b');
  if (!(x >= 0 && x <= 1)) throw new QuantError(`x = ${String(x)} must be in [0, 1]`, undefined, x);
  return incompleteBetaTails(a, b, x, 1 - x, Math.log(x), Math.log1p(-x)).lower;
}

/** e^{x²}·erfc(x) for x >= 0: 1 − erf by the series below 2 (at most ~2 digits cancel), else the
 * continued fraction erfc x = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))) (modified Lentz). */
function erfcx(x: number): number {
  if (x < 2) return Math.exp(x * x) * (1 - erfPositive(x));
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const ak = k / 2;
    d = x + ak * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + ak / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = c * d;
    f *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 1 / (Math.sqrt(Math.PI) * f);
}

/** I_x(a, ½) for large a (>= 15) by the asymptotic expansion BGRAT of DiDonato & Morris (1992),
 * ACM TOMS 708, §9, with b = ½ so that the incomplete gamma ratio Q(½, z) is erfc(√z). This is the region
 * (x near 1, a large) where the continued fraction loses ~ε·a/(a·y) to cancellation. */
function incompleteBetaHalfLargeA(a: number, x: number, y: number): number {
  const b = 0.5;
  const bm1 = -0.5;
  const nu = a + bm1 / 2;
  const lnx = y > 0.375 ? Math.log(x) : Math.log1p(-y);
  const z = -nu * lnx;
  // ln r = −z + b·ln z − ln Γ(b);  ln u = ln r − ln(Γ(a)/Γ(a + b)) − b·ln ν;  Γ(½) = √π
  const logR = -z + b * Math.log(z) - 0.5 * Math.log(Math.PI);
  const logGammaRatio = logBeta(a, b) - 0.5 * Math.log(Math.PI); // ln Γ(a) − ln Γ(a + b)
  const u = Math.exp(logR - logGammaRatio - b * Math.log(nu));
  // J_0 = Q(b, z)/r = √π·erfcx(√z)/√z
  const sz = Math.sqrt(z);
  let j = (Math.sqrt(Math.PI) * erfcx(sz)) / sz;
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * lnx * lnx;
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  const c: number[] = [];
  const d: number[] = [];
  for (let n = 1; n <= 30; n++) {
    const bp2n = b + n2;
    j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
    n2 += 2;
    t *= t2;
    cn /= n2 * (n2 + 1);
    c.push(cn);
    let s = 0;
    let coef = b - n;
    for (let i = 1; i < n; i++) {
      s += coef * c[i - 1] * d[n - 1 - i];
      coef += b;
    }
    d.push(bm1 * cn + s / n);
    const dj = d[n - 1] * j;
    sum += dj;
    if (Math.abs(dj) <= 1e-17 * sum) break;
  }
  return u * sum;
}

/** Student t survival function P(T > t) with `df` > 0 degrees of freedom (non-integer allowed):
 * ½·I_{ν/(ν+t²)}(ν/2, ½) for t > 0, by symmetry otherwise; the small tail is computed directly.
 * Regions as TOMS 708's bratio: BGRAT for ν > 30 with t²/(ν + t²) < 0.3 outside the centre, else the
 * continued fraction. */
export function studentTSf(t: number, df: number): number {
  checkShape(df, 'degrees of freedom');
  if (typeof t !== 'number' || Number.isNaN(t)) throw new QuantError(`t = ${String(t)} is not a number`, undefined, t);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const t2 = t * t;
  // x = ν/(ν + t²), y = t²/(ν + t²), with logs computed without cancellation
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  let tail: number; // P(T > |t|)
  if (df > 30 && y < 0.3 && y * df > 0.98) {
    tail = 0.5 * incompleteBetaHalfLargeA(df / 2, x, y);
  } else {
    const logX = -Math.log1p(t2 / df);
    const logY = t2 === 0 ? -Infinity : 2 * Math.log(Math.abs(t)) - Math.log(df + t2);
    tail = 0.5 * incompleteBetaTails(df / 2, 0.5, x, y, logX, logY).lower;
  }
  return t >= 0 ? tail : 1 - tail;
}

/** Student t CDF P(T <= t). */
export function studentTCdf(t: number, df: number): number {
  return studentTSf(-t, df);
}

/** Student t quantile: the t with P(T <= t) = p, solved with Brent's method on ln P(T > |t|), so tails
 * down to the smallest doubles keep full relative accuracy. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new QuantError(`Student t quantile of ${p}: p must be in (0, 1)`, undefined, p);
  checkShape(df, 'degrees of freedom');
  if (p === 0.5) return 0;
  const tail = Math.min(p, 1 - p);
  const target = Math.log(tail);
  // clamped: a tail that underflows to 0 gives ln 0 = −∞, which Brent's interpolation cannot use
  const g = (t: number): number => Math.max(-1e6, Math.log(studentTSf(t, df)) - target);
  let hi = 1;
  for (let i = 0; i < 1100 && g(hi) > 0; i++) hi *= 2;
  const t = brent(g, 0, hi, 0);
  return p < 0.5 ? -t : t;
}
