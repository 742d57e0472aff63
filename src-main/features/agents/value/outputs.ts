// Agent B's outputs in the source's tables, with ids that depend only on what they are about, so a rerun
// updates the same rows: agent_analyses `value:<match>` (score, summary, the bets and the blend used) and
// agent_predictions `value:<match>|<market>|<line>|<selection>` (the blended probability and its fair odds).
import type { Cache } from '../../../platform/cache/open';
import { tableExists } from '../../../platform/cache/tables';
import { writeOwnOutput } from '../../../sync';
import type { LiveRow, LiveValue } from './live';

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
/** "2.1 (B365)", or "5.2 (BFE), 4.99 net of 5%" at a book that takes a commission on winnings. */
const priceOf = (r: LiveRow): string =>
  (r.bestCommission ?? 0) > 0
    ? `${r.bestQuoted} (${r.bestBook}), ${(r.bestOdds as number).toFixed(2)} net of ${+((r.bestCommission as number) * 100).toFixed(2)}%`
    : `${r.bestOdds} (${r.bestBook})`;
const label = (r: LiveRow): string =>
  `${r.market === '1x2' ? '1X2' : r.market === 'totals' ? 'O/U' : 'AH'}${r.line === null ? '' : ` ${r.line}`} ${r.selection}`;

/** The rows whose stored version differs in any of `fields` (or that are not stored yet). */
function unchanged(db: Cache, table: string, key: string, rows: Record<string, unknown>[], fields: string[]): Record<string, unknown>[] {
  if (!tableExists(db, table)) return rows;
  const stored = new Map<unknown, Record<string, unknown>>();
  for (const r of db.prepare(`SELECT ${key}, ${fields.join(', ')} FROM ${table} WHERE agent = 'value'`).all() as Record<string, unknown>[])
    stored.set(r[key], r);
  return rows.filter((r) => {
    const s = stored.get(r[key]);
    return !s || fields.some((f) => s[f] !== r[f]);
  });
}

/** 0..100: the best edge of the match on a scale where +10% is 100. */
export const valueScore = (edge: number): number => Math.max(0, Math.min(100, Math.round(edge * 1000)));

export function writeValueOutputs(
  db: Cache,
  v: LiveValue,
  now = new Date(),
): { analyses: number; predictions: number; bets: number; written: number } {
  const byMatch = new Map<number, LiveRow[]>();
  for (const r of v.rows) {
    let list = byMatch.get(r.matchId);
    if (!list) byMatch.set(r.matchId, (list = []));
    list.push(r);
  }
  const analyses: Record<string, unknown>[] = [];
  const predictions: Record<string, unknown>[] = [];
  let bets = 0;
  for (const m of v.matches) {
    const rows = byMatch.get(m.matchId) ?? [];
    const taken = rows.filter((r) => r.bet).sort((a, b) => (b.edge as number) - (a.edge as number));
    bets += taken.length;
    const best = taken[0]?.edge ?? 0;
    analyses.push({
      analysis_id: `value:${m.matchId}`,
      match_id: m.matchId,
      agent: 'value',
      score: valueScore(best),
      summary: taken.length
        ? `${taken.length} value bet${taken.length === 1 ? '' : 's'}: ${taken
            .slice(0, 3)
            .map((r) => `${label(r)} @ ${priceOf(r)} edge ${pct(r.edge as number)}, stake ${((r.stake as number) * 100).toFixed(2)}%`)
            .join('; ')}`
        : 'no value at the current prices',
      payload: {
        asOf: v.asOf,
        blend: v.blend ? { version: v.blend.version, w: v.blend.w } : { version: null, w: 0 },
        bets: taken.map((r) => ({
          market: r.market,
          line: r.line,
          selection: r.selection,
          odds: r.bestOdds,
          quotedOdds: r.bestQuoted,
          commission: r.bestCommission,
          bookmaker: r.bestBook,
          probability: r.blendProb,
          edge: r.edge,
          stake: r.stake,
          basis: r.basis,
        })),
      },
    });
    for (const r of rows) {
      if (r.blendProb === null || !(r.blendProb > 0)) continue;
      predictions.push({
        prediction_id: `value:${r.id}`,
        match_id: r.matchId,
        agent: 'value',
        market: r.market,
        line: r.line,
        selection: r.selection,
        probability: r.blendProb,
        fair_odds: 1 / r.blendProb,
      });
    }
  }
  // a rerun writes (and republishes) only what changed
  const changedAnalyses = unchanged(db, 'agent_analyses', 'analysis_id', analyses, ['score', 'summary']);
  const changedPredictions = unchanged(db, 'agent_predictions', 'prediction_id', predictions, ['probability']);
  writeOwnOutput(db, 'agent_analyses', changedAnalyses, now);
  writeOwnOutput(db, 'agent_predictions', changedPredictions, now);
  return { analyses: analyses.length, predictions: predictions.length, bets, written: changedAnalyses.length + changedPredictions.length };
}
