#!/usr/bin/env python3
"""Reference values for src-shared/quant, computed independently with numpy/scipy.

Writes JSON fixtures to test/fixtures/quant/ (deterministic: fixed seeds, no clock). Run from anywhere:
    python3 test/reference/quant_reference.py
The TypeScript unit tests (test/unit/quant/*.test.ts) read these files; Python is not needed to run them.
The analysis families live in the sibling quant_reference_analysis.py, which this script runs last.
"""
import datetime as dt
import json
import math
import os
import sys
from fractions import Fraction

import numpy as np
from scipy import optimize, stats

sys.path.insert(0, os.path.dirname(__file__))
import dixon_coles_ref as dcref  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "quant")
DATA = os.environ.get("MONPS_SHARED_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data")) + "/football-data"
rng = np.random.default_rng(20240605)


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as fh:
        json.dump(payload, fh, indent=1)
        fh.write("\n")
    print(f"{name}: {sum(len(v) for v in payload.values() if isinstance(v, list))} cases")


# ---------------------------------------------------------------- margin removal
def random_book(n, margin):
    """Odds of a book over n outcomes with roughly `margin` overround (multiplicative, rounded to 2 dp)."""
    p = rng.dirichlet(np.full(n, 1.5))
    p = np.clip(p, 0.02, None)
    p /= p.sum()
    odds = np.round(1 / (p * (1 + margin)), 2)
    return [float(max(o, 1.01)) for o in odds]


def dv_multiplicative(o):
    pi = 1 / np.asarray(o)
    return pi / pi.sum(), None


def dv_additive(o):
    pi = 1 / np.asarray(o)
    return pi - (pi.sum() - 1) / len(pi), None


def dv_dmw(o):
    # Buchdahl, The Wisdom of the Crowd: fair odds = n O / (n - M O)
    o = np.asarray(o)
    n, m = len(o), np.sum(1 / o) - 1
    return 1 / (n * o / (n - m * o)), None


def dv_power(o):
    pi = 1 / np.asarray(o)
    f = lambda k: np.sum(pi**k) - 1  # noqa: E731
    k = optimize.brentq(f, 1, 50, xtol=1e-15, rtol=1e-15) if pi.sum() > 1 else optimize.brentq(f, 1e-9, 1, xtol=1e-15, rtol=1e-15)
    return pi**k, k


def dv_shin(o):
    pi = 1 / np.asarray(o)
    s = pi.sum()

    def probs(z):
        return (np.sqrt(z * z + 4 * (1 - z) * pi**2 / s) - z) / (2 * (1 - z))

    f = lambda z: probs(z).sum() - 1  # noqa: E731
    z = optimize.brentq(f, 0, 0.999, xtol=1e-15, rtol=1e-15) if s > 1 else optimize.brentq(f, -100, 0, xtol=1e-15, rtol=1e-15)
    return probs(z), z


def dv_odds_ratio(o):
    pi = 1 / np.asarray(o)

    def probs(c):
        return pi / (c + pi - c * pi)

    f = lambda c: probs(c).sum() - 1  # noqa: E731
    c = optimize.brentq(f, 1, 1e6, xtol=1e-15, rtol=1e-15) if pi.sum() > 1 else optimize.brentq(f, 1e-9, 1, xtol=1e-15, rtol=1e-15)
    return probs(c), c


DEVIG = {
    "multiplicative": dv_multiplicative,
    "additive": dv_additive,
    "power": dv_power,
    "shin": dv_shin,
    "odds_ratio": dv_odds_ratio,
    "differential_margin_weighting": dv_dmw,
}


def margins():
    out = {}
    for method, fn in DEVIG.items():
        cases = []
        while len(cases) < 60:
            n = int(rng.choice([2, 2, 3, 3, 3, 4, 5, 8, 12]))
            margin = float(rng.uniform(-0.02, 0.12)) if len(cases) % 7 else float(rng.uniform(0.0, 0.3))
            odds = random_book(n, margin)
            p, param = fn(odds)
            if np.any(p <= 0) or abs(np.sum(1 / np.asarray(odds)) - 1) < 1e-9:
                continue
            case = {"odds": odds, "overround": float(np.sum(1 / np.asarray(odds)) - 1), "probabilities": [float(x) for x in p]}
            if param is not None:
                case["parameter"] = float(param)
            cases.append(case)
        out[method] = cases
    write("margins.json", out)


# ---------------------------------------------------------------- consensus and best prices
def consensus():
    cases = []
    methods = list(DEVIG)
    while len(cases) < 60:
        n = int(rng.choice([2, 3, 3]))
        true_p = rng.dirichlet(np.full(n, 3.0))
        names = [f"BK{i}" for i in range(int(rng.integers(2, 9)))]
        books = []
        for name in names:
            q = true_p * np.exp(rng.normal(0, 0.05, n))
            q /= q.sum()
            odds = [float(max(1.01, o)) for o in np.round(1 / (q * (1 + rng.uniform(0.01, 0.09))), 2)]
            if rng.random() < 0.15:
                odds[int(rng.integers(n))] = None  # not quoted
            books.append({"bookmaker": name, "odds": odds})
        method = methods[len(cases) % len(methods)]
        agg = "median" if len(cases) % 2 else "mean"
        complete = [b for b in books if all(o is not None for o in b["odds"])]
        if not complete:
            continue
        fair = [DEVIG[method](b["odds"])[0] for b in complete]
        if any(np.any(f <= 0) for f in fair):
            continue
        F = np.vstack(fair)
        raw = np.median(F, axis=0) if agg == "median" else F.mean(axis=0)
        best = []
        for k in range(n):
            prices = [(b["odds"][k], i) for i, b in enumerate(books) if b["odds"][k] is not None]
            if not prices:
                best.append(None)
                continue
            top = max(p for p, _ in prices)
            first = min(i for p, i in prices if p == top)
            best.append({"odds": top, "bookmaker": books[first]["bookmaker"]})
        cases.append({"books": books, "method": method, "aggregate": agg, "probabilities": (raw / raw.sum()).tolist(),
                      "bookmakers": [b["bookmaker"] for b in complete], "best": best})
    write("consensus.json", {"cases": cases})


# ---------------------------------------------------------------- Kelly
def simultaneous_kelly_exact(p, o):
    """Smoczynski & Tomkins (2010), in set notation: grow S by expected revenue while it beats R(S)."""
    p, o = np.asarray(p), np.asarray(o)
    er = p * o
    order = sorted(range(len(p)), key=lambda i: (-er[i], i))
    S, R = [], 1.0
    for k in order:
        if not er[k] > R:
            break
        pS, qS = p[S + [k]].sum(), (1 / o[S + [k]]).sum()
        if qS >= 1 and pS < 1:
            break
        S.append(k)
        R = 0.0 if qS >= 1 else (1 - pS) / (1 - qS)
    f = np.zeros(len(p))
    for k in S:
        f[k] = max(0.0, p[k] - R / o[k])
    return f, R


def growth(p, o, f):
    return float(np.sum(p * np.log(1 - f.sum() + f * o)))


def kelly():
    single, simul = [], []
    for _ in range(80):
        p = float(rng.uniform(0.02, 0.95))
        o = float(np.round(rng.uniform(1.05, 1.0 / p * 1.4 + 0.1), 2))
        o = max(o, 1.01)
        mult = float(rng.choice([0.1, 0.25, 0.5, 1.0]))
        cap = float(rng.choice([0.01, 0.02, 0.05, 0.1, 1.0]))
        full = max(0.0, (p * o - 1) / (o - 1))
        single.append({"p": p, "odds": o, "multiplier": mult, "cap": cap, "ev": p * o - 1, "full": full,
                       "fractional": mult * full, "capped": min(cap, mult * full)})
    while len(simul) < 80:
        n = int(rng.choice([2, 3, 3, 4, 5, 6, 8]))
        p = rng.dirichlet(np.full(n, 2.0))
        # prices from a noisy opinion of p with a margin: some outcomes have an edge, most not
        q = p * np.exp(rng.normal(0, 0.25, n))
        q /= q.sum()
        o = np.round(1 / (q * (1 + rng.uniform(0.0, 0.08))), 2)
        o = np.maximum(o, 1.01)
        f, R = simultaneous_kelly_exact(p, o)
        # independent check: maximise E log wealth numerically (SLSQP) and compare
        cons = [{"type": "ineq", "fun": lambda x: 1 - 1e-9 - x.sum()}]
        res = optimize.minimize(lambda x: -growth(p, o, x), np.full(n, 0.0), method="SLSQP",
                                bounds=[(0, 1)] * n, constraints=cons, options={"ftol": 1e-14, "maxiter": 1000})
        g_exact, g_num = growth(p, o, f), -res.fun
        assert g_exact >= g_num - 1e-9, (p, o, f, res.x)
        assert np.max(np.abs(res.x - f)) < 2e-3, (p, o, f, res.x)
        simul.append({"p": [float(x) for x in p], "odds": [float(x) for x in o], "fractions": [float(x) for x in f],
                      "reserve_rate": float(R), "growth": g_exact, "slsqp_fractions": [float(x) for x in res.x]})
    write("kelly.json", {"single": single, "simultaneous": simul})


# ---------------------------------------------------------------- CLV
def clv():
    cases = []
    methods = list(DEVIG)
    while len(cases) < 90:
        n = int(rng.choice([2, 3, 3]))
        closing = random_book(n, float(rng.uniform(0.01, 0.08)))
        method = methods[len(cases) % len(methods)]
        p, _ = DEVIG[method](closing)
        if np.any(p <= 0):
            continue
        sel = int(rng.integers(n))
        taken = float(np.round(closing[sel] * rng.uniform(0.85, 1.2), 2))
        if taken <= 1.0:
            continue
        cases.append({"taken": taken, "closing": closing, "selection": sel, "method": method,
                      "fair": taken * float(p[sel]) - 1, "raw": taken / closing[sel] - 1, "fair_closing_odds": 1 / float(p[sel])})
    write("clv.json", {"cases": cases})


# ---------------------------------------------------------------- settlement
def settle_ref(margin_fn, line, odds):
    """Exact in Fractions: quarter lines are two half-stakes on line ± 1/4."""
    line = Fraction(line).limit_denominator(4)
    parts = [line] if line.denominator in (1, 2) else [line - Fraction(1, 4), line + Fraction(1, 4)]
    stake = Fraction(1, len(parts))
    profit, returned_share, won_share = Fraction(0), Fraction(0), Fraction(0)
    for l in parts:
        m = margin_fn(l)
        if m > 0:
            won_share += stake
        elif m == 0:
            returned_share += stake
    lost_share = 1 - won_share - returned_share
    profit = float(won_share) * (odds - 1) - float(lost_share)
    if won_share == 1:
        result = "won"
    elif won_share == Fraction(1, 2):
        result = "half_won"
    elif lost_share == 1:
        result = "lost"
    elif lost_share == Fraction(1, 2):
        result = "half_lost"
    else:
        result = "void"
    return result, profit


def settlement():
    ah, tot = [], []
    lines = [x / 4 for x in range(-14, 15)]
    for line in lines:
        for _ in range(3):
            hg, ag = int(rng.integers(0, 6)), int(rng.integers(0, 6))
            side = "home" if rng.random() < 0.5 else "away"
            odds = float(np.round(rng.uniform(1.5, 2.5), 2))
            diff = hg - ag if side == "home" else ag - hg
            r, pr = settle_ref(lambda l: diff + l, line, odds)
            ah.append({"side": side, "line": line, "odds": odds, "home_goals": hg, "away_goals": ag, "result": r, "profit": pr})
    for line in [x / 4 for x in range(0, 27)]:
        for _ in range(3):
            hg, ag = int(rng.integers(0, 5)), int(rng.integers(0, 5))
            side = "over" if rng.random() < 0.5 else "under"
            odds = float(np.round(rng.uniform(1.5, 2.5), 2))
            g = hg + ag
            r, pr = settle_ref((lambda l: g - l) if side == "over" else (lambda l: l - g), line, odds)
            tot.append({"side": side, "line": line, "odds": odds, "home_goals": hg, "away_goals": ag, "result": r, "profit": pr})
    write("settlement.json", {"asian_handicap": ah, "totals": tot})


# ---------------------------------------------------------------- markets from a score matrix
def dc_matrix(lam, mu, rho, g=15):
    k = np.arange(g + 1)
    m = np.outer(stats.poisson.pmf(k, lam), stats.poisson.pmf(k, mu))
    m[0, 0] *= 1 - lam * mu * rho
    m[0, 1] *= 1 + lam * rho
    m[1, 0] *= 1 + mu * rho
    m[1, 1] *= 1 - rho
    return m / m.sum()


def fair_price(m, margin_fn, line):
    """Price with zero expected profit, found by root finding on E[profit](odds) over every score."""
    def ev(o):
        return sum(m[i, j] * settle_ref(lambda l: margin_fn(i, j, l), line, o)[1] for i in range(16) for j in range(16) if m[i, j] > 1e-18)
    return optimize.brentq(ev, 1.0000001, 1000, xtol=1e-13, rtol=1e-15)


def markets():
    cases = []
    for _ in range(55):
        lam, mu = float(rng.uniform(0.4, 3.0)), float(rng.uniform(0.3, 2.5))
        rho = float(rng.uniform(-0.15, 0.1))
        m = dc_matrix(lam, mu, rho)
        ah_line = float(rng.choice([x / 4 for x in range(-10, 11)]))
        tot_line = float(rng.choice([x / 4 for x in range(2, 19)]))
        cases.append({
            "lambda_home": lam, "lambda_away": mu, "rho": rho,
            "home": float(np.tril(m, -1).sum()), "draw": float(np.trace(m)), "away": float(np.triu(m, 1).sum()),
            "btts_yes": float(m[1:, 1:].sum()), "cs_1_1": float(m[1, 1]), "cs_2_0": float(m[2, 0]),
            "ah_line": ah_line, "ah_home_fair": fair_price(m, lambda i, j, l: i - j + l, ah_line),
            "ah_away_fair": fair_price(m, lambda i, j, l: j - i + l, -ah_line),
            "total_line": tot_line, "over_fair": fair_price(m, lambda i, j, l: i + j - l, tot_line),
            "under_fair": fair_price(m, lambda i, j, l: l - (i + j), tot_line),
        })
    write("markets.json", {"cases": cases})


# ---------------------------------------------------------------- statistics
class Sfc32:
    """Same generator as src-shared/quant/random.ts (sfc32, 12 discarded outputs)."""
    M = 0xFFFFFFFF

    def __init__(self, seed):
        self.a, self.b, self.c, self.d = 0x9E3779B9, 0x243F6A88, 0xB7E15162, seed & self.M
        for _ in range(12):
            self.next()

    def next(self):
        M = self.M
        t = (self.a + self.b) & M
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & M
        self.c = ((self.c << 21) | (self.c >> 11)) & M
        self.d = (self.d + 1) & M
        t = (t + self.d) & M
        self.c = (self.c + t) & M
        return t / 4294967296.0


def statistics():
    wilson, binom, boot, brier, calib = [], [], [], [], []
    for _ in range(70):
        n = int(rng.integers(1, 600))
        k = int(rng.integers(0, n + 1))
        conf = float(rng.choice([0.8, 0.9, 0.95, 0.99]))
        ci = stats.binomtest(k, n).proportion_ci(confidence_level=conf, method="wilson")
        wilson.append({"k": k, "n": n, "confidence": conf, "lower": float(ci.low), "upper": float(ci.high)})
    for i in range(90):
        n = int(rng.integers(1, 400))
        p = float(rng.choice([0.5, 0.25, 0.1, 0.52, 0.6, 0.33, 0.05, 0.9]))
        k = int(np.clip(round(n * p + rng.normal(0, 1.5) * math.sqrt(n * p * (1 - p) + 1)), 0, n))
        alt = ["two-sided", "greater", "less"][i % 3]
        binom.append({"k": k, "n": n, "p": p, "alternative": alt, "pvalue": float(stats.binomtest(k, n, p, alternative=alt).pvalue)})
    for i in range(55):
        n = int(rng.integers(5, 60))
        values = [float(x) for x in np.round(rng.normal(0.02, 1.0, n), 4)]
        seed, B, conf = int(rng.integers(1, 2**31)), int(rng.choice([200, 500, 1000])), float(rng.choice([0.9, 0.95]))
        g = Sfc32(seed)
        vals = np.asarray(values)
        means = np.empty(B)
        for b in range(B):
            means[b] = vals[[int(g.next() * n) for _ in range(n)]].mean()
        lo, hi = np.quantile(means, [(1 - conf) / 2, 1 - (1 - conf) / 2])
        boot.append({"values": values, "seed": seed, "resamples": B, "confidence": conf, "lower": float(lo), "upper": float(hi), "mean": float(vals.mean())})
    for _ in range(60):
        n, k = int(rng.integers(1, 40)), int(rng.choice([2, 3, 3, 4]))
        P = rng.dirichlet(np.ones(k), n)
        y = rng.integers(0, k, n)
        onehot = np.eye(k)[y]
        brier.append({"probabilities": P.tolist(), "outcomes": y.tolist(), "brier": float(np.mean(np.sum((P - onehot) ** 2, axis=1))),
                      "log_loss": float(-np.mean(np.log(P[np.arange(n), y])))})
    for _ in range(55):
        n, bins = int(rng.integers(1, 200)), int(rng.choice([5, 10, 20]))
        p = rng.uniform(0, 1, n)
        p[rng.random(n) < 0.05] = 1.0
        hit = (rng.uniform(0, 1, n) < p).astype(int)
        edges = np.linspace(0, 1, bins + 1)
        idx = np.clip(np.digitize(p, edges[1:-1], right=False), 0, bins - 1)
        rows = []
        for b in range(bins):
            sel = idx == b
            c = int(sel.sum())
            rows.append({"count": c, "mean_predicted": float(p[sel].mean()) if c else None, "observed_rate": float(hit[sel].mean()) if c else None})
        calib.append({"predicted": p.tolist(), "happened": hit.tolist(), "bins": bins, "rows": rows})
    write("statistics.json", {"wilson": wilson, "binomial_test": binom, "bootstrap": boot, "scores": brier, "calibration": calib})


# ---------------------------------------------------------------- Elo and goalscorers
def ratings_scorers():
    """Elo by the eloratings.net rules, run match by match; goalscorer probabilities by numerical
    integration (scipy quad) of the first-goal density instead of the closed form."""
    from scipy import integrate

    elo = []
    for _ in range(55):
        ratings = {}
        k, hfa = float(rng.choice([20, 30, 40, 60])), float(rng.choice([0, 65, 100]))
        teams = [f"T{i}" for i in range(int(rng.integers(3, 7)))]
        matches = []
        for _ in range(int(rng.integers(3, 25))):
            h, a = rng.choice(len(teams), 2, replace=False)
            matches.append({"home": teams[h], "away": teams[a], "homeGoals": int(rng.poisson(1.5)), "awayGoals": int(rng.poisson(1.1))})
        for m in matches:
            rh, ra = ratings.get(m["home"], 1500.0), ratings.get(m["away"], 1500.0)
            we = 1 / (10 ** (-(rh + hfa - ra) / 400) + 1)
            gd = abs(m["homeGoals"] - m["awayGoals"])
            g = 1 if gd <= 1 else 1.5 if gd == 2 else (11 + gd) / 8
            w = 1.0 if m["homeGoals"] > m["awayGoals"] else 0.5 if m["homeGoals"] == m["awayGoals"] else 0.0
            delta = k * g * (w - we)
            ratings[m["home"]], ratings[m["away"]] = rh + delta, ra - delta
        elo.append({"k": k, "home_advantage": hfa, "matches": matches, "ratings": ratings})
    scorers = []
    for _ in range(60):
        lt, lo = float(rng.uniform(0.3, 3.0)), float(rng.uniform(0.3, 3.0))
        share = float(rng.uniform(0, 0.5))
        minutes = float(rng.choice([90, 90, 75, 60, 30, 20]))
        start = float(rng.uniform(0, 90 - minutes)) if minutes < 90 and rng.random() < 0.5 else 0.0
        pens, conv, pshare = float(rng.uniform(0, 0.35)), float(rng.uniform(0.6, 0.9)), float(rng.choice([0, 0, 1, 0.5]))
        pen_goals = min(lt, pens * conv)
        rate = ((lt - pen_goals) * share + pen_goals * pshare) / 90  # player's goals per minute on the pitch
        total = (lt + lo) / 90
        # P(first goal is his) = ∫ over his minutes of his rate × P(no goal before t)
        first, _ = integrate.quad(lambda t: rate * math.exp(-total * t), start, start + minutes, epsabs=1e-14, epsrel=1e-13)
        anytime = 1 - stats.poisson.pmf(0, rate * minutes)
        scorers.append({"team": lt, "opponent": lo, "share": share, "minutes": minutes, "start": start, "penalties": pens,
                        "conversion": conv, "penalty_share": pshare, "anytime": float(anytime), "first": float(first)})
    write("ratings_scorers.json", {"elo": elo, "scorers": scorers})


# ---------------------------------------------------------------- Dixon-Coles on real data
def dixon_coles():
    """Fit on three seasons before a test season (fit date = first match day of the test season) and
    predict every fixture of the test season whose teams were in the fit. Only predictions are written."""
    out = []
    for league, train, test in [("E0", ["2021-22", "2022-23", "2023-24"], "2024-25"), ("D1", ["2021-22", "2022-23", "2023-24"], "2024-25")]:
        matches = []
        for s in train:
            matches += dcref.read_csv(f"{DATA}/{league}_{s}.csv")
        fixtures = dcref.read_csv(f"{DATA}/{league}_{test}.csv")
        as_of = min(f[0] for f in fixtures)
        xi = 0.0019
        model = dcref.fit(matches, as_of, xi)
        assert model["res"].success, model["res"].message
        preds = []
        for d, home, away, _, _ in fixtures:
            if home in model["teams"] and away in model["teams"]:
                lam, mu, ph, pd, pa = dcref.predict_1x2(model, home, away)
                preds.append({"home": home, "away": away, "lambda_home": float(lam), "lambda_away": float(mu), "p_home": ph, "p_draw": pd, "p_away": pa})
        out.append({"league": league, "train_files": [f"{league}_{s}.csv" for s in train], "test_file": f"{league}_{test}.csv",
                    "as_of": as_of.isoformat(), "xi": xi, "matches": model["matches"], "rho": model["rho"], "home_advantage": model["home"],
                    "log_likelihood": model["loglik"], "predictions": preds})
    write("dixon_coles.json", {"fits": out})


if __name__ == "__main__":
    margins()
    kelly()
    clv()
    settlement()
    markets()
    statistics()
    ratings_scorers()
    dixon_coles()
    consensus()
    # the analysis families (t tests, multiple testing, RPS, ledger, Kelly with pushes, combos)
    import quant_reference_analysis

    quant_reference_analysis.main()
