// What a run tells the analyst about now (contract event alert.raised, delivered by the notifier):
// every new trap of severity medium or high that is still active, and every strong steam move of the
// last hours. Once per trap or steam id: the ids raised are kept in agent_alerts.
import type { RaisedAlert } from '../../../../src-shared/contract/alerts';
import type { Cache } from '../../../platform/cache/open';
import { findingId, type RawFinding } from '../anomaly';
import { trapId, type RawTrap } from '../../traps';

/** A steam scoring this much or more is worth a notification. */
export const STRONG_STEAM = 70;
/** Steam older than this is history, not news. */
export const STEAM_NEWS_MS = 6 * 3_600_000;

const LABEL: Record<string, string> = {
  inflated_favourite: 'inflated favourite',
  against_sharp: 'moving against the sharp book',
  too_good: 'price too good to be true',
  compound: 'compound trap',
};

function matchNames(db: Cache, ids: readonly number[]): Map<number, { home: string; away: string; kickoff: string }> {
  if (!ids.length) return new Map();
  const rows = db
    .prepare(
      `SELECT m.match_id AS id, h.name AS home, a.name AS away, m.kickoff FROM matches m
       JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
       WHERE m.match_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as { id: number; home: string; away: string; kickoff: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

const lineText = (market: string, line: number | null): string => (market === '1x2' ? '1X2' : `${market} ${line ?? ''}`.trim());

export function collectAlerts(db: Cache, findings: readonly RawFinding[], traps: readonly RawTrap[], asOf: number): RaisedAlert[] {
  const names = matchNames(db, [...new Set([...findings.map((f) => f.matchId), ...traps.map((t) => t.matchId)])]);
  const at = new Date(asOf).toISOString();
  const candidates: RaisedAlert[] = [];
  for (const t of traps) {
    const m = names.get(t.matchId);
    if (!m || t.end !== null || Date.parse(m.kickoff) <= asOf || t.severity === 'low') continue;
    candidates.push({
      id: trapId(t),
      kind: 'trap',
      severity: t.severity,
      title: `Trap: ${m.home} – ${m.away}`,
      body: `${LABEL[t.kind] ?? t.kind} on ${t.selection} (${lineText(t.market, t.line)}), score ${Math.round(t.score)}: ${t.explanation}`,
      matchId: t.matchId,
      panel: 'ferrari',
      at,
    });
  }
  for (const f of findings) {
    const m = names.get(f.matchId);
    if (!m || f.kind !== 'steam' || f.score < STRONG_STEAM || asOf - f.at > STEAM_NEWS_MS) continue;
    candidates.push({
      id: findingId(f),
      kind: 'steam',
      severity: f.score >= 85 ? 'high' : 'medium',
      title: `Steam: ${m.home} – ${m.away}`,
      body: `${f.selection} (${lineText(f.market, f.line)}), score ${Math.round(f.score)}: ${f.explanation}`,
      matchId: f.matchId,
      panel: 'ferrari',
      at,
    });
  }
  if (!candidates.length) return [];
  const raised = new Set(
    db
      .prepare('SELECT alert_id FROM agent_alerts WHERE alert_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(candidates.map((c) => c.id))) as string[],
  );
  const fresh = candidates.filter((c) => !raised.has(c.id));
  const ins = db.prepare('INSERT OR IGNORE INTO agent_alerts (alert_id, kind, raised_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const c of fresh) ins.run(c.id, c.kind, at);
  })();
  return fresh;
}
