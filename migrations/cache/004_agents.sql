-- The agents' own state in the cache (src-main/features/agents/runner, src-main/features/traps).
-- Their outputs (agent_analyses, agent_predictions, market_traps, scorer_market_picks) are mirrors of
-- source tables written through the outbox; these tables are the cache's alone.

-- One row per run of `agents.run`: what it looked at and found (JSON summary, contract AgentRunSummary).
CREATE TABLE agent_runs (
  run_id       INTEGER PRIMARY KEY AUTOINCREMENT,
  mode         TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
  started_at   TEXT NOT NULL,
  finished_at  TEXT NOT NULL,
  as_of        TEXT NOT NULL,
  matches      INTEGER NOT NULL,
  summary      TEXT NOT NULL
);

-- Per odds table: the sync's watermark (PostgreSQL text) when the agents last ran. Every row whose
-- updated_at is at or after it may have changed since, so the next incremental run re-examines
-- the matches of those rows.
CREATE TABLE agent_watermarks (
  table_name  TEXT PRIMARY KEY,
  watermark   TEXT,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Alerts already raised (alert.raised is sent once per trap or steam id).
CREATE TABLE agent_alerts (
  alert_id   TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  raised_at  TEXT NOT NULL
);

-- Past traps: what the detector finds in the series of finished matches up to kick-off,
-- while their quotes were in the cache, with the result of backing the selection at the trap price. Kept when
-- the sync prunes old quotes: this is the history "similar situations" are counted in.
CREATE TABLE trap_history (
  match_id    INTEGER NOT NULL,
  market      TEXT NOT NULL,
  line        REAL,
  selection   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  kickoff     TEXT NOT NULL,
  bookmaker   TEXT,
  odds        REAL NOT NULL,
  fair_odds   REAL,
  band        TEXT NOT NULL,
  won         INTEGER NOT NULL,
  profit      REAL NOT NULL,
  PRIMARY KEY (match_id, market, line, selection, kind)
);
CREATE INDEX trap_history_kind_idx ON trap_history (kind, market, band);

-- Finished matches already read into trap_history (with or without a situation).
CREATE TABLE trap_history_matches (
  match_id  INTEGER PRIMARY KEY,
  read_at   TEXT NOT NULL
);
