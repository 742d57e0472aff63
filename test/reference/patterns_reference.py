#!/usr/bin/env python3
"""Independent reference of Agent C (patterns) on the real football-data files, with numpy/scipy.

Writes test/fixtures/real/patterns_reference.json (summary figures per situation and per correlation, never
rows of the data) and prints a summary. Deterministic (bootstrap: numpy default_rng with a fixed seed).
    python3 test/reference/patterns_reference.py
Data: <repo root>/../shared/data (override with MONPS_SHARED_DATA), see real_data.py: E0 SP1 D1 F1 x
2019-20..2025-26, read by header name; a blank price or one below 1.01 is missing, never 0.

Definitions, written here from the specification, not from the TypeScript:
- Bets: one unit on home, draw, away (1X2) and over, under (2.5 goals) of every match with a score, at the
  reference closing price: the first of Pinnacle (PSCH/PSCD/PSCA; PC>2.5/PC<2.5), the Betfair Exchange
  (BFEC...), the market average (AvgC...) whose closing prices are all present and whose sum of 1/odds lies in
  [0.97, 1.30]. The earlier price is the same book's pre-closing one (PSH..., P>2.5, BFEH..., AvgH...) when
  complete and in the same range. De-vig: multiplicative (computed as 1/o over the sum, normalised once more,
  as floating point does it in the app). Profit: odds - 1 or -1. CLV: earlier odds x closing fair prob - 1.
- Dimensions (all known before kick-off): league; odds band of the closing price [1.01,1.5) [1.5,2) [2,2.5)
  [2.5,3.5) [3.5,5) [5,inf); role (home/away selections: favourite if its closing price is below the other
  team's, underdog if above); move = closing fair prob - earlier fair prob: >= 0.03 shortened-large, >= 0.01
  shortened, <= -0.03 drifted-large, <= -0.01 drifted, else steady; rest = days since the team's previous
  match of the same season on an earlier date: <= 3 short, <= 5 mid, <= 8 week, else long; restEdge = own rest
  - opponent's: >= 2 more, <= -2 less, else same; form = points (3/1/0) of the team's last 5 matches of the
  season on earlier dates: <= 4 cold, <= 9 mixed, else hot.
- Situations: the selection with each family of dimensions below; a cut is tested when it holds >= 100 bets.
  p = scipy.stats.ttest_1samp(profit, 0, alternative='greater') (all-equal profits: 1 if they lose);
  q = scipy.stats.false_discovery_control(p of every tested cut, method='bh'); Wilson interval from
  scipy.stats.binomtest(...).proportion_ci(method='wilson'); percentile bootstrap of the ROI (10,000
  resamples) for the 12 smallest p-values and a few named cuts.
- Correlations: phi of two 0/1 legs from the 2x2 counts; its standard error by the delta method with a
  numerical gradient (central differences) and the multinomial covariance (diag(p) - p p^T)/n; 95% interval
  phi +- 1.959964 SE clipped to [-1, 1]. Model: Dixon-Coles (dixon_coles_ref.py, scipy L-BFGS-B, cold start)
  fitted per league at the first day of each month on the league's matches of the previous 1095 days
  (xi = 0.0019), when >= 150; it prices that month's matches whose teams both have >= 5 matches in the window;
  score matrix 0..15 with the tau correction, renormalised. Model phi = phi of the mean joint (mean P(A and B),
  mean P(A), mean P(B)) over the priced matches; within = mean over them of each match's own phi.
"""
import datetime as dt
import json
import os
import sys

import numpy as np
from scipy import stats
from scipy.stats import poisson

sys.path.insert(0, os.path.dirname(__file__))
import dixon_coles_ref as dcref  # noqa: E402
import real_data as R  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "real", "patterns_reference.json")

MIN_SAMPLE = 100
SANE = (0.97, 1.30)
SEED = 20260711
RESAMPLES = 10_000
Z95 = 1.959963984540054
CHAIN = [  # book, 1X2 (closing, pre-closing prefix), totals (closing, pre-closing prefix)
    ("PS", ("PSC", "PS"), ("PC", "P")),
    ("BFE", ("BFEC", "BFE"), ("BFEC", "BFE")),
    ("Avg", ("AvgC", "Avg"), ("AvgC", "Avg")),
]
BANDS = [("1.01-1.50", 1.01, 1.5), ("1.50-2.00", 1.5, 2.0), ("2.00-2.50", 2.0, 2.5), ("2.50-3.50", 2.5, 3.5),
         ("3.50-5.00", 3.5, 5.0), ("5.00+", 5.0, float("inf"))]
FAMILIES = [[], ["league"], ["oddsBand"], ["oddsBand", "league"], ["role"], ["role", "league"], ["move"],
            ["move", "league"], ["move", "oddsBand"], ["move", "role"], ["rest"], ["restEdge"], ["rest", "role"],
            ["form"], ["form", "role"], ["form", "league"]]
ORDER = ["league", "oddsBand", "role", "move", "rest", "restEdge", "form"]
NAMED = ["pat.v1|1x2|home", "pat.v1|1x2|draw|league=E0", "pat.v1|totals|over|move=shortened-large",
         "pat.v1|1x2|away|role=favourite|form=cold"]


def r(x, digits=12):
    if x is None or not np.isfinite(x):
        return None
    return float(f"{float(x):.{digits}g}") + 0.0


def fair(odds):
    """Multiplicative de-vig, normalised twice as the app's floating point does."""
    inv = [1.0 / o for o in odds]
    s = 0.0
    for x in inv:
        s += x
    q = [x / s for x in inv]
    t = 0.0
    for x in q:
        t += x
    return [x / t for x in q]


def sane(odds):
    if any(not np.isfinite(o) for o in odds):
        return False
    s = 0.0
    for o in odds:
        s += 1.0 / o
    return SANE[0] <= s <= SANE[1]


def pick(season, i, market):
    for book, x12, ou in CHAIN:
        close_p, early_p = x12 if market == "1x2" else ou
        names = (lambda p: [p + o for o in "HDA"]) if market == "1x2" else (lambda p: [p + ">2.5", p + "<2.5"])
        close = [season.col(c)[i] for c in names(close_p)]
        if sane(close):
            early = [season.col(c)[i] for c in names(early_p)]
            return close, (early if sane(early) else None)
    return None


def load():
    out = []
    for s in R.load_seasons():
        for i in range(s.n):
            if s.fthg[i] is None or s.ftag[i] is None:
                continue
            out.append({"league": s.league, "season": s.season, "day": s.day[i], "home": s.home[i], "away": s.away[i],
                        "hg": s.fthg[i], "ag": s.ftag[i], "x12": pick(s, i, "1x2"), "ou": pick(s, i, "ou")})
    out.sort(key=lambda m: m["day"])
    return out


def contexts(matches):
    hist = {}
    for m in matches:
        for side in ("home", "away"):
            past = [p for p in hist.get(m[side], []) if p[1] == m["season"] and p[0] < m["day"]]
            m[side + "_rest"] = int(m["day"] - past[-1][0]) if past else None
            m[side + "_form"] = sum(p[2] for p in past[-5:]) if len(past) >= 5 else None
        for side, gf, ga in (("home", m["hg"], m["ag"]), ("away", m["ag"], m["hg"])):
            hist.setdefault(m[side], []).append((m["day"], m["season"], 3 if gf > ga else 1 if gf == ga else 0))


def band(o):
    return next(k for k, lo, hi in BANDS if lo <= o < hi)


def move(d):
    return ("shortened-large" if d >= 0.03 else "shortened" if d >= 0.01 else "drifted-large" if d <= -0.03
            else "drifted" if d <= -0.01 else "steady")


def rest(d):
    return "short" if d <= 3 else "mid" if d <= 5 else "week" if d <= 8 else "long"


def bets(matches):
    out = []
    for m in matches:
        for market, sels in (("1x2", ["home", "draw", "away"]), ("totals", ["over", "under"])):
            line = m["x12"] if market == "1x2" else m["ou"]
            if line is None:
                continue
            close, early = line
            p, pe = fair(close), (fair(early) if early else None)
            if market == "1x2":
                win = 0 if m["hg"] > m["ag"] else 1 if m["hg"] == m["ag"] else 2
            else:
                win = 0 if m["hg"] + m["ag"] > 2.5 else 1
            for k, sel in enumerate(sels):
                v = {"league": m["league"], "oddsBand": band(close[k])}
                if pe:
                    v["move"] = move(p[k] - pe[k])
                if sel in ("home", "away"):
                    own, opp = (close[0], close[2]) if sel == "home" else (close[2], close[0])
                    if own != opp:
                        v["role"] = "favourite" if own < opp else "underdog"
                    me, other = (sel, "away" if sel == "home" else "home")
                    if m[me + "_rest"] is not None:
                        v["rest"] = rest(m[me + "_rest"])
                        if m[other + "_rest"] is not None:
                            d = m[me + "_rest"] - m[other + "_rest"]
                            v["restEdge"] = "more" if d >= 2 else "less" if d <= -2 else "same"
                    f = m[me + "_form"]
                    if f is not None:
                        v["form"] = "cold" if f <= 4 else "mixed" if f <= 9 else "hot"
                won = k == win
                out.append({"market": market, "sel": sel, "odds": close[k], "p": p[k], "won": won,
                            "profit": close[k] - 1 if won else -1.0,
                            "clv": early[k] * p[k] - 1 if early else None, "v": v})
    return out


def situations(all_bets):
    cells = {}
    for b in all_bets:
        for fam in FAMILIES:
            if any(d not in b["v"] for d in fam):
                continue
            key = "|".join(["pat.v1", b["market"], b["sel"]] + [f"{d}={b['v'][d]}" for d in ORDER if d in fam])
            cells.setdefault(key, []).append(b)
    tested = {}
    for key, bs in cells.items():
        if len(bs) < MIN_SAMPLE:
            continue
        prof = np.array([b["profit"] for b in bs])
        hits = sum(b["won"] for b in bs)
        if np.all(prof == prof[0]):
            p = 0.0 if prof[0] > 0 else 1.0
        else:
            p = float(stats.ttest_1samp(prof, 0.0, alternative="greater").pvalue)
        ci = stats.binomtest(hits, len(bs)).proportion_ci(0.95, method="wilson")
        clv = [b["clv"] for b in bs if b["clv"] is not None]
        tested[key] = {"n": len(bs), "hits": hits, "hit_lo": ci.low, "hit_hi": ci.high,
                       "market_hit_rate": np.mean([b["p"] for b in bs]), "mean_odds": np.mean([b["odds"] for b in bs]),
                       "roi": prof.mean(), "p": p, "mean_clv": np.mean(clv) if clv else None, "clv_n": len(clv), "profit": prof}
    keys = sorted(tested)
    ps = np.array([tested[k]["p"] for k in keys])
    for method in ("bh", "by"):
        for k, q in zip(keys, stats.false_discovery_control(ps, method=method)):
            tested[k]["q_" + method] = float(q)
    return tested, len(cells) - len(tested)


def bootstrap(prof, seed):
    rng = np.random.default_rng(seed)
    n = len(prof)
    means = np.concatenate([prof[rng.integers(0, n, size=(1000, n))].mean(axis=1) for _ in range(RESAMPLES // 1000)])
    return np.quantile(means, [0.025, 0.975])


# ------------------------------------------------------------------ correlations
LEGS = {
    "1x2:home": lambda h, a: h > a, "1x2:draw": lambda h, a: h == a, "1x2:away": lambda h, a: h < a,
    "totals:over:1.5": lambda h, a: h + a > 1.5, "totals:over:2.5": lambda h, a: h + a > 2.5,
    "totals:over:3.5": lambda h, a: h + a > 3.5, "btts:yes": lambda h, a: h > 0 and a > 0,
    "ah:home:-0.5": lambda h, a: h - a - 0.5 > 0, "ah:home:-1.5": lambda h, a: h - a - 1.5 > 0,
    "team:home:goals>=1": lambda h, a: h >= 1, "team:away:goals>=1": lambda h, a: a >= 1,
}
PAIRS = [("1x2:home", "totals:over:2.5"), ("1x2:draw", "totals:over:2.5"), ("1x2:away", "totals:over:2.5"),
         ("btts:yes", "totals:over:2.5"), ("btts:yes", "1x2:home"), ("btts:yes", "1x2:draw"),
         ("totals:over:1.5", "btts:yes"), ("totals:over:3.5", "1x2:home"), ("ah:home:-1.5", "totals:over:2.5"),
         ("ah:home:-1.5", "1x2:home"), ("ah:home:-0.5", "1x2:home"), ("team:home:goals>=1", "team:away:goals>=1")]
G = np.arange(16)
HG, AG = np.meshgrid(G, G, indexing="ij")
MASK = {k: np.vectorize(f)(HG, AG) for k, f in LEGS.items()}


def phi_cells(p):
    p11, p10, p01, p00 = p
    return (p11 * p00 - p10 * p01) / np.sqrt((p11 + p10) * (p01 + p00) * (p11 + p01) * (p10 + p00))


def phi_estimate(a, b):
    a, b = np.asarray(a, bool), np.asarray(b, bool)
    n = len(a)
    cnt = np.array([np.sum(a & b), np.sum(a & ~b), np.sum(~a & b), np.sum(~a & ~b)], float)
    p = cnt / n
    phi = phi_cells(p)
    h = 1e-6
    g = np.array([(phi_cells(p + h * e) - phi_cells(p - h * e)) / (2 * h) for e in np.eye(4)])
    cov = (np.diag(p) - np.outer(p, p)) / n
    se = float(np.sqrt(max(0.0, g @ cov @ g)))
    return {"n": n, "a": int(a.sum()), "b": int(b.sum()), "both": int(cnt[0]), "phi": phi, "se": se,
            "lower": max(-1.0, phi - Z95 * se), "upper": min(1.0, phi + Z95 * se)}


def matrix(model, home, away):
    i, j = model["teams"].index(home), model["teams"].index(away)
    lam = np.exp(model["attack"][i] + model["defence"][j] + model["home"])
    mu = np.exp(model["attack"][j] + model["defence"][i])
    rho = model["rho"]
    m = np.outer(poisson.pmf(G, lam), poisson.pmf(G, mu))
    m[0, 0] *= 1 - lam * mu * rho
    m[0, 1] *= 1 + lam * rho
    m[1, 0] *= 1 + mu * rho
    m[1, 1] *= 1 - rho
    return m / m.sum()


def walk_forward(matches):
    """Score matrix of each match the monthly walk-forward model prices (index -> 16x16)."""
    out, fits = {}, 0
    for lg in R.LEAGUES:
        idx = [k for k, m in enumerate(matches) if m["league"] == lg]
        months = sorted({dt.date.fromordinal(int(matches[k]["day"])).replace(day=1) for k in idx})
        for start in months:
            day = start.toordinal()
            train = [(dt.date.fromordinal(int(matches[k]["day"])), matches[k]["home"], matches[k]["away"], matches[k]["hg"],
                      matches[k]["ag"]) for k in idx if day - 1095 <= matches[k]["day"] < day]
            if len(train) < 150:
                continue
            model = dcref.fit(train, start, 0.0019)
            fits += 1
            played = {}
            for t in train:
                played[t[1]] = played.get(t[1], 0) + 1
                played[t[2]] = played.get(t[2], 0) + 1
            for k in idx:
                m = matches[k]
                if dt.date.fromordinal(int(m["day"])).replace(day=1) != start:
                    continue
                if played.get(m["home"], 0) >= 5 and played.get(m["away"], 0) >= 5:
                    out[k] = matrix(model, m["home"], m["away"])
        print(f"  {lg}: {fits} fits so far", file=sys.stderr)
    return out, fits


def correlations(matches):
    mats, fits = walk_forward(matches)
    rows = []
    for scope in ["ALL"] + sorted(R.LEAGUES):
        ks = [k for k, m in enumerate(matches) if scope == "ALL" or m["league"] == scope]
        for a, b in PAIRS:
            la = [LEGS[a](matches[k]["hg"], matches[k]["ag"]) for k in ks]
            lb = [LEGS[b](matches[k]["hg"], matches[k]["ag"]) for k in ks]
            est = phi_estimate(la, lb)
            mk = [k for k in ks if k in mats]
            joint = np.array([[(mats[k] * (MASK[a] & MASK[b])).sum(), (mats[k] * MASK[a]).sum(), (mats[k] * MASK[b]).sum()]
                              for k in mk])
            both, pa, pb = joint.mean(axis=0)
            model_phi = (both - pa * pb) / np.sqrt(pa * (1 - pa) * pb * (1 - pb))
            within = (joint[:, 0] - joint[:, 1] * joint[:, 2]) / np.sqrt(
                joint[:, 1] * (1 - joint[:, 1]) * joint[:, 2] * (1 - joint[:, 2]))
            on_model = phi_estimate([LEGS[a](matches[k]["hg"], matches[k]["ag"]) for k in mk],
                                    [LEGS[b](matches[k]["hg"], matches[k]["ag"]) for k in mk])
            rows.append({"id": f"cor.v1|{scope}|{a}~{b}", "n": est["n"], "a": est["a"], "b": est["b"], "both": est["both"],
                         "phi": r(est["phi"]), "se": r(est["se"]), "lower": r(est["lower"]), "upper": r(est["upper"]),
                         "model": r(model_phi), "within": r(np.mean(within)), "model_sample": len(mk),
                         "model_sample_phi": r(on_model["phi"])})
    return rows, fits, len(mats)


def main():
    matches = load()
    contexts(matches)
    all_bets = bets(matches)
    tested, too_small = situations(all_bets)
    keys = sorted(tested)
    by_p = sorted(keys, key=lambda k: (tested[k]["p"], k))
    boot = {}
    for i, k in enumerate(sorted(set(by_p[:12]) | set(NAMED))):
        lo, hi = bootstrap(tested[k]["profit"], SEED + i)
        boot[k] = [r(lo), r(hi)]
    cols = ["id", "n", "hits", "hit_lo", "hit_hi", "market_hit_rate", "mean_odds", "roi", "p", "q_bh", "q_by", "mean_clv", "clv_n"]
    rows = [[k] + [tested[k][c] if c in ("n", "hits", "clv_n") else r(tested[k][c]) for c in cols[1:]] for k in keys]
    corr, fits, priced = correlations(matches)
    out = {
        "about": "test/reference/patterns_reference.py: Agent C situations and correlations on the real football-data files "
                 "(E0 SP1 D1 F1 2019-20..2025-26), numpy/scipy, definitions in the script's docstring",
        "matches": len(matches),
        "priced_matches": sum(1 for m in matches if m["x12"] or m["ou"]),
        "bets": len(all_bets),
        "min_sample": MIN_SAMPLE,
        "tried": len(keys),
        "too_small": too_small,
        "significant_bh_05": sum(1 for k in keys if tested[k]["q_bh"] <= 0.05),
        "significant_by_05": sum(1 for k in keys if tested[k]["q_by"] <= 0.05),
        "smallest_p": [[k, r(tested[k]["p"]), r(tested[k]["q_bh"])] for k in by_p[:5]],
        "situation_columns": cols,
        "situations": rows,
        "bootstrap": {"resamples": RESAMPLES, "intervals": boot},
        "model": {"fits": fits, "priced_matches": priced},
        "correlations": corr,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print(f"{len(matches)} matches, {len(all_bets)} bets; {len(keys)} situations tried ({too_small} cuts under {MIN_SAMPLE} bets), "
          f"{out['significant_bh_05']} survive BH at 0.05 ({out['significant_by_05']} BY)")
    for k, p, q in out["smallest_p"]:
        print(f"  p {p:.4g}  q {q:.3f}  {k}")
    print(f"model: {fits} monthly fits, {priced} matches priced")
    for c in corr:
        if c["id"].startswith("cor.v1|ALL|"):
            print(f"  {c['id'][11:]:45s} n {c['n']}  phi {c['phi']:+.4f} [{c['lower']:+.4f}, {c['upper']:+.4f}]  "
                  f"model {c['model']:+.4f}  within {c['within']:+.4f}")
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
