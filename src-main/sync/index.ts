// The sync engine: PostgreSQL/TimescaleDB source → SQLite cache (SPEC 3.2).
// - manifest.ts: which tables (stored in the cache, sync_manifest); mirror.ts: same-name mirrors with
//   the same columns and key (value-map.ts says how values are stored); introspect.ts: the source.
// - table-sync.ts: per table, one REPEATABLE READ snapshot; a pass (full: key order; incremental: from
//   the watermark) whose every batch commits with its cursor (sync_state), so a crash loses or doubles
//   nothing; the watermark only advances to the snapshot's safe bound (queries.ts), so late commits
//   are re-read. Then quarantine re-check, window prune, key reconcile (reconcile.ts) when due or
//   when the source's delete counter moved. Its steps: table-run.ts (the run's state, row handler, prune),
//   table-pass.ts (passes and pages), table-keys.ts (quarantine re-check, reconcile decision and run).
//   run.ts: the job; a probe lets unchanged tables skip.
// - quarantine.ts: rules and the quarantine table; outbox.ts: the app's own rows back to the source.
// - jobs.ts: every sync.* call as a writer-lane job; handlers.ts: the contract's sync.* methods;
//   runner.ts: the one place that runs syncs (on demand, at start, on a schedule, with backoff).
// Entry points:
export { runSync, openSyncCache, type SyncParams } from './run';
export { syncJobs, syncJob } from './jobs';
export { syncHandlers } from './handlers';
export { SyncRunner, type SyncRunnerOptions } from './runner';
export { syncStatus, getManifest, setManifest, addTable, introspect, quarantinePage, phaseOf } from './service';
export { writeOwnOutput, publishOutbox, pendingOutboxKeys, outboxPendingCount } from './outbox';
export { defaultManifest, loadManifest, saveManifest, parseManifest, OWN_OUTPUT_TABLES, DEFAULT_ODDS_DAYS } from './manifest';
export { listQuarantine, quarantineCounts, MAX_ODDS, type QuarantineReason } from './quarantine';
export { pgTimestampToIso } from './value-map';
export { allStates, markInterruptedSync } from './state';
export { nextRetryDelay } from './backoff';
export { q, qList } from './sql';
