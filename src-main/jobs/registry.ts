import type { JobFn } from './types';
import { inventoryJob } from '../data/inventory/inventory-job';
import { ensureDemoJob } from '../data/demo/ensure';
import { demoFeedJob } from '../data/demo/feed';
import { runSync } from '../data/sync/run';
import { importFootballDataJob } from '../data/football-data/import-job';
import { marketJob } from '../data/market/market-job';
import { previewJob } from '../intelligence/preview/preview-job';

/** Every job the worker can run, by kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- params are validated by the contract before a job starts
export const jobs: Record<string, JobFn<any, unknown>> = {
  inventory: inventoryJob,
  'demo.ensure': ensureDemoJob,
  'demo.feed': demoFeedJob,
  sync: runSync,
  'import.football-data': importFootballDataJob,
  market: marketJob,
  preview: previewJob,
};
