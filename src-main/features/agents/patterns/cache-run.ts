// The agent in the worker: mine the cache's history and write market_patterns and patterns_correlations
// as the app's own outputs (outbox → published to the source by the next sync), in one transaction.
import { ContractError } from '../../../../src-shared/contract/errors';
import { dataSnoopingWarning, type MineSummary, type mineInput } from '../../../../src-shared/contract/patterns';
import type { z } from 'zod';
import { openCache, type Cache } from '../../../platform/cache/open';
import { allRows, tableExists } from '../../../platform/cache/tables';
import type { JobContext } from '../../../platform/jobs/define';
import { writeOwnOutput } from '../../../sync';
import { cachePriceReference, historyFromCache } from './from-cache';
import { CORRELATION_COLUMNS, PATTERN_COLUMNS, requireColumns } from './queries';
import { correlationRows, patternRows } from './rows';
import { runSteps, type MiningRun } from './run';
import type { GoalEvent } from './scorer-legs';
import { drainAsync } from './steps';

export function goalEvents(db: Cache): GoalEvent[] {
  if (!tableExists(db, 'match_events')) return [];
  return allRows<{ matchId: number; team: number; player: number | null; ownGoal: number }>(
    db,
    "SELECT match_id AS matchId, team_id AS team, player_id AS player, is_own_goal AS ownGoal FROM match_events WHERE kind = 'goal'",
  ).map((e) => ({
    matchId: String(e.matchId),
    team: String(e.team),
    player: e.player === null ? null : String(e.player),
    ownGoal: e.ownGoal === 1,
  }));
}

/** A mining run into the cache's market_patterns and patterns_correlations, in one transaction, as the
 * app's own output (the outbox publishes them at the next sync). */
export function writeRun(db: Cache, run: MiningRun, minedAt: Date): { patternsWritten: number; correlationsWritten: number } {
  requireColumns(db, 'market_patterns', PATTERN_COLUMNS);
  requireColumns(db, 'patterns_correlations', CORRELATION_COLUMNS);
  let patternsWritten = 0;
  let correlationsWritten = 0;
  db.transaction(() => {
    patternsWritten = writeOwnOutput(db, 'market_patterns', patternRows(run.mined, run.runId, minedAt), minedAt);
    if (run.correlations)
      correlationsWritten = writeOwnOutput(db, 'patterns_correlations', correlationRows(run.correlations, run.runId, minedAt), minedAt);
  })();
  return { patternsWritten, correlationsWritten };
}

export async function mineCache(params: z.output<typeof mineInput>, ctx: JobContext): Promise<MineSummary> {
  const started = performance.now();
  const db = openCache(ctx.cacheFile);
  try {
    requireColumns(db, 'market_patterns', PATTERN_COLUMNS);
    requireColumns(db, 'patterns_correlations', CORRELATION_COLUMNS);
    const { matches, books } = historyFromCache(db);
    if (matches.length === 0)
      throw new ContractError('UNAVAILABLE', 'the cache has no finished match with a score yet: sync the source first');
    const run = await drainAsync(
      runSteps(matches, { ...params, priceReference: cachePriceReference(books), events: goalEvents(db) }),
      ctx.signal,
      (s) => ctx.progress({ fraction: s.fraction, message: s.message }),
    );
    const minedAt = new Date();
    const { patternsWritten, correlationsWritten } = writeRun(db, run, minedAt);
    const m = run.mined;
    return {
      runId: run.runId,
      minedAt: minedAt.toISOString(),
      matches: m.matches,
      pricedMatches: m.pricedMatches,
      bets: m.bets,
      dataFrom: m.dataFrom,
      dataTo: m.dataTo,
      testsTried: m.tried,
      tooSmall: m.tooSmall,
      significant: m.significant,
      fdrLevel: m.fdr,
      fdrMethod: m.method,
      patternsWritten,
      correlationsWritten,
      warning: dataSnoopingWarning(m.tried, m.fdr, m.method),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    db.close();
  }
}
