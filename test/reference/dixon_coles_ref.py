"""Dixon-Coles reference fit with numpy/scipy, written independently of the TypeScript one.

Per-match vectorised likelihood (no aggregation), attacks summing to zero (last = -sum of the others),
weights exp(-xi * days before the fit date), scipy L-BFGS-B with the analytic gradient.
Used by quant_reference.py (fixtures) and dc_bench.py (the benchmark baseline).
"""
import csv
import datetime as dt

import numpy as np
from scipy import optimize
from scipy.special import gammaln
from scipy.stats import poisson


def read_csv(path):
    """(date, home, away, home goals, away goals) of every played match in a football-data CSV (both layouts)."""
    out = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            home = row.get("HomeTeam") or row.get("Home")
            away = row.get("AwayTeam") or row.get("Away")
            hg = row.get("FTHG", row.get("HG", ""))
            ag = row.get("FTAG", row.get("AG", ""))
            if not home or hg in ("", None) or ag in ("", None):
                continue
            d, m, y = row["Date"].split("/")
            y = int(y) + (2000 if len(y) == 2 else 0)
            out.append((dt.date(y, int(m), int(d)), home, away, int(float(hg)), int(float(ag))))
    return out


class Data:
    def __init__(self, matches, as_of, xi):
        used = [m for m in matches if m[0] < as_of]
        teams = sorted({m[1] for m in used} | {m[2] for m in used})
        idx = {t: i for i, t in enumerate(teams)}
        self._setup(teams, np.array([idx[m[1]] for m in used]), np.array([idx[m[2]] for m in used]),
                    np.array([m[3] for m in used], dtype=float), np.array([m[4] for m in used], dtype=float),
                    np.array([(as_of - m[0]).days for m in used], dtype=float), xi)

    @classmethod
    def from_arrays(cls, teams, h, a, x, y, days, xi):
        """The same object from arrays: h, a index `teams`; days = days before the fit date (> 0)."""
        d = cls.__new__(cls)
        d._setup(teams, h, a, np.asarray(x, dtype=float), np.asarray(y, dtype=float), np.asarray(days, dtype=float), xi)
        return d

    def _setup(self, teams, h, a, x, y, days, xi):
        self.teams = teams
        self.n = len(teams)
        self.h, self.a, self.x, self.y = h, a, x, y
        self.w = np.exp(-xi * days)
        self.wsum = self.w.sum()
        self.const = np.sum(self.w * (gammaln(self.x + 1) + gammaln(self.y + 1)))
        self.m00 = (self.x == 0) & (self.y == 0)
        self.m01 = (self.x == 0) & (self.y == 1)
        self.m10 = (self.x == 1) & (self.y == 0)
        self.m11 = (self.x == 1) & (self.y == 1)

    def unpack(self, p):
        n = self.n
        att = np.append(p[: n - 1], -np.sum(p[: n - 1]))
        return att, p[n - 1 : 2 * n - 1], p[2 * n - 1], p[2 * n]

    def negll(self, p):
        n = self.n
        att, dfc, home, rho = self.unpack(p)
        lam = np.exp(att[self.h] + dfc[self.a] + home)
        mu = np.exp(att[self.a] + dfc[self.h])
        tau = np.ones_like(lam)
        tau[self.m00] = 1 - lam[self.m00] * mu[self.m00] * rho
        tau[self.m01] = 1 + lam[self.m01] * rho
        tau[self.m10] = 1 + mu[self.m10] * rho
        tau[self.m11] = 1 - rho
        if np.any(tau <= 0):
            return np.inf, np.zeros_like(p)
        ll_i = np.log(tau) + self.x * np.log(lam) - lam + self.y * np.log(mu) - mu
        f = -np.sum(self.w * ll_i) / self.wsum
        # d ll_i / d log(lam), d log(mu), d rho
        dl = self.x - lam
        dm = self.y - mu
        dr = np.zeros_like(lam)
        t = tau
        dl[self.m00] += -lam[self.m00] * mu[self.m00] * rho / t[self.m00]
        dm[self.m00] += -lam[self.m00] * mu[self.m00] * rho / t[self.m00]
        dr[self.m00] = -lam[self.m00] * mu[self.m00] / t[self.m00]
        dl[self.m01] += lam[self.m01] * rho / t[self.m01]
        dr[self.m01] = lam[self.m01] / t[self.m01]
        dm[self.m10] += mu[self.m10] * rho / t[self.m10]
        dr[self.m10] = mu[self.m10] / t[self.m10]
        dr[self.m11] = -1 / t[self.m11]
        wl, wm = self.w * dl, self.w * dm
        g_att = np.bincount(self.h, wl, n) + np.bincount(self.a, wm, n)
        g_def = np.bincount(self.a, wl, n) + np.bincount(self.h, wm, n)
        g = np.concatenate([g_att[: n - 1] - g_att[n - 1], g_def, [wl.sum(), np.sum(self.w * dr)]])
        return f, -g / self.wsum


def fit(matches, as_of, xi):
    return fit_data(Data(matches, as_of, xi))


def start_point(d):
    """Cold start: attacks 0, defences log(mean goals per team per match), home 0.2, rho 0."""
    n = d.n
    p0 = np.zeros(2 * n + 1)
    p0[n - 1 : 2 * n - 1] = np.log(max((d.w * (d.x + d.y)).sum() / (2 * d.wsum), 1e-3))
    p0[2 * n - 1] = 0.2
    return p0


def _stalled(res, bounds, tol=1e-6):
    """True when the projected gradient at the L-BFGS-B result is not small (rho may rest on its box)."""
    g = np.array(res.jac, dtype=float)
    lo, hi = bounds[-1]
    if (res.x[-1] <= lo and g[-1] > 0) or (res.x[-1] >= hi and g[-1] < 0):
        g[-1] = 0.0
    return not np.all(np.isfinite(g)) or np.max(np.abs(g)) > tol


def fit_data(d, p0=None):
    """Fit a prepared Data (any object with its fields and negll); p0 = start vector (default: cold start)."""
    n = d.n
    if p0 is None:
        p0 = start_point(d)
    # rho is boxed to [-0.3, 0.3] so trial steps keep 1 - rho > 0 and 1 - lam*mu*rho > 0 for usual rates
    # (L-BFGS-B cannot step back from inf); the optimum is well inside on real data (|rho| < 0.25), so the box
    # is not active there. The box cannot keep 1 + lam*rho > 0 for lam > 3.3 (Bayern at home), hence the
    # restarts below.
    bounds = [(None, None)] * (2 * n) + [(-0.3, 0.3)]
    options = {"maxiter": 20000, "maxfun": 40000, "ftol": 1e-15, "gtol": 1e-10, "maxcor": 10}
    res = optimize.minimize(d.negll, p0, jac=True, method="L-BFGS-B", bounds=bounds, options=options)
    # When a line search runs into the tau <= 0 region (negll = inf), L-BFGS-B can stop after a few iterations
    # with "relative reduction of f" far from the optimum (seen on Bundesliga windows: 3 iterations, gradient
    # 0.15). Then restart from where it stopped, with a fresh curvature memory, until the gradient is small or
    # a restart no longer lowers f. A fit that converged the first time is left exactly as it was.
    nit, nfev, restarts = res.nit, res.nfev, 0
    for _ in range(50):
        if not _stalled(res, bounds):
            break
        again = optimize.minimize(d.negll, res.x, jac=True, method="L-BFGS-B", bounds=bounds, options=options)
        nit, nfev, restarts = nit + again.nit, nfev + again.nfev, restarts + 1
        if not again.fun < res.fun:
            break
        res = again
    res.nit, res.nfev, res.restarts = nit, nfev, restarts
    att, dfc, home, rho = d.unpack(res.x)
    return {"teams": d.teams, "attack": att, "defence": dfc, "home": float(home), "rho": float(rho),
            "loglik": float(-res.fun * d.wsum - d.const), "res": res, "matches": len(d.x)}


def predict_1x2(model, home, away, max_goals=15):
    i = model["teams"].index(home)
    j = model["teams"].index(away)
    lam = np.exp(model["attack"][i] + model["defence"][j] + model["home"])
    mu = np.exp(model["attack"][j] + model["defence"][i])
    rho = model["rho"]
    g = np.arange(max_goals + 1)
    m = np.outer(poisson.pmf(g, lam), poisson.pmf(g, mu))
    m[0, 0] *= 1 - lam * mu * rho
    m[0, 1] *= 1 + lam * rho
    m[1, 0] *= 1 + mu * rho
    m[1, 1] *= 1 - rho
    m /= m.sum()
    return lam, mu, float(np.tril(m, -1).sum()), float(np.trace(m)), float(np.triu(m, 1).sum())
