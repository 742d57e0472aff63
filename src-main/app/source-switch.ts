import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../src-shared/contract/errors';
import type { SourceState } from '../../src-shared/contract/settings';
import { ensureDemoJob } from '../ingest/demo';
import { openCache } from '../platform/cache/open';
import { ensureDesk } from '../platform/desk';
import type { EventBus } from '../platform/events';
import { JobHost } from '../platform/jobs/host';
import { testConnection } from '../platform/pg/connection-test';
import { migrateSource } from '../platform/pg/migrate';
import type { Scheduler } from '../platform/scheduler';
import type { SecretStore } from '../platform/settings';
import type { SourceInfo } from '../platform/source-info';
import { defaultSyncCron } from '../features/schedule';
import { syncJob } from '../sync';
import { redactUrl, type AppConfig } from './config';
import { workerEntry } from './worker-entry';
import { carryProblem, carryUnpublished, moveDb, removeDb, retirePrevious, switchFiles, writeMarker, type Recovery } from './switch-files';

export interface SwitchDeps {
  config: AppConfig;
  source: SourceInfo;
  jobs: JobHost;
  scheduler: Scheduler;
  bus: EventBus;
  secrets: SecretStore;
  /** Starts (once) and answers the embedded PostgreSQL. */
  embedded: () => Promise<{ url: string; port: number }>;
  /** After the switch: the new cache is in place (e.g. tell the windows, warm the board). */
  onSwitched: (tables: string[]) => void;
  log: (line: string) => void;
  /** A switch interrupted by the previous run, rolled back or resumed at this start. */
  recovered?: Recovery | null;
}

type SwitchStatus = SourceState['switch'];
const idle: SwitchStatus = { state: 'idle', target: null, message: '', jobId: null, startedAt: null, finishedAt: null };

/** Switching the source keeps the current cache in use until the new source has synced: the new
 * source is synced whole into a cache file of its own by workers of its own, and only then are the
 * files swapped (the previous cache is kept as cache.previous.sqlite) and the app's workers restarted
 * on it. A failure at any point leaves the app on its current source and cache. */
export class SourceSwitch {
  private status: SwitchStatus = idle;

  constructor(private readonly d: SwitchDeps) {
    const r = d.recovered;
    if (r)
      this.status = {
        ...idle,
        state: r.action === 'resumed' ? 'done' : 'failed',
        message: r.message,
        finishedAt: new Date().toISOString(),
      };
  }

  state(): SourceState {
    const saved = this.d.secrets.get('sourceUrl');
    return {
      current: { kind: this.d.source.kind, label: this.d.source.label, origin: this.d.config.sourceOrigin, error: this.d.source.error },
      saved: saved ? redactUrl(saved) : null,
      editUrl: this.d.source.kind === 'configured' && this.d.source.url ? redactUrl(this.d.source.url) : '',
      switch: { ...this.status },
    };
  }

  /** Tests the target and starts the switch; answers at once (the sync runs on). `url` null = the
   * embedded default. Refused with the failure named when the test fails; nothing is saved then. */
  async begin(url: string | null): Promise<SourceState> {
    if (this.status.state === 'syncing') throw new ContractError('CONFLICT', `a switch to ${this.status.target} is already under way`);
    let target: string;
    let label: string;
    if (url) {
      const test = await testConnection(url);
      if (!test.ok) throw new ContractError('VALIDATION', test.message, { failure: test.failure, field: 'url' });
      target = url;
      label = redactUrl(url);
    } else {
      const pg = await this.d.embedded();
      target = pg.url;
      label = `embedded PostgreSQL on 127.0.0.1:${pg.port}`;
    }
    if (target === this.d.source.url) {
      this.d.secrets.set('sourceUrl', url ?? undefined);
      this.set({ ...idle, state: 'done', target: label, message: `already using ${label}`, finishedAt: new Date().toISOString() });
      return this.state();
    }
    let timescale = false;
    try {
      timescale = (await migrateSource(target)).timescale;
    } catch (err) {
      throw new ContractError('VALIDATION', `${label}: the schema could not be prepared: ${(err as Error).message}`, {
        failure: 'schema',
        field: 'url',
      });
    }
    this.set({
      state: 'syncing',
      target: label,
      message: `syncing ${label} into a new cache; the current one stays in use`,
      jobId: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    });
    void this.run(url, target, label, timescale);
    return this.state();
  }

  private async run(url: string | null, target: string, label: string, timescale: boolean): Promise<void> {
    const cacheFile = this.d.config.cacheFile;
    const files = switchFiles(cacheFile);
    const staging = files.staging;
    const marker = {
      target: sourceId(url),
      from: sourceId(this.d.config.sourceUrl ?? null),
      startedAt: new Date().toISOString(),
      pid: process.pid,
    };
    removeDb(staging);
    writeMarker(files, { ...marker, phase: 'syncing' });
    let host: JobHost | undefined;
    try {
      // the new cache writes as the same desk (its identity is the data folder's, not the cache's)
      const fresh = openCache(staging, { migrate: true });
      try {
        ensureDesk(this.d.config.dataDir, fresh);
      } finally {
        fresh.close();
      }
      const settingsFile = this.d.jobs.workerConfig.settingsFile;
      host = new JobHost({ cacheFile: staging, sourceUrl: target, settingsFile }, workerEntry(), this.d.bus);
      if (!url) await host.run(ensureDemoJob, {}).done;
      const job = host.run(syncJob, { full: true, reconcile: 'never', publish: false });
      this.set({ ...this.status, jobId: job.jobId });
      const result = await job.done;
      const failed = result.tables.filter((t) => t.error);
      if (failed.length) throw new Error(`tables that did not sync: ${failed.map((t) => `${t.table} (${t.error})`).join('; ')}`);
      await host.close();
      host = undefined;
      // the analyst's unpublished rows go with the switch, or the switch does not happen
      const problem = carryProblem(cacheFile, staging);
      if (problem)
        throw new Error(
          `refused: the unpublished rows of the current cache cannot move to the new one (${problem}); they stay where they are`,
        );
      writeMarker(files, { ...marker, phase: 'ready' });
      let carried = 0;
      let keptPrevious: string | null = null;
      await this.d.jobs.restart({ cacheFile, sourceUrl: target, settingsFile }, 'the source was switched', () => {
        // no worker writes the current cache now: every unpublished row is carried
        carried = carryUnpublished(cacheFile, staging).rows;
        keptPrevious = retirePrevious(files);
        moveDb(cacheFile, files.previous);
        moveDb(staging, cacheFile);
        writeMarker(files, { ...marker, phase: 'swapped' });
      });
      Object.assign(this.d.source, { kind: url ? 'configured' : 'embedded', label, url: target, timescale, error: null });
      this.d.config.sourceUrl = url ?? undefined;
      this.d.config.sourceOrigin = url ? 'settings' : 'embedded';
      this.d.scheduler.setDefaultCron('sync', defaultSyncCron(!url));
      this.d.scheduler.sourceUp();
      this.d.onSwitched(result.tables.map((t) => t.table));
      let unsaved = '';
      try {
        this.d.secrets.set('sourceUrl', url ?? undefined);
        fs.rmSync(files.marker, { force: true });
      } catch (err) {
        // the switch is done; only the next start would not know it (and rolls the files back then)
        unsaved = `; it could not be saved (${(err as Error).message}), so the next start uses the previous source`;
      }
      const moved = carried ? `; ${carried} unpublished row${carried === 1 ? '' : 's'} moved to the new cache's outbox` : '';
      const kept = keptPrevious ? `; the earlier previous cache still held unpublished rows: kept as ${path.basename(keptPrevious)}` : '';
      this.set({
        ...this.status,
        state: 'done',
        message: `now using ${label} (${result.upserted} rows synced; the previous cache is kept as ${path.basename(files.previous)})${moved}${kept}${unsaved}`,
        finishedAt: new Date().toISOString(),
      });
      this.d.log(`source switched to ${label}${moved}${kept}`);
    } catch (err) {
      await host?.close();
      removeDb(staging);
      fs.rmSync(files.marker, { force: true });
      const message = `the switch to ${label} failed, the app stays on ${this.d.source.label}: ${(err as Error).message}`;
      this.d.log(message);
      this.set({ ...this.status, state: 'failed', message, finishedAt: new Date().toISOString() });
    }
  }

  private set(s: SwitchStatus): void {
    this.status = s;
    this.d.bus.emit('source.changed', this.state());
  }
}

/** A source as the switch marker names it: its URL with the password hidden, or 'embedded'. */
export function sourceId(url: string | null): string {
  return url ? redactUrl(url) : 'embedded';
}
