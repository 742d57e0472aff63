// One mining run over a history, whatever it was read from: situations, then correlations; the run id is
// a digest of the data and the parameters (same data, same parameters → same id).
import { createHash } from 'node:crypto';
import { betsOf } from './bets';
import { correlationSteps, type CorrelationsResult } from './correlations';
import type { HistoryMatch } from './history';
import { mineSteps, type MineOptions, type MineResult } from './mine';
import { runIdOf } from './rows';
import type { GoalEvent } from './scorer-legs';
import { drain, scaled, type Steps } from './steps';

export interface RunOptions extends MineOptions {
  correlations: boolean;
  events?: readonly GoalEvent[];
}

export interface MiningRun {
  runId: string;
  mined: MineResult;
  correlations: CorrelationsResult | null;
}

function dataDigest(history: readonly HistoryMatch[], events: readonly GoalEvent[] | undefined): string {
  const h = createHash('sha256');
  for (const m of history) {
    h.update(`${m.id}|${m.league}|${m.kickoff}|${m.home}|${m.away}|${m.homeGoals}|${m.awayGoals}|`);
    for (const line of [m.oneXTwo, m.totals25])
      h.update(line ? `${line.book}:${line.close.join(',')}:${line.early?.join(',') ?? ''}|` : '-|');
  }
  for (const e of events ?? []) h.update(`${e.matchId}:${e.team}:${e.player ?? ''}:${e.ownGoal ? 1 : 0}|`);
  return h.digest('hex');
}

export function* runSteps(history: readonly HistoryMatch[], opts: RunOptions): Steps<MiningRun> {
  yield { fraction: 0, message: `reading ${history.length} finished matches` };
  const set = betsOf(history);
  const split = opts.correlations ? 0.6 : 1;
  yield { fraction: 0.05, message: `mining situations over ${set.bets.length} bets` };
  const mined = yield* scaled(mineSteps(set, opts), 0.05, split);
  const correlations = opts.correlations ? yield* scaled(correlationSteps(set.matches, { events: opts.events }), split, 1) : null;
  const runId = runIdOf({
    v: 1,
    params: { minSample: opts.minSample, fdr: opts.fdr, method: opts.method, resamples: opts.resamples, correlations: opts.correlations },
    data: dataDigest(set.matches, opts.events),
  });
  return { runId, mined, correlations };
}

export function runPatterns(history: readonly HistoryMatch[], opts: RunOptions): MiningRun {
  return drain(runSteps(history, opts));
}
