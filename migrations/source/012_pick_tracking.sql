-- Pick tracking (SPEC 6, issue 12): what each pick was decided on (so it can be explained and
-- replayed), the analyst's own placed bets, the closing line as captured, and what its settlement
-- was based on (so a late or corrected result re-settles once, and only then).

ALTER TABLE tracking_clv_picks
  -- 'pick': proposed by an engine or agent (source); 'bet': the analyst's own bet, placed at a real
  -- price with a real book, following the pick parent_pick_id (null for a bet of the analyst's own idea)
  ADD COLUMN kind                text NOT NULL DEFAULT 'pick' CHECK (kind IN ('pick', 'bet')),
  ADD COLUMN parent_pick_id      text,
  -- what the decision was made on
  ADD COLUMN model_prob          double precision CHECK (model_prob >= 0 AND model_prob <= 1),
  ADD COLUMN outcome_probs       jsonb,             -- {won, half_won, void, half_lost, lost} for lines that push
  ADD COLUMN edge                double precision,
  ADD COLUMN model_version       text,
  ADD COLUMN model_params        jsonb,
  ADD COLUMN weights             jsonb,             -- {input: weight} as the engine combined its inputs
  ADD COLUMN odds_snapshot       jsonb,             -- [{bookmaker, selection, line, odds, observed_at}] seen when deciding
  ADD COLUMN inputs              jsonb,             -- agent scores, PATRON tier, traps, patterns: whatever the engine read
  ADD COLUMN reasons             jsonb,             -- ["…"]
  ADD COLUMN warnings            jsonb,             -- ["…"]
  ADD COLUMN note                text,
  -- the closing line: 'closing' from is_closing quotes, 'last_quote' from the last quotes before
  -- kick-off (re-checked for a few days), 'missing' when no reference quoted the market (never 0)
  ADD COLUMN closing_status      text CHECK (closing_status IN ('closing', 'last_quote', 'missing')),
  ADD COLUMN closing_observed_at timestamptz,
  ADD COLUMN closing_book_odds   double precision,  -- the pick's own book at the close (same-book CLV)
  ADD COLUMN clv_raw             double precision,  -- odds_taken / closing_odds - 1
  ADD COLUMN captured_at         timestamptz,
  -- the match state the settlement used: a different one later (corrected score) re-settles
  ADD COLUMN settled_status      text CHECK (settled_status IN ('finished', 'postponed', 'cancelled')),
  ADD COLUMN settled_home_goals  smallint,
  ADD COLUMN settled_away_goals  smallint,
  ADD COLUMN settlement_note     text;             -- why void, or what a re-settlement changed

CREATE INDEX tracking_clv_picks_parent_idx ON tracking_clv_picks (parent_pick_id) WHERE parent_pick_id IS NOT NULL;
CREATE INDEX tracking_clv_picks_picked_idx ON tracking_clv_picks (picked_at);

ALTER TABLE fg_combo_tracking
  ADD COLUMN source           text,
  ADD COLUMN bookmaker        text,
  ADD COLUMN picked_at        timestamptz,
  ADD COLUMN fair_odds        double precision,  -- 1 / model_prob, legs priced with their correlations
  ADD COLUMN independent_prob double precision,  -- the product of the legs' probabilities, for comparison
  ADD COLUMN pricing          jsonb,             -- [{match_id, legs, correlation, correlation_source, lift}]
  ADD COLUMN settlement_note  text;
