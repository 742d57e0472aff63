#!/usr/bin/env python3
"""Independent reference backtests of two 1X2 betting rules on the real football-data files.

Writes test/fixtures/real/backtest_reference.json (rule definitions and summary figures only, never rows) and
prints a summary. Deterministic: bootstrap draws come from numpy's default_rng with a fixed seed; no clock.
    python3 test/reference/backtest_reference.py
Data: <repo root>/../shared/data (override with MONPS_SHARED_DATA), see real_data.py. Files: E0 SP1 D1 F1 x
2019-20..2025-26, read by header name; a blank price or one below 1.01 is missing, never 0.

Rule a, "sharp reference" (SPEC 10: ~5,000 bets, mean CLV ~ +2.2%, ROI interval spanning zero):
  p_fair = multiplicative de-vig of Pinnacle pre-closing PSH/PSD/PSA (the match needs all three).
  Soft books = every individual bookmaker whose three pre-closing 1X2 columns exist in the file, except
  Pinnacle (PS) and the Max/Avg aggregates - the Betfair Exchange (BFE) included:
    2019-20..2023-24: B365 BW IW WH VC; 2024-25: B365 BW WH BF BFE 1XB; 2025-26: B365 BW BFE BFD BMGM BV CL LB.
  A soft book's price counts when its three prices are present and 0.90 <= sum(1/odds) <= 1.30 (drops the
  few publisher errors). No minimum number of books beyond one valid price for the selection.
  best = the highest counted soft price of the selection (ties: first book in the order above).
  Bet 1 unit on every selection (several per match allowed) with best * p_fair - 1 > 0, at the price best.
Rule b, Kaunitz, Zhong & Kreiner (2017), "Beating the bookies with their own numbers" (arXiv:1710.02824),
  on closing prices: consensus probability p_cons = 1/AvgC (the market-average closing odds, NOT de-margined:
  in the paper alpha absorbs the margin - the fitted p_true ~ p_cons - 0.034/0.057/0.037 for H/D/A - plus a
  safety margin); bet 1 unit at MaxC on every selection with MaxC and AvgC present, p_cons - alpha > 0 and
  MaxC * (p_cons - alpha) - 1 > 0, i.e. MaxC > 1/(1/AvgC - alpha); alpha = 0.05.
CLV of a bet = odds_taken * p_close_fair - 1, p_close_fair the multiplicative de-vig of the first complete
  closing line among Pinnacle PSCH/PSCD/PSCA, else the Betfair Exchange BFECH/BFECD/BFECA, else the average
  AvgCH/AvgCD/AvgCA (SPEC 6: sharp, else exchange, else average). No complete closing line: "none", left out of
  the CLV mean (never a CLV of 0).
Figures per group (pooled, per league, per season): bets, hits, hit rate, profit, ROI = profit / bets
  (1-unit stakes), 95% percentile bootstrap interval of ROI (resampling bets with replacement, 10,000
  resamples, default_rng(SEED) created anew for each statistic of each group, draws in chunks of 1,000 x n),
  mean CLV with the same bootstrap over the bets that have a closing line, closing references used, mean odds,
  max drawdown of cumulative profit in units (bets ordered by date, league E0 SP1 D1 F1, file row, selection
  H D A; the curve starts at 0).
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import real_data as R  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "real", "backtest_reference.json")

SEED = 20260101
RESAMPLES = 10_000
CHUNK = 1_000
SANE = (0.90, 1.30)
ALPHA = 0.05
CLOSING_CHAIN = [("pinnacle", "PS"), ("exchange", "BFE"), ("average", "Avg")]
SELS = ["H", "D", "A"]


def r(x):
    return None if x is None or not np.isfinite(x) else round(float(x), 8) + 0.0  # + 0.0: no "-0.0" in the JSON


# ---------------------------------------------------------------- inputs shared by both rules
def closing_fair(s):
    """(n, 3) de-vigged closing probabilities and the name of the reference used per match ('none' if no line)."""
    p = np.full((s.n, 3), np.nan)
    ref = np.array(["none"] * s.n, dtype=object)
    for name, code in CLOSING_CHAIN:
        a = s.triple(code, closing=True)
        use = R.complete(a) & (ref == "none")
        p[use] = R.devig_mult(a[use])
        ref[use] = name
    return p, ref


def sane_group(a):
    """Set a bookmaker's whole 1X2 group to NaN unless all three prices are present and the overround is sane."""
    a = a.copy()
    s = (1.0 / a).sum(axis=1)
    bad = ~R.complete(a) | (s < SANE[0]) | (s > SANE[1])
    a[bad] = np.nan
    return a


def soft_books(s, include_exchange=True):
    books = [b for b in s.books_1x2() if b != "PS"]
    return books if include_exchange else [b for b in books if b != "BFE"]


class Bets:
    """Column store of bets: appended per file, then sorted by (date, league, row, selection)."""

    FIELDS = ("day", "league", "season", "row", "sel", "odds", "win", "clv", "ref", "book", "edge", "nbooks")

    def __init__(self):
        self.parts = {f: [] for f in self.FIELDS}

    def add(self, **cols):
        for f in self.FIELDS:
            self.parts[f].append(np.asarray(cols[f]))

    def done(self):
        d = {f: np.concatenate(v) if v else np.array([]) for f, v in self.parts.items()}
        lg = np.array([R.LEAGUES.index(x) for x in d["league"]], dtype=np.int64) if len(d["league"]) else np.array([], dtype=np.int64)
        order = np.lexsort((d["sel"], d["row"], lg, d["day"])) if len(lg) else np.array([], dtype=np.int64)
        return {f: v[order] for f, v in d.items()}


def sharp_rule(seasons, include_exchange=True, one_per_match=False):
    bets = Bets()
    for s in seasons:
        ps = s.triple("PS")
        okp = R.complete(ps)
        pf = R.devig_mult(ps)
        books = soft_books(s, include_exchange)
        prices = np.stack([sane_group(s.triple(b)) for b in books])          # (B, n, 3)
        filled = np.where(np.isnan(prices), -np.inf, prices)
        arg = np.argmax(filled, axis=0)                                       # first book on ties
        best = np.take_along_axis(prices, arg[None], axis=0)[0]
        nbooks = (~np.isnan(prices)).sum(axis=0)
        edge = best * pf - 1
        take = okp[:, None] & np.isfinite(edge) & (edge > 0)
        if one_per_match:
            e = np.where(take, edge, -np.inf)
            keep = np.zeros_like(take)
            keep[np.arange(s.n), np.argmax(e, axis=1)] = True
            take &= keep
        add_bets(bets, s, take, best, edge, np.array(books, dtype=object)[arg], nbooks)
    return bets.done()


def kaunitz_rule(seasons, alpha=ALPHA, closing=True, demargined=False):
    bets = Bets()
    for s in seasons:
        mx = s.triple("Max", closing)
        av = s.triple("Avg", closing)
        if demargined:
            p_cons = np.where(R.complete(av)[:, None], R.devig_mult(av), np.nan)
        else:
            p_cons = 1.0 / av
        adj = p_cons - alpha
        edge = mx * adj - 1
        take = np.isfinite(edge) & (adj > 0) & (edge > 0)
        nb = np.where(np.isfinite(mx), 1, 0)
        add_bets(bets, s, take, mx, edge, np.full((s.n, 3), "Max", dtype=object), nb)
    return bets.done()


def add_bets(bets, s, take, price, edge, book, nbooks):
    pc, ref = closing_fair(s)
    i, j = np.nonzero(take)
    odds = price[i, j]
    bets.add(day=s.day[i], league=np.array([s.league] * len(i), dtype=object), season=np.array([s.season] * len(i), dtype=object),
             row=s.row[i], sel=j, odds=odds, win=(s.result[i] == j), clv=odds * pc[i, j] - 1, ref=ref[i],
             book=book[i, j], edge=edge[i, j], nbooks=nbooks[i, j])


# ---------------------------------------------------------------- statistics
def bootstrap_mean(x, seed=SEED):
    """95% percentile interval of the mean of x: resampling x with replacement, RESAMPLES times."""
    n = len(x)
    if n == 0:
        return None
    rng = np.random.default_rng(seed)
    means = np.empty(RESAMPLES)
    for k in range(0, RESAMPLES, CHUNK):
        idx = rng.integers(0, n, size=(CHUNK, n))
        means[k:k + CHUNK] = x[idx].mean(axis=1)
    lo, hi = np.quantile(means, [0.025, 0.975])
    return [r(lo), r(hi)]


def max_drawdown(profit):
    cum = np.concatenate([[0.0], np.cumsum(profit)])
    return float(np.max(np.maximum.accumulate(cum) - cum))


def summary(b, with_ci=True):
    n = len(b["odds"])
    if n == 0:
        return {"bets": 0}
    profit = np.where(b["win"], b["odds"] - 1, -1.0)
    clv = b["clv"][np.isfinite(b["clv"])]
    refs = {name: int(np.sum(b["ref"] == name)) for name in ("pinnacle", "exchange", "average", "none")}
    out = {"bets": n, "hits": int(b["win"].sum()), "hit_rate": r(b["win"].mean()), "profit": r(profit.sum()),
           "roi": r(profit.mean()), "roi_ci95": bootstrap_mean(profit) if with_ci else None,
           "mean_odds": r(b["odds"].mean()), "mean_edge_at_bet": r(b["edge"].mean()),
           "clv_bets": int(clv.size), "mean_clv": r(clv.mean()) if clv.size else None,
           "clv_ci95": bootstrap_mean(clv) if (with_ci and clv.size) else None,
           "share_clv_positive": r(np.mean(clv > 0)) if clv.size else None,
           "closing_reference": refs, "max_drawdown": r(max_drawdown(profit))}
    return out


def subset(b, mask):
    return {f: v[mask] for f, v in b.items()}


def report(b):
    out = {"pooled": summary(b)}
    out["by_league"] = {lg: summary(subset(b, b["league"] == lg)) for lg in R.LEAGUES}
    out["by_season"] = {s: summary(subset(b, b["season"] == s)) for s in R.SEASONS}
    books, counts = np.unique(b["book"].astype(str), return_counts=True)
    out["bets_by_price_book"] = {str(k): int(v) for k, v in zip(books, counts)}
    out["bets_by_selection"] = {sel: int(np.sum(b["sel"] == j)) for j, sel in enumerate(SELS)}
    keys = list(zip(b["league"], b["season"], b["row"]))
    out["matches_with_bets"] = len(set(keys))
    return out


def headline(b):
    s = summary(b)
    return {k: s[k] for k in ("bets", "hits", "roi", "roi_ci95", "mean_clv", "clv_ci95", "closing_reference", "max_drawdown")}


RULES = {
    "sharp_reference": {
        "market": "1X2, pre-closing prices",
        "p_fair": "multiplicative de-vig of Pinnacle pre-closing PSH/PSD/PSA: (1/o_i)/sum(1/o); match skipped unless all three present",
        "soft_books": "every individual bookmaker whose three pre-closing 1X2 columns exist in the file except PS (Pinnacle) and Max/Avg; the Betfair Exchange BFE is included",
        "soft_books_by_season": {},
        "price_validity": "a soft book's price counts when its three prices are present (blank or < 1.01 = missing) and 0.90 <= sum(1/odds) <= 1.30",
        "min_books": "none beyond one valid soft price for the selection",
        "best_price": "max of the counted soft prices of the selection; ties go to the first book in soft_books_by_season order",
        "bet_condition": "best * p_fair - 1 > 0 (strict), every selection independently (several bets per match allowed)",
        "stake": "1 unit flat, at the best price",
    },
    "kaunitz_consensus": {
        "source": "Kaunitz, Zhong & Kreiner (2017), Beating the bookies with their own numbers - and how the online sports betting market is rigged, arXiv:1710.02824",
        "market": "1X2, closing prices (MaxC*, AvgC*)",
        "p_cons": "1/AvgC of the selection (average closing odds; not de-margined: alpha absorbs the margin, as in the paper)",
        "alpha": ALPHA,
        "bet_condition": "MaxC, AvgC of the selection present, p_cons - alpha > 0 and MaxC * (p_cons - alpha) - 1 > 0, i.e. MaxC > 1/(1/AvgC - alpha); every selection independently",
        "stake": "1 unit flat at MaxC",
    },
    "common": {
        "result": "FTHG/FTAG: home win if FTHG > FTAG, draw if equal, away win otherwise; profit = odds - 1 on a win, -1 otherwise",
        "clv": "odds_taken * p_close_fair - 1; p_close_fair = multiplicative de-vig of the first complete closing line among PSCH/PSCD/PSCA (pinnacle), BFECH/BFECD/BFECA (exchange), AvgCH/AvgCD/AvgCA (average); no complete line = 'none', excluded from the CLV mean",
        "roi": "profit / number of bets (1-unit stakes)",
        "bootstrap": f"95% percentile interval (numpy.quantile linear, 2.5% and 97.5%) of the mean over {RESAMPLES} resamples of the bets with replacement; rng = numpy.random.default_rng({SEED}) created anew for each statistic (ROI, CLV) of each group; indices drawn as rng.integers(0, n, size=({CHUNK}, n)) {RESAMPLES // CHUNK} times",
        "max_drawdown": "max over t of (running max - value) of the cumulative profit curve starting at 0, bets ordered by (date, league in E0 SP1 D1 F1 order, file row, selection H D A)",
        "groups": "pooled; by_league; by_season (the season of the file)",
        "data": "football-data/{E0,SP1,D1,F1}_{2019-20..2025-26}.csv",
    },
}


def main():
    seasons = R.load_seasons()
    RULES["sharp_reference"]["soft_books_by_season"] = {s: soft_books(next(x for x in seasons if x.season == s)) for s in R.SEASONS}
    sharp = sharp_rule(seasons)
    kzk = kaunitz_rule(seasons)
    result = {
        "generated_by": "test/reference/backtest_reference.py",
        "matches": int(sum(s.n for s in seasons)),
        "rules": RULES,
        "sharp_reference": report(sharp),
        "kaunitz_consensus": report(kzk),
        "variants": {
            "sharp_reference_without_exchange": headline(sharp_rule(seasons, include_exchange=False)),
            "sharp_reference_one_bet_per_match": headline(sharp_rule(seasons, one_per_match=True)),
            "kaunitz_demargined_consensus": headline(kaunitz_rule(seasons, demargined=True)),
            "kaunitz_pre_closing_prices": headline(kaunitz_rule(seasons, closing=False)),
        },
        "variant_definitions": {
            "sharp_reference_without_exchange": "rule a with BFE removed from the soft books",
            "sharp_reference_one_bet_per_match": "rule a keeping only the selection with the largest edge of each match",
            "kaunitz_demargined_consensus": "rule b with p_cons = multiplicative de-vig of AvgCH/AvgCD/AvgCA (all three needed)",
            "kaunitz_pre_closing_prices": "rule b on the pre-closing MaxH../AvgH.. columns (still 1 unit at Max)",
        },
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(result, fh, indent=1)
        fh.write("\n")
    for name in ("sharp_reference", "kaunitz_consensus"):
        p = result[name]["pooled"]
        print(f"{name}: {p['bets']} bets, hit rate {100 * p['hit_rate']:.1f}%, profit {p['profit']:+.2f} u, "
              f"ROI {100 * p['roi']:+.2f}% [{100 * p['roi_ci95'][0]:+.2f}, {100 * p['roi_ci95'][1]:+.2f}], "
              f"mean CLV {100 * p['mean_clv']:+.2f}% [{100 * p['clv_ci95'][0]:+.2f}, {100 * p['clv_ci95'][1]:+.2f}] on {p['clv_bets']}, "
              f"closing {p['closing_reference']}, max drawdown {p['max_drawdown']:.1f} u")
        for lg, v in result[name]["by_league"].items():
            if v["bets"]:
                print(f"   {lg:4s} {v['bets']:5d} bets ROI {100 * v['roi']:+6.2f}% CLV {100 * (v['mean_clv'] or 0):+.2f}%")
    for k, v in result["variants"].items():
        print(f"  variant {k}: {v['bets']} bets, ROI {100 * v['roi']:+.2f}%, mean CLV {100 * (v['mean_clv'] or 0):+.2f}%")


if __name__ == "__main__":
    main()
