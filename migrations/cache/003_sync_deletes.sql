-- The source's cumulative delete counter of each synced table (pg_stat_user_tables.n_tup_del) as last
-- reconciled: when it moves, the next sync runs the key reconcile at once instead of waiting for the
-- periodic one.
ALTER TABLE sync_state ADD COLUMN source_deletes TEXT;
