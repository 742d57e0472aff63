-- The embedded demo's live feed (src-main/data/demo/feed.ts). The seed writes what is known at its
-- "now" and records here how to regenerate its world; the feed then releases the held-back part
-- (quotes up to kick-off, results of ended matches) up to released_until, never twice.
CREATE TABLE demo_feed_state (
  id              smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  seed            double precision NOT NULL,
  scale           double precision NOT NULL,
  anchor          date NOT NULL,
  released_until  timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TRIGGER demo_feed_state_touch BEFORE UPDATE ON demo_feed_state FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
