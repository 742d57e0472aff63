"""Reference numbers for src-main/data/demo/model.ts (the demo world's goal model and pricing).

Dixon & Coles (1997) score matrix with the low-score correction tau, truncated at 10 goals and
renormalised; 1X2, over/under and Asian-handicap fair prices (quarter lines as two half stakes,
pushes refunded: fair odds = 1 + P(lose)/P(win)); power-method margin (q_i = p_i^k, sum = 1 + m,
k found with scipy.optimize.brentq). Writes test/fixtures/demo/model.json.
Run: python3 test/reference/demo_model_reference.py
"""
import json
import os

import numpy as np
from scipy.optimize import brentq
from scipy.stats import poisson

MAX_GOALS = 10


def score_matrix(lam, mu, rho):
    n = MAX_GOALS + 1
    m = np.outer(poisson.pmf(np.arange(n), lam), poisson.pmf(np.arange(n), mu))
    m[0, 0] *= 1 - lam * mu * rho
    m[0, 1] *= 1 + lam * rho
    m[1, 0] *= 1 + mu * rho
    m[1, 1] *= 1 - rho
    m = np.clip(m, 0, None)
    return m / m.sum()


def asian_home(m, line):
    n = MAX_GOALS + 1
    diff = {}
    for i in range(n):
        for j in range(n):
            diff[i - j] = diff.get(i - j, 0.0) + m[i, j]
    halves = [line - 0.25, line + 0.25] if abs(line * 4) % 2 == 1 else [line, line]
    win = lose = 0.0
    for h in halves:
        for d, p in diff.items():
            if d + h > 1e-9:
                win += p / 2
            elif d + h < -1e-9:
                lose += p / 2
    return win / (win + lose)


def power_margin(p, margin):
    p = np.asarray(p)
    k = brentq(lambda k: np.sum(p ** k) - (1 + margin), 0.3, 1.0, xtol=1e-14)
    return list(p ** k)


cases = []
for lam, mu, rho in [(1.45, 1.1, -0.08), (2.3, 0.7, -0.12), (0.9, 1.6, -0.05), (1.2, 1.2, 0.0)]:
    m = score_matrix(lam, mu, rho)
    home = float(np.tril(m, -1).sum())
    draw = float(np.trace(m))
    away = float(np.triu(m, 1).sum())
    tot = {}
    for i in range(MAX_GOALS + 1):
        for j in range(MAX_GOALS + 1):
            tot[i + j] = tot.get(i + j, 0.0) + m[i, j]
    over = {str(line): float(sum(p for t, p in tot.items() if t > line)) for line in (1.5, 2.5, 3.5)}
    asian = {str(line): asian_home(m, line) for line in (-1.25, -0.75, -0.5, 0.0, 0.25, 1.0)}
    cases.append({
        'lambda': lam, 'mu': mu, 'rho': rho, 'p00': float(m[0, 0]), 'p11': float(m[1, 1]), 'p21': float(m[2, 1]),
        'home': home, 'draw': draw, 'away': away, 'over': over, 'asian_home': asian,
    })

margins = []
for p, margin in [([0.55, 0.25, 0.20], 0.06), ([0.8, 0.13, 0.07], 0.08), ([0.5, 0.5], 0.05)]:
    margins.append({'p': p, 'margin': margin, 'q': power_margin(p, margin)})

out = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'demo', 'model.json')
with open(out, 'w') as f:
    json.dump({'cases': cases, 'power_margin': margins}, f, indent=1)
print(out)
