#!/usr/bin/env python3
"""Baseline for test/bench/fit.bench.ts: the scipy L-BFGS-B fit (analytic gradient, vectorised numpy)
of the Dixon-Coles likelihood, timed on the data the TypeScript bench fits.

usage: python3 dc_bench.py '<json spec>'   spec = {"reps": 5, "xi": 0.0019,
    "leagues": [{"name", "files": [...], "min_date": "YYYY-MM-DD", "as_of": "YYYY-MM-DD"}]}
Prints one JSON object: per league the median fit time (ms, CSV reading excluded), matches, log-likelihood.
"""
import datetime as dt
import json
import os
import statistics
import sys
import time

# One BLAS thread (set before numpy loads; an explicit value in the environment wins): the fit's vectors are
# small, and a multi-threaded OpenBLAS inside L-BFGS-B only adds hand-offs. On a busy 2-core machine the
# default made a Bundesliga fit take 890 ms instead of 75 ms, which inflated the TypeScript speed-up.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, os.path.dirname(__file__))
import dixon_coles_ref as dcref  # noqa: E402


def main():
    spec = json.loads(sys.argv[1])
    out = []
    for lg in spec["leagues"]:
        lo = dt.date.fromisoformat(lg["min_date"])
        as_of = dt.date.fromisoformat(lg["as_of"])
        matches = [m for f in lg["files"] for m in dcref.read_csv(f) if m[0] >= lo]
        times = []
        for _ in range(spec["reps"]):
            t = time.perf_counter()
            model = dcref.fit(matches, as_of, spec["xi"])
            times.append((time.perf_counter() - t) * 1000)
        out.append({"name": lg["name"], "matches": model["matches"], "ms": statistics.median(times), "times": times,
                    "loglik": model["loglik"], "rho": model["rho"], "iterations": int(model["res"].nit), "success": bool(model["res"].success)})
    print(json.dumps({"leagues": out}))


if __name__ == "__main__":
    main()
