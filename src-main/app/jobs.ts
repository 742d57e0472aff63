import type { AnyJobDef } from '../platform/jobs/define';
import { analysisJobs } from '../features/analysis';
import { inventoryJobs } from '../features/inventory';
import { marketJobs } from '../features/market';
import { demoJobs } from '../ingest/demo';
import { importFootballDataJob } from '../ingest/football-data';
import { syncJobs } from '../sync';
import { anomalyJobs } from '../features/agents/anomaly';
import { runnerJobs } from '../features/agents/runner';
import { trapsJobs } from '../features/traps';

/** Every job the worker threads can run. A feature adds its jobs' list here. */
export const allJobs: readonly AnyJobDef[] = [
  ...syncJobs,
  ...demoJobs,
  importFootballDataJob,
  ...inventoryJobs,
  ...marketJobs,
  ...analysisJobs,
  ...anomalyJobs,
  ...trapsJobs,
  ...runnerJobs,
];
