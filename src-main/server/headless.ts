import fs from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../app/config';
import { createHandlers } from '../app/handlers';
import { createServices, type ServiceOptions, type Services } from '../app/services';
import { importsDirOf } from '../features/agents/backtest';
import { saveImport } from '../features/imports';
import { projectRoot } from '../platform/paths';
import { startServer, type RunningServer } from './http';

export interface HeadlessOptions {
  host?: string;
  port?: number;
  token?: string;
  source?: string;
  dataDir?: string;
  cacheFile?: string;
  log?: (line: string) => void;
  /** Demo data, start-up sync and schedule (default true). */
  background?: boolean;
  /** false: no cron ticks, only the start-up sync and runs asked for (see ServiceOptions.schedule). */
  schedule?: boolean;
  /** Older name of `schedule: false` (0). */
  syncIntervalMs?: number;
  /** The whole chain once after the first sync (default true; see ServiceOptions.firstRun). */
  firstRun?: boolean;
  /** Telegram client options (tests record the waits instead of waiting). */
  telegram?: ServiceOptions['telegram'];
  /** The notifier's and the scheduler's clock (tests move it instead of waiting). */
  clock?: ServiceOptions['clock'];
}

export interface Headless {
  services: Services;
  server: RunningServer;
  close(): Promise<void>;
}

export function rendererDir(): string | undefined {
  const dir = path.join(projectRoot(), 'out', 'renderer');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

/** The same services as the desktop app, served over HTTP (`npm run serve`, `monps serve`). */
export async function startHeadless(opts: HeadlessOptions = {}): Promise<Headless> {
  const config = resolveConfig({ dataDir: opts.dataDir, cacheFile: opts.cacheFile, sourceFlag: opts.source });
  const services = await createServices(config, {
    log: opts.log,
    transport: 'http',
    background: opts.background ?? true,
    schedule: opts.schedule ?? opts.syncIntervalMs !== 0,
    firstRun: opts.firstRun,
    telegram: opts.telegram,
    clock: opts.clock,
  });
  try {
    const server = await startServer(createHandlers(services, 'http'), services.bus, {
      host: opts.host,
      port: opts.port,
      token: opts.token,
      staticDir: rendererDir(),
      upload: (name, body, o) => saveImport(importsDirOf(config.dataDir), name, body, o),
    });
    return {
      services,
      server,
      async close() {
        await server.close();
        await services.close();
      },
    };
  } catch (err) {
    await services.close();
    throw err;
  }
}
