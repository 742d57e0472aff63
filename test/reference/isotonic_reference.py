#!/usr/bin/env python3
"""Reference fits for src-shared/quant/isotonic.ts (PATRON's score calibration), with scipy.

scipy.optimize.isotonic_regression (weighted, increasing) on raw sequences, and on the binned rates of
(score, 0/1 outcome) rows: rows sorted by score, cut into bins of min_bin rows (the last bin takes the
remainder), each bin's mean score and rate, the rates made non-decreasing with the bin sizes as weights.
Writes test/fixtures/quant/isotonic.json:
    python3 test/reference/isotonic_reference.py
"""
import json
import os

import numpy as np
from scipy.optimize import isotonic_regression
from scipy.special import expit

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "quant", "isotonic.json")
rng = np.random.default_rng(20261207)


def sequence(n):
    y = np.cumsum(rng.normal(0.05, 1, n))
    w = rng.uniform(0.2, 3, n)
    return {"y": y.tolist(), "w": w.tolist(), "expected": isotonic_regression(y, weights=w, increasing=True).x.tolist()}


def curve(n, min_bin, slope):
    score = rng.normal(0, 1, n)
    outcome = (rng.random(n) < 0.1 + 0.6 * expit(slope * score)).astype(float)
    order = np.argsort(score, kind="stable")
    bins = n // min_bin
    xs, rates, counts = [], [], []
    for k in range(bins):
        rows = order[k * min_bin : (n if k == bins - 1 else (k + 1) * min_bin)]
        xs.append(float(score[rows].mean()))
        rates.append(float(outcome[rows].mean()))
        counts.append(len(rows))
    p = isotonic_regression(np.array(rates), weights=np.array(counts, dtype=float), increasing=True).x
    return {"score": score.tolist(), "outcome": outcome.tolist(), "minBin": min_bin, "expected": {"x": xs, "p": p.tolist()}}


payload = {
    "generator": "test/reference/isotonic_reference.py",
    "sequences": [sequence(n) for n in (1, 2, 7, 50, 400)],
    "curves": [curve(1000, 100, 1.5), curve(2345, 100, 0.4), curve(950, 50, -0.3), curve(300, 300, 1.0)],
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as fh:
    json.dump(payload, fh)
print(f"wrote {OUT}: {len(payload['sequences'])} sequences, {len(payload['curves'])} curves")
