"""Loading the real football-data.co.uk and open-close-odds files for the reference scripts.

Shared by market_shape.py, backtest_reference.py and walk_forward_rule.py. Written with the csv module and
numpy only (no pandas), and independently of the TypeScript importer, so the two can be compared.

The data folder is `<repo root>/../shared/data` (the steering repository's data next to the worktree),
overridable with the environment variable MONPS_SHARED_DATA (the folder that holds `football-data/` and
`open-close-odds/`). Nothing from it is copied into the repository; the scripts only write summary figures.

Parsing rules (from data/football-data/README.md):
- header cells are read by name, never by position; the UTF-8 BOM of the 2024-25+ files is stripped
  (encoding "utf-8-sig"); CRLF and LF both work through the csv module;
- numbers may carry a trailing ".0" (re-saved files): parsed with float();
- a blank odds cell is missing (NaN), never 0; any odds below 1.01 (placeholder zeros) is missing too;
- dates are dd/mm/yyyy (dd/mm/yy accepted as well).
"""
import csv
import datetime as dt
import os
import sys

import numpy as np

LEAGUES = ["E0", "SP1", "D1", "F1"]
SEASONS = ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25", "2025-26"]
OUTCOMES = ["H", "D", "A"]

# Individual bookmaker codes that can appear in these files (README "Bookmaker codes").
# PS is Pinnacle for 1X2; its O/U and AH columns use the code P. BFE is the Betfair Exchange.
BOOK_CODES_1X2 = ["B365", "BW", "IW", "PS", "WH", "VC", "BF", "BFE", "1XB", "BFD", "BMGM", "BV", "CL", "LB"]
AGG_CODES = ["Max", "Avg"]
MIN_ODDS = 1.01


def data_dir():
    """The shared data folder (contains football-data/ and open-close-odds/); exits with a clear message if absent."""
    env = os.environ.get("MONPS_SHARED_DATA")
    if env:
        path = os.path.abspath(env)
    else:
        repo_root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
        path = os.path.abspath(os.path.join(repo_root, "..", "shared", "data"))
    if not os.path.isdir(os.path.join(path, "football-data")):
        sys.exit(f"real data not found: expected the folder {path}/football-data "
                 f"(set MONPS_SHARED_DATA to the folder holding football-data/ and open-close-odds/)")
    return path


def parse_odds(s):
    """Decimal odds from a cell: NaN for blank, unparsable or below 1.01 (placeholder zeros)."""
    if s is None:
        return np.nan
    s = s.strip()
    if not s:
        return np.nan
    try:
        v = float(s)
    except ValueError:
        return np.nan
    return v if v >= MIN_ODDS else np.nan


def parse_date(s):
    d, m, y = s.strip().split("/")
    y = int(y)
    if y < 100:
        y += 2000
    return dt.date(y, int(m), int(d))


def parse_int(s):
    s = (s or "").strip()
    return int(float(s)) if s else None


class Season:
    """One football-data file: match rows in file order, with every odds column as a float array (NaN = missing)."""

    def __init__(self, league, season, path):
        self.league = league
        self.season = season
        self.path = path
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            self.header = [h.strip() for h in next(reader)]
            rows = [r for r in reader if any(c.strip() for c in r)]
        col = {h: i for i, h in enumerate(self.header)}
        self.columns = set(self.header)
        self.n = len(rows)
        self.row = np.arange(self.n)
        self.date = [parse_date(r[col["Date"]]) for r in rows]
        self.day = np.array([d.toordinal() for d in self.date], dtype=np.int64)
        self.home = [r[col["HomeTeam"]].strip() for r in rows]
        self.away = [r[col["AwayTeam"]].strip() for r in rows]
        self.fthg = [parse_int(r[col["FTHG"]]) for r in rows]
        self.ftag = [parse_int(r[col["FTAG"]]) for r in rows]
        # result index 0 = home, 1 = draw, 2 = away; -1 when the score is missing
        self.result = np.array([-1 if h is None or a is None else (0 if h > a else 1 if h == a else 2)
                                for h, a in zip(self.fthg, self.ftag)], dtype=np.int64)
        self._odds = {}
        for h, i in col.items():
            if h in ("Div", "Date", "Time", "HomeTeam", "AwayTeam", "FTR", "HTR", "Referee"):
                continue
            self._odds[h] = np.array([parse_odds(r[i]) if i < len(r) else np.nan for r in rows])

    def col(self, name):
        """Float array of a column; all-NaN when the file does not have it."""
        v = self._odds.get(name)
        return v if v is not None else np.full(self.n, np.nan)

    def has(self, name):
        return name in self.columns

    def triple(self, prefix, closing=False):
        """n x 3 array of a bookmaker's 1X2 odds (H, D, A); prefix e.g. 'B365', 'PS', 'Max'."""
        c = "C" if closing else ""
        return np.column_stack([self.col(f"{prefix}{c}{o}") for o in OUTCOMES])

    def books_1x2(self, closing=False):
        """Individual bookmaker codes (not Max/Avg) whose three 1X2 columns exist in this file.

        Requiring all three names avoids the one ambiguity in these headers: `BFD` is Betfair's draw price in
        2024-25 (BFH/BFD/BFA) while `BFDH/BFDD/BFDA` are Betfred's in 2025-26.
        """
        c = "C" if closing else ""
        return [b for b in BOOK_CODES_1X2 if all(f"{b}{c}{o}" in self.columns for o in OUTCOMES)]

    def pair(self, a, b):
        return np.column_stack([self.col(a), self.col(b)])


def load_seasons(leagues=LEAGUES, seasons=SEASONS, root=None):
    root = root or data_dir()
    out = []
    for lg in leagues:
        for s in seasons:
            path = os.path.join(root, "football-data", f"{lg}_{s}.csv")
            if not os.path.exists(path):
                sys.exit(f"missing football-data file: {path}")
            out.append(Season(lg, s, path))
    return out


# ---------------------------------------------------------------- open-close-odds (second source)
OPEN_CLOSE_FILES = {
    "E0": "england_premier-league.csv",
    "SP1": "spain_laliga.csv",
    "D1": "germany_bundesliga.csv",
    "F1": "france_ligue-1.csv",
}


def load_open_close(league, root=None):
    """Rows of one open-close-odds file as a dict of float arrays (NaN = missing) plus 'season' and 'date' lists."""
    root = root or data_dir()
    path = os.path.join(root, "open-close-odds", OPEN_CLOSE_FILES[league])
    if not os.path.exists(path):
        sys.exit(f"missing open-close-odds file: {path}")
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    cols = ["home_open", "draw_open", "away_open", "home_close", "draw_close", "away_close",
            "over_2.5_open", "under_2.5_open", "over_2.5_close", "under_2.5_close"]
    out = {c: np.array([parse_odds(r[c]) for r in rows]) for c in cols}
    out["season"] = [r["Season"] for r in rows]
    out["date"] = [r["Date"][:10] for r in rows]
    out["n"] = len(rows)
    return out


# ---------------------------------------------------------------- common arithmetic
def devig_mult(odds):
    """Multiplicative de-vig of an (n, k) odds array: (1/o) / sum(1/o) per row; NaN rows stay NaN."""
    inv = 1.0 / odds
    return inv / inv.sum(axis=1, keepdims=True)


def overround(odds):
    """sum(1/odds) - 1 per row (NaN if any price is missing)."""
    return (1.0 / odds).sum(axis=1) - 1.0


def complete(a):
    """Rows of an (n, k) array with every value present."""
    return ~np.isnan(a).any(axis=1)
