import fs from 'node:fs';
import path from 'node:path';
import { openCache } from '../platform/cache/open';
import { markInterruptedSync, SyncRunner } from '../sync';
import { ensureDemoJob, demoFeedJob } from '../ingest/demo';
import type { SourceInfo } from '../platform/source-info';
import { afterSync } from './events';
import { workerEntry } from './worker-entry';
import { startEmbeddedPostgres, type EmbeddedPg } from '../platform/pg/embedded';
import { migrateSource } from '../platform/pg/migrate';
import { JobHost } from '../platform/jobs/host';
import { redactUrl, type AppConfig } from './config';
export type { SourceInfo };
import { EventBus } from '../platform/events';

/** Everything the handlers need, composed once: by Electron main, by the headless server, by tests. */
export interface Services {
  config: AppConfig;
  bus: EventBus;
  jobs: JobHost;
  sync: SyncRunner;
  source: SourceInfo;
  startedAt: string;
  close(): Promise<void>;
}

export interface ServiceOptions {
  log?: (line: string) => void;
  /** Electron supplies the transport name for app.info. */
  transport?: 'ipc' | 'http';
  /** The running app (desktop, headless server): demo data on the embedded default, a sync at
   * start and on a schedule. One-shot commands leave it off. */
  background?: boolean;
  /** Overrides the schedule (0 = sync only at start and on demand): tests that compare databases. */
  syncIntervalMs?: number;
}

/** Every 5 minutes; every minute on the embedded demo, whose feed moves on by the minute. */
export const syncIntervalMs = (embedded: boolean): number => Number(process.env.MONPS_SYNC_INTERVAL_MINUTES ?? (embedded ? 1 : 5)) * 60_000;

/** Opens (and migrates) the cache, brings up the source — the embedded PostgreSQL when none is
 * configured — and starts the worker thread. A configured source that is unreachable does not stop
 * the app: it runs on the cache and says so. */
export async function createServices(config: AppConfig, opts: ServiceOptions = {}): Promise<Services> {
  const log = opts.log ?? (() => {});
  fs.mkdirSync(config.dataDir, { recursive: true });
  const cache = openCache(config.cacheFile, { migrate: true, verify: true });
  markInterruptedSync(cache);
  cache.close();

  let embedded: EmbeddedPg | undefined;
  let source: SourceInfo;
  if (config.sourceUrl) {
    source = { kind: 'configured', label: redactUrl(config.sourceUrl), url: config.sourceUrl, timescale: false, error: null };
    try {
      const m = await migrateSource(config.sourceUrl);
      source.timescale = m.timescale;
    } catch (err) {
      source.error = `source ${source.label} unreachable or not writable: ${(err as Error).message}`;
      log(source.error);
    }
  } else {
    log('no source configured: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg') });
    try {
      const m = await migrateSource(embedded.url);
      source = {
        kind: 'embedded',
        label: `embedded PostgreSQL on 127.0.0.1:${embedded.port}`,
        url: embedded.url,
        timescale: m.timescale,
        error: null,
      };
    } catch (err) {
      await embedded.stop();
      throw err;
    }
  }

  const bus = new EventBus();
  const jobs = new JobHost({ cacheFile: config.cacheFile, sourceUrl: source.url }, workerEntry(), bus);
  const sync = new SyncRunner({
    jobs,
    intervalMs: opts.syncIntervalMs ?? syncIntervalMs(source.kind === 'embedded'),
    log,
    onSynced: (r) => void afterSync(r, { bus, jobs, log }),
    // The embedded default: a demo world before the first sync, and its live feed before each scheduled one.
    ...(source.kind === 'embedded' ? embeddedDemoHooks(jobs, log) : {}),
  });
  if (opts.background) sync.start();
  return {
    config,
    bus,
    jobs,
    sync,
    source,
    startedAt: new Date().toISOString(),
    async close() {
      sync.stop();
      await jobs.close();
      await embedded?.stop();
    },
  };
}

export function embeddedDemoHooks(jobs: JobHost, log: (line: string) => void): { boot(): Promise<void>; beforeScheduled(): Promise<void> } {
  return {
    async boot() {
      const r = await jobs.run(ensureDemoJob, {}).done;
      if (r.seeded) log(`demo: ${r.reason} (${r.report?.totalRows} rows in ${r.report?.seconds.toFixed(1)} s)`);
    },
    async beforeScheduled() {
      const r = await jobs.run(demoFeedJob, {}).done;
      if (r.quotes + r.finished > 0) log(`demo feed: ${r.reason} in ${r.seconds.toFixed(2)} s`);
    },
  };
}
