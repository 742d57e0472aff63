// Agent A's findings → agent_analyses (one row each: score, explanation, the numbers in payload) and
// agent_predictions (the probability it believes after the move), written through the outbox.
// Ids are deterministic and a row is written only when its content changed, so a re-run changes
// nothing (no row, no updated_at, no outbox generation).
import type { Finding, FindingKind } from '../../../../src-shared/contract/intel';
import type { Cache } from '../../../platform/cache/open';
import { tableExists } from '../../../platform/cache/tables';
import { writeOwnOutput } from '../../../sync';
import { canonical, storedContent } from '../../../platform/cache/content';
import { findingId, toFinding, type RawFinding } from './finding';

export const AGENT = 'anomaly';

type AnalysisRow = {
  analysis_id: string;
  match_id: number;
  agent: string;
  score: number;
  summary: string;
  payload: Record<string, unknown>;
};

export function analysisRow(f: RawFinding): AnalysisRow {
  const c = toFinding(f);
  return {
    analysis_id: c.id,
    match_id: f.matchId,
    agent: AGENT,
    score: f.score,
    summary: f.explanation,
    payload: {
      kind: c.kind,
      market: c.market,
      line: c.line,
      selection: c.selection,
      bookmaker: c.bookmaker,
      at: c.at,
      endAt: c.endAt,
      books: c.books,
      probBefore: c.probBefore,
      probAfter: c.probAfter,
      sharpHeld: c.sharpHeld,
      details: f.details,
    },
  };
}

const ANALYSIS_COLUMNS = ['match_id', 'agent', 'score', 'summary', 'payload'] as const;
const PREDICTION_COLUMNS = ['match_id', 'agent', 'market', 'line', 'selection', 'probability', 'fair_odds'] as const;

/** Writes the findings whose rows are new or changed; returns how many of each kind were written. */
export function writeFindings(db: Cache, findings: readonly RawFinding[], now: Date): Map<FindingKind, number> {
  const written = new Map<FindingKind, number>();
  if (!findings.length || !tableExists(db, 'agent_analyses')) return written;
  const rows = findings.map(analysisRow);
  const ids = rows.map((r) => r.analysis_id);
  const stored = storedContent(db, 'agent_analyses', 'analysis_id', ANALYSIS_COLUMNS, ids);
  const changed = rows.filter((r) => stored.get(r.analysis_id) !== canonical(ANALYSIS_COLUMNS.map((c) => r[c])));
  const predictions = findings
    .filter((f) => f.probability !== null && f.probability > 0 && f.probability < 1)
    .map((f) => ({
      prediction_id: findingId(f),
      match_id: f.matchId,
      agent: AGENT,
      market: f.market,
      line: f.line,
      selection: f.selection,
      probability: f.probability as number,
      fair_odds: Math.round((1 / (f.probability as number)) * 1e6) / 1e6,
    }));
  let newPredictions: typeof predictions = [];
  if (tableExists(db, 'agent_predictions')) {
    const storedP = storedContent(
      db,
      'agent_predictions',
      'prediction_id',
      PREDICTION_COLUMNS,
      predictions.map((p) => p.prediction_id),
    );
    newPredictions = predictions.filter((p) => storedP.get(p.prediction_id) !== canonical(PREDICTION_COLUMNS.map((c) => p[c])));
  }
  db.transaction(() => {
    if (changed.length) writeOwnOutput(db, 'agent_analyses', changed, now);
    if (newPredictions.length) writeOwnOutput(db, 'agent_predictions', newPredictions, now);
  })();
  for (const r of changed) {
    const kind = r.payload.kind as FindingKind;
    written.set(kind, (written.get(kind) ?? 0) + 1);
  }
  return written;
}

/** Stored findings of Agent A (upcoming matches first filtered by the caller's SQL), newest first. */
export function readFindings(
  db: Cache,
  where: { matchId?: number; kind?: string; matchIds?: readonly number[] },
  limit: number,
): Finding[] {
  if (!tableExists(db, 'agent_analyses')) return [];
  const clauses = ["agent = 'anomaly'"];
  const args: unknown[] = [];
  if (where.matchId !== undefined) {
    clauses.push('match_id = ?');
    args.push(where.matchId);
  }
  if (where.matchIds) {
    clauses.push('match_id IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(where.matchIds));
  }
  if (where.kind) {
    clauses.push("json_extract(payload, '$.kind') = ?");
    args.push(where.kind);
  }
  const rows = db
    .prepare(
      `SELECT analysis_id AS id, match_id AS matchId, score, summary, payload FROM agent_analyses WHERE ${clauses.join(' AND ')}
       ORDER BY json_extract(payload, '$.at') DESC, analysis_id LIMIT ?`,
    )
    .all(...args, limit) as { id: string; matchId: number; score: number; summary: string; payload: string }[];
  return rows.map((r) => {
    const p = JSON.parse(r.payload) as Omit<Finding, 'id' | 'matchId' | 'score' | 'explanation'>;
    return {
      id: r.id,
      kind: p.kind,
      matchId: r.matchId,
      market: p.market,
      line: p.line,
      selection: p.selection,
      bookmaker: p.bookmaker,
      at: p.at,
      endAt: p.endAt,
      score: r.score,
      explanation: r.summary,
      books: p.books,
      probBefore: p.probBefore,
      probAfter: p.probAfter,
      sharpHeld: p.sharpHeld,
    };
  });
}
