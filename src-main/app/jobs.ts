import type { AnyJobDef } from '../platform/jobs/define';
import { analysisJobs } from '../features/analysis';
import { patternsJobs } from '../features/agents/patterns';
import { inventoryJobs } from '../features/inventory';
import { marketJobs } from '../features/market';
import { reportsJobs } from '../features/reports';
import { picksJobs } from '../features/picks';
import { demoJobs } from '../ingest/demo';
import { importFootballDataJob } from '../ingest/football-data';
import { syncJobs } from '../sync';
import { valueJobs } from '../features/agents/value';
import { backtestJobs } from '../features/agents/backtest';
import { anomalyJobs } from '../features/agents/anomaly';
import { runnerJobs } from '../features/agents/runner';
import { trapsJobs } from '../features/traps';
import { settingsJobs } from '../features/settings';
import { scheduleJobs } from '../features/schedule';
import { conseilJobs } from '../features/conseil';
import { deskJobs } from './desk-jobs';

/** Every job the worker threads can run. A feature adds its jobs' list here. */
export const allJobs: readonly AnyJobDef[] = [
  ...syncJobs,
  ...demoJobs,
  importFootballDataJob,
  ...inventoryJobs,
  ...marketJobs,
  ...analysisJobs,
  ...valueJobs,
  ...backtestJobs,
  ...anomalyJobs,
  ...trapsJobs,
  ...runnerJobs,
  ...settingsJobs,
  ...scheduleJobs,
  ...reportsJobs,
  ...patternsJobs,
  ...picksJobs,
  ...conseilJobs,
  ...deskJobs,
];
