-- App-owned tables of the SQLite cache. Mirrors of source tables are created by the sync from its
-- manifest (so a table a user adds after introspection gets one too).

CREATE TABLE app_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,              -- JSON
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
