// The sync engine: PostgreSQL/TimescaleDB source → SQLite cache (SPEC 3.2).
// - manifest.ts: which tables (stored in the cache, sync_manifest); mirror.ts: same-name mirrors with
//   the same columns and key (value-map.ts says how values are stored); introspect.ts: the source.
// - table-sync.ts: per table, one REPEATABLE READ snapshot; a pass (full: key order; incremental: from
//   the watermark) whose every batch commits with its cursor (sync_state), so a crash loses or doubles
//   nothing; the watermark only advances to the snapshot's safe bound (queries.ts), so late commits
//   are re-read. Then quarantine re-check, window prune, key reconcile (reconcile.ts) when due or
//   when the source's delete counter moved. run.ts: the job; a probe lets unchanged tables skip.
// - quarantine.ts: rules and the quarantine table; outbox.ts: the app's own rows back to the source.
// Entry points:
export { runSync, openSyncCache, type SyncParams } from './run';
export { SyncService, type SyncServiceOptions } from './service';
export { writeOwnOutput, publishOutbox, pendingOutboxKeys, outboxPendingCount } from './outbox';
export { listSourceTables, type SourceTable, type SourceColumnInfo } from './introspect';
export { defaultManifest, loadManifest, saveManifest, parseManifest, OWN_OUTPUT_TABLES, DEFAULT_ODDS_DAYS } from './manifest';
export { listQuarantine, quarantineCounts, MAX_ODDS, type QuarantineReason } from './quarantine';
export { nextRetryDelay, retryLoop } from './backoff';
export { sourceChecksum, cacheChecksum, compareTable, type TableChecksum, type TableComparison } from './checksum';
export { SourceError, connectSource, describeSource } from './source';
export { CACHE_TYPE, kindOfPgType, fromPgText, fromJsValue, pgTimestampToIso, type CacheType, type CacheValue, type ValueKind } from './value-map';
