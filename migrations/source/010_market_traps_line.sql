-- market_traps: the line of the market (totals and Asian handicap traps need it, as agent_predictions
-- has it) and when a trap stopped (its signal disappeared, or kick-off): status 'expired' rows are kept.
ALTER TABLE market_traps ADD COLUMN line double precision;
ALTER TABLE market_traps ADD COLUMN expired_at timestamptz;
