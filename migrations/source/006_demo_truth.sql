-- Ground truth of the generated demo world (src-main/data/demo), and the match "meeting" number.
-- The app never reads the demo_* tables for decisions: tests use them to score the detectors.

-- Some leagues (MLS in football-data's extra layout) play the same home fixture twice in a season,
-- so the importer's natural key gains the meeting number: 1 for the first time this home team
-- hosts this away team in the league season (by kick-off), 2 for the second, ...
ALTER TABLE matches ADD COLUMN meeting smallint NOT NULL DEFAULT 1 CHECK (meeting >= 1);
ALTER TABLE matches DROP CONSTRAINT matches_league_code_season_home_team_id_away_team_id_key;
ALTER TABLE matches ADD CONSTRAINT matches_natural_key UNIQUE (league_code, season, home_team_id, away_team_id, meeting);

-- True probabilities of every market the demo prices. market: 1x2 | totals | spreads.
-- line: 0 for 1x2, the goal line for totals, the home team's handicap for spreads.
-- For spreads (quarter/half/whole lines with pushes) probability = 1 / fair_odds, the price with
-- zero expected profit; for 1x2 and totals it is the plain outcome probability.
CREATE TABLE demo_truth_probabilities (
  match_id     bigint NOT NULL,
  market       text NOT NULL CHECK (market IN ('1x2', 'totals', 'spreads')),
  line         double precision NOT NULL,
  selection    text NOT NULL,
  probability  double precision NOT NULL,
  fair_odds    double precision NOT NULL,
  PRIMARY KEY (match_id, market, line, selection)
);

-- Model parameters: per team (Dixon-Coles log attack / defence) and per league.
CREATE TABLE demo_truth_teams (
  team_id      bigint PRIMARY KEY,
  attack       double precision NOT NULL,
  defence      double precision NOT NULL
);
CREATE TABLE demo_truth_leagues (
  league_code    text PRIMARY KEY,
  base_goals     double precision NOT NULL,      -- log of the mean goals of an average away side
  home_advantage double precision NOT NULL,      -- log multiplier of the home rate
  rho            double precision NOT NULL       -- Dixon-Coles low-score dependence
);

-- Planted situations. kind: steam | outlier | reverse_line | trap | bad_quote.
-- (match_id, bookmaker, market, line, selection, observed_at) locate the key quote; for bad_quote
-- they are exactly the primary key of the bad row, and details = {"table": "odds_history" |
-- "odds_totals" | "odds_spreads", "reason": "odds_le_1" | "absurd" | "nan" | "infinity" |
-- "orphan_match" | "future", "odds": <stored value as text>}.
CREATE TABLE demo_plants (
  plant_id     text PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('steam', 'outlier', 'reverse_line', 'trap', 'bad_quote')),
  match_id     bigint NOT NULL,
  bookmaker    text,
  market       text NOT NULL,
  line         double precision,
  selection    text NOT NULL,
  observed_at  timestamptz NOT NULL,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX demo_plants_match_idx ON demo_plants (match_id);
CREATE INDEX demo_plants_kind_idx ON demo_plants (kind);
