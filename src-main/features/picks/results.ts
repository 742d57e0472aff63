// Settlement from results: picks whose match is finished (with a score), postponed or cancelled,
// and that are open or were settled here on another match state. Only changed rows are written.
import type { Cache } from '../../platform/cache/open';
import { ownRowsSql } from '../../platform/desk';
import { writeOwnOutput } from '../../sync';
import { describeBasis, settle, settlementAction } from './settle';

interface Candidate {
  pick_id: string;
  market: string;
  line: number | null;
  selection: string;
  odds_taken: number;
  stake: number;
  result: string | null;
  settled_status: string | null;
  settled_home_goals: number | null;
  settled_away_goals: number | null;
  status: string;
  home_goals: number | null;
  away_goals: number | null;
}

export interface ResultsReport {
  candidates: number;
  settled: number;
  resettled: number;
  voided: number;
  written: number;
  notes: string[];
}

// The SQL keeps only picks with work to do; settlementAction decides (the same rule, on one row).
// this desk's picks only (and those from before desks): another desk settles its own
const candidatesSql = (own: string) => `SELECT p.pick_id, p.market, p.line, p.selection, p.odds_taken, p.stake, p.result, p.settled_status,
    p.settled_home_goals, p.settled_away_goals, m.status, m.home_goals, m.away_goals
  FROM tracking_clv_picks p JOIN matches m ON m.match_id = p.match_id
  WHERE ${own} AND m.status IN ('finished', 'postponed', 'cancelled') AND p.market IN ('1x2', 'totals', 'spreads')
    AND (p.result IS NULL OR (p.settled_status IS NOT NULL AND (p.settled_status IS NOT m.status
      OR p.settled_home_goals IS NOT (CASE WHEN m.status = 'finished' THEN m.home_goals END)
      OR p.settled_away_goals IS NOT (CASE WHEN m.status = 'finished' THEN m.away_goals END))))`;

/** The picks the settlement looks at (the bench's baseline reads exactly these rows). */
export function settlementCandidates(db: Cache): Candidate[] {
  return db.prepare(candidatesSql(ownRowsSql(db, 'tracking_clv_picks', 'p'))).all() as Candidate[];
}

export function settleResults(db: Cache, now: Date): ResultsReport {
  const rows = settlementCandidates(db);
  const report: ResultsReport = { candidates: rows.length, settled: 0, resettled: 0, voided: 0, written: 0, notes: [] };
  const writes: Record<string, unknown>[] = [];
  let unscored = 0;
  const settledAt = now.toISOString();
  for (const r of rows) {
    const match = { status: r.status, homeGoals: r.home_goals, awayGoals: r.away_goals };
    const action = settlementAction(
      { result: r.result, settledStatus: r.settled_status, settledHomeGoals: r.settled_home_goals, settledAwayGoals: r.settled_away_goals },
      match,
    );
    if (!action) {
      if (r.status === 'finished' && (r.home_goals === null || r.away_goals === null)) unscored++;
      continue;
    }
    const s = settle({ market: r.market, line: r.line, selection: r.selection, odds: r.odds_taken, stake: r.stake }, match);
    if (!s) continue;
    const was = describeBasis({ status: r.settled_status, homeGoals: r.settled_home_goals, awayGoals: r.settled_away_goals });
    const note =
      action === 'resettle' ? `re-settled on ${describeBasis(s)} (was ${was}, ${r.result})${s.note ? `; ${s.note}` : ''}` : s.note;
    if (action === 'resettle') report.resettled++;
    else report.settled++;
    if (s.status !== 'finished') report.voided++;
    writes.push({
      pick_id: r.pick_id,
      result: s.result,
      profit: s.profit,
      settled_at: settledAt,
      settled_status: s.status,
      settled_home_goals: s.homeGoals,
      settled_away_goals: s.awayGoals,
      settlement_note: note,
    });
  }
  if (unscored) report.notes.push(`${unscored} picks on finished matches without a score: settled when the score arrives`);
  if (writes.length) report.written = writeOwnOutput(db, 'tracking_clv_picks', writes);
  return report;
}
