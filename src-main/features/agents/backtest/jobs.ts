// Agent D's jobs, on the writer lane (long and CPU-heavy: a page read never queues behind them): a backtest
// with progress and cancel, and the calibration of Agent B's blend weight on the cache's history.
import { contract } from '../../../../src-shared/contract';
import type { BacktestResult, BlendVersion } from '../../../../src-shared/contract/agents';
import { ContractError } from '../../../../src-shared/contract/errors';
import { openCache } from '../../../platform/cache/open';
import { defineJob, JobCancelled, type JobContext } from '../../../platform/jobs/define';
import { jobCommission } from '../../../platform/settings';
import { latestBlend, LIVE_DEFAULTS, liveRules, saveBlend } from '../value';
import { calibrateBlend } from './calibrate';
import { runBacktestAsync } from './engine';
import { History } from './past';
import { cacheFixtures } from './sources/cache';
import { loadFootballDataSafely } from './sources/csv-files';
import { findStrategy, parseParams } from './strategy';
import { STRATEGIES } from './strategies';
import { sortFixtures } from './engine';
import type { BacktestData } from './types';

/** The cache as backtest data, its prices net of the Settings' commission per book. */
function cacheData(file: string, commission: Readonly<Record<string, number>>): BacktestData {
  const db = openCache(file, { readonly: true, migrate: false });
  try {
    return cacheFixtures(db, 'the cache', { commission });
  } finally {
    db.close();
  }
}

export const backtestRunJob = defineJob({
  kind: 'backtest.run',
  lane: 'writer',
  params: contract['backtest.run'].input,
  run: async (p, ctx): Promise<BacktestResult> => {
    const strategy = findStrategy(STRATEGIES, p.strategy);
    parseParams(strategy, p.params); // a bad parameter fails before the data is read
    ctx.progress({ fraction: 0, message: 'reading the data' });
    // files as a stream, regular files only, capped (the handler has checked where they are)
    const data =
      p.source.kind === 'csv'
        ? await loadFootballDataSafely(p.source.files, { signal: ctx.signal })
        : cacheData(ctx.cacheFile, jobCommission(ctx));
    await new Promise<void>((resolve) => setImmediate(resolve)); // a cancel sent while reading is heard
    return runBacktestAsync(data, strategy, p.params, {
      from: p.from,
      to: p.to,
      signal: ctx.signal,
      progress: (x) => ctx.progress({ fraction: 0.05 + 0.95 * x.fraction, message: x.message }),
      withBets: p.withBets,
    });
  },
});

const compact = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

/** Chooses Agent B's blend weight on the cache's matches of the last `days` days (walk forward, a fit per
 * league and match day) and stores it as a new version. */
export function calibrateOnCache(
  file: string,
  days: number,
  ctx: Pick<JobContext, 'signal' | 'progress'> & { settingsFile?: string },
  now = new Date(),
): BlendVersion {
  ctx.progress({ fraction: 0, message: 'reading the finished matches and their prices' });
  const data = cacheData(file, jobCommission(ctx));
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const sorted = sortFixtures(data.fixtures);
  const period = sorted.filter((f) => f.date >= from && f.date < to && f.result && f.decision.length && f.closing.length);
  if (period.length === 0)
    throw new ContractError(
      'UNAVAILABLE',
      `no finished match with prices and a closing line in the cache between ${from} and ${to}: nothing to calibrate on`,
    );
  const history = new History(sorted);
  const settings = { xi: LIVE_DEFAULTS.xi, windowDays: LIVE_DEFAULTS.windowDays, minTeamMatches: LIVE_DEFAULTS.minTeamMatches };
  const rules = liveRules(0, LIVE_DEFAULTS);
  ctx.progress({ fraction: 0.1, message: `walking forward over ${period.length} matches` });
  const c = calibrateBlend(period, data.roles, settings, rules, (d) => history.view(d), ctx.signal);
  if (ctx.signal.aborted) throw new JobCancelled();
  const chosenAt = now.toISOString();
  return {
    version: `value-${compact(chosenAt)}`,
    w: c.w,
    chosenAt,
    method: `minimum walk-forward log loss of w·Dixon-Coles + (1 − w)·market against the de-vigged closing line, ${c.from ?? from} to ${c.to ?? to}`,
    fixtures: c.fixtures,
    from: c.from,
    to: c.to,
    loss: c.loss,
    xi: settings.xi,
    windowDays: settings.windowDays,
  };
}

export const calibrateJob = defineJob({
  kind: 'value.calibrate',
  lane: 'writer',
  params: contract['value.calibrate'].input,
  run: ({ days, maxAgeDays }, ctx): BlendVersion => {
    if (maxAgeDays !== undefined) {
      const db = openCache(ctx.cacheFile);
      try {
        const current = latestBlend(db);
        if (current && Date.now() - Date.parse(current.chosenAt) < maxAgeDays * 86_400_000) return current;
      } finally {
        db.close();
      }
    }
    const v = calibrateOnCache(ctx.cacheFile, days, ctx);
    const db = openCache(ctx.cacheFile);
    try {
      saveBlend(db, v);
    } finally {
      db.close();
    }
    ctx.progress({ fraction: 1, message: `blend weight w = ${v.w} on ${v.fixtures} fixtures` });
    return v;
  },
});

export const backtestJobs = [backtestRunJob, calibrateJob];
