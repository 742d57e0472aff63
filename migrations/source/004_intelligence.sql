-- Intelligence: agent outputs and team / scorer / coach profiles.
-- Rows the app itself writes (published through its outbox) carry text ids the app makes
-- (deterministic or uuid), so a re-publish is an idempotent upsert.

CREATE TABLE agent_analyses (
  analysis_id  text PRIMARY KEY,
  match_id     bigint REFERENCES matches (match_id) ON DELETE CASCADE,
  agent        text NOT NULL,                     -- anomaly | value | pattern | backtest | patron | ferrari | conseil
  score        double precision,                  -- 0..100
  summary      text,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX agent_analyses_match_idx ON agent_analyses (match_id);

CREATE TABLE agent_predictions (
  prediction_id text PRIMARY KEY,
  match_id      bigint REFERENCES matches (match_id) ON DELETE CASCADE,
  agent         text NOT NULL,
  market        text NOT NULL,                    -- 1x2 | totals | spreads | btts | correct_score | scorer
  line          double precision,
  selection     text NOT NULL,
  probability   double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
  fair_odds     double precision,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX agent_predictions_match_idx ON agent_predictions (match_id);

CREATE TABLE agent_feedback (
  feedback_id   text PRIMARY KEY,
  prediction_id text,
  pick_id       text,
  agent         text NOT NULL,
  outcome       text,                             -- won | lost | void | half_won | half_lost
  clv           double precision,
  profit        double precision,
  weight_before double precision,
  weight_after  double precision,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE team_intelligence (
  team_id            bigint PRIMARY KEY REFERENCES teams (team_id) ON DELETE CASCADE,
  season             text,
  played             integer NOT NULL DEFAULT 0,
  home_played        integer NOT NULL DEFAULT 0,
  home_wins          integer NOT NULL DEFAULT 0,
  home_draws         integer NOT NULL DEFAULT 0,
  home_losses        integer NOT NULL DEFAULT 0,
  home_goals_for     integer NOT NULL DEFAULT 0,
  home_goals_against integer NOT NULL DEFAULT 0,
  away_played        integer NOT NULL DEFAULT 0,
  away_wins          integer NOT NULL DEFAULT 0,
  away_draws         integer NOT NULL DEFAULT 0,
  away_losses        integer NOT NULL DEFAULT 0,
  away_goals_for     integer NOT NULL DEFAULT 0,
  away_goals_against integer NOT NULL DEFAULT 0,
  form               text,                        -- last results, newest last: 'WWDLW'
  xg_for_avg         double precision,
  xg_against_avg     double precision,
  clean_sheet_rate   double precision,
  btts_rate          double precision,
  over25_rate        double precision,
  attack_rating      double precision,
  defence_rating     double precision,
  elo                double precision,
  market_alerts      jsonb NOT NULL DEFAULT '[]'::jsonb,  -- [{kind, message, severity, at}]
  updated_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE scorer_intelligence (
  player_id          bigint PRIMARY KEY REFERENCES players (player_id) ON DELETE CASCADE,
  team_id            bigint NOT NULL REFERENCES teams (team_id),
  season             text,
  appearances        integer NOT NULL DEFAULT 0,
  minutes            integer NOT NULL DEFAULT 0,
  goals              integer NOT NULL DEFAULT 0,
  penalty_goals      integer NOT NULL DEFAULT 0,
  penalties_taken    integer NOT NULL DEFAULT 0,
  first_goals        integer NOT NULL DEFAULT 0,
  goals_per90        double precision,
  anytime_prob       double precision,           -- next match, from team xG, share, minutes, penalties
  first_goal_prob    double precision,
  form_last5         jsonb NOT NULL DEFAULT '[]'::jsonb,   -- goals in each of the last 5 matches
  goals_by_period    jsonb NOT NULL DEFAULT '{}'::jsonb,   -- {"0-15": n, "16-30": n, ...}
  scoring_streak     integer NOT NULL DEFAULT 0,
  drought            integer NOT NULL DEFAULT 0,
  updated_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX scorer_intelligence_team_idx ON scorer_intelligence (team_id);

CREATE TABLE coach_intelligence (
  coach_id           bigint PRIMARY KEY REFERENCES coaches (coach_id) ON DELETE CASCADE,
  team_id            bigint REFERENCES teams (team_id),
  style              text,
  formation          text,
  matches            integer NOT NULL DEFAULT 0,
  wins               integer NOT NULL DEFAULT 0,
  draws              integer NOT NULL DEFAULT 0,
  losses             integer NOT NULL DEFAULT 0,
  xg_for_avg         double precision,
  xg_against_avg     double precision,
  goals_for_avg      double precision,
  goals_against_avg  double precision,
  matchup_record     jsonb NOT NULL DEFAULT '{}'::jsonb,   -- {"vs_style": {"possession": {"w":..,"d":..,"l":..}}}
  strengths          jsonb NOT NULL DEFAULT '[]'::jsonb,
  weaknesses         jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TRIGGER agent_analyses_touch BEFORE UPDATE ON agent_analyses FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER agent_predictions_touch BEFORE UPDATE ON agent_predictions FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER agent_feedback_touch BEFORE UPDATE ON agent_feedback FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER team_intelligence_touch BEFORE UPDATE ON team_intelligence FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER scorer_intelligence_touch BEFORE UPDATE ON scorer_intelligence FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
CREATE TRIGGER coach_intelligence_touch BEFORE UPDATE ON coach_intelligence FOR EACH ROW EXECUTE FUNCTION monps_touch_updated_at();
