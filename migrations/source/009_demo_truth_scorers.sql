-- Ground truth of the demo world's goalscorer markets and its new plant kind (src-main/ingest/demo,
-- README "Goalscorer odds" and "Plants"). The app never reads the demo_* tables for decisions.

-- True probabilities of every player the demo's books price in a coming-week match, from the world's
-- own goal process (src-main/ingest/demo/scorers.ts): anytime = P(he scores at least once, own goals
-- not counted); first = P(he scores the match's first goal; a first goal that is an own goal has no
-- scorer). fair_odds = 1 / probability.
CREATE TABLE demo_truth_scorers (
  match_id     bigint NOT NULL,
  player_id    bigint NOT NULL,
  team_id      bigint NOT NULL,
  market       text NOT NULL CHECK (market IN ('anytime', 'first')),
  probability  double precision NOT NULL CHECK (probability > 0 AND probability < 1),
  fair_odds    double precision NOT NULL,
  PRIMARY KEY (match_id, player_id, market)
);

-- Plants gain 'scorer_value' (a book prices a scorer well above his true fair odds; market = anytime |
-- first, selection = the player id, details: player_id, team_id, true_probability, fair_odds, factor,
-- odds, start_at, end_at). Trap plants (kind 'trap') carry details.trap_kind = inflated_favourite |
-- against_sharp | too_good | compound, start_at, end_at, books, sharp_book, size and the kind's sizes;
-- bad_quote plants may name details.table = 'odds_scorers' (selection = the player id).
ALTER TABLE demo_plants DROP CONSTRAINT demo_plants_kind_check;
ALTER TABLE demo_plants ADD CONSTRAINT demo_plants_kind_check
  CHECK (kind IN ('steam', 'outlier', 'reverse_line', 'trap', 'scorer_value', 'bad_quote'));
CREATE INDEX demo_plants_trap_kind_idx ON demo_plants ((details->>'trap_kind')) WHERE kind = 'trap';
