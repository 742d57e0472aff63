import fs from 'node:fs';
import path from 'node:path';
import { openCache } from '../platform/cache/open';
import { ensureDesk, type Desk } from '../platform/desk';
import { publishDesk } from './desk-jobs';
import { markInterruptedSync, SyncRunner } from '../sync';
import { ensureDemoJob, demoFeedJob } from '../ingest/demo';
import type { SourceInfo } from '../platform/source-info';
import { changedTables } from './events';
import { AfterSyncQueue } from './after-sync';
import { workerEntry } from './worker-entry';
import { startEmbeddedPostgres, type EmbeddedPg } from '../platform/pg/embedded';
import { migrateSource } from '../platform/pg/migrate';
import { JobHost } from '../platform/jobs/host';
import { redactUrl, type AppConfig } from './config';
export type { SourceInfo };
import { EventBus } from '../platform/events';
import type { Clock, Scheduler } from '../platform/scheduler';
import { fileSecrets, SettingsStore, settingsFileIn, type SecretStore } from '../platform/settings';
import {
  browserChannel,
  fileSeen,
  Notifier,
  TelegramClient,
  telegramChannel,
  type DeliveryChannel,
  type TelegramOptions,
} from '../platform/notifier';
import { applySchedule, createScheduler, refreshKickoffs } from './schedule';
import { SourceSwitch, sourceId } from './source-switch';
import { recoverSwitch, switchFiles } from './switch-files';
import { warmMarket } from '../features/market';

/** Everything the handlers need, composed once: by Electron main, by the headless server, by tests. */
export interface Services {
  config: AppConfig;
  bus: EventBus;
  jobs: JobHost;
  sync: SyncRunner;
  /** The work after each sync, in order (the first run's chain after the first one). */
  afterSync: AfterSyncQueue;
  scheduler: Scheduler;
  settings: SettingsStore;
  secrets: SecretStore;
  notifier: Notifier;
  telegram: TelegramClient;
  source: SourceInfo;
  sourceSwitch: SourceSwitch;
  startedAt: string;
  /** This data folder's desk identity (desk.json). */
  desk: Desk;
  close(): Promise<void>;
}

export interface ServiceOptions {
  log?: (line: string) => void;
  /** Electron supplies the transport name for app.info. */
  transport?: 'ipc' | 'http';
  /** The running app (desktop, headless server): demo data on the embedded default, a sync at
   * start, then the schedule. One-shot commands leave it off. */
  background?: boolean;
  /** false: no cron ticks, only the start-up sync and runs asked for (tests that compare databases). */
  schedule?: boolean;
  /** After the first sync that brings data, the whole chain once: agents A, B, C, traps with their
   * history, PATRON's fit, CONSEIL. Default: on in the running app with its schedule (`background` and
   * `schedule`), off where only the runs asked for may run. */
  firstRun?: boolean;
  /** Older name of `schedule: false` (0); other values are ignored (the schedule is in Settings). */
  syncIntervalMs?: number;
  /** Where secrets are kept: Electron's safeStorage; default, the 0600 settings file (headless). */
  secrets?: SecretStore;
  /** The desktop channel: Electron's notifications; default, the browsers of the headless mode. */
  desktop?: DeliveryChannel;
  /** Telegram client options (tests record the waits instead of waiting). */
  telegram?: TelegramOptions;
  clock?: Clock;
}

/** How long running jobs get to stop on their own when the app closes. */
export const CLOSE_GRACE_MS = 5_000;

/** Folds the WAL into the cache file, so the file left behind is whole on its own. */
function checkpointCache(file: string, log: (line: string) => void): void {
  try {
    const db = openCache(file, { migrate: false });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch (err) {
    log(`closing: the cache could not be checkpointed (${(err as Error).message}); its WAL is replayed at next start`);
  }
}

/** Before anything opens the cache: a source switch the last run did not finish is rolled back (or
 * resumed); then the cache is opened (migrated, verified), an interrupted sync marked, and the data
 * folder's desk identity made once or read. */
function openDataFolder(config: AppConfig, log: (m: string) => void): { recovered: ReturnType<typeof recoverSwitch>; desk: Desk } {
  const recovered = recoverSwitch(switchFiles(config.cacheFile), sourceId(config.sourceUrl ?? null));
  if (recovered) log(`source switch ${recovered.action}: ${recovered.message}`);
  const cache = openCache(config.cacheFile, { migrate: true, verify: true });
  try {
    markInterruptedSync(cache);
    const desk = ensureDesk(config.dataDir, cache);
    // its name for the team: queued once the source's desks table is mirrored (the rename queues it too)
    log(`desk ${desk.name} (${desk.deskId}): ${publishDesk(cache, desk)}`);
    return { recovered, desk };
  } finally {
    cache.close();
  }
}

/** The configured source, migrated (unreachable: the app runs on the cache and says so), or the
 * embedded PostgreSQL started and migrated. */
async function bringUpSource(config: AppConfig, startEmbedded: () => Promise<EmbeddedPg>, log: (m: string) => void): Promise<SourceInfo> {
  if (config.sourceUrl) {
    const source: SourceInfo = {
      kind: 'configured',
      label: redactUrl(config.sourceUrl),
      url: config.sourceUrl,
      timescale: false,
      error: null,
    };
    try {
      const m = await migrateSource(config.sourceUrl);
      source.timescale = m.timescale;
    } catch (err) {
      source.error = `source ${source.label} unreachable or not writable: ${(err as Error).message}`;
      log(source.error);
    }
    return source;
  }
  log('no source configured: starting the embedded PostgreSQL');
  const pg = await startEmbedded();
  try {
    const m = await migrateSource(pg.url);
    return { kind: 'embedded', label: `embedded PostgreSQL on 127.0.0.1:${pg.port}`, url: pg.url, timescale: m.timescale, error: null };
  } catch (err) {
    await pg.stop();
    throw err;
  }
}

/** Opens (and migrates) the cache, brings up the source — the embedded PostgreSQL when none is
 * configured — and starts the worker thread. A configured source that is unreachable does not stop
 * the app: it runs on the cache and says so. */
export async function createServices(config: AppConfig, opts: ServiceOptions = {}): Promise<Services> {
  const log = opts.log ?? (() => {});
  fs.mkdirSync(config.dataDir, { recursive: true });
  const { recovered, desk } = openDataFolder(config, log);

  const settingsFile = settingsFileIn(config.dataDir);
  const settings = new SettingsStore(settingsFile, log);
  const secrets = opts.secrets ?? fileSecrets(settingsFile);
  let embedded: EmbeddedPg | undefined;
  const startEmbedded = async (): Promise<EmbeddedPg> => {
    embedded ??= await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), notice: log });
    return embedded;
  };

  const source = await bringUpSource(config, startEmbedded, log);

  const bus = new EventBus();
  const jobs = new JobHost({ cacheFile: config.cacheFile, sourceUrl: source.url, settingsFile }, workerEntry(), bus);
  const isEmbedded = source.kind === 'embedded';
  const cron = opts.schedule ?? opts.syncIntervalMs !== 0;
  const afterSyncQueue = new AfterSyncQueue({ bus, jobs, log, firstRun: opts.firstRun ?? (opts.background === true && cron) });
  const sync: SyncRunner = new SyncRunner({
    jobs,
    log,
    onSynced: (r) => {
      void afterSyncQueue.push(r);
      scheduler.sourceUp();
      if (changedTables(r).includes('matches')) void refreshKickoffs(jobs, scheduler, log);
    },
    // The embedded default: a demo world before the first sync, and its live feed before each scheduled one.
    ...embeddedDemoHooks(jobs, log, () => source.kind === 'embedded'),
  });
  const scheduler = createScheduler({
    jobs,
    sync,
    afterSync: afterSyncQueue,
    bus,
    dataDir: config.dataDir,
    embedded: isEmbedded,
    settings: () => settings.settings,
    cron,
    clock: opts.clock,
    log,
  });

  const telegram = new TelegramClient({ log, ...opts.telegram });
  const notifier = new Notifier({
    bus,
    prefs: () => settings.settings.notifications,
    desktop: opts.desktop ?? browserChannel(bus),
    telegram: telegramChannel(telegram, () => ({ ...settings.settings.telegram, token: secrets.get('telegramToken') })),
    seen: fileSeen(path.join(config.dataDir, 'notified.json'), { log }),
    clock: opts.clock,
    log,
  });
  notifier.start();
  settings.onChange((changed, now) => {
    bus.emit('settings.changed', { sections: changed, updatedAt: settings.updatedAt ?? new Date().toISOString() });
    if (changed.includes('schedule')) applySchedule(scheduler, now);
  });

  const sourceSwitch = new SourceSwitch({
    config,
    source,
    jobs,
    scheduler,
    bus,
    secrets,
    embedded: startEmbedded,
    log,
    recovered,
    onSwitched: (tables) => {
      bus.emit('cache.changed', { tables, at: new Date().toISOString() });
      warmMarket(jobs);
      void refreshKickoffs(jobs, scheduler, log);
    },
  });

  if (opts.background) {
    scheduler.start();
    void refreshKickoffs(jobs, scheduler, log);
  }
  return {
    config,
    bus,
    jobs,
    sync,
    afterSync: afterSyncQueue,
    scheduler,
    settings,
    secrets,
    notifier,
    telegram,
    source,
    sourceSwitch,
    startedAt: new Date().toISOString(),
    desk,
    async close() {
      try {
        scheduler.stop();
        notifier.stop();
        // running jobs get a moment to cancel cleanly (the sync commits its batch and checkpoint)
        const jobsClosed = await jobs.close({ graceMs: CLOSE_GRACE_MS });
        if (jobsClosed.abandoned) log(`closing: ${jobsClosed.abandoned} job(s) did not stop in ${CLOSE_GRACE_MS} ms and were ended`);
        checkpointCache(config.cacheFile, log);
      } finally {
        // whatever failed above, PostgreSQL is not left running
        await embedded?.stop();
      }
    },
  };
}

/** On the embedded default: the demo world before the first sync, and its live feed before each
 * scheduled sync (`active` turns them off once the app switched to another source). */
export function embeddedDemoHooks(
  jobs: JobHost,
  log: (line: string) => void,
  active: () => boolean = () => true,
): { boot(): Promise<void>; beforeScheduled(): Promise<void> } {
  return {
    async boot() {
      if (!active()) return;
      const r = await jobs.run(ensureDemoJob, {}).done;
      if (r.seeded) log(`demo: ${r.reason} (${r.report?.totalRows} rows in ${r.report?.seconds.toFixed(1)} s)`);
    },
    async beforeScheduled() {
      if (!active()) return;
      const r = await jobs.run(demoFeedJob, {}).done;
      if (r.quotes + r.finished > 0) log(`demo feed: ${r.reason} in ${r.seconds.toFixed(2)} s`);
    },
  };
}
