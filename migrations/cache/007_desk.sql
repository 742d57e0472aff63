-- This desk's identity (issue 18): made once per data folder (also kept in desk.json beside settings.json,
-- so a rebuilt cache keeps it), one row. Personal rows written here carry its id in desk_id and their keys.
CREATE TABLE desk (
  one        INTEGER PRIMARY KEY CHECK (one = 1),
  desk_id    TEXT NOT NULL CHECK (length(desk_id) BETWEEN 4 AND 40),
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
