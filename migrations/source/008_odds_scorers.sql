-- Goalscorer prices (SPEC 3.1): one row = one price of one bookmaker that a player scores in a match,
-- anytime (at least once) or first (the match's first goal), at one moment. Like the other odds tables:
-- no foreign key and no CHECK on odds or market, because feeds deliver late, broken and orphan quotes and
-- the sync is where they are judged (quarantine: odds ≤ 1 or not finite, unknown match, a market other
-- than anytime | first, impossible times). updated_at is the ingestion time (the sync's watermark).

CREATE TABLE odds_scorers (
  match_id     bigint NOT NULL,
  player_id    bigint NOT NULL,
  bookmaker    text NOT NULL,
  market       text NOT NULL,                     -- anytime | first
  odds         double precision,
  observed_at  timestamptz NOT NULL,
  is_closing   boolean NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (match_id, player_id, bookmaker, market, observed_at)
);

CREATE TRIGGER odds_scorers_touch BEFORE UPDATE ON odds_scorers FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();

-- TimescaleDB when the server has it loaded: a hypertable on observed_at, as odds_history (003).
-- Otherwise a plain table with BRIN on the time column and btree on the watermark.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
     AND current_setting('shared_preload_libraries', true) LIKE '%timescaledb%' THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
    PERFORM create_hypertable('odds_scorers', 'observed_at', chunk_time_interval => interval '7 days', if_not_exists => true);
  ELSE
    CREATE INDEX odds_scorers_observed_brin ON odds_scorers USING brin (observed_at);
  END IF;
END $$;

CREATE INDEX odds_scorers_updated_idx ON odds_scorers (updated_at);
-- a player's prices across matches and books (scorer cards, scorer_market_picks)
CREATE INDEX odds_scorers_player_idx ON odds_scorers (player_id, observed_at);
