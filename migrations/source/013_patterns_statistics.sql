-- Agent C (patterns): what a mined situation needs beside its hit rate and ROI so that nobody reads a lucky
-- cut as an edge: the intervals, the market's own expectation, CLV, the q-value over every situation tried
-- in the run and how many were tried (multiple testing), and which run and price it comes from.
-- Correlations between legs of one match: the interval of the empirical phi and the model's phi beside it.

ALTER TABLE market_patterns
  ADD COLUMN market          text,
  ADD COLUMN selection       text,
  ADD COLUMN hit_rate_lower  double precision,
  ADD COLUMN hit_rate_upper  double precision,
  ADD COLUMN market_hit_rate double precision,            -- mean de-vigged closing probability of the selection
  ADD COLUMN mean_odds       double precision,
  ADD COLUMN roi_lower       double precision,            -- 95% percentile bootstrap interval of the ROI
  ADD COLUMN roi_upper       double precision,
  ADD COLUMN mean_clv        double precision,            -- the selection taken at the earlier price vs the de-vigged close
  ADD COLUMN clv_sample      integer,
  ADD COLUMN q_value         double precision CHECK (q_value BETWEEN 0 AND 1),
  ADD COLUMN tests_tried     integer CHECK (tests_tried >= 0),  -- situations tested in the run (the BH m)
  ADD COLUMN significant     boolean,                     -- q_value <= fdr_level
  ADD COLUMN fdr_level       double precision,
  ADD COLUMN fdr_method      text CHECK (fdr_method IN ('bh', 'by')),
  ADD COLUMN price_reference text,                        -- the price the situation is bet at
  ADD COLUMN run_id          text,
  ADD COLUMN mined_at        timestamptz,
  ADD COLUMN data_from       date,
  ADD COLUMN data_to         date,
  ADD COLUMN note            text;                        -- the multiple-testing note shown beside the pattern

CREATE INDEX market_patterns_run_idx ON market_patterns (run_id);

ALTER TABLE patterns_correlations
  ADD COLUMN league             text,                     -- league code, or ALL
  ADD COLUMN description        text,
  ADD COLUMN correlation_lower  double precision,         -- delta-method 95% interval of the empirical phi
  ADD COLUMN correlation_upper  double precision,
  ADD COLUMN rate_a             double precision,
  ADD COLUMN rate_b             double precision,
  ADD COLUMN rate_both          double precision,
  ADD COLUMN lift               double precision,
  ADD COLUMN model_correlation  double precision,         -- Dixon-Coles walk-forward: phi of its joints over its sample
  ADD COLUMN model_within       double precision,         -- mean phi inside one match (what a combo is priced with)
  ADD COLUMN model_sample_correlation double precision,   -- empirical phi over the same matches as the model
  ADD COLUMN model_sample       integer,
  ADD COLUMN run_id             text,
  ADD COLUMN mined_at           timestamptz;

CREATE INDEX patterns_correlations_run_idx ON patterns_correlations (run_id);
