// Closing-line capture: every pick whose match has kicked off gets its reference closing line and
// CLV (closing.ts). A line taken from the last quotes before kick-off, or missing, is looked at again
// for `recheckDays` (a closing quote may sync late); one from closing quotes is final. Picks whose
// closing line someone else recorded (no closing_status) are left as they are. Only changed rows are
// written (writeOwnOutput: published at the next sync).
import { PICK_SELECTIONS, type PickMarket } from '../../../src-shared/contract/picks';
import type { Cache } from '../../platform/cache/open';
import { ownRowsSql } from '../../platform/desk';
import { writeOwnOutput } from '../../sync';
import { pickClose, referenceClose, type ClosingLine, type PickClose } from './closing';
import { bookmakerFlags, closingQuotes } from './queries';

interface Candidate {
  pick_id: string;
  match_id: number;
  market: PickMarket;
  line: number | null;
  selection: string;
  bookmaker: string;
  odds_taken: number;
  kickoff: string;
  closing_status: string | null;
  closing_reference: string | null;
  closing_odds: number | null;
  closing_fair_odds: number | null;
  closing_observed_at: string | null;
  closing_book_odds: number | null;
  clv: number | null;
  clv_raw: number | null;
}

export interface CaptureReport {
  candidates: number;
  captured: number;
  lastQuote: number;
  missing: number;
  written: number;
}

// this desk's picks only (and those from before desks): another desk captures its own
const candidatesSql = (
  own: string,
) => `SELECT p.pick_id, p.match_id, p.market, p.line, p.selection, p.bookmaker, p.odds_taken, m.kickoff, p.closing_status,
    p.closing_reference, p.closing_odds, p.closing_fair_odds, p.closing_observed_at, p.closing_book_odds, p.clv, p.clv_raw
  FROM tracking_clv_picks p JOIN matches m ON m.match_id = p.match_id
  WHERE ${own} AND m.kickoff <= @now AND m.status NOT IN ('postponed', 'cancelled') AND p.market IN ('1x2', 'totals', 'spreads')
    AND ((p.closing_status IS NULL AND p.closing_odds IS NULL AND p.clv IS NULL)
      OR (p.closing_status IN ('last_quote', 'missing') AND m.kickoff >= @since))
  ORDER BY p.match_id, p.market, p.line`;

const same = (c: Candidate, n: PickClose): boolean =>
  c.closing_status === n.closingStatus &&
  c.closing_reference === n.closingReference &&
  c.closing_odds === n.closingOdds &&
  c.closing_fair_odds === n.closingFairOdds &&
  c.closing_observed_at === n.closingObservedAt &&
  c.closing_book_odds === n.closingBookOdds &&
  c.clv === n.clv &&
  c.clv_raw === n.clvRaw;

/** The picks the capture looks at (the bench's baseline reads exactly these rows). */
export function closingCandidates(db: Cache, now: Date, recheckDays: number): Candidate[] {
  return db
    .prepare(candidatesSql(ownRowsSql(db, 'tracking_clv_picks', 'p')))
    .all({ now: now.toISOString(), since: new Date(now.getTime() - recheckDays * 86_400_000).toISOString() }) as Candidate[];
}

export function captureClosingLines(db: Cache, now: Date, recheckDays = 7): CaptureReport {
  const candidates = closingCandidates(db, now, recheckDays);
  const flags = bookmakerFlags(db);
  const report: CaptureReport = { candidates: candidates.length, captured: 0, lastQuote: 0, missing: 0, written: 0 };
  const lines = new Map<string, ClosingLine>();
  const writes: Record<string, unknown>[] = [];
  const capturedAt = now.toISOString();
  for (const c of candidates) {
    const key = `${c.match_id}|${c.market}|${c.line}`;
    const selections = PICK_SELECTIONS[c.market];
    let line = lines.get(key);
    if (!line) {
      line = referenceClose(closingQuotes(db, c.match_id, c.market, c.line, c.kickoff), c.kickoff, selections, flags);
      lines.set(key, line);
    }
    const n = pickClose(line, selections, c.selection, c.bookmaker, c.odds_taken);
    if (n.closingStatus === 'closing') report.captured++;
    else if (n.closingStatus === 'last_quote') report.lastQuote++;
    else report.missing++;
    if (same(c, n)) continue;
    writes.push({
      pick_id: c.pick_id,
      closing_status: n.closingStatus,
      closing_reference: n.closingReference,
      closing_odds: n.closingOdds,
      closing_fair_odds: n.closingFairOdds,
      closing_observed_at: n.closingObservedAt,
      closing_book_odds: n.closingBookOdds,
      clv: n.clv,
      clv_raw: n.clvRaw,
      captured_at: capturedAt,
    });
  }
  if (writes.length) report.written = writeOwnOutput(db, 'tracking_clv_picks', writes);
  return report;
}
