// The decision layer as jobs: CONSEIL's run and the learning loop write the cache (writer lane); the
// day's picks and the learning log are reads (reader lane).
import { contract } from '../../../src-shared/contract';
import { withWriter } from '../../platform/cache/open';
import { cacheReader } from '../../platform/cache/reader';
import { defineJob } from '../../platform/jobs/define';
import { jobCommission, jobSettings } from '../../platform/settings';
import { learn } from './learn';
import { runConseil } from './run';
import { picksToday } from './today';
import { learningLog } from './versions';

const today = () => new Date().toISOString().slice(0, 10);

export const conseilRunJob = defineJob({
  kind: 'conseil.run',
  lane: 'writer',
  params: contract['conseil.run'].input,
  run: (p, ctx) => {
    const { settings, updatedAt } = jobSettings(ctx);
    ctx.progress({ fraction: 0.1, message: 'reading the day’s fixtures, prices and signals' });
    return withWriter(ctx.cacheFile, (db) => runConseil(db, { date: p.date, dryRun: p.dryRun, settings, settingsUpdatedAt: updatedAt }));
  },
});

export const conseilLearnJob = defineJob({
  kind: 'conseil.learn',
  lane: 'writer',
  params: contract['conseil.learn'].input,
  run: (_p, ctx) => {
    ctx.progress({ fraction: 0.1, message: 'replaying the settled history and refitting PATRON' });
    return withWriter(ctx.cacheFile, (db) => learn(db, new Date(), jobCommission(ctx)));
  },
});

export const conseilTodayJob = defineJob({
  kind: 'conseil.today',
  lane: 'reader',
  params: contract['conseil.today'].input,
  run: (p, ctx) => picksToday(cacheReader(ctx.cacheFile), p.date ?? today()),
});

export const learningLogJob = defineJob({
  kind: 'conseil.learningLog',
  lane: 'reader',
  params: contract['conseil.learningLog'].input,
  run: (p, ctx) => ({ entries: learningLog(cacheReader(ctx.cacheFile), p.limit) }),
});

export const conseilJobs = [conseilRunJob, conseilLearnJob, conseilTodayJob, learningLogJob];
