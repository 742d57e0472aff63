import { z } from 'zod';
import { method } from './define';

export const tableStatus = z.enum(['active', 'under-used', 'empty']);

export const inventoryTable = z.object({
  store: z.enum(['source', 'cache']),
  name: z.string(),
  category: z.string(),
  rows: z.number().int().nonnegative(),
  columns: z.number().int().nonnegative(),
  lastUpdate: z.string().nullable(),
  status: tableStatus,
  /** Why the status: "no rows", "no write for 45 days", "read by: Command Center". */
  statusReason: z.string(),
  quarantined: z.number().int().nonnegative().default(0),
  /** Mirrored tables: where their sync stands (null: not in the sync). */
  sync: z
    .object({
      phase: z.enum(['new', 'full', 'incremental', 'ready']),
      lastSuccessAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable()
    .default(null),
});
export type InventoryTable = z.infer<typeof inventoryTable>;

/** The source as the app knows it: what it is, whether it answers, TimescaleDB or not. */
export const inventorySource = z.object({
  kind: z.enum(['embedded', 'configured', 'none']),
  label: z.string(),
  reachable: z.boolean(),
  timescale: z.boolean(),
  error: z.string().nullable(),
});

export const inventory = z.object({
  generatedAt: z.string(),
  source: inventorySource,
  cacheFile: z.string(),
  tables: z.array(inventoryTable),
  kpi: z.object({ activeTables: z.number().int(), totalTables: z.number().int() }),
  categories: z.array(z.object({ category: z.string(), sourceRows: z.number(), cacheRows: z.number() })),
});
export type Inventory = z.infer<typeof inventory>;

export const inventoryMethods = {
  'inventory.get': method({
    summary: 'Every table of the source and the cache with rows, freshness and status (runs as a worker job)',
    input: z.object({ staleAfterDays: z.number().int().positive().max(3650).default(30) }).strict(),
    output: inventory,
  }),
};
