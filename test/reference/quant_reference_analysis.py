#!/usr/bin/env python3
"""Reference values for the analysis families of src-shared/quant: Student t and t tests, multiple-testing
adjustments, ranked probability score, bet ledgers, Kelly with pushes, two-leg combos.

Computed independently with numpy/scipy (and mpmath where scipy itself is not accurate enough), written
as JSON to test/fixtures/quant/ (deterministic: each family has its own fixed seed, no clock).
quant_reference.py runs this too; on its own:
    python3 test/reference/quant_reference_analysis.py
"""
import json
import os
import re
import sys
import warnings

import mpmath
import numpy as np
from scipy import optimize, special, stats
from scipy.optimize import linprog

sys.path.insert(0, os.path.dirname(__file__))
from quant_reference import Sfc32, dc_matrix, settle_ref  # noqa: E402,F401

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "quant")


def finite_or_none(x):
    """JSON has no infinity: an unbounded end of an interval is written as null."""
    return float(x) if np.isfinite(x) else None


NUMBER_ARRAY = re.compile(r"\[\s*((?:-?[0-9.eE+-]+|null)(?:,\s*(?:-?[0-9.eE+-]+|null))*)\s*\]")


def write(name, payload):
    """Indented JSON, but an array of numbers on one line (ledgers and forecasts would take megabytes)."""
    os.makedirs(OUT, exist_ok=True)
    text = json.dumps(payload, indent=1, allow_nan=False)
    text = NUMBER_ARRAY.sub(lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
    with open(os.path.join(OUT, name), "w") as fh:
        fh.write(text)
        fh.write("\n")
    print(f"{name}: {sum(len(v) for v in payload.values() if isinstance(v, list))} cases")


# ---------------------------------------------------------------- Student t, incomplete beta, t tests
def t_tests():
    rng = np.random.default_rng(20250101)
    dist, quant, beta, lbeta, one, rel = [], [], [], [], [], []
    while len(dist) < 300:
        # integer df as t tests use them, and non-integer; from 1 to 10^6
        df = float(rng.integers(1, 500)) if rng.random() < 0.5 else float(10 ** rng.uniform(-0.5, 6))
        t = float(rng.normal() * 10 ** rng.uniform(-4, 2.3))
        sf = float(stats.t.sf(t, df))
        if min(sf, 1 - sf) < 1e-300:  # scipy flushes the far tail to 0 (subnormal range)
            continue
        dist.append({"t": t, "df": df, "cdf": float(stats.t.cdf(t, df)), "sf": sf})
    while len(quant) < 100:
        df = float(rng.integers(1, 500)) if rng.random() < 0.5 else float(10 ** rng.uniform(-0.5, 6))
        p = float(10 ** rng.uniform(-12, np.log10(0.5)))
        p = p if rng.random() < 0.5 else 1 - p
        quant.append({"p": p, "df": df, "quantile": float(stats.t.ppf(p, df))})
    while len(beta) < 100:
        a, b = float(10 ** rng.uniform(-1, 3)), float(10 ** rng.uniform(-1, 3))
        x = float(rng.uniform()) if rng.random() < 0.7 else float(stats.beta.ppf(rng.uniform(), a, b))
        v = float(special.betainc(a, b, x))
        if v < 1e-290:
            continue
        beta.append({"a": a, "b": b, "x": x, "value": v})
    mpmath.mp.dps = 40
    for _ in range(60):
        a, b = float(10 ** rng.uniform(-1, 4)), float(10 ** rng.uniform(-1, 4))
        # mpmath at 40 digits: scipy.special.betaln loses up to ~3e-10 relative when a >> b
        lbeta.append({"a": a, "b": b, "value": float(mpmath.log(mpmath.beta(mpmath.mpf(a), mpmath.mpf(b)))), "scipy": float(special.betaln(a, b))})
    alts = ["two-sided", "greater", "less"]
    for i in range(90):
        n = int(rng.choice([2, 3, 5, 10, 30, 100, 400, 2000]))
        loc = float(rng.choice([0.0, 0.005, 0.02, -0.01, 0.3]))
        if i % 5 == 0:
            x = rng.standard_t(3, n) * 0.05 + loc  # heavy tails, as returns are
        else:
            x = rng.normal(loc, float(rng.uniform(0.01, 0.2)), n)
        x = [float(v) for v in np.round(x, 6)]
        popmean = float(rng.choice([0.0, 0.0, 0.01]))
        alt, conf = alts[i % 3], float(rng.choice([0.9, 0.95, 0.99]))
        r = stats.ttest_1samp(x, popmean, alternative=alt)
        ci = r.confidence_interval(confidence_level=conf)
        one.append({"values": x, "popmean": popmean, "alternative": alt, "confidence": conf, "statistic": float(r.statistic),
                    "df": float(r.df), "pvalue": float(r.pvalue), "ci_low": finite_or_none(ci.low), "ci_high": finite_or_none(ci.high)})
    for i in range(60):
        n = int(rng.choice([2, 4, 12, 50, 300]))
        a = rng.normal(0.02, 0.1, n)
        b = a + rng.normal(float(rng.choice([0, 0.01, -0.02])), 0.05, n)
        a, b = [float(v) for v in np.round(a, 6)], [float(v) for v in np.round(b, 6)]
        alt = alts[i % 3]
        r = stats.ttest_rel(a, b, alternative=alt)
        rel.append({"a": a, "b": b, "alternative": alt, "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
    write("t_tests.json", {"student_t": dist, "quantile": quant, "incomplete_beta": beta, "log_beta": lbeta, "ttest_1samp": one, "ttest_rel": rel})


# ---------------------------------------------------------------- multiple testing
def step_up(p, alpha, c=1.0):
    """The step-up procedure as published: reject H_(1)..H_(k), k = max{i : p_(i) <= i·alpha/(m·c)}."""
    m = len(p)
    order = np.argsort(p, kind="stable")
    k = 0
    for i in range(1, m + 1):
        if p[order[i - 1]] <= i * alpha / (m * c):
            k = i
    reject = np.zeros(m, dtype=bool)
    reject[order[:k]] = True
    return [bool(x) for x in reject]


def multiple_testing():
    rng = np.random.default_rng(20250102)
    cases = []
    for i in range(120):
        m = int(rng.choice([1, 2, 3, 5, 10, 20, 50, 200]))
        # a mix of true nulls (uniform) and strategies with an edge (p-values piled near 0)
        share = float(rng.uniform(0, 0.6))
        p = np.where(rng.random(m) < share, rng.beta(0.2, 4, m), rng.uniform(0, 1, m))
        if i % 6 == 0:
            p = np.round(p, 2)  # ties, and exact 0s
        if i % 10 == 0:
            p[rng.integers(m)] = 1.0
        method = "bh" if i % 2 == 0 else "by"
        c = float(np.sum(1 / np.arange(1, m + 1))) if method == "by" else 1.0
        cases.append({"p": [float(x) for x in p], "method": method,
                      "adjusted": [float(x) for x in stats.false_discovery_control(p, method=method)],
                      "reject": {str(a): step_up(p, a, c) for a in (0.01, 0.05, 0.1, 0.2)}})
    write("multiple_testing.json", {"cases": cases})


# ---------------------------------------------------------------- ranked probability score
def rps_cases():
    rng = np.random.default_rng(20250103)
    cases = []
    for i in range(70):
        n, r = int(rng.integers(1, 60)), int(rng.choice([2, 3, 3, 3, 4, 5, 7]))
        P = rng.dirichlet(np.full(r, float(rng.choice([0.3, 1.0, 3.0]))), n)
        if i % 7 == 0:
            P[0] = np.eye(r)[int(rng.integers(r))]  # a certain forecast
        y = rng.integers(0, r, n)
        E = np.eye(r)[y]
        per_match = np.sum((np.cumsum(P, axis=1) - np.cumsum(E, axis=1))[:, :-1] ** 2, axis=1) / (r - 1)
        cases.append({"probabilities": P.tolist(), "outcomes": y.tolist(), "per_match": per_match.tolist(), "mean": float(per_match.mean())})
    write("rps.json", {"cases": cases})


# ---------------------------------------------------------------- settlement distributions, Kelly with pushes
SETTLEMENTS = ["won", "half_won", "void", "half_lost", "lost"]


def settlement_distribution(m, margin_fn, line):
    """P(each settlement) by settling every score exactly (quant_reference.settle_ref, in Fractions)."""
    out = dict.fromkeys(SETTLEMENTS, 0.0)
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            if m[i, j] > 0:
                out[settle_ref(lambda l: margin_fn(i, j, l), line, 2.0)[0]] += float(m[i, j])
    return out


def unit_profits(o):
    return {"won": o - 1, "half_won": (o - 1) / 2, "void": 0.0, "half_lost": -0.5, "lost": -1.0}


def kelly_with_pushes_ref(q, o):
    x = unit_profits(o)
    ks = [k for k in SETTLEMENTS if q.get(k, 0) > 0]

    def growth(f):
        return sum(q[k] * np.log1p(f * x[k]) for k in ks)

    def slope(f):
        return sum(q[k] * x[k] / (1 + f * x[k]) for k in ks)

    # root of G' by brentq
    if slope(0) <= 0:
        f_root = 0.0
    elif "lost" not in ks:
        f_root = 1.0 if slope(1) >= 0 else optimize.brentq(slope, 0, 1, xtol=1e-16, rtol=8.9e-16)
    else:
        f_root = optimize.brentq(slope, 0, 1 - 1e-15, xtol=1e-16, rtol=8.9e-16)
    # and, independently, maximising G itself
    res = optimize.minimize_scalar(lambda f: -growth(f), bounds=(0, 1), method="bounded", options={"xatol": 1e-12})
    return f_root, float(growth(f_root)), float(res.x), float(-res.fun)


def kelly_pushes():
    rng = np.random.default_rng(20250104)
    dists, kelly = [], []
    for _ in range(30):
        lam, mu, rho = float(rng.uniform(0.5, 2.8)), float(rng.uniform(0.4, 2.2)), float(rng.uniform(-0.12, 0.08))
        m = dc_matrix(lam, mu, rho)
        ah = float(rng.choice([x / 4 for x in range(-10, 11)]))
        tl = float(rng.choice([x / 4 for x in range(2, 19)]))
        d = {"lambda_home": lam, "lambda_away": mu, "rho": rho, "ah_line": ah, "total_line": tl,
             "ah_home": settlement_distribution(m, lambda i, j, l: i - j + l, ah),
             "ah_away": settlement_distribution(m, lambda i, j, l: j - i + l, -ah),
             "over": settlement_distribution(m, lambda i, j, l: i + j - l, tl),
             "under": settlement_distribution(m, lambda i, j, l: l - (i + j), tl)}
        dists.append(d)
        for side in ("ah_home", "ah_away", "over", "under"):
            q = d[side]
            win, lose = q["won"] + q["half_won"] / 2, q["lost"] + q["half_lost"] / 2
            if win <= 0 or lose <= 0:
                continue
            o = float(np.round((1 + lose / win) * rng.uniform(0.95, 1.15), 3))
            if o <= 1.01:
                continue
            kelly.append({"source": side, "outcomes": q, "odds": o})
    while len(kelly) < 200:
        kind = len(kelly) % 4
        if kind == 0:  # any five-outcome distribution
            q = dict(zip(SETTLEMENTS, rng.dirichlet(np.full(5, 0.7)).tolist()))
        elif kind == 1:  # win/lose only: plain Kelly
            p = float(rng.uniform(0.05, 0.9))
            q = {"won": p, "lost": 1 - p}
        elif kind == 2:  # whole line: won/void/lost
            w = rng.dirichlet([3, 1, 3])
            q = {"won": float(w[0]), "void": float(w[1]), "lost": float(w[2])}
        else:  # no full loss possible: won/half_won/void/half_lost
            w = rng.dirichlet([2, 1, 1, 2])
            q = dict(zip(["won", "half_won", "void", "half_lost"], w.tolist()))
        win = q.get("won", 0) + q.get("half_won", 0) / 2
        lose = q.get("lost", 0) + q.get("half_lost", 0) / 2
        if win <= 0.01 or lose <= 0:
            continue
        o = float(np.round((1 + lose / win) * rng.uniform(0.9, 1.3), 3))
        if o <= 1.01:
            continue
        kelly.append({"source": ["dirichlet", "win_lose", "whole_line", "no_full_loss"][kind], "outcomes": q, "odds": o})
    for c in kelly:
        f, g, f_ms, g_ms = kelly_with_pushes_ref(c["outcomes"], c["odds"])
        c.update({"fraction": f, "growth": g, "fraction_minimize_scalar": f_ms, "growth_minimize_scalar": g_ms})
    write("kelly_pushes.json", {"settlements": dists, "kelly": kelly})


# ---------------------------------------------------------------- bet ledger
def random_ledger(rng, n):
    """Settled back bets with a small edge: flat or varied stakes, win/lose bets and Asian lines with half
    results and voids, profits rounded to cents as books report them, CLV on most bets."""
    flat = rng.random() < 0.4
    bets = []
    for _ in range(n):
        stake = 10.0 if flat else float(np.round(rng.uniform(1, 50), 2))
        odds = float(np.round(rng.uniform(1.3, 6), 2))
        p = min(0.9, 1.03 / odds)
        if rng.random() < 0.75:
            result = "won" if rng.random() < p else "lost"
        else:
            rest = 1 - p - 0.08
            result = str(rng.choice(SETTLEMENTS, p=[p * 0.8, p * 0.2, 0.08, rest * 0.2, rest * 0.8]))
        bet = {"stake": stake, "profit": float(np.round(stake * unit_profits(odds)[result], 2)), "odds": odds}
        u = rng.random()
        if u < 0.7:
            bet["clv"] = float(np.round(rng.normal(0.02, 0.06), 4))
        elif u < 0.8:
            bet["clv"] = None
        bets.append(bet)
    return bets


def ledger_stats(bets, bankroll):
    S = np.array([b["stake"] for b in bets])
    P = np.array([b["profit"] for b in bets])
    O = np.array([b["odds"] for b in bets])
    equity = np.concatenate([[0.0], np.cumsum(P)])
    peak = np.maximum.accumulate(equity)
    dd = peak - equity
    trough = int(np.argmax(dd))
    streak = {"lose": 0, "win": 0}
    run = {"lose": 0, "win": 0}
    for x in P:
        if x == 0:
            continue  # a void neither breaks nor extends a run
        k, other = ("win", "lose") if x > 0 else ("lose", "win")
        run[k] += 1
        run[other] = 0
        streak[k] = max(streak[k], run[k])
    clv = [b["clv"] for b in bets if b.get("clv") is not None]
    wins, losses = int((P > 0).sum()), int((P < 0).sum())
    return {
        "bets": len(bets), "staked": float(S.sum()), "profit": float(P.sum()), "roi": float(P.sum() / S.sum()),
        "return_on_bankroll": None if bankroll is None else float(P.sum() / bankroll),
        "wins": wins, "losses": losses, "voids": len(bets) - wins - losses,
        "hit_rate": wins / (wins + losses) if wins + losses else None, "average_odds": float(O.mean()),
        "equity": equity.tolist(), "max_drawdown": float(dd[trough]), "max_drawdown_trough": trough,
        "max_drawdown_peak": int(np.argmax(equity[: trough + 1])),
        "max_drawdown_relative": None if bankroll is None else float(np.max(dd / (bankroll + peak))),
        "longest_losing_streak": streak["lose"], "longest_winning_streak": streak["win"],
        "mean_clv": float(np.mean(clv)) if clv else None, "clv_bets": len(clv),
    }


def columns(bets):
    """Bets as columns (one line each in the file); clv null where a bet has none."""
    return {"stake": [b["stake"] for b in bets], "profit": [b["profit"] for b in bets], "odds": [b["odds"] for b in bets],
            "clv": [b.get("clv") for b in bets]}


def ledger():
    rng = np.random.default_rng(20250105)
    ledgers, boot, intervals, expected = [], [], [], []
    for i in range(70):
        n = int(rng.choice([1, 2, 5, 20, 60, 150, 400], p=[0.1, 0.1, 0.2, 0.2, 0.2, 0.15, 0.05]))
        bets = random_ledger(rng, n)
        if i % 9 == 0:
            for b in bets[: max(1, n // 3)]:
                b["profit"] = 0.0  # a run of voids
        bankroll = float(rng.choice([100.0, 500.0, 1000.0])) if i % 2 == 0 else None
        ledgers.append({"bets": columns(bets), "starting_bankroll": bankroll, "stats": ledger_stats(bets, bankroll)})
    for _ in range(55):
        n = int(rng.integers(5, 120))
        bets = random_ledger(rng, n)
        seed, B, conf = int(rng.integers(1, 2**31)), int(rng.choice([200, 500, 1000])), float(rng.choice([0.9, 0.95]))
        S = np.array([b["stake"] for b in bets])
        P = np.array([b["profit"] for b in bets])
        g = Sfc32(seed)
        idx = np.array([[int(g.next() * n) for _ in range(n)] for _ in range(B)])
        ratios = P[idx].sum(axis=1) / S[idx].sum(axis=1)
        lo, hi = np.quantile(ratios, [(1 - conf) / 2, 1 - (1 - conf) / 2])
        boot.append({"bets": columns(bets), "seed": seed, "resamples": B, "confidence": conf, "roi": float(P.sum() / S.sum()), "lower": float(lo), "upper": float(hi)})
    for i in range(80):
        n = int(rng.choice([2, 3, 10, 40, 150, 400], p=[0.15, 0.15, 0.2, 0.25, 0.2, 0.05]))
        bets = random_ledger(rng, n)
        S = np.array([b["stake"] for b in bets])
        P = np.array([b["profit"] for b in bets])
        conf, method = float(rng.choice([0.9, 0.95, 0.99])), ["t", "normal"][i % 2]
        roi = P.sum() / S.sum()
        if np.all(S == S[0]):
            # equal stakes: the interval of the mean per-unit return, by scipy itself
            r = P / S
            if method == "t":
                with warnings.catch_warnings():  # every bet lost: scipy warns of a zero variance, the interval is [−1, −1]
                    warnings.simplefilter("ignore", RuntimeWarning)
                    ci = stats.ttest_1samp(r, 0).confidence_interval(confidence_level=conf)
                lo, hi, se = ci.low, ci.high, stats.sem(r)
            else:
                se = stats.sem(r)
                z = stats.norm.ppf(1 - (1 - conf) / 2)
                lo, hi = r.mean() - z * se, r.mean() + z * se
            ref = "ttest_1samp" if method == "t" else "sem"
        else:
            d = P - roi * S
            se = np.sqrt(np.var(d, ddof=1) / n) / S.mean()
            q = stats.t.ppf(1 - (1 - conf) / 2, n - 1) if method == "t" else stats.norm.ppf(1 - (1 - conf) / 2)
            lo, hi, ref = roi - q * se, roi + q * se, "delta"
        intervals.append({"bets": columns(bets), "confidence": conf, "method": method, "reference": ref, "roi": float(roi),
                          "standard_error": float(se), "lower": float(lo), "upper": float(hi)})
    for i in range(60):
        bets = []
        for _ in range(int(rng.choice([1, 3, 10, 40, 80]))):
            stake = float(np.round(rng.uniform(0, 100), 2))
            kind = rng.random()
            if kind < 0.6:
                p = float(np.round(rng.uniform(0.05, 0.9), 4))
                bets.append({"stake": stake, "odds": float(np.round(rng.uniform(0.9, 1.15) / p, 2)) if 1 / p > 1.05 else 1.05, "probability": p})
            else:
                if kind < 0.9:
                    w = np.round(rng.dirichlet(np.full(5, 0.8)), 4)
                    w[np.argmax(w)] += 1 - w.sum()  # 4 decimals, summing to 1
                    q = dict(zip(SETTLEMENTS, w.tolist()))
                else:
                    q = {"won": 0.4, "half_won": 0.1, "half_lost": 0.2, "lost": 0.3}
                bets.append({"stake": stake, "odds": float(np.round(rng.uniform(1.6, 2.4), 2)), "outcomes": q})
        if i % 6 == 0:
            # quarter-line bets priced by a Dixon-Coles matrix
            m = dc_matrix(float(rng.uniform(0.8, 2.4)), float(rng.uniform(0.6, 2.0)), -0.05)
            line = float(rng.choice([-1.25, -0.75, -0.25, 0.25, 0.75]))
            bets.append({"stake": 25.0, "odds": 1.95, "outcomes": settlement_distribution(m, lambda i, j, l: i - j + l, line)})
        means, variances = [], []
        for b in bets:
            o = b["odds"]
            if "probability" in b:
                means.append(b["stake"] * stats.bernoulli.mean(b["probability"]) * o - b["stake"])
                variances.append(b["stake"] ** 2 * stats.bernoulli.var(b["probability"]) * o * o)
            else:
                x = np.array([unit_profits(o)[k] for k in SETTLEMENTS])
                q = np.array([b["outcomes"].get(k, 0.0) for k in SETTLEMENTS])
                mu = float(q @ x)
                means.append(b["stake"] * mu)
                variances.append(b["stake"] ** 2 * float(q @ (x - mu) ** 2))
        expected.append({"bets": bets, "expected": float(np.sum(means)), "variance": float(np.sum(variances)),
                         "expected_curve": np.concatenate([[0.0], np.cumsum(means)]).tolist(),
                         "sd_curve": np.sqrt(np.concatenate([[0.0], np.cumsum(variances)])).tolist()})
    write("ledger.json", {"ledgers": ledgers, "bootstrap": boot, "roi_interval": intervals, "expected_profit": expected})


# ---------------------------------------------------------------- two-leg combos
def weighted_pearson(joint):
    """Pearson correlation of (A, B) over the four points (1,1), (1,0), (0,1), (0,0) weighted by the joint."""
    x, y = np.array([1.0, 1.0, 0.0, 0.0]), np.array([1.0, 0.0, 1.0, 0.0])
    w = np.array([joint["p11"], joint["p10"], joint["p01"], joint["p00"]])
    c = np.cov(x, y, aweights=w, bias=True)
    return float(c[0, 1] / np.sqrt(c[0, 0] * c[1, 1]))


def phi_range_lp(pa, pb):
    """Smallest and largest phi by linear programming over the joint cells (>= 0, marginals fixed)."""
    A_eq = [[1, 1, 0, 0], [1, 0, 1, 0], [1, 1, 1, 1]]  # p11 + p10 = pA, p11 + p01 = pB, total 1
    b_eq = [pa, pb, 1]
    sd = np.sqrt(pa * (1 - pa) * pb * (1 - pb))
    lo = linprog([1, 0, 0, 0], A_eq=A_eq, b_eq=b_eq, bounds=[(0, 1)] * 4, method="highs")
    hi = linprog([-1, 0, 0, 0], A_eq=A_eq, b_eq=b_eq, bounds=[(0, 1)] * 4, method="highs")
    assert lo.status == 0 and hi.status == 0
    return float((lo.x[0] - pa * pb) / sd), float((hi.x[0] - pa * pb) / sd)


def combos():
    rng = np.random.default_rng(20250106)
    from_phi, prices = [], []
    for i in range(80):
        pa, pb = (float(rng.uniform(0.03, 0.97)), float(rng.uniform(0.03, 0.97)))
        if i % 10 == 0:
            pb = pa  # phi can reach 1
        if i % 10 == 1:
            pb = 1 - pa  # phi can reach -1
        lo, hi = phi_range_lp(pa, pb)
        kind = i % 5
        phi = lo if kind == 3 else hi if kind == 4 else float(rng.uniform(lo, hi))
        sd = np.sqrt(pa * (1 - pa) * pb * (1 - pb))
        p11 = pa * pb + phi * sd
        joint = {"p11": p11, "p10": pa - p11, "p01": pb - p11, "p00": 1 - pa - pb + p11}
        joint = {k: max(0.0, v) for k, v in joint.items()}
        if 0 < kind < 3:
            assert abs(weighted_pearson(joint) - phi) < 1e-12
        bad = [float(hi + 0.02), float(lo - 0.02)]  # just outside the range (QuantError expected)
        from_phi.append({"p_a": pa, "p_b": pb, "phi": phi, "range_min": lo, "range_max": hi, "joint": joint, "invalid_phi": bad})
    for i in range(70):
        w = rng.dirichlet(np.full(4, float(rng.choice([0.5, 1.0, 4.0]))))
        joint = dict(zip(["p11", "p10", "p01", "p00"], w.tolist()))
        pa, pb = joint["p11"] + joint["p10"], joint["p11"] + joint["p01"]
        prices.append({"joint": joint, "probability": joint["p11"], "independent": pa * pb, "fair_odds": 1 / joint["p11"],
                       "independent_fair_odds": 1 / (pa * pb), "lift": joint["p11"] / (pa * pb), "correlation": weighted_pearson(joint)})
    write("combos.json", {"from_correlation": from_phi, "prices": prices})


def main():
    t_tests()
    multiple_testing()
    rps_cases()
    kelly_pushes()
    ledger()
    combos()


if __name__ == "__main__":
    main()
