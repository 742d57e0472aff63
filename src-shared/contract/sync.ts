import { z } from 'zod';
import { event, method } from './define';

// The sync of the PostgreSQL source into the SQLite cache (SPEC 3.2): its manifest, its status,
// introspection of the source, quarantine of bad rows.

const ident = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/, 'must be a plain SQL identifier');

/** Which rows of a table are synced: everything, or (odds) the last `days` days of `timeColumn`
 * plus every row whose `matchColumn` is a match not yet finished. */
export const syncWindow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z
    .object({ kind: z.literal('recent-or-open'), timeColumn: ident, days: z.number().int().positive().max(36500), matchColumn: ident })
    .strict(),
]);
export type SyncWindow = z.infer<typeof syncWindow>;

/** Quarantine rules a table can have (src-main/sync/quarantine.ts says what each checks). */
export const quarantineRule = z.enum(['missing_key', 'odds_price', 'match_exists', 'observed_at_sane', 'selection_known', 'line_sane']);
export type QuarantineRule = z.infer<typeof quarantineRule>;

export const manifestEntry = z
  .object({
    table: ident,
    /** As the source declares it; filled from introspection when a user adds a table. */
    primaryKey: z.array(ident).min(1),
    /** Column that moves on every write (`updated_at`); null = re-read the whole table every sync. */
    watermark: ident.nullable().default('updated_at'),
    window: syncWindow.default({ kind: 'all' }),
    /** null = every column of the source table. */
    columns: z.array(ident).min(1).nullable().default(null),
    /** Secondary indexes of the mirror (the primary key is always there). */
    indexes: z.array(z.array(ident).min(1)).default([]),
    rules: z.array(quarantineRule).default(['missing_key']),
    /** Written by the app (agents, traps, picks): published back to the source through the outbox. */
    ownOutput: z.boolean().default(false),
    /** Full key reconcile (finds deletions) at least this often; 0 = every sync. Between two, a table
     * synced whole compares its row count with the source's each sync and reconciles on a difference. */
    reconcileEveryMinutes: z.number().int().min(0).max(100_000).default(60),
    enabled: z.boolean().default(true),
  })
  .strict();
export type ManifestEntry = z.infer<typeof manifestEntry>;
export type ManifestEntryInput = z.input<typeof manifestEntry>;

export const manifest = z.object({ entries: z.array(manifestEntry) });

export const sourceColumn = z.object({ name: z.string(), dataType: z.string(), nullable: z.boolean() });
export const sourceTable = z.object({
  table: z.string(),
  columns: z.array(sourceColumn),
  primaryKey: z.array(z.string()),
  hasWatermark: z.boolean(),
  /** Why it cannot be synced (no primary key), else null. */
  problem: z.string().nullable(),
  inManifest: z.boolean(),
});
export type SourceTableInfo = z.infer<typeof sourceTable>;

export const syncTableStatus = z.object({
  table: z.string(),
  phase: z.enum(['new', 'full', 'incremental', 'ready']),
  rows: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  /** Data as of: the end of the last sync that completed for this table. */
  lastSuccessAt: z.string().nullable(),
  lastReconcileAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const syncStatus = z.object({
  state: z.enum(['never', 'running', 'ok', 'offline', 'error']),
  offlineSince: z.string().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** Consecutive failed attempts (drives the retry backoff). */
  attempt: z.number().int().nonnegative(),
  nextRetryAt: z.string().nullable(),
  outboxPending: z.number().int().nonnegative(),
  tables: z.array(syncTableStatus),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const syncTableResult = z.object({
  table: z.string(),
  mode: z.enum(['full', 'incremental']),
  rowsRead: z.number().int().nonnegative(),
  upserted: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  released: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  pruned: z.number().int().nonnegative(),
  reconciled: z.boolean(),
  seconds: z.number().nonnegative(),
  error: z.string().nullable(),
});
export type SyncTableResult = z.infer<typeof syncTableResult>;

export const syncResult = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  seconds: z.number().nonnegative(),
  full: z.boolean(),
  tables: z.array(syncTableResult),
  rowsRead: z.number().int().nonnegative(),
  upserted: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  published: z.number().int().nonnegative(),
  outboxPending: z.number().int().nonnegative(),
  /** Why nothing was published (read-only connection), else null. */
  publishNote: z.string().nullable(),
  peakRssMb: z.number().nonnegative(),
});
export type SyncResult = z.infer<typeof syncResult>;

export const syncStartInput = z
  .object({
    full: z.boolean().default(false),
    tables: z.array(ident).optional(),
    reconcile: z.enum(['auto', 'always', 'never']).default('auto'),
    publish: z.boolean().default(true),
  })
  .strict();
export type SyncStartInput = z.input<typeof syncStartInput>;

export const quarantineRow = z.object({
  table: z.string(),
  key: z.record(z.string(), z.unknown()),
  reason: z.string(),
  message: z.string(),
  raw: z.record(z.string(), z.string().nullable()),
  firstSeen: z.string(),
  lastSeen: z.string(),
});
export type QuarantineRow = z.infer<typeof quarantineRow>;

export const syncMethods = {
  'sync.status': method({
    summary: 'Sync state: offline since, data as of (per table), quarantine, outbox',
    input: z.object({}).strict(),
    output: syncStatus,
  }),
  'sync.start': method({
    summary: 'Run a sync now (a worker job with progress); answers what it did',
    input: syncStartInput,
    output: syncResult,
    job: true,
  }),
  'sync.cancel': method({ summary: 'Cancel the running sync', input: z.object({}).strict(), output: z.object({ cancelled: z.boolean() }) }),
  'sync.manifest.get': method({ summary: 'The manifest of synced tables', input: z.object({}).strict(), output: manifest }),
  'sync.manifest.set': method({
    summary: 'Replace the manifest (new tables are checked against the source)',
    input: manifest.strict(),
    output: manifest,
  }),
  'sync.manifest.add': method({
    summary: 'Add a table of the source to the manifest, with its primary key and watermark from introspection',
    input: z.object({ table: ident, indexes: z.array(z.array(ident).min(1)).optional() }).strict(),
    output: manifestEntry,
  }),
  'sync.introspect': method({
    summary: 'Every table of the source with its columns and primary key',
    input: z.object({}).strict(),
    output: z.array(sourceTable),
  }),
  'sync.quarantine.list': method({
    summary: 'Quarantined rows (per table counts and a page of rows)',
    input: z
      .object({
        table: ident.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({
      counts: z.array(z.object({ table: z.string(), count: z.number().int() })),
      total: z.number().int(),
      rows: z.array(quarantineRow),
    }),
  }),
};

export const syncEvents = {
  'cache.changed': event({
    summary: 'A sync (or another writer) changed these cache tables',
    payload: z.object({ tables: z.array(z.string()), at: z.string() }),
  }),
};
