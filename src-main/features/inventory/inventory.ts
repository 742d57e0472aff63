import { withClient } from '../../platform/pg/client';
import type { Inventory, InventoryTable } from '../../../src-shared/contract/inventory';
import { categoryOf, categoryOrder } from '../../../src-shared/domain/table-categories';
import { openCache, type Cache } from '../../platform/cache/open';
import type { JobContext } from '../../platform/jobs/define';
import { throwIfCancelled } from '../../platform/jobs/define';
import { tableStatus } from './status';
import { allStates, phaseOf, quarantineCounts } from '../../sync';

export interface InventoryParams {
  staleAfterDays: number;
  source: Inventory['source'];
}

interface RawTable {
  name: string;
  rows: number;
  columns: number;
  lastUpdate: string | null;
}

// Write times only: an event time such as observed_at can lie in the future (planted bad quotes).
const TIME_COLUMNS = ['updated_at', 'created_at', 'applied_at'];

/** Counts every table of both stores (exact counts, newest write) and grades them. */
export async function buildInventory(params: InventoryParams, ctx: JobContext): Promise<Inventory> {
  const now = new Date();
  const cache = openCache(ctx.cacheFile, { readonly: true, migrate: false });
  try {
    ctx.progress({ fraction: 0.05, message: 'reading the cache' });
    const cacheTables = readCacheTables(cache);
    // the cache's own tables (quarantine, sync_state) exist: migrations ran when the app started
    const quarantined = new Map(quarantineCounts(cache).map((c) => [c.table, c.count]));
    const syncStates = syncStatesOf(cache);
    throwIfCancelled(ctx.signal);
    let sourceTables: RawTable[] = [];
    const source = { ...params.source };
    if (ctx.sourceUrl) {
      ctx.progress({ fraction: 0.3, message: 'reading the source' });
      try {
        sourceTables = await readSourceTables(ctx.sourceUrl, ctx.signal);
        source.reachable = true;
        source.error = null;
      } catch (err) {
        source.reachable = false;
        source.error = (err as Error).message;
      }
    }
    throwIfCancelled(ctx.signal);
    const mirrored = new Set(cacheTables.map((t) => t.name));
    const tables: InventoryTable[] = [
      ...sourceTables.map((t) => ({
        store: 'source' as const,
        ...t,
        category: categoryOf(t.name),
        quarantined: quarantined.get(t.name) ?? 0,
        sync: syncStates.get(t.name) ?? null,
        ...tableStatus(t.rows, t.lastUpdate, mirrored.has(t.name) || categoryOf(t.name) === 'SYSTEM', now, params.staleAfterDays),
      })),
      ...cacheTables.map((t) => ({
        store: 'cache' as const,
        ...t,
        category: categoryOf(t.name),
        quarantined: quarantined.get(t.name) ?? 0,
        sync: syncStates.get(t.name) ?? null,
        ...tableStatus(t.rows, t.lastUpdate, true, now, params.staleAfterDays),
      })),
    ];
    // The KPI counts the source's business tables (the seed's "60/85 active"); without a reachable
    // source, the cache's.
    const kpiBase = tables.filter(
      (t) => t.store === (sourceTables.length ? 'source' : 'cache') && t.category !== 'SYSTEM' && t.category !== 'DEMO TRUTH',
    );
    const categories = categoryOrder
      .map((category) => ({
        category,
        sourceRows: sum(tables.filter((t) => t.store === 'source' && t.category === category).map((t) => t.rows)),
        cacheRows: sum(tables.filter((t) => t.store === 'cache' && t.category === category).map((t) => t.rows)),
      }))
      .filter((c) => c.sourceRows + c.cacheRows > 0 || tables.some((t) => t.category === c.category));
    ctx.progress({ fraction: 1, message: 'done' });
    return {
      generatedAt: now.toISOString(),
      source,
      cacheFile: ctx.cacheFile,
      tables,
      kpi: { activeTables: kpiBase.filter((t) => t.status === 'active').length, totalTables: kpiBase.length },
      categories,
    };
  } finally {
    cache.close();
  }
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function readCacheTables(db: Cache): RawTable[] {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  return names.map((name) => {
    const cols = (db.prepare(`PRAGMA table_info(${quoteIdent(name)})`).all() as { name: string }[]).map((c) => c.name);
    const rows = (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(name)}`).get() as { n: number }).n;
    const timeCol = TIME_COLUMNS.find((c) => cols.includes(c));
    const lastUpdate = timeCol
      ? ((db.prepare(`SELECT max(${quoteIdent(timeCol)}) AS t FROM ${quoteIdent(name)}`).get() as { t: string | null }).t ?? null)
      : null;
    return { name, rows, columns: cols.length, lastUpdate: normaliseTime(lastUpdate) };
  });
}

/** Per mirrored table, where its sync stands (read straight from the sync's checkpoints). */
function syncStatesOf(db: Cache): Map<string, NonNullable<InventoryTable['sync']>> {
  return new Map(allStates(db).map((s) => [s.table, { phase: phaseOf(s), lastSuccessAt: s.lastSuccessAt, lastError: s.lastError }]));
}

async function readSourceTables(url: string, signal: AbortSignal): Promise<RawTable[]> {
  return withClient(
    url,
    async (client) => {
      const cols = await client.query<{ table_name: string; column_name: string }>(
        `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
      );
      const byTable = new Map<string, string[]>();
      for (const r of cols.rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
      const out: RawTable[] = [];
      for (const [name, columns] of byTable) {
        throwIfCancelled(signal);
        const timeCol = TIME_COLUMNS.find((c) => columns.includes(c));
        const q = await client.query<{ n: string; t: Date | null }>(
          `SELECT count(*) AS n, ${timeCol ? `max(${quoteIdent(timeCol)})` : 'NULL::timestamptz'} AS t FROM ${quoteIdent(name)}`,
        );
        const t = q.rows[0].t;
        out.push({ name, rows: Number(q.rows[0].n), columns: columns.length, lastUpdate: t ? new Date(t).toISOString() : null });
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },
    { connectTimeoutMs: 5000, applicationName: 'monps-inventory' },
  );
}

function normaliseTime(t: string | null): string | null {
  if (!t) return null;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : t;
}
