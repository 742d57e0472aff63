-- Tracking (picks, CLV, combos), market patterns, traps and scorer market picks.

CREATE TABLE tracking_clv_picks (
  pick_id            text PRIMARY KEY,
  match_id           bigint NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
  market             text NOT NULL,               -- 1x2 | totals | spreads
  line               double precision,
  selection          text NOT NULL,
  bookmaker          text NOT NULL,
  odds_taken         double precision NOT NULL CHECK (odds_taken > 1),
  fair_odds          double precision,
  stake              double precision NOT NULL CHECK (stake >= 0),
  confidence         double precision,
  source             text NOT NULL DEFAULT 'conseil',  -- which engine or agent proposed it
  picked_at          timestamptz NOT NULL,
  closing_odds       double precision,            -- reference book's closing price, NULL until kickoff
  closing_fair_odds  double precision,            -- de-vigged closing price
  closing_reference  text,                        -- which book or average gave the closing line
  clv                double precision,            -- odds_taken / closing_fair_odds - 1
  result             text CHECK (result IN ('won', 'lost', 'void', 'half_won', 'half_lost')),
  profit             double precision,
  settled_at         timestamptz,
  created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX tracking_clv_picks_match_idx ON tracking_clv_picks (match_id);

CREATE TABLE fg_combo_tracking (
  combo_id     text PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('first_goalscorer', 'anytime_goalscorer', 'accumulator')),
  legs         jsonb NOT NULL,                    -- [{match_id, market, selection, odds, result}]
  odds         double precision NOT NULL,
  stake        double precision NOT NULL DEFAULT 0,
  model_prob   double precision,
  result       text CHECK (result IN ('won', 'lost', 'void')),
  profit       double precision,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  settled_at   timestamptz,
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE market_patterns (
  pattern_id   text PRIMARY KEY,
  name         text NOT NULL,
  description  text,
  filters      jsonb NOT NULL DEFAULT '{}'::jsonb,  -- league, odds band, favourite/underdog, move direction, form
  sample_size  integer NOT NULL DEFAULT 0,
  hits         integer NOT NULL DEFAULT 0,
  hit_rate     double precision,
  roi          double precision,
  p_value      double precision,
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE patterns_correlations (
  correlation_id text PRIMARY KEY,
  market_a       text NOT NULL,
  market_b       text NOT NULL,
  correlation    double precision NOT NULL CHECK (correlation BETWEEN -1 AND 1),
  sample_size    integer NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE market_traps (
  trap_id        text PRIMARY KEY,
  match_id       bigint NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
  market         text NOT NULL,
  selection      text NOT NULL,
  bookmaker      text,
  kind           text NOT NULL,                   -- inflated_favourite | against_sharp | too_good | compound
  severity       text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  score          double precision NOT NULL,       -- 0..100
  explanation    text NOT NULL,
  evidence       jsonb NOT NULL DEFAULT '{}'::jsonb,
  historical_roi double precision,
  historical_n   integer,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired')),
  detected_at    timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX market_traps_match_idx ON market_traps (match_id);

CREATE TABLE scorer_market_picks (
  pick_id        text PRIMARY KEY,
  match_id       bigint NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
  player_id      bigint NOT NULL REFERENCES players (player_id),
  market         text NOT NULL CHECK (market IN ('anytime', 'first')),
  bookmaker      text,
  odds           double precision,
  model_prob     double precision NOT NULL,
  fair_odds      double precision,
  edge           double precision,
  value_rating   double precision,
  bookmaker_bias double precision,
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX scorer_market_picks_match_idx ON scorer_market_picks (match_id);

CREATE TRIGGER tracking_clv_picks_touch BEFORE UPDATE ON tracking_clv_picks FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER fg_combo_tracking_touch BEFORE UPDATE ON fg_combo_tracking FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER market_patterns_touch BEFORE UPDATE ON market_patterns FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER patterns_correlations_touch BEFORE UPDATE ON patterns_correlations FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER market_traps_touch BEFORE UPDATE ON market_traps FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER scorer_market_picks_touch BEFORE UPDATE ON scorer_market_picks FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
