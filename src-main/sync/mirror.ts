import type { Cache } from '../platform/cache/open';
import type { ManifestEntry } from './manifest';
import type { SourceColumnInfo, SourceTable } from './introspect';
import { q, qList, assertIdent } from './sql';
import { emptyState, saveState, type MirrorColumn, type TableState } from './state';
import { CACHE_TYPE, type CacheValue } from './value-map';

/** What one sync of one table works with: the manifest entry resolved against the source. */
export interface TablePlan {
  entry: ManifestEntry;
  table: string;
  columns: SourceColumnInfo[];
  pk: string[];
  pkIdx: number[];
  watermarkIdx: number | null;
  /** Rows carry one more column after the synced ones: 't' when their match_id is a match of the
   * source (read in the same snapshot), for the match_exists rule. */
  matchFlag: boolean;
}

/** Resolves an entry against the introspected source; a clear error when it cannot be synced. */
export function planTable(entry: ManifestEntry, source: SourceTable | undefined): TablePlan {
  const t = entry.table;
  if (!source) throw new Error(`table ${t} is in the manifest but not in the source`);
  if (source.primaryKey.length === 0)
    throw new Error(`table ${t} has no primary key in the source: it cannot be synced (add one, or remove it from the manifest)`);
  if (source.primaryKey.join(',') !== entry.primaryKey.join(',')) {
    throw new Error(
      `table ${t}: the manifest's primary key (${entry.primaryKey.join(', ')}) differs from the source's (${source.primaryKey.join(', ')})`,
    );
  }
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  const names = entry.columns ?? source.columns.map((c) => c.name);
  const columns = names.map((n) => {
    const c = byName.get(n);
    if (!c) throw new Error(`table ${t}: manifest column '${n}' does not exist in the source`);
    assertIdent(n, `column of ${t}`);
    return c;
  });
  if (entry.watermark && !byName.has(entry.watermark))
    throw new Error(`table ${t}: watermark column '${entry.watermark}' does not exist in the source`);
  if (entry.window.kind === 'recent-or-open') {
    for (const c of [entry.window.timeColumn, entry.window.matchColumn]) {
      if (!names.includes(c)) throw new Error(`table ${t}: window column '${c}' is not synced`);
    }
  }
  for (const ix of entry.indexes)
    for (const c of ix) if (!names.includes(c)) throw new Error(`table ${t}: index column '${c}' is not synced`);
  const idx = (n: string): number => names.indexOf(n);
  return {
    entry,
    table: t,
    columns,
    pk: entry.primaryKey,
    pkIdx: entry.primaryKey.map(idx),
    watermarkIdx: entry.watermark && names.includes(entry.watermark) && isTime(byName.get(entry.watermark)) ? idx(entry.watermark) : null,
    matchFlag: entry.rules.includes('match_exists') && names.includes('match_id'),
  };
}

const isTime = (c: SourceColumnInfo | undefined): boolean => c?.kind === 'timestamptz' || c?.kind === 'timestamp';

function mirrorDdl(plan: TablePlan): string {
  const pkSet = new Set(plan.pk);
  const cols = plan.columns.map(
    (c) => `${q(c.name)} ${CACHE_TYPE[c.kind]}${pkSet.has(c.name) ? ' NOT NULL' : ''}${sqlDefault(c.defaultValue)}`,
  );
  // Composite keys (odds) as WITHOUT ROWID: one B-tree, rows clustered by match.
  const rowid = plan.pk.length > 1 ? ' WITHOUT ROWID' : '';
  return `CREATE TABLE ${q(plan.table)} (${cols.join(', ')}, PRIMARY KEY (${qList(plan.pk)}))${rowid}`;
}

function sqlDefault(v: CacheValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return ` DEFAULT '${v.replace(/'/g, "''")}'`;
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return ` DEFAULT ${String(v)}`;
}

const sameColumns = (a: MirrorColumn[], b: MirrorColumn[]): boolean =>
  a.length === b.length && a.every((c, i) => c.name === b[i].name && c.kind === b[i].kind);

/** Creates or adapts the mirror of a table. Returns the state to sync with: a mirror that had to be
 * rebuilt (key or types changed, columns removed) starts over with a full pass; one that gained
 * columns keeps its rows and gets a full pass to fill them. Runs in one transaction. */
export function ensureMirror(db: Cache, plan: TablePlan, state: TableState): TableState {
  const want: MirrorColumn[] = plan.columns.map((c) => ({ name: c.name, kind: c.kind }));
  const exists = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(plan.table);
  if (
    exists &&
    state.mirrorColumns &&
    state.mirrorKey &&
    sameColumns(state.mirrorColumns, want) &&
    state.mirrorKey.join(',') === plan.pk.join(',')
  ) {
    return state;
  }
  let next: TableState = state;
  db.transaction(() => {
    const had = state.mirrorColumns ?? [];
    const onlyAdded =
      exists &&
      state.mirrorKey?.join(',') === plan.pk.join(',') &&
      had.every((c) => want.some((w) => w.name === c.name && w.kind === c.kind));
    if (onlyAdded) {
      for (const c of plan.columns) {
        if (!had.some((h) => h.name === c.name))
          db.exec(`ALTER TABLE ${q(plan.table)} ADD COLUMN ${q(c.name)} ${CACHE_TYPE[c.kind]}${sqlDefault(c.defaultValue)}`);
      }
      next = {
        ...state,
        mirrorColumns: want,
        passKind: null,
        passCursor: null,
        passBound: null,
        passFrom: null,
        passRows: 0,
        watermark: null,
      };
    } else {
      db.exec(`DROP TABLE IF EXISTS ${q(plan.table)}`);
      db.exec(mirrorDdl(plan));
      db.prepare('DELETE FROM quarantine WHERE table_name = ?').run(plan.table);
      next = { ...emptyState(plan.table), mirrorColumns: want, mirrorKey: plan.pk };
    }
    saveState(db, next);
  })();
  return next;
}

export const indexName = (table: string, cols: readonly string[]): string => `${table}__${cols.join('_')}`;

/** Creates the manifest's indexes (after a first load: building them once is cheaper than keeping
 * them during a bulk insert) and drops the ones the manifest no longer lists. */
export function ensureIndexes(db: Cache, plan: TablePlan): void {
  const wanted = new Map(plan.entry.indexes.map((cols) => [indexName(plan.table, cols), cols]));
  const existing = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(plan.table) as {
      name: string;
    }[]
  ).map((r) => r.name);
  for (const name of existing) if (name.startsWith(`${plan.table}__`) && !wanted.has(name)) db.exec(`DROP INDEX ${q(name)}`);
  for (const [name, cols] of wanted) db.exec(`CREATE INDEX IF NOT EXISTS ${q(name)} ON ${q(plan.table)} (${qList(cols)})`);
}
