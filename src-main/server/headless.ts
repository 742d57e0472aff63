import fs from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../app/config';
import { createHandlers } from '../app/handlers';
import { createServices, type Services } from '../app/services';
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
  /** See ServiceOptions.syncIntervalMs. */
  syncIntervalMs?: number;
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
    syncIntervalMs: opts.syncIntervalMs,
  });
  try {
    const server = await startServer(createHandlers(services, 'http'), services.bus, {
      host: opts.host,
      port: opts.port,
      token: opts.token,
      staticDir: rendererDir(),
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
