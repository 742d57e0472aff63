// The sync engine: PostgreSQL/TimescaleDB source → SQLite cache (SPEC 3.2). Entry points:
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
