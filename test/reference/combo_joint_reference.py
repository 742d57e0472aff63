#!/usr/bin/env python3
"""Reference joints of two same-match legs under a Dixon-Coles score matrix, for
src-shared/quant/score-joint.ts (scoreJoint) and CONSEIL's combo proposals.

Independent of the TypeScript: the matrix is built here with scipy's Poisson pmf and the Dixon-Coles tau
on the four low scores, truncated at 15 goals a side and renormalised; each leg is a boolean mask over the
score grid (numpy broadcasting), P(A and B) = sum of the matrix over both masks. The phi coefficient is
computed from the four cells. Writes test/fixtures/quant/combo_joint.json:
    python3 test/reference/combo_joint_reference.py
"""
import json
import os

import numpy as np
from scipy.stats import poisson

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "quant", "combo_joint.json")
MAX = 15


def dc_matrix(lh, la, rho):
    k = np.arange(MAX + 1)
    m = np.outer(poisson.pmf(k, lh), poisson.pmf(k, la))
    tau = np.ones_like(m)
    tau[0, 0] = 1 - lh * la * rho
    tau[0, 1] = 1 + lh * rho
    tau[1, 0] = 1 + la * rho
    tau[1, 1] = 1 - rho
    m = np.maximum(tau, 0) * m
    return m / m.sum()


H, A = np.meshgrid(np.arange(MAX + 1), np.arange(MAX + 1), indexing="ij")


def mask(leg):
    market, line, sel = leg["market"], leg["line"], leg["selection"]
    if market == "1x2":
        return {"home": H > A, "draw": H == A, "away": H < A}[sel]
    if market == "totals":
        return H + A > line if sel == "over" else H + A < line
    return H + line > A if sel == "home" else H + line < A


def leg(market, line, selection):
    return {"market": market, "line": line, "selection": selection}


PAIRS = [
    (leg("1x2", None, "home"), leg("totals", 2.5, "over")),
    (leg("1x2", None, "home"), leg("totals", 2.5, "under")),
    (leg("1x2", None, "draw"), leg("totals", 2.5, "under")),
    (leg("1x2", None, "away"), leg("totals", 1.5, "over")),
    (leg("1x2", None, "draw"), leg("totals", 3.5, "over")),
    (leg("spreads", -1.5, "home"), leg("totals", 3.5, "over")),
    (leg("spreads", 0.5, "away"), leg("totals", 2.5, "under")),
    (leg("1x2", None, "away"), leg("spreads", -0.5, "away")),
]
PARAMS = [(1.6, 1.1, -0.08), (2.4, 0.7, -0.12), (0.9, 1.5, 0.05), (1.3, 1.3, 0.0), (3.1, 0.4, -0.2)]

cases = []
for lh, la, rho in PARAMS:
    m = dc_matrix(lh, la, rho)
    for a, b in PAIRS:
        ma, mb = mask(a), mask(b)
        p11 = float(m[ma & mb].sum())
        p10 = float(m[ma & ~mb].sum())
        p01 = float(m[~ma & mb].sum())
        p00 = float(m[~ma & ~mb].sum())
        pa, pb = p11 + p10, p11 + p01
        phi = (p11 * p00 - p10 * p01) / np.sqrt(pa * (1 - pa) * pb * (1 - pb))
        cases.append(
            {
                "lambda_home": lh,
                "lambda_away": la,
                "rho": rho,
                "a": a,
                "b": b,
                "joint": {"p11": p11, "p10": p10, "p01": p01, "p00": p00},
                "phi": float(phi),
                "lift": p11 / (pa * pb),
            }
        )

with open(OUT, "w") as f:
    json.dump({"max_goals": MAX, "cases": cases}, f, indent=1)
print(f"{len(cases)} joints written to {os.path.relpath(OUT)}")
