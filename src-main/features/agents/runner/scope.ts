// Which matches a run examines. Full: every upcoming match. Incremental: the upcoming matches with a
// quote written since the last run, read from the odds mirrors' updated_at (the source's ingestion
// time, the sync's watermark column) against the sync's watermark as it stood at the last run: the
// sync guarantees every source row below its watermark is in the cache, so a row that arrives later
// carries an updated_at at or above it.
import type { Cache } from '../../../platform/cache/open';
import { tableExists } from '../../../platform/cache/tables';
import { pgTimestampToIso } from '../../../sync';
import { ODDS_TABLES } from '../../market';
import { upcomingScope, type ScopeMatch } from '../anomaly';

export const ODDS_MIRRORS = Object.values(ODDS_TABLES).map((t) => t.table);

/** The mirrors get an index on updated_at (named outside the sync's own index names, which it
 * manages): "what changed since" is then a range read, not a scan of every quote. */
export function ensureChangeIndexes(db: Cache): void {
  for (const t of ODDS_MIRRORS) {
    if (!tableExists(db, t)) continue;
    const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[];
    if (cols.includes('updated_at')) db.exec(`CREATE INDEX IF NOT EXISTS monps_agents_${t}_updated_at ON ${t} (updated_at)`);
  }
}

/** The sync's current watermark of each odds mirror, in cache form (ISO, ms, truncated: never later). */
export function syncWatermarks(db: Cache): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (!tableExists(db, 'sync_state')) return out;
  const rows = db
    .prepare(`SELECT table_name AS t, watermark AS w FROM sync_state WHERE table_name IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ODDS_MIRRORS)) as { t: string; w: string | null }[];
  for (const r of rows) out.set(r.t, r.w === null ? null : pgTimestampToIso(r.w, true));
  return out;
}

export function lastWatermarks(db: Cache): Map<string, string | null> {
  return new Map(
    (db.prepare('SELECT table_name AS t, watermark AS w FROM agent_watermarks').all() as { t: string; w: string | null }[]).map((r) => [
      r.t,
      r.w,
    ]),
  );
}

export function saveWatermarks(db: Cache, marks: ReadonlyMap<string, string | null>): void {
  const up = db.prepare(
    `INSERT INTO agent_watermarks (table_name, watermark, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (table_name) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at`,
  );
  db.transaction(() => {
    for (const [t, w] of marks) up.run(t, w);
  })();
}

/** Upcoming matches with a quote written at or after the last run's watermarks; null when a mirror
 * was never seen by a run (the next run must be full). */
export function changedScope(db: Cache, asOf: number, last: ReadonlyMap<string, string | null>): ScopeMatch[] | null {
  const changed = new Set<number>();
  for (const t of ODDS_MIRRORS) {
    if (!tableExists(db, t)) continue;
    if (!last.has(t)) return null;
    const w = last.get(t);
    const ids = (
      w === null || w === undefined
        ? db.prepare(`SELECT DISTINCT match_id FROM ${t}`).pluck().all()
        : db.prepare(`SELECT DISTINCT match_id FROM ${t} WHERE updated_at >= ?`).pluck().all(w)
    ) as number[];
    for (const id of ids) changed.add(id);
  }
  return upcomingScope(db, asOf).filter((m) => changed.has(m.matchId));
}
