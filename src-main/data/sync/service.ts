import type { ManifestEntry, ManifestEntryInput, QuarantineRow, SourceTableInfo, SyncResult, SyncStatus } from '../../../src-shared/contract/sync';
import type { Cache } from '../cache/open';
import type { JobProgress } from '../../jobs/types';
import { nextRetryDelay, retryLoop } from './backoff';
import { listSourceTables, type SourceTable } from './introspect';
import { isReservedName, loadManifest, parseManifest, saveManifest } from './manifest';
import { outboxPendingCount } from './outbox';
import { listQuarantine, quarantineCounts } from './quarantine';
import { openSyncCache, runSync, type SyncParams } from './run';
import { connectSource, SourceError } from './source';
import { q } from './sql';
import { allStates, loadGlobalStatus, updateGlobalStatus, type TableState } from './state';

export interface SyncServiceOptions {
  cacheFile: string;
  sourceUrl?: string;
  onProgress?: (p: JobProgress) => void;
}

/** The sync as a service: what the contract's sync.* methods call (and the CLI, and tests). The sync
 * itself runs in-process here; the app runs it as the worker job `runSync`. */
export class SyncService {
  private running: AbortController | null = null;
  constructor(private readonly opts: SyncServiceOptions) {}

  // Not openCache: its full-file quick_check (run once at app start) would make every status call
  // read the whole cache.
  private withCache<T>(fn: (db: Cache) => T): T {
    const db = openSyncCache(this.opts.cacheFile);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  }

  status(): SyncStatus {
    return this.withCache((db) => syncStatusOf(db));
  }

  /** Runs one sync; rejects with SourceError (offline) when the source is not reachable. */
  async start(params: SyncParams = {}): Promise<SyncResult> {
    if (this.running) throw new Error('a sync is already running');
    const ac = new AbortController();
    this.running = ac;
    try {
      return await runSync(params, {
        cacheFile: this.opts.cacheFile,
        sourceUrl: this.opts.sourceUrl,
        signal: ac.signal,
        progress: (p) => this.opts.onProgress?.(p),
      });
    } finally {
      this.running = null;
    }
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  /** Syncs, and while the source is unreachable retries with exponential backoff until it answers
   * or `signal` aborts. */
  async startWithRetry(params: SyncParams, signal: AbortSignal, delay: (n: number) => number = nextRetryDelay): Promise<SyncResult> {
    return retryLoop(() => this.start(params), {
      signal,
      delay,
      retryable: (err) => err instanceof SourceError && err.offline,
      onRetry: (_n, ms) => this.withCache((db) => updateGlobalStatus(db, { nextRetryAt: new Date(Date.now() + ms).toISOString() })),
    });
  }

  getManifest(): ManifestEntry[] {
    return this.withCache((db) => loadManifest(db));
  }

  /** Replaces the manifest. Tables it adds are checked against the source: they must exist and have
   * a primary key (the source must be reachable to add one). */
  async setManifest(entries: readonly ManifestEntryInput[]): Promise<ManifestEntry[]> {
    const parsed = parseManifest(entries);
    const current = new Set(this.getManifest().map((e) => e.table));
    const added = parsed.filter((e) => !current.has(e.table));
    if (added.length) {
      const source = new Map((await this.sourceTables()).map((t) => [t.table, t]));
      for (const e of added) checkAddable(e.table, source.get(e.table), e.primaryKey);
    }
    return this.withCache((db) => saveManifest(db, parsed));
  }

  /** Adds a source table to the manifest with its primary key and watermark from introspection. */
  async addTable(table: string, extra: Partial<ManifestEntryInput> = {}): Promise<ManifestEntry> {
    const src = (await this.sourceTables()).find((t) => t.table === table);
    checkAddable(table, src, undefined);
    const s = src as SourceTable;
    const entry: ManifestEntryInput = {
      table,
      primaryKey: s.primaryKey,
      watermark: s.columns.some((c) => c.name === 'updated_at' && (c.kind === 'timestamptz' || c.kind === 'timestamp')) ? 'updated_at' : null,
      ...extra,
    };
    const next = [...this.getManifest().filter((e) => e.table !== table), entry];
    const saved = await this.setManifest(next);
    return saved.find((e) => e.table === table) as ManifestEntry;
  }

  async introspect(): Promise<SourceTableInfo[]> {
    const inManifest = new Set(this.getManifest().map((e) => e.table));
    return (await this.sourceTables()).map((t) => ({
      table: t.table,
      columns: t.columns.map((c) => ({ name: c.name, dataType: c.dataType, nullable: c.nullable })),
      primaryKey: t.primaryKey,
      hasWatermark: t.columns.some((c) => c.name === 'updated_at'),
      problem: t.primaryKey.length === 0 ? 'no primary key: cannot be synced' : isReservedName(t.table) ? 'name reserved by the cache' : null,
      inManifest: inManifest.has(t.table),
    }));
  }

  quarantine(opts: { table?: string; limit?: number; offset?: number } = {}): { counts: { table: string; count: number }[]; total: number; rows: QuarantineRow[] } {
    return this.withCache((db) => {
      const counts = quarantineCounts(db);
      const total = opts.table ? (counts.find((c) => c.table === opts.table)?.count ?? 0) : counts.reduce((a, c) => a + c.count, 0);
      return { counts, total, rows: listQuarantine(db, opts) };
    });
  }

  private async sourceTables(): Promise<SourceTable[]> {
    if (!this.opts.sourceUrl) throw new SourceError('UNAVAILABLE', 'no source configured', true);
    const client = await connectSource(this.opts.sourceUrl);
    try {
      return await listSourceTables(client);
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function checkAddable(table: string, src: SourceTable | undefined, declaredPk: readonly string[] | undefined): void {
  if (!src) throw new Error(`table ${table} does not exist in the source`);
  if (src.primaryKey.length === 0) throw new Error(`table ${table} has no primary key: it cannot be synced (the cache needs a key to upsert and reconcile)`);
  if (declaredPk && declaredPk.join(',') !== src.primaryKey.join(',')) {
    throw new Error(`table ${table}: primary key (${declaredPk.join(', ')}) differs from the source's (${src.primaryKey.join(', ')})`);
  }
  if (isReservedName(table)) throw new Error(`table ${table}: the cache keeps its own table under that name`);
}

/** Where a table's sync stands: never synced, a pass (full or incremental) in progress, or ready. */
export function phaseOf(s: TableState | undefined): SyncStatus['tables'][number]['phase'] {
  if (!s || (s.watermark === null && s.passKind === null)) return s?.lastSuccessAt ? 'ready' : 'new';
  return s.passKind ?? 'ready';
}

/** Status for the UI: offline since, data as of per table, quarantine counts, outbox backlog. */
export function syncStatusOf(db: Cache): SyncStatus {
  const g = loadGlobalStatus(db);
  const quarantined = new Map(quarantineCounts(db).map((c) => [c.table, c.count]));
  const manifest = loadManifest(db);
  const states = new Map(allStates(db).map((s) => [s.table, s]));
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  return {
    ...g,
    outboxPending: outboxPendingCount(db),
    tables: manifest.map((e) => {
      const s = states.get(e.table);
      const rows = exists.get(e.table) ? (db.prepare(`SELECT count(*) AS n FROM ${q(e.table)}`).get() as { n: number }).n : 0;
      return {
        table: e.table,
        phase: phaseOf(s),
        rows,
        quarantined: quarantined.get(e.table) ?? 0,
        lastSuccessAt: s?.lastSuccessAt ?? null,
        lastReconcileAt: s?.lastReconcileAt ?? null,
        lastError: s?.lastError ?? null,
      };
    }),
  };
}
