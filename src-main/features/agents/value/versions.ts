// Agent B's blend weight as the backtester chose it, stored with its model settings and evidence in
// the cache table agent_model_versions (migrations/cache/005). The live agent reads the latest one.
import type { BlendVersion } from '../../../../src-shared/contract/agents';
import type { Cache } from '../../../platform/cache/open';
import { tableExists } from '../../../platform/cache/tables';

const AGENT = 'value';

export function latestBlend(db: Cache): BlendVersion | null {
  if (!tableExists(db, 'agent_model_versions')) return null;
  const r = db
    .prepare(
      'SELECT version, params, evidence, chosen_at AS chosenAt FROM agent_model_versions WHERE agent = ? ORDER BY chosen_at DESC, version DESC LIMIT 1',
    )
    .get(AGENT) as { version: string; params: string; evidence: string; chosenAt: string } | undefined;
  if (!r) return null;
  const p = JSON.parse(r.params) as { w: number; xi: number; windowDays: number };
  const e = JSON.parse(r.evidence) as Pick<BlendVersion, 'method' | 'fixtures' | 'from' | 'to' | 'loss'>;
  return { version: r.version, chosenAt: r.chosenAt, w: p.w, xi: p.xi, windowDays: p.windowDays, ...e };
}

/** Every blend weight chosen, oldest first: what was known at a past instant (blendAt). */
export function blendHistory(db: Cache): { chosenAt: string; w: number }[] {
  if (!tableExists(db, 'agent_model_versions')) return [];
  const rows = db
    .prepare('SELECT params, chosen_at AS chosenAt FROM agent_model_versions WHERE agent = ? ORDER BY chosen_at, version')
    .all(AGENT) as { params: string; chosenAt: string }[];
  return rows.map((r) => ({ chosenAt: r.chosenAt, w: (JSON.parse(r.params) as { w: number }).w }));
}

/** The blend weight known at `iso` (the latest chosen at or before it), or null when none was chosen yet. */
export function blendAt(history: readonly { chosenAt: string; w: number }[], iso: string): number | null {
  let w: number | null = null;
  for (const h of history) if (h.chosenAt <= iso) w = h.w;
  return w;
}

/** Stores a version (writer lane); the same version written twice keeps one row. */
export function saveBlend(db: Cache, v: BlendVersion): void {
  db.prepare(
    `INSERT INTO agent_model_versions (agent, version, params, evidence, chosen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (agent, version) DO UPDATE SET params = excluded.params, evidence = excluded.evidence, chosen_at = excluded.chosen_at`,
  ).run(
    AGENT,
    v.version,
    JSON.stringify({ w: v.w, xi: v.xi, windowDays: v.windowDays }),
    JSON.stringify({ method: v.method, fixtures: v.fixtures, from: v.from, to: v.to, loss: v.loss }),
    v.chosenAt,
  );
}
