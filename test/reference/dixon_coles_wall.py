#!/usr/bin/env python3
"""Dixon-Coles fits whose optimum lies on the tau = 0 wall, solved as a constrained problem by scipy.

    python3 test/reference/dixon_coles_wall.py      # writes test/fixtures/quant/dixon_coles_wall.json

In a short window one pair's expected goals can be large enough that tau(0,1) = 1 + lambda*rho or
tau(1,0) = 1 + mu*rho (or tau(0,0) = 1 - lambda*mu*rho) bounds rho, and the maximum likelihood lies on that
bound. The TypeScript fit requires tau > 0 for every cell of every fitted pair and reaches such an optimum
by an interior-point path; here the same problem is solved directly: the likelihood of dixon_coles_ref.py
maximised by SLSQP subject to the 3 tau factors of every fitted (home, away) pair being >= 0, from the
independent-Poisson start (rho = 0, feasible). Windows: each league's 2019-20 season (the first in the
files) before a day where the walk-forward fit used to stall.
"""
import datetime as dt
import json
import os
import sys

import numpy as np
from scipy import optimize

sys.path.insert(0, os.path.dirname(__file__))
import dixon_coles_ref as dcref  # noqa: E402
import real_data as R  # noqa: E402

WINDOWS = [("SP1", "2019-09-27"), ("D1", "2019-10-20"), ("F1", "2019-10-26"), ("E0", "2019-10-21")]
XI = 0.0019


def constraints(d):
    pairs = sorted({(int(h), int(a)) for h, a in zip(d.h, d.a)})
    ph = np.array([p[0] for p in pairs])
    pa = np.array([p[1] for p in pairs])

    def c(p):
        att, dfc, home, rho = d.unpack(p)
        lam = np.exp(att[ph] + dfc[pa] + home)
        mu = np.exp(att[pa] + dfc[ph])
        return np.concatenate([1 + lam * rho, 1 + mu * rho, 1 - lam * mu * rho])

    return {"type": "ineq", "fun": c}


def fit_on_wall(d):
    n = d.n
    p0 = np.zeros(2 * n + 1)
    p0[2 * n - 1] = 0.2
    # the independent-Poisson optimum first (rho fixed at 0), then the constrained Dixon-Coles fit from it
    free = optimize.minimize(lambda q: d.negll(np.append(q, 0.0))[0], p0[:-1],
                             jac=lambda q: d.negll(np.append(q, 0.0))[1][:-1], method="L-BFGS-B")
    start = np.append(free.x, 0.0)
    res = optimize.minimize(d.negll, start, jac=True, method="SLSQP", constraints=[constraints(d)],
                            options={"maxiter": 2000, "ftol": 1e-14})
    if not res.success:
        sys.exit(f"SLSQP did not converge: {res.message}")
    att, dfc, home, rho = d.unpack(res.x)
    tau = constraints(d)["fun"](res.x)
    return {"matches": int(len(d.x)), "teams": int(n), "log_likelihood": float(-res.fun * d.wsum - d.const),
            "rho": float(rho), "home_advantage": float(home), "min_tau": float(tau.min())}


def main():
    out = []
    for league, as_of in WINDOWS:
        matches = dcref.read_csv(os.path.join(R.data_dir(), "football-data", f"{league}_2019-20.csv"))
        d = dcref.Data(matches, dt.date.fromisoformat(as_of), XI)
        rec = {"league": league, "file": f"{league}_2019-20.csv", "as_of": as_of, "xi": XI, **fit_on_wall(d)}
        print(json.dumps(rec))
        out.append(rec)
    path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "quant", "dixon_coles_wall.json")
    with open(path, "w") as fh:
        json.dump({"generator": "test/reference/dixon_coles_wall.py", "fits": out}, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
