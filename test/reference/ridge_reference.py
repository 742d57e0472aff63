#!/usr/bin/env python3
"""Reference fits for src-shared/quant/ridge.ts (PATRON DIAMOND's regularised weights), with numpy.

Weighted ridge on standardised features (weighted mean and population SD), intercept unpenalised,
penalty λ Σ (β − β⁰)²; solved here with numpy.linalg.lstsq on the augmented system, an independent
route from the Cholesky solve of the TypeScript. Writes test/fixtures/quant/ridge.json:
    python3 test/reference/ridge_reference.py
"""
import json
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "quant", "ridge.json")
rng = np.random.default_rng(20261129)


def fit(x, y, w, lam, prior):
    sw = w.sum()
    mu = (w[:, None] * x).sum(0) / sw
    sd = np.sqrt((w[:, None] * (x - mu) ** 2).sum(0) / sw)
    live = sd > 1e-12
    z = (x[:, live] - mu[live]) / sd[live]
    ybar = (w * y).sum() / sw
    # augmented least squares: rows sqrt(w)·z | sqrt(w)·(y − ȳ), then sqrt(λ)·I | sqrt(λ)·β⁰
    q = z.shape[1]
    a = np.vstack([np.sqrt(w)[:, None] * z, np.sqrt(lam) * np.eye(q)])
    b = np.concatenate([np.sqrt(w) * (y - ybar), np.sqrt(lam) * prior[live]])
    beta_live = np.linalg.lstsq(a, b, rcond=None)[0]
    beta = prior.astype(float).copy()
    beta[live] = beta_live
    resid = y - ybar - z @ beta_live
    ztwz = z.T @ (w[:, None] * z)
    edf = np.trace(ztwz @ np.linalg.inv(ztwz + lam * np.eye(q)))
    dof = max(1.0, sw - 1 - edf)
    return {
        "intercept": ybar,
        "coefficients": beta.tolist(),
        "means": mu.tolist(),
        "sds": sd.tolist(),
        "residualSd": float(np.sqrt((w * resid**2).sum() / dof)),
        "effectiveParameters": float(edf),
    }


cases = []
for n, p, lam, weighted, with_prior, constant in [
    (40, 3, 1.0, False, False, False),
    (200, 6, 10.0, True, False, False),
    (500, 8, 50.0, True, True, False),
    (60, 4, 0.5, False, True, True),
    (15, 5, 100.0, True, False, False),
]:
    x = rng.normal(size=(n, p)) * rng.uniform(0.01, 3, size=p) + rng.normal(size=p)
    if constant:
        x[:, 1] = 0.7
    true = rng.normal(size=p) * 0.02
    y = 0.01 + x @ true + rng.normal(scale=0.05, size=n)
    w = rng.uniform(0.2, 2.0, size=n) if weighted else np.ones(n)
    prior = rng.normal(size=p) * 0.01 if with_prior else np.zeros(p)
    cases.append(
        {
            "names": [f"f{j}" for j in range(p)],
            "x": x.tolist(),
            "y": y.tolist(),
            "weights": w.tolist(),
            "lambda": lam,
            "prior": prior.tolist(),
            "expected": fit(x, y, w, lam, prior),
        }
    )

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as fh:
    json.dump({"generator": "test/reference/ridge_reference.py", "cases": cases}, fh)
print(f"wrote {OUT}: {len(cases)} cases")
