#!/usr/bin/env python3
"""Reference values for src-shared/quant/commission.ts, computed independently with exact fractions.

A bet at quoted odds o with commission c on net winnings: a win pays stake*(o-1)*(1-c), a loss costs the
stake; a quarter line is two half-stakes, each settled on its own line (the winning half pays its net
winnings, a pushed half is returned). CLV = net price * closing probability - 1, the closing probability
being the multiplicative de-vig of the closing line (numpy). Writes test/fixtures/quant/commission.json:
    python3 test/reference/commission_reference.py
"""
import json
import os
from fractions import Fraction as F

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "quant", "commission.json")


def net(o, c):
    return 1 + (F(o) - 1) * (1 - F(c))


def half_settle(diff_plus_line):
    return 1 if diff_plus_line > 0 else (0 if diff_plus_line == 0 else -1)


def ah_profit(stake, o, c, line, diff):
    """Asian handicap on the home side: profit of `stake` at quoted odds o, commission c, goal difference diff."""
    q = F(line) * 4
    parts = [F(line)] if q % 2 == 0 else [F(line) - F(1, 4), F(line) + F(1, 4)]
    share = F(stake) / len(parts)
    profit = F(0)
    for part in parts:
        s = half_settle(diff + part)
        profit += share * (F(o) - 1) * (1 - F(c)) if s > 0 else (-share if s < 0 else 0)
    return profit


cases = {
    "net_odds": [
        {"odds": float(F(o)), "commission": float(F(c)), "net": float(net(o, c))}
        for o, c in [("3.00", "0.05"), ("5.20", "0.05"), ("1.01", "0.05"), ("10.5", "0.02"), ("2.00", "0"), ("101", "0.065")]
    ],
    "settlement": [
        # a won BFE bet at 3.00 staked 10 with 5% commission: +19.00
        {"what": "won 1X2 at 3.00, 10 staked, 5%", "odds": 3.0, "commission": 0.05, "stake": 10, "line": None, "diff": None,
         "result": "won", "profit": float(F(10) * (F(3) - 1) * (1 - F("0.05")))},
        {"what": "lost 1X2 at 3.00, 10 staked, 5%", "odds": 3.0, "commission": 0.05, "stake": 10, "line": None, "diff": None,
         "result": "lost", "profit": -10.0},
        # home +0.25 and a draw: the 0 half is void, the +0.5 half wins
        {"what": "home +0.25 at 1.90, draw, 10 staked, 5%", "odds": 1.9, "commission": 0.05, "stake": 10, "line": 0.25, "diff": 0,
         "result": "half_won", "profit": float(ah_profit(10, "1.90", "0.05", "0.25", 0))},
        # home -0.75 winning by one goal: the -0.5 half wins, the -1 half pushes
        {"what": "home -0.75 at 2.05, won by 1, 10 staked, 5%", "odds": 2.05, "commission": 0.05, "stake": 10, "line": -0.75, "diff": 1,
         "result": "half_won", "profit": float(ah_profit(10, "2.05", "0.05", "-0.75", 1))},
        # home -0.25 and a draw: half void, half lost (no commission on a loss)
        {"what": "home -0.25 at 1.90, draw, 10 staked, 5%", "odds": 1.9, "commission": 0.05, "stake": 10, "line": -0.25, "diff": 0,
         "result": "half_lost", "profit": float(ah_profit(10, "1.90", "0.05", "-0.25", 0))},
    ],
    "clv": [],
}

for taken, c, closing, sel in [(5.20, 0.05, [4.60, 3.90, 1.80], 0), (3.00, 0.05, [2.80, 3.30, 2.75], 0), (2.10, 0.02, [1.95, 1.95], 1)]:
    imp = 1 / np.array(closing)
    p = imp / imp.sum()
    n = 1 + (taken - 1) * (1 - c)
    cases["clv"].append({"odds": taken, "commission": c, "closing": closing, "selection": sel, "net": n,
                         "fair_closing_probability": float(p[sel]), "clv": float(n * p[sel] - 1)})

with open(OUT, "w") as fh:
    json.dump(cases, fh, indent=1)
    fh.write("\n")
print(f"commission.json: {sum(len(v) for v in cases.values())} cases")
