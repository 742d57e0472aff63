-- A team on one database (issue 18): each desk publishes its name here (renamed in Settings), so the other
-- desks name its picks and bets (Historique's Desk column, the reports) instead of showing a bare id.
CREATE TABLE desks (
  desk_id     text PRIMARY KEY CHECK (desk_id ~ '^[0-9a-z-]{4,40}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TRIGGER desks_touch BEFORE UPDATE ON desks FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
