import { ContractError } from '../../src-shared/contract/errors';
import type { ManifestEntry, ManifestEntryInput, QuarantineRow, SourceTableInfo, SyncStatus } from '../../src-shared/contract/sync';
import type { Cache } from '../platform/cache/open';
import { listSourceTables, type SourceTable } from './introspect';
import { isReservedName, loadManifest, parseManifest, saveManifest } from './manifest';
import { outboxPendingCount } from './outbox';
import { listQuarantine, quarantineCounts } from './quarantine';
import { openSyncCache } from './run';
import { connectSource, SourceError } from './source';
import { q } from './sql';
import { allStates, loadGlobalStatus, type TableState } from './state';

// What the sync.* reads and manifest edits do, on the writer lane (jobs.ts). The sync itself is run.ts.

/** The sync's own connection to the cache. Not openCache with verify: its full-file quick_check (run
 * once at app start) would make every status call read the whole cache. */
function withCache<T>(cacheFile: string, fn: (db: Cache) => T): T {
  const db = openSyncCache(cacheFile);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function syncStatus(cacheFile: string): SyncStatus {
  return withCache(cacheFile, (db) => syncStatusOf(db));
}

export function getManifest(cacheFile: string): ManifestEntry[] {
  return withCache(cacheFile, (db) => loadManifest(db));
}

/** Replaces the manifest. Tables it adds are checked against the source: they must exist and have
 * a primary key (the source must be reachable to add one). */
export async function setManifest(
  cacheFile: string,
  sourceUrl: string | undefined,
  entries: readonly ManifestEntryInput[],
): Promise<ManifestEntry[]> {
  const parsed = parseManifest(entries);
  const current = new Set(getManifest(cacheFile).map((e) => e.table));
  const added = parsed.filter((e) => !current.has(e.table));
  if (added.length) {
    const source = new Map((await sourceTables(sourceUrl)).map((t) => [t.table, t]));
    for (const e of added) checkAddable(e.table, source.get(e.table), e.primaryKey);
  }
  return withCache(cacheFile, (db) => saveManifest(db, parsed));
}

/** Adds a source table to the manifest with its primary key and watermark from introspection. */
export async function addTable(
  cacheFile: string,
  sourceUrl: string | undefined,
  table: string,
  extra: Partial<ManifestEntryInput> = {},
): Promise<ManifestEntry> {
  const src = (await sourceTables(sourceUrl)).find((t) => t.table === table);
  checkAddable(table, src, undefined);
  const s = src as SourceTable;
  const entry: ManifestEntryInput = {
    table,
    primaryKey: s.primaryKey,
    watermark: s.columns.some((c) => c.name === 'updated_at' && (c.kind === 'timestamptz' || c.kind === 'timestamp')) ? 'updated_at' : null,
    ...extra,
  };
  const next = [...getManifest(cacheFile).filter((e) => e.table !== table), entry];
  const saved = await setManifest(cacheFile, sourceUrl, next);
  return saved.find((e) => e.table === table) as ManifestEntry;
}

export async function introspect(cacheFile: string, sourceUrl: string | undefined): Promise<SourceTableInfo[]> {
  const inManifest = new Set(getManifest(cacheFile).map((e) => e.table));
  return (await sourceTables(sourceUrl)).map((t) => ({
    table: t.table,
    columns: t.columns.map((c) => ({ name: c.name, dataType: c.dataType, nullable: c.nullable })),
    primaryKey: t.primaryKey,
    hasWatermark: t.columns.some((c) => c.name === 'updated_at'),
    problem: t.primaryKey.length === 0 ? 'no primary key: cannot be synced' : isReservedName(t.table) ? 'name reserved by the cache' : null,
    inManifest: inManifest.has(t.table),
  }));
}

export function quarantinePage(
  cacheFile: string,
  opts: { table?: string; limit?: number; offset?: number } = {},
): { counts: { table: string; count: number }[]; total: number; rows: QuarantineRow[] } {
  return withCache(cacheFile, (db) => {
    const counts = quarantineCounts(db);
    const total = opts.table ? (counts.find((c) => c.table === opts.table)?.count ?? 0) : counts.reduce((a, c) => a + c.count, 0);
    return { counts, total, rows: listQuarantine(db, opts) };
  });
}

async function sourceTables(sourceUrl: string | undefined): Promise<SourceTable[]> {
  if (!sourceUrl) throw new SourceError('UNAVAILABLE', 'no source configured', true);
  const client = await connectSource(sourceUrl);
  try {
    return await listSourceTables(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function checkAddable(table: string, src: SourceTable | undefined, declaredPk: readonly string[] | undefined): void {
  if (!src) throw new ContractError('VALIDATION', `table ${table} does not exist in the source`);
  if (src.primaryKey.length === 0)
    throw new ContractError(
      'VALIDATION',
      `table ${table} has no primary key: it cannot be synced (the cache needs a key to upsert and reconcile)`,
    );
  if (declaredPk && declaredPk.join(',') !== src.primaryKey.join(',')) {
    throw new ContractError(
      'VALIDATION',
      `table ${table}: primary key (${declaredPk.join(', ')}) differs from the source's (${src.primaryKey.join(', ')})`,
    );
  }
  if (isReservedName(table)) throw new ContractError('VALIDATION', `table ${table}: the cache keeps its own table under that name`);
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
