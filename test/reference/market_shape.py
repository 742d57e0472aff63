#!/usr/bin/env python3
"""The shape of real bookmaker markets, measured on the real files, to calibrate the synthetic demo generator.

Writes test/fixtures/real/market_shape.json (summary statistics only, never rows of the data) and prints a short
summary. Deterministic: no randomness, no clock. Run from anywhere:
    python3 test/reference/market_shape.py
Data: <repo root>/../shared/data (override with MONPS_SHARED_DATA), see real_data.py.

Inputs
- football-data.co.uk files, E0 SP1 D1 F1 x 2019-20..2025-26 (9,799 matches). Two phases: "pre_closing" (the
  non-C columns, a Friday/Tuesday snapshot) and "closing" (the C columns). Scopes: each league and "pooled".
- open-close-odds files (average opening and closing odds, another collector), per league.

Figures (every one also written under "definitions" in the JSON)
- Price group: the prices of one bookmaker for one market of one match (1X2: H D A; ou25: >2.5 <2.5;
  ah: AHH AHA on the line AHh, or AHCh when closing). A group is used only when every price is present
  (blank and < 1.01 are missing) and 0.90 <= sum(1/odds) <= 1.30; groups failing the second test are
  publisher errors (README quirks) and are counted under "excluded_groups".
- margin (overround) = sum(1/odds) - 1 per valid group; per bookmaker code: n, mean, median, p10, p90.
  Codes are the column prefixes: PS = Pinnacle 1X2, P = Pinnacle O/U and AH, BFE = Betfair Exchange,
  Max/Avg = market maximum/average (Max gives the best-price under-round). "max_arbitrage_share" = share of
  valid Max groups with sum(1/Max) < 1.
- max_avg_ratio: Max/Avg per selection (both groups valid); quantiles p10 p25 p50 p75 p90 p99 and mean,
  per selection and over all selections.
- vs_pinnacle_fair: p_fair = multiplicative de-vig of Pinnacle's group of the same phase (PS / PSC for 1X2,
  P / PC for ou25 and ah; for ah the line is shared by all books of a phase). edge = price * p_fair - 1.
  For price = Max, = the best individual soft book ("best_soft": every individual bookmaker except Pinnacle
  and the exchange BFE, among those with a valid group), and = the best individual book including BFE
  ("best_incl_exchange"): share with edge > 0 (per selection and overall) and quantiles
  p1 p5 p10 p25 p50 p75 p90 p95 p99, mean of the edge.
- dispersion (1X2 only): (1/odds_book) / p_fair - 1 per selection, by selection type: favourite = the home or
  away selection with the larger Pinnacle fair probability (ties: home), longshot = the other one, draw.
  "all_soft" pools every individual book except PS and BFE; per book in the pooled scope only.
  Quantiles p5 p10 p25 p50 p75 p90 p95, mean, sd (ddof 0).
- drift_pinnacle_1x2: football-data pre-closing PS -> closing PSC (both groups valid): dp = p_fair_close -
  p_fair_open, and log(PSC/PS), per selection type (by the opening fair probability) and all; quantiles
  p1 p5 p10 p25 p50 p75 p90 p95 p99, mean, sd, mean_abs.
- open_close_odds: the same drift on the average prices (home/draw/away_open -> _close, de-vigged
  multiplicatively), and the overround of the average at open and close, per league and pooled, over every
  season in the files (2009-10..2024-25 part) and from 2019-2020 on.
Quantiles are numpy.quantile's default "linear" method (Hyndman-Fan type 7).
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import real_data as R  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "real", "market_shape.json")

SANE = (0.90, 1.30)
SOFT_EXCLUDE = {"PS", "P", "BFE"}
Q_RATIO = [10, 25, 50, 75, 90, 99]
Q_EDGE = [1, 5, 10, 25, 50, 75, 90, 95, 99]
Q_DISP = [5, 10, 25, 50, 75, 90, 95]
PHASES = {"pre_closing": False, "closing": True}


# ---------------------------------------------------------------- statistics helpers
def r(x):
    return None if x is None or not np.isfinite(x) else round(float(x), 8) + 0.0  # + 0.0: no "-0.0" in the JSON


def quants(x, qs, extra=("mean",)):
    x = np.asarray(x, dtype=float)
    x = x[np.isfinite(x)]
    out = {"n": int(x.size)}
    if x.size == 0:
        return out
    for q, v in zip(qs, np.quantile(x, np.array(qs) / 100.0)):
        out[f"p{q}"] = r(v)
    if "mean" in extra:
        out["mean"] = r(x.mean())
    if "sd" in extra:
        out["sd"] = r(x.std())
    if "mean_abs" in extra:
        out["mean_abs"] = r(np.abs(x).mean())
    return out


def margin_stats(m):
    m = m[np.isfinite(m)]
    if m.size == 0:
        return {"n": 0}
    p10, med, p90 = np.quantile(m, [0.1, 0.5, 0.9])
    return {"n": int(m.size), "mean": r(m.mean()), "median": r(med), "p10": r(p10), "p90": r(p90)}


# ---------------------------------------------------------------- market layout
def market_columns(season, market, closing):
    """{code: [column names]} of every bookmaker code (individual and Max/Avg) quoting `market` in this file."""
    c = "C" if closing else ""
    if market == "1x2":
        codes = season.books_1x2(closing) + R.AGG_CODES
        cols = {b: [f"{b}{c}{o}" for o in R.OUTCOMES] for b in codes}
    else:
        suffix = [">2.5", "<2.5"] if market == "ou25" else ["AHH", "AHA"]
        cands = ["P"] + [b for b in R.BOOK_CODES_1X2 if b != "PS"] + R.AGG_CODES
        cols = {b: [f"{b}{c}{s}" for s in suffix] for b in cands}
    return {b: cs for b, cs in cols.items() if all(season.has(x) for x in cs)}


SELECTIONS = {"1x2": ["H", "D", "A"], "ou25": ["over", "under"], "ah": ["home", "away"]}
PINNACLE = {"1x2": "PS", "ou25": "P", "ah": "P"}


def groups(season, market, closing):
    """{code: (n, k) odds array with invalid groups set to NaN}, {code: excluded-by-sanity count}."""
    out, excluded = {}, {}
    for b, cs in market_columns(season, market, closing).items():
        a = np.column_stack([season.col(x) for x in cs])
        full = R.complete(a)
        s = (1.0 / a).sum(axis=1)
        bad = full & ((s < SANE[0]) | (s > SANE[1]))
        a[~full | bad] = np.nan
        out[b] = a
        excluded[b] = int(bad.sum())
    return out, excluded


# ---------------------------------------------------------------- one scope (league or pooled)
class Acc:
    """Accumulates per-selection arrays across files so a scope's statistics are computed once, pooled."""

    def __init__(self):
        self.d = {}

    def add(self, key, arr):
        self.d.setdefault(key, []).append(np.asarray(arr, dtype=float).ravel())

    def get(self, key):
        v = self.d.get(key)
        return np.concatenate(v) if v else np.array([])

    def keys(self, prefix):
        return sorted({k[len(prefix):] for k in self.d if k.startswith(prefix)})


def selection_type(p_fair):
    """(n, 3) array of 'fav' / 'draw' / 'long' labels for 1X2 from fair probabilities."""
    home_fav = p_fair[:, 0] >= p_fair[:, 2]
    t = np.empty(p_fair.shape, dtype=object)
    t[:, 0] = np.where(home_fav, "favourite", "longshot")
    t[:, 1] = "draw"
    t[:, 2] = np.where(home_fav, "longshot", "favourite")
    return t


def collect(seasons, acc):
    for s in seasons:
        for phase, closing in PHASES.items():
            for market in SELECTIONS:
                g, excl = groups(s, market, closing)
                if not g:
                    continue
                pre = f"{phase}|{market}|"
                for b, a in g.items():
                    acc.add(pre + "margin|" + b, R.overround(a))
                    acc.add(pre + "excluded|" + b, [excl[b]])
                    acc.add(pre + "groups|" + b, [int(R.complete(a).sum())])
                sels = SELECTIONS[market]
                if "Max" in g:
                    mx = g["Max"]
                    acc.add(pre + "max_arb", (R.overround(mx) < 0)[R.complete(mx)])
                    if "Avg" in g:
                        ratio = mx / g["Avg"]
                        for j, sel in enumerate(sels):
                            acc.add(pre + "ratio|" + sel, ratio[:, j])
                pin = g.get(PINNACLE[market])
                if pin is None:
                    continue
                pf = R.devig_mult(pin)
                soft = [b for b in g if b not in SOFT_EXCLUDE and b not in R.AGG_CODES]
                best_soft = np.fmax.reduce([g[b] for b in soft]) if soft else None
                incl = soft + (["BFE"] if "BFE" in g else [])
                best_incl = np.fmax.reduce([g[b] for b in incl]) if incl else None
                for name, price in (("max", g.get("Max")), ("best_soft", best_soft), ("best_incl_exchange", best_incl)):
                    if price is None:
                        continue
                    edge = price * pf - 1
                    for j, sel in enumerate(sels):
                        acc.add(pre + f"edge|{name}|" + sel, edge[:, j])
                if market == "1x2":
                    typ = selection_type(pf)
                    for b in [b for b in g if b not in ("PS",) and b not in R.AGG_CODES]:
                        disp = (1.0 / g[b]) / pf - 1
                        for t in ("favourite", "draw", "longshot"):
                            acc.add(pre + f"disp|{b}|{t}", disp[typ == t])
        # Pinnacle drift, pre-closing -> closing
        g0, _ = groups(s, "1x2", False)
        g1, _ = groups(s, "1x2", True)
        if "PS" in g0 and "PS" in g1:
            o0, o1 = g0["PS"], g1["PS"]
            p0, p1 = R.devig_mult(o0), R.devig_mult(o1)
            typ = selection_type(p0)
            dp, lr = p1 - p0, np.log(o1 / o0)
            for t in ("favourite", "draw", "longshot"):
                acc.add("drift|dp|" + t, dp[typ == t])
                acc.add("drift|logodds|" + t, lr[typ == t])


def summarise(acc, per_book_dispersion):
    out = {}
    for phase in PHASES:
        ph = {}
        for market, sels in SELECTIONS.items():
            pre = f"{phase}|{market}|"
            books = acc.keys(pre + "margin|")
            if not books:
                continue
            m = {"margins": {b: margin_stats(acc.get(pre + "margin|" + b)) for b in books},
                 "excluded_groups": {b: int(acc.get(pre + "excluded|" + b).sum()) for b in books}}
            arb = acc.get(pre + "max_arb")
            if arb.size:
                m["max_arbitrage_share"] = r(arb.mean())
            if acc.get(pre + "ratio|" + sels[0]).size:
                m["max_avg_ratio"] = {sel: quants(acc.get(pre + "ratio|" + sel), Q_RATIO) for sel in sels}
                m["max_avg_ratio"]["all"] = quants(np.concatenate([acc.get(pre + "ratio|" + s) for s in sels]), Q_RATIO)
            vs = {}
            for name in ("max", "best_soft", "best_incl_exchange"):
                per = [acc.get(pre + f"edge|{name}|" + s) for s in sels]
                if not per[0].size:
                    continue
                allx = np.concatenate(per)
                allx = allx[np.isfinite(allx)]
                share = {s: r(np.mean(x[np.isfinite(x)] > 0)) if np.isfinite(x).any() else None for s, x in zip(sels, per)}
                share["all"] = r(np.mean(allx > 0)) if allx.size else None
                vs[name] = {"share_positive": share, "edge": quants(allx, Q_EDGE)}
            if vs:
                m["vs_pinnacle_fair"] = vs
            if market == "1x2":
                disp = {}
                soft = [b for b in acc.keys(pre + "disp|") if b.split("|")[0] not in SOFT_EXCLUDE]
                soft_books = sorted({k.split("|")[0] for k in soft})
                disp["all_soft"] = {t: quants(np.concatenate([acc.get(pre + f"disp|{b}|{t}") for b in soft_books]), Q_DISP, ("mean", "sd"))
                                    for t in ("favourite", "draw", "longshot")}
                if per_book_dispersion:
                    all_books = sorted({k.split("|")[0] for k in acc.keys(pre + "disp|")})
                    disp["per_book"] = {b: {t: quants(acc.get(pre + f"disp|{b}|{t}"), Q_DISP, ("mean", "sd"))
                                            for t in ("favourite", "draw", "longshot")} for b in all_books}
                m["dispersion"] = disp
            ph[market] = m
        out[phase] = ph
    drift = {}
    for kind in ("dp", "logodds"):
        parts = {t: acc.get(f"drift|{kind}|{t}") for t in ("favourite", "draw", "longshot")}
        d = {t: quants(x, Q_EDGE, ("mean", "sd", "mean_abs")) for t, x in parts.items()}
        d["all"] = quants(np.concatenate(list(parts.values())), Q_EDGE, ("mean", "sd", "mean_abs"))
        drift["fair_prob_change" if kind == "dp" else "log_close_over_open"] = d
    out["drift_pinnacle_1x2"] = drift
    return out


# ---------------------------------------------------------------- open-close-odds
def open_close(leagues):
    def block(rows):
        o = np.concatenate([np.column_stack([x["home_open"], x["draw_open"], x["away_open"]]) for x in rows])
        c = np.concatenate([np.column_stack([x["home_close"], x["draw_close"], x["away_close"]]) for x in rows])
        ok = R.complete(o) & R.complete(c)
        so, sc = (1 / o).sum(1), (1 / c).sum(1)
        ok &= (so >= SANE[0]) & (so <= SANE[1]) & (sc >= SANE[0]) & (sc <= SANE[1])
        o, c = o[ok], c[ok]
        p0, p1 = R.devig_mult(o), R.devig_mult(c)
        typ = selection_type(p0)
        res = {"matches": int(ok.sum()),
               "overround_open": margin_stats(R.overround(o)), "overround_close": margin_stats(R.overround(c))}
        for name, v in (("fair_prob_change", p1 - p0), ("log_close_over_open", np.log(c / o))):
            d = {t: quants(v[typ == t], Q_EDGE, ("mean", "sd", "mean_abs")) for t in ("favourite", "draw", "longshot")}
            d["all"] = quants(v.ravel(), Q_EDGE, ("mean", "sd", "mean_abs"))
            res[name] = d
        return res

    def since(x, first="2019-2020"):
        keep = np.array([s >= first for s in x["season"]])
        return {k: (v[keep] if isinstance(v, np.ndarray) else v) for k, v in x.items()}

    data = {lg: R.load_open_close(lg) for lg in leagues}
    out = {}
    for scope, lgs in [(lg, [lg]) for lg in leagues] + [("pooled", leagues)]:
        rows = [data[lg] for lg in lgs]
        names = sorted({s for x in rows for s in x["season"]})
        out[scope] = {"first_season": names[0], "last_season": names[-1],
                      "all_seasons": block(rows), "since_2019_20": block([since(x) for x in rows])}
    return out


DEFINITIONS = {
    "price_group": "one bookmaker's prices for one market of one match; used only if every price is present (blank or < 1.01 = missing) and 0.90 <= sum(1/odds) <= 1.30 (else counted in excluded_groups)",
    "phases": "pre_closing = football-data non-C columns (Friday/Tuesday snapshot, not true opening); closing = the C columns",
    "markets": "1x2 = H/D/A; ou25 = over/under 2.5 goals (>2.5, <2.5); ah = Asian handicap home/away (AHH/AHA) on the line AHh (pre-closing) or AHCh (closing)",
    "book_codes": "football-data column prefixes: PS = Pinnacle 1X2, P = Pinnacle O/U and AH, B365 Bet365, BW bwin, IW Interwetten, WH William Hill, VC VC Bet, BF Betfair sportsbook, BFE Betfair Exchange, 1XB 1xBet, BFD Betfred, BMGM BetMGM, BV BetVictor, CL Coral, LB Ladbrokes, Max/Avg market maximum/average (Max excludes the exchange)",
    "margin": "overround = sum(1/odds) - 1 per valid group; stats n, mean, median, p10, p90",
    "max_arbitrage_share": "share of valid Max groups with sum(1/Max) < 1 (best prices across books form an arbitrage)",
    "max_avg_ratio": "Max/Avg per selection where both groups are valid; quantiles and mean, per selection and all",
    "p_fair": "multiplicative de-vig of Pinnacle's group of the same phase and market: (1/o_i)/sum(1/o)",
    "vs_pinnacle_fair": "edge = price * p_fair - 1 per selection; price = Max ('max'), the best valid individual soft book ('best_soft': every individual book except Pinnacle and BFE), or the best individual book including BFE ('best_incl_exchange'); share_positive = share with edge > 0",
    "selection_type": "favourite = the home or away selection with the larger Pinnacle fair probability (ties: home); longshot = the other; draw = draw. For drift the opening (pre-closing / open) fair probability decides",
    "dispersion": "(1/odds_book)/p_fair - 1 per 1X2 selection; all_soft pools every individual book except PS and BFE; per_book (pooled scope only) lists every individual book except PS, BFE included",
    "drift_pinnacle_1x2": "football-data PS -> PSC on matches with both groups valid: fair_prob_change = p_fair_close - p_fair_pre_closing; log_close_over_open = log(PSC/PS)",
    "open_close_odds": "average prices of the second source: home/draw/away_open -> _close, both groups valid; same drift figures, plus the overround of the average at open and close; all_seasons and since_2019_20 (Season >= 2019-2020)",
    "quantiles": "numpy.quantile default method 'linear' (Hyndman-Fan type 7); pN = N-th percentile; sd is the population sd (ddof 0); mean_abs = mean of |x|",
}


def main():
    seasons = R.load_seasons()
    result = {"generated_by": "test/reference/market_shape.py",
              "source": {"football_data": "football-data/{E0,SP1,D1,F1}_{2019-20..2025-26}.csv",
                         "open_close_odds": "open-close-odds/{england_premier-league,spain_laliga,germany_bundesliga,france_ligue-1}.csv",
                         "matches": int(sum(s.n for s in seasons))},
              "definitions": DEFINITIONS, "football_data": {}}
    for scope, lgs in [(lg, [lg]) for lg in R.LEAGUES] + [("pooled", R.LEAGUES)]:
        acc = Acc()
        part = [s for s in seasons if s.league in lgs]
        collect(part, acc)
        result["football_data"][scope] = {"matches": int(sum(s.n for s in part)), **summarise(acc, scope == "pooled")}
    result["open_close_odds"] = open_close(R.LEAGUES)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(result, fh, indent=1)
        fh.write("\n")
    print_summary(result)


def print_summary(res):
    p = res["football_data"]["pooled"]
    print(f"market_shape.json: {res['source']['matches']} matches, 4 leagues x 7 seasons")
    for phase in PHASES:
        mg = p[phase]["1x2"]["margins"]
        books = ", ".join(f"{b} {100 * v['mean']:.2f}%" for b, v in mg.items() if v["n"])
        print(f"  1X2 {phase} mean margin: {books}")
        ratio = p[phase]["1x2"]["max_avg_ratio"]["all"]
        vs = p[phase]["1x2"]["vs_pinnacle_fair"]
        print(f"    Max/Avg median {ratio['p50']:.4f} p90 {ratio['p90']:.4f}; Max beats Pinnacle fair on "
              f"{100 * vs['max']['share_positive']['all']:.1f}% of selections, best soft on "
              f"{100 * vs['best_soft']['share_positive']['all']:.1f}% (median edge {100 * vs['best_soft']['edge']['p50']:.2f}%)")
        for m in ("ou25", "ah"):
            if m in p[phase]:
                mgm = p[phase][m]["margins"]
                print(f"  {m} {phase} mean margin: " + ", ".join(f"{b} {100 * v['mean']:.2f}%" for b, v in mgm.items() if v["n"]))
    d = p["drift_pinnacle_1x2"]["fair_prob_change"]["all"]
    print(f"  Pinnacle pre-closing -> closing fair prob change: sd {100 * d['sd']:.2f} pp, p5 {100 * d['p5']:.2f} p95 {100 * d['p95']:.2f} pp")
    oc = res["open_close_odds"]["pooled"]["since_2019_20"]["fair_prob_change"]["all"]
    print(f"  open-close-odds average open -> close (2019-20 on): sd {100 * oc['sd']:.2f} pp, p5 {100 * oc['p5']:.2f} p95 {100 * oc['p95']:.2f} pp")


if __name__ == "__main__":
    main()
