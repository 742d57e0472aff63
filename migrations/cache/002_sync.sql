-- The sync's own tables (src-main/data/sync). Mirrors of source tables are created by the sync itself.

-- The manifest of synced tables: one JSON entry per table (shape: src-shared/contract/sync.ts).
CREATE TABLE sync_manifest (
  table_name  TEXT PRIMARY KEY,
  position    INTEGER NOT NULL,
  entry       TEXT NOT NULL,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Per synced table: the mirror's shape and the checkpoint. A pass (full or incremental) in progress
-- has pass_kind set; pass_cursor is the last committed key (raw PostgreSQL text, JSON array), written
-- in the same transaction as the batch it ends. watermark: the next incremental reads rows with
-- watermark column >= it (PostgreSQL text). pass_bound becomes the watermark when the pass completes.
CREATE TABLE sync_state (
  table_name         TEXT PRIMARY KEY,
  mirror_columns     TEXT,              -- JSON [{name, kind}] of the mirror as created
  mirror_key         TEXT,              -- JSON [column] primary key of the mirror
  watermark          TEXT,
  pass_kind          TEXT CHECK (pass_kind IN ('full', 'incremental')),
  pass_from          TEXT,
  pass_bound         TEXT,
  pass_cursor        TEXT,
  pass_rows          INTEGER NOT NULL DEFAULT 0,
  last_success_at    TEXT,
  last_reconcile_at  TEXT,
  last_error         TEXT,
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One row: the sync as a whole (offline since, attempts for the retry backoff).
CREATE TABLE sync_status (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  state            TEXT NOT NULL DEFAULT 'never' CHECK (state IN ('never', 'running', 'ok', 'offline', 'error')),
  offline_since    TEXT,
  last_error       TEXT,
  last_attempt_at  TEXT,
  last_success_at  TEXT,
  attempt          INTEGER NOT NULL DEFAULT 0,
  next_retry_at    TEXT
);
INSERT INTO sync_status (id) VALUES (1);

-- Source rows that break a rule: kept out of the mirror, shown in the UI, re-checked every sync.
-- source_key: the primary key as PostgreSQL text (JSON array), used to fetch the row again;
-- key: the same key as cache values (JSON object), for display; raw: the row as PostgreSQL text.
CREATE TABLE quarantine (
  table_name  TEXT NOT NULL,
  source_key  TEXT NOT NULL,
  key         TEXT NOT NULL,
  reason      TEXT NOT NULL,
  message     TEXT NOT NULL,
  raw         TEXT NOT NULL,
  first_seen  TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  PRIMARY KEY (table_name, source_key)
);
CREATE INDEX quarantine_reason_idx ON quarantine (table_name, reason);

-- Rows the app wrote (its own outputs) waiting to be published to the source. generation moves on
-- every local write; a publish marks published_generation only if generation did not move meanwhile.
CREATE TABLE outbox (
  table_name            TEXT NOT NULL,
  key                   TEXT NOT NULL,    -- JSON object of the primary key, cache values
  generation            INTEGER NOT NULL,
  published_generation  INTEGER NOT NULL DEFAULT 0,
  written_at            TEXT NOT NULL,
  published_at          TEXT,
  attempts              INTEGER NOT NULL DEFAULT 0,
  last_error            TEXT,
  PRIMARY KEY (table_name, key)
);
CREATE INDEX outbox_pending_idx ON outbox (table_name) WHERE generation > published_generation;
