#!/usr/bin/env python3
"""Reference solutions for src-shared/quant/implied-goals.ts (the goal expectations a market implies), scipy.

The Dixon-Coles matrix (independent Poisson to 15 goals a side, the low-score tau, renormalised) written here
from its definition; (λ_home, λ_away) minimising the squared gaps to the 1X2 probabilities and a totals
line's over probability (pushes left out), found by scipy.optimize.minimize (Nelder-Mead on log λ, then
BFGS polish). Writes test/fixtures/quant/implied-goals.json:
    python3 test/reference/implied_goals_reference.py
"""
import json
import math
import os

import numpy as np
from scipy import optimize
from scipy.stats import poisson

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "quant", "implied-goals.json")
N = 15


def matrix(lh, la, rho):
    i = np.arange(N + 1)
    p = np.outer(poisson.pmf(i, lh), poisson.pmf(i, la))
    tau = np.ones_like(p)
    tau[0, 0] = 1 - lh * la * rho
    tau[0, 1] = 1 + lh * rho
    tau[1, 0] = 1 + la * rho
    tau[1, 1] = 1 - rho
    p = np.maximum(tau, 0) * p
    return p / p.sum()


def probs(lh, la, rho, line):
    p = matrix(lh, la, rho)
    i, j = np.meshgrid(np.arange(N + 1), np.arange(N + 1), indexing="ij")
    out = [p[i > j].sum(), p[i == j].sum(), p[i < j].sum()]
    if line is not None:
        over, under = p[i + j > line + 1e-9].sum(), p[i + j < line - 1e-9].sum()
        out.append(over / (over + under))
    return np.array(out)


def solve(target, rho, line):
    f = lambda x: ((probs(math.exp(x[0]), math.exp(x[1]), rho, line) - target) ** 2).sum()
    r = optimize.minimize(f, [math.log(1.4), math.log(1.1)], method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-20, "maxiter": 20000})
    r = optimize.minimize(f, r.x, method="BFGS", options={"gtol": 1e-14})
    return math.exp(r.x[0]), math.exp(r.x[1])


cases = []
for lh, la, rho, line, noise in [
    (1.6, 1.1, 0.0, 2.5, 0.0),
    (0.75, 0.76, -0.08, 2.5, 0.0),
    (2.4, 0.7, -0.05, None, 0.0),
    (1.3, 1.2, -0.1, 2.5, 0.01),  # an inconsistent market: the least-squares compromise
    (1.05, 0.83, 0.0, 3.5, 0.02),
]:
    t = probs(lh, la, rho, line)
    if noise:
        t[:3] = t[:3] * np.array([1 + noise, 1, 1 - noise])
        t[:3] /= t[:3].sum()
        if line is not None:
            t[3] = min(0.99, t[3] + noise)
    solved = solve(t, rho, line)
    case = {"home": t[0], "draw": t[1], "away": t[2], "rho": rho, "expected": {"lambdaHome": solved[0], "lambdaAway": solved[1]}}
    if line is not None:
        case["totals"] = {"line": line, "over": t[3]}
    cases.append({k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in case.items()})
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as fh:
    json.dump({"generator": "test/reference/implied_goals_reference.py", "cases": cases}, fh)
print(f"wrote {OUT}: {len(cases)} cases")
