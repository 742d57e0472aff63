-- A team on one database (issue 18): each desk (one data folder) has an identity, and the rows that are
-- one analyst's own (CONSEIL's picks, placed bets, combos, agent feedback) say which desk wrote them; their
-- keys include the desk id, so two desks never overwrite each other. Shared derived rows (traps, analyses)
-- keep one key for every desk. Rows written before desks had identities have desk_id NULL: 'unknown'.
ALTER TABLE tracking_clv_picks ADD COLUMN desk_id text;
ALTER TABLE fg_combo_tracking ADD COLUMN desk_id text;
ALTER TABLE agent_feedback ADD COLUMN desk_id text;

CREATE INDEX tracking_clv_picks_desk_idx ON tracking_clv_picks (desk_id);
CREATE INDEX fg_combo_tracking_desk_idx ON fg_combo_tracking (desk_id);
CREATE INDEX agent_feedback_desk_idx ON agent_feedback (desk_id);
