-- Odds time series. One row = one price of one bookmaker for one selection at one moment.
-- No foreign key to matches and no CHECK on odds: feeds deliver late, broken and orphan quotes,
-- and the sync is where they are judged (quarantine), not the ingest.
-- updated_at is the ingestion time (the sync's watermark); observed_at is when the price was seen.

CREATE TABLE odds_history (
  match_id     bigint NOT NULL,
  bookmaker    text NOT NULL,
  selection    text NOT NULL,                     -- home | draw | away
  odds         double precision,
  observed_at  timestamptz NOT NULL,
  is_closing   boolean NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (match_id, bookmaker, selection, observed_at)
);

CREATE TABLE odds_totals (
  match_id     bigint NOT NULL,
  bookmaker    text NOT NULL,
  line         double precision NOT NULL,         -- 2.5 = over/under 2.5 goals
  selection    text NOT NULL,                     -- over | under
  odds         double precision,
  observed_at  timestamptz NOT NULL,
  is_closing   boolean NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (match_id, bookmaker, line, selection, observed_at)
);

CREATE TABLE odds_spreads (
  match_id     bigint NOT NULL,
  bookmaker    text NOT NULL,
  line         double precision NOT NULL,         -- Asian handicap given to the home team (-0.75: home gives 0.75)
  selection    text NOT NULL,                     -- home | away
  odds         double precision,
  observed_at  timestamptz NOT NULL,
  is_closing   boolean NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (match_id, bookmaker, line, selection, observed_at)
);

CREATE TRIGGER odds_history_touch BEFORE UPDATE ON odds_history FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER odds_totals_touch BEFORE UPDATE ON odds_totals FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER odds_spreads_touch BEFORE UPDATE ON odds_spreads FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();

-- TimescaleDB when the server has it loaded: hypertables on observed_at. Otherwise plain tables with
-- BRIN on the time columns (cheap, and odds arrive roughly in time order) and btree on the watermark.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
     AND current_setting('shared_preload_libraries', true) LIKE '%timescaledb%' THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
    PERFORM create_hypertable('odds_history', 'observed_at', chunk_time_interval => interval '7 days', if_not_exists => true);
    PERFORM create_hypertable('odds_totals', 'observed_at', chunk_time_interval => interval '7 days', if_not_exists => true);
    PERFORM create_hypertable('odds_spreads', 'observed_at', chunk_time_interval => interval '7 days', if_not_exists => true);
  ELSE
    CREATE INDEX odds_history_observed_brin ON odds_history USING brin (observed_at);
    CREATE INDEX odds_totals_observed_brin ON odds_totals USING brin (observed_at);
    CREATE INDEX odds_spreads_observed_brin ON odds_spreads USING brin (observed_at);
  END IF;
END $$;

CREATE INDEX odds_history_updated_idx ON odds_history (updated_at);
CREATE INDEX odds_totals_updated_idx ON odds_totals (updated_at);
CREATE INDEX odds_spreads_updated_idx ON odds_spreads (updated_at);
