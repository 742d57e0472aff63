#!/usr/bin/env python3
"""Walk-forward replay of the "blended value rule" in plain numpy/scipy: the speed baseline for the TypeScript
backtester, and a reference for its bets.

    python3 test/reference/walk_forward_rule.py [--leagues E0,SP1,D1,F1] [--seasons 2024-25,2025-26]
        [--w 0.3] [--min-edge 0.02] [--xi 0.0019] [--window-days 1095] [--kelly 0.25] [--cap 0.05]
        [--cold-start] [--json-out FILE] [--fixture]
Prints a summary and, last, one JSON line:
    {"bench": "walk-forward-python", "seconds": ..., "fits": ..., "bets": ..., "roi": ..., "mean_clv": ...}
--json-out FILE writes the full result (rule, per league, timing); --fixture writes the same without the
timing to test/fixtures/real/walk_forward_rule.json (deterministic, for the TypeScript comparison).
Data: <repo root>/../shared/data (override with MONPS_SHARED_DATA), see real_data.py.

The replay, per league, for each match day D (distinct date) of the replayed seasons, in date order:
1. fit Dixon-Coles on that league's matches (every file of the league, 2019-20 on) with
   D - window_days <= date < D: the likelihood, constraints and optimiser of dixon_coles_ref.py (tau
   correction with rho, home advantage, attacks summing to 0, weights exp(-xi * days before D), scipy
   L-BFGS-B with the analytic gradient, ftol 1e-15 / gtol 1e-10, rho boxed to [-0.3, 0.3], restarted where
   it stalls on the tau <= 0 wall); warm start from the league's previous fit (teams it knew keep their
   parameters, new teams get dixon_coles_ref.start_point values), or a cold start from start_point for every
   fit with --cold-start. Both reach the same optimum (bets and ROI equal to 1e-8); the warm start is about a
   third faster, so it is the default, as a competent Python implementation would do;
2. predict each fixture of D: 1X2 from the score matrix 0..15 x 0..15 with the tau cells, renormalised; a
   fixture with a team absent from the fit window gets no model probability and no bet ("no_model");
3. p = w * p_model + (1 - w) * p_pinnacle, p_pinnacle = multiplicative de-vig of pre-closing PSH/PSD/PSA
   (all three needed, else no bet: "no_pinnacle");
4. best = best pre-closing soft price of the selection, soft books and price validity exactly as rule a of
   backtest_reference.py (every individual book except PS and Max/Avg, BFE included; a book counts when its
   three prices are present and 0.90 <= sum(1/odds) <= 1.30);
5. edge = p * best - 1; bet the selection with the largest edge if it is > min_edge (one bet per fixture);
6. stake = min(kelly * edge / (best - 1), cap) units of a bankroll fixed at 1 unit (no compounding);
   profit = stake * (best - 1) on a win, -stake otherwise; ROI = sum(profit) / sum(stake);
   CLV = best * p_close_fair - 1 with the closing chain of backtest_reference.py (PSC, else BFEC, else AvgC;
   none = left out); mean_clv is the unweighted mean over bets with a closing line.
BLAS runs on one thread (OPENBLAS/OMP/MKL_NUM_THREADS default to 1, see below).
Timed (time.perf_counter): the whole replay from parsed files (window selection, fits, predictions, odds
and bet decisions); CSV parsing is not timed. "fits" = number of (league, match day) fits; counts also give
fits_restarted (fits that needed an L-BFGS-B restart) and the total L-BFGS-B iterations.
"""
import argparse
import datetime as dt
import json
import os
import sys
import time

# One BLAS thread: the fits are small (about 100 parameters, 1,000 matches), and a multi-threaded OpenBLAS
# inside L-BFGS-B's vector operations only adds thread hand-offs; on a busy machine it made each fit about
# 10 times slower. Set before numpy loads; an explicit value in the environment wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from scipy.stats import poisson  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
import backtest_reference as BR  # noqa: E402
import dixon_coles_ref as dcref  # noqa: E402
import real_data as R  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE = os.path.join(ROOT, "test", "fixtures", "real", "walk_forward_rule.json")
MAX_GOALS = 15


def r(x):
    return None if x is None or not np.isfinite(x) else round(float(x), 8) + 0.0  # + 0.0: no "-0.0" in the JSON


class League:
    """Parsed history of one league: results of every file, and the replayed fixtures with their prices."""

    def __init__(self, name, seasons_all, replay):
        self.name = name
        played = [(s, i) for s in seasons_all for i in range(s.n) if s.result[i] >= 0]
        self.teams = sorted({s.home[i] for s, i in played} | {s.away[i] for s, i in played})
        idx = {t: k for k, t in enumerate(self.teams)}
        self.day = np.array([s.day[i] for s, i in played], dtype=np.int64)
        self.h = np.array([idx[s.home[i]] for s, i in played], dtype=np.int64)
        self.a = np.array([idx[s.away[i]] for s, i in played], dtype=np.int64)
        self.x = np.array([s.fthg[i] for s, i in played], dtype=float)
        self.y = np.array([s.ftag[i] for s, i in played], dtype=float)
        self.replay = [s for s in seasons_all if s.season in replay]
        self.idx = idx


def prices(s):
    """Per fixture of a file: Pinnacle fair (n,3), best soft price (n,3), closing fair (n,3), closing reference."""
    ps = s.triple("PS")
    pin = np.where(R.complete(ps)[:, None], R.devig_mult(ps), np.nan)
    soft = np.stack([BR.sane_group(s.triple(b)) for b in BR.soft_books(s)])
    best = np.fmax.reduce(soft, axis=0)
    pc, ref = BR.closing_fair(s)
    return pin, best, pc, ref


def predict(model, hi, ai):
    """1X2 probabilities (k,3) for fixtures given as team indices into model['teams']."""
    lam = np.exp(model["attack"][hi] + model["defence"][ai] + model["home"])
    mu = np.exp(model["attack"][ai] + model["defence"][hi])
    rho = model["rho"]
    g = np.arange(MAX_GOALS + 1)
    ph = poisson.pmf(g[None, :], lam[:, None])
    pa = poisson.pmf(g[None, :], mu[:, None])
    m = ph[:, :, None] * pa[:, None, :]                      # (k, home goals, away goals)
    m[:, 0, 0] *= 1 - lam * mu * rho
    m[:, 0, 1] *= 1 + lam * rho
    m[:, 1, 0] *= 1 + mu * rho
    m[:, 1, 1] *= 1 - rho
    m /= m.sum(axis=(1, 2), keepdims=True)
    home = np.tril(np.ones((MAX_GOALS + 1, MAX_GOALS + 1)), -1)   # home goals > away goals
    pH = (m * home[None]).sum(axis=(1, 2))
    pD = np.trace(m, axis1=1, axis2=2)
    return np.column_stack([pH, pD, 1 - pH - pD])


def fit_window(lg, day, args, prev):
    """Dixon-Coles fit on lg's matches in [day - window, day), teams re-indexed to those present."""
    sel = (lg.day < day) & (lg.day >= day - args.window_days)
    h, a = lg.h[sel], lg.a[sel]
    present, inv = np.unique(np.concatenate([h, a]), return_inverse=True)
    k = len(h)
    d = dcref.Data.from_arrays([lg.teams[t] for t in present], inv[:k], inv[k:], lg.x[sel], lg.y[sel],
                               (day - lg.day[sel]).astype(float), args.xi)
    p0 = None
    if not args.cold_start and prev is not None:
        p0 = dcref.start_point(d)
        n = d.n
        pos = {t: i for i, t in enumerate(prev["team_ids"])}
        for i, t in enumerate(present):
            j = pos.get(t)
            if j is not None:
                if i < n - 1:
                    p0[i] = prev["attack"][j]
                p0[n - 1 + i] = prev["defence"][j]
        p0[2 * n - 1], p0[2 * n] = prev["home"], prev["rho"]
    model = dcref.fit_data(d, p0)
    model["team_ids"] = present
    return model


def checkpoint(store, league, season, day, model):
    """First and last fit of each league and season: enough to check a reimplementation's fits."""
    rec = {"date": dt.date.fromordinal(int(day)).isoformat(), "matches": model["matches"], "teams": len(model["teams"]),
           "home_advantage": r(model["home"]), "rho": r(model["rho"]), "log_likelihood": r(model["loglik"])}
    slot = store.setdefault(league, {}).setdefault(season, {})
    slot.setdefault("first", rec)
    slot["last"] = rec


def restarted(store, league, day, model):
    """Fits where L-BFGS-B stalled on the tau <= 0 wall and was restarted: the hardest windows for a reimplementation."""
    rec = {"league": league, "date": dt.date.fromordinal(int(day)).isoformat(), "restarts": int(model["res"].restarts),
           "matches": model["matches"], "teams": len(model["teams"]), "home_advantage": r(model["home"]), "rho": r(model["rho"]),
           "log_likelihood": r(model["loglik"])}
    store.append(rec)


def replay(leagues, args):
    bets = []
    fits = 0
    checkpoints = {}
    restarts = []
    counts = {"fixtures": 0, "no_model": 0, "no_pinnacle": 0, "no_soft_price": 0, "fits_restarted": 0, "iterations": 0}
    for lg in leagues:
        prev = None
        for s in lg.replay:
            pin, best, pc, ref = prices(s)
            days = np.unique(s.day)
            for day in days:
                model = fit_window(lg, day, args, prev)
                prev = model
                fits += 1
                counts["fits_restarted"] += int(model["res"].restarts > 0)
                if model["res"].restarts > 0:
                    restarted(restarts, lg.name, day, model)
                counts["iterations"] += int(model["res"].nit)
                checkpoint(checkpoints, lg.name, s.season, day, model)
                rows = np.nonzero(s.day == day)[0]
                counts["fixtures"] += len(rows)
                pos = {t: i for i, t in enumerate(model["team_ids"])}
                hi = np.array([pos.get(lg.idx[s.home[i]], -1) for i in rows])
                ai = np.array([pos.get(lg.idx[s.away[i]], -1) for i in rows])
                known = (hi >= 0) & (ai >= 0)
                counts["no_model"] += int((~known).sum())
                rows, hi, ai = rows[known], hi[known], ai[known]
                if not len(rows):
                    continue
                pm = predict(model, hi, ai)
                pp = pin[rows]
                has_pin = R.complete(pp)
                counts["no_pinnacle"] += int((~has_pin).sum())
                p = args.w * pm + (1 - args.w) * pp
                o = best[rows]
                counts["no_soft_price"] += int((has_pin & np.isnan(o).all(axis=1)).sum())
                edge = np.where(np.isfinite(p * o), p * o - 1, -np.inf)
                j = np.argmax(edge, axis=1)
                e = edge[np.arange(len(rows)), j]
                for k in np.nonzero(e > args.min_edge)[0]:
                    i, sel = rows[k], j[k]
                    odds = o[k, sel]
                    stake = min(args.kelly * e[k] / (odds - 1), args.cap)
                    win = s.result[i] == sel
                    bets.append({"league": lg.name, "season": s.season, "day": int(day), "row": int(i), "sel": int(sel),
                                 "odds": float(odds), "stake": float(stake), "edge": float(e[k]),
                                 "profit": float(stake * (odds - 1) if win else -stake), "win": bool(win),
                                 "clv": float(odds * pc[i, sel] - 1) if ref[i] != "none" else None, "ref": ref[i],
                                 "p_model": float(pm[k, sel]), "p_pinnacle": float(pp[k, sel])})
    return bets, fits, counts, checkpoints, restarts


def summary(bets):
    if not bets:
        return {"bets": 0}
    stake = np.array([b["stake"] for b in bets])
    profit = np.array([b["profit"] for b in bets])
    clv = np.array([b["clv"] for b in bets if b["clv"] is not None])
    clv_w = np.array([b["stake"] for b in bets if b["clv"] is not None])
    order = sorted(range(len(bets)), key=lambda k: (bets[k]["day"], R.LEAGUES.index(bets[k]["league"]), bets[k]["row"]))
    cum = np.concatenate([[0.0], np.cumsum(profit[order])])
    return {"bets": len(bets), "hits": int(sum(b["win"] for b in bets)), "staked": r(stake.sum()), "profit": r(profit.sum()),
            "roi": r(profit.sum() / stake.sum()), "mean_stake": r(stake.mean()), "mean_odds": r(np.mean([b["odds"] for b in bets])),
            "mean_edge": r(np.mean([b["edge"] for b in bets])),
            "clv_bets": int(clv.size), "mean_clv": r(clv.mean()) if clv.size else None,
            "stake_weighted_clv": r((clv * clv_w).sum() / clv_w.sum()) if clv.size else None,
            "closing_reference": {k: sum(1 for b in bets if b["ref"] == k) for k in ("pinnacle", "exchange", "average", "none")},
            "max_drawdown": r(np.max(np.maximum.accumulate(cum) - cum)),
            "bets_by_selection": {n: sum(1 for b in bets if b["sel"] == j) for j, n in enumerate(("H", "D", "A"))}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--leagues", default=",".join(R.LEAGUES))
    ap.add_argument("--seasons", default="2024-25,2025-26")
    ap.add_argument("--w", type=float, default=0.3, help="model weight in the blend")
    ap.add_argument("--min-edge", type=float, default=0.02)
    ap.add_argument("--xi", type=float, default=0.0019, help="time decay per day")
    ap.add_argument("--window-days", type=int, default=1095, help="fit window: matches within this many days before the match day")
    ap.add_argument("--kelly", type=float, default=0.25, help="Kelly fraction")
    ap.add_argument("--cap", type=float, default=0.05, help="stake cap, fraction of the 1-unit bankroll")
    ap.add_argument("--cold-start", action="store_true", help="start every fit from start_point instead of the previous fit of the league")
    ap.add_argument("--json-out", help="write the full result (with timing) to this file")
    ap.add_argument("--fixture", action="store_true", help="write the result without timing to test/fixtures/real/walk_forward_rule.json")
    args = ap.parse_args()
    names = [x.strip() for x in args.leagues.split(",") if x.strip()]
    replay_seasons = [x.strip() for x in args.seasons.split(",") if x.strip()]
    for x in names:
        if x not in R.LEAGUES:
            sys.exit(f"unknown league {x!r} (expected some of {', '.join(R.LEAGUES)})")
    for x in replay_seasons:
        if x not in R.SEASONS:
            sys.exit(f"unknown season {x!r} (expected some of {', '.join(R.SEASONS)})")

    # parsing (not timed)
    leagues = [League(lg, R.load_seasons([lg], R.SEASONS), replay_seasons) for lg in names]

    t0 = time.perf_counter()
    bets, fits, counts, checkpoints, restarts = replay(leagues, args)
    seconds = time.perf_counter() - t0

    pooled = summary(bets)
    result = {
        "generated_by": "test/reference/walk_forward_rule.py",
        "rule": {"leagues": names, "seasons": replay_seasons, "w": args.w, "min_edge": args.min_edge, "xi": args.xi,
                 "window_days": args.window_days, "kelly_fraction": args.kelly, "stake_cap": args.cap,
                 "warm_start": not args.cold_start, "max_goals": MAX_GOALS,
                 "history": "every file of the league from 2019-20 (window applied per match day)",
                 "definition": "see the header of test/reference/walk_forward_rule.py"},
        "fits": fits, "counts": counts, "fit_checkpoints": checkpoints, "restarted_fits": restarts, "pooled": pooled,
        "by_league": {lg.name: summary([b for b in bets if b["league"] == lg.name]) for lg in leagues},
        "by_season": {s: summary([b for b in bets if b["season"] == s]) for s in replay_seasons},
    }
    if args.fixture:
        os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
        with open(FIXTURE, "w") as fh:
            json.dump(result, fh, indent=1)
            fh.write("\n")
    if args.json_out:
        with open(args.json_out, "w") as fh:
            json.dump({**result, "timing": {"seconds": seconds, "fits": fits, "ms_per_fit": 1000 * seconds / max(fits, 1)}}, fh, indent=1)
            fh.write("\n")
    print(f"walk-forward {','.join(names)} {','.join(replay_seasons)}: {fits} fits in {seconds:.2f} s "
          f"({1000 * seconds / max(fits, 1):.1f} ms/fit); fixtures {counts['fixtures']}, no model {counts['no_model']}, "
          f"no Pinnacle {counts['no_pinnacle']}", file=sys.stderr)
    if pooled["bets"]:
        print(f"  {pooled['bets']} bets, staked {pooled['staked']:.3f} u, ROI {100 * pooled['roi']:+.2f}%, "
              f"mean CLV {100 * (pooled['mean_clv'] or 0):+.2f}% on {pooled['clv_bets']}", file=sys.stderr)
    print(json.dumps({"bench": "walk-forward-python", "seconds": round(seconds, 4), "fits": fits, "bets": pooled["bets"],
                      "roi": pooled.get("roi"), "mean_clv": pooled.get("mean_clv")}))


if __name__ == "__main__":
    main()
